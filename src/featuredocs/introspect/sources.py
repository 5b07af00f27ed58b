"""The project's own source code: which files it is, their dotted module names, their ASTs.

"Own code" is every ``.py`` file under the project root that is not inside a virtualenv,
``site-packages``, ``node_modules``, a VCS folder or a ``migrations`` package. Nothing here
imports Django, so the static mode can read the same tree.
"""

from __future__ import annotations

import ast
import os
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from featuredocs.model import SourceLocation

#: Folders never scanned: tools, environments and generated code, not the project's own.
SKIPPED_DIRS = frozenset({
    ".venv", "venv", "node_modules", ".git", "migrations", "__pycache__", "site-packages",
    ".tox", ".nox", ".mypy_cache", ".pytest_cache", ".ruff_cache", ".hg", ".svn",
})

#: A source file larger than this is generated or vendored, not hand-written project code.
MAX_SOURCE_BYTES = 2_000_000


def is_skipped_dir(path: Path) -> bool:
    name = path.name
    if name in SKIPPED_DIRS or name.startswith(".") or name.endswith(".egg-info"):
        return True
    return (path / "pyvenv.cfg").exists()  # a virtualenv under any name


def iter_project_files(root: Path) -> Iterator[Path]:
    """Every ``.py`` file of the project's own code under ``root``, in a stable order."""
    for current, dirs, files in os.walk(root):
        here = Path(current)
        dirs[:] = sorted(d for d in dirs if not is_skipped_dir(here / d))
        for name in sorted(files):
            if name.endswith(".py"):
                yield here / name


def relative_path(path: Path | str, root: Path) -> str | None:
    """``path`` relative to ``root`` in POSIX form, or None when it lies outside."""
    try:
        resolved = Path(path).resolve()
        return resolved.relative_to(root.resolve()).as_posix()
    except (ValueError, OSError):
        return None


def is_project_path(path: Path | str | None, root: Path) -> bool:
    """True for a file of the project's own code (under root, not in an environment)."""
    if not path:
        return False
    rel = relative_path(path, root)
    if rel is None:
        return False
    current = root.resolve()
    for part in Path(rel).parts[:-1]:
        current = current / part
        if is_skipped_dir(current):
            return False
    return True


def location(path: Path | str | None, line: int | None, root: Path) -> SourceLocation | None:
    if not path or not line:
        return None
    rel = relative_path(path, root)
    return SourceLocation(rel, line) if rel is not None else None


def module_name_for(path: Path, import_roots: Sequence[Path]) -> str:
    """Dotted module name of ``path`` relative to the deepest import root containing it."""
    resolved = path.resolve()
    best: Path | None = None
    for base in import_roots:
        base = base.resolve()
        if resolved.is_relative_to(base) and (best is None or len(base.parts) > len(best.parts)):
            best = base
    parts = list(resolved.relative_to(best).with_suffix("").parts) if best else [resolved.stem]
    if parts and parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def import_roots_for(root: Path, search_path: Iterable[str] = ()) -> list[Path]:
    """The folders under ``root`` that modules are imported from: root and sys.path entries."""
    roots = [root.resolve()]
    for entry in search_path:
        if not entry:
            continue
        candidate = Path(entry).resolve()
        if candidate in roots or (candidate / "__init__.py").exists():
            continue  # a package folder (say, the working directory) is no import root
        if is_project_path(candidate / "x.py", root):
            roots.append(candidate)
    src = root.resolve() / "src"
    if src.is_dir() and not (src / "__init__.py").exists() and src not in roots:
        roots.append(src)
    return roots


@dataclass(frozen=True)
class SourceFile:
    """One parsed file of the project's own code."""

    path: Path
    rel: str
    module: str
    tree: ast.Module
    text: str

    @property
    def is_package(self) -> bool:
        return self.path.name == "__init__.py"

    def segment(self, node: ast.AST) -> str:
        return ast.get_source_segment(self.text, node) or ast.unparse(node)


@dataclass
class ProjectSources:
    """All parsed files of the project's own code, by module name and by path."""

    root: Path
    files: list[SourceFile] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    _index: dict[str, SourceFile] = field(default_factory=dict, repr=False)

    def by_module(self, module: str) -> SourceFile | None:
        if len(self._index) != len(self.files):
            self._index = {f.module: f for f in self.files}
        return self._index.get(module)


def parse_source(path: Path) -> tuple[ast.Module, str] | None:
    """The AST and text of one file, or None when it cannot be read or parsed."""
    try:
        if path.stat().st_size > MAX_SOURCE_BYTES:
            return None
        text = path.read_text(encoding="utf-8")
        return ast.parse(text, filename=str(path)), text
    except (OSError, UnicodeDecodeError, SyntaxError, ValueError):
        return None


def load_project_sources(root: Path, search_path: Iterable[str] = ()) -> ProjectSources:
    """Parse every file of the project's own code; unreadable files become warnings."""
    roots = import_roots_for(root, search_path)
    sources = ProjectSources(root)
    for path in iter_project_files(root):
        rel = relative_path(path, root) or path.name
        parsed = parse_source(path)
        if parsed is None:
            sources.warnings.append(f"{rel}: cannot be read or parsed as Python; skipped")
            continue
        tree, text = parsed
        sources.files.append(SourceFile(path, rel, module_name_for(path, roots), tree, text))
    return sources
