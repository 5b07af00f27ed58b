"""The project's own source code: which files it is, their dotted module names, their ASTs.

"Own code" is every ``.py`` file under the project root that is not inside a virtualenv,
``site-packages``, ``node_modules``, a VCS folder or a ``migrations`` package. Nothing here
imports Django, so the static mode can read the same tree.
"""

from __future__ import annotations

import ast
import functools
import os
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from featuredocs.introspect.imports import imported_names
from featuredocs.introspect.parsed import (
    MAX_SOURCE_BYTES,
    parsed_file,
    per_run,
    source_lines,
    source_segment,
)
from featuredocs.model import SourceLocation

__all__ = [
    "MAX_SOURCE_BYTES", "ProjectSources", "SourceFile", "import_roots_for", "is_project_path",
    "is_skipped_name", "iter_project_files", "load_project_sources", "location", "module_name_for", "parse_source",
    "relative_path", "source_lines", "source_segment",
]

#: Folders never scanned: tools, environments and generated code, not the project's own.
SKIPPED_DIRS = frozenset({
    ".venv", "venv", "node_modules", ".git", "migrations", "__pycache__", "site-packages",
    ".tox", ".nox", ".mypy_cache", ".pytest_cache", ".ruff_cache", ".hg", ".svn",
})


def is_skipped_dir(path: Path) -> bool:
    return is_skipped_name(path.name) or _is_virtualenv(os.fspath(path))


def is_skipped_name(name: str) -> bool:
    """Whether a folder of this name is never the project's own code, whatever it holds."""
    return name in SKIPPED_DIRS or name.startswith(".") or name.endswith(".egg-info")


@per_run
def _is_virtualenv(folder: str) -> bool:
    """A virtualenv under any name."""
    return os.path.exists(os.path.join(folder, "pyvenv.cfg"))


def iter_project_files(root: Path) -> Iterator[Path]:
    """Every ``.py`` file of the project's own code under ``root``, in a stable order."""
    for current, dirs, files in os.walk(root):
        here = Path(current)
        dirs[:] = sorted(d for d in dirs if not is_skipped_dir(here / d))
        for name in sorted(files):
            if name.endswith(".py"):
                yield here / name


@per_run
def resolved(path: str) -> Path:
    """``Path(path).resolve()``, once per run for each path: a name that is no symlink
    resolves to its folder's resolved path and that name, and each folder is resolved once."""
    folder, name = os.path.split(path)
    if folder != path and name not in ("", ".", "..") and os.path.isabs(path):
        if not os.path.islink(path):
            return resolved(folder) / name
    return Path(path).resolve()


def relative_path(path: Path | str, root: Path) -> str | None:
    """``path`` relative to ``root`` in POSIX form, or None when it lies outside."""
    return _relative_path(os.fspath(path), os.fspath(root))


@per_run
def _relative_path(path: str, root: str) -> str | None:
    try:
        return resolved(path).relative_to(resolved(root)).as_posix()
    except (ValueError, OSError):
        return None


def is_project_path(path: Path | str | None, root: Path) -> bool:
    """True for a file of the project's own code (under root, not in an environment)."""
    if not path:
        return False
    return _is_project_path(os.fspath(path), os.fspath(root))


@per_run
def _is_project_path(path: str, root: str) -> bool:
    rel = _relative_path(path, root)
    if rel is None:
        return False
    current = resolved(root)
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
    path_resolved = resolved(os.fspath(path))
    best: Path | None = None
    for base in import_roots:
        base = resolved(os.fspath(base))
        if path_resolved.is_relative_to(base) and (best is None or len(base.parts) > len(best.parts)):
            best = base
    parts = list(path_resolved.relative_to(best).with_suffix("").parts) if best else [path_resolved.stem]
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
class SourceFile:  # not slotted: ``lines`` is cached on the instance
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
        return source_segment(self.lines, node) or ast.unparse(node)

    @functools.cached_property
    def lines(self) -> list[str]:
        return source_lines(self.text)

    @functools.cached_property
    def names(self) -> dict[str, str]:
        """What the module's imports bind: local name → dotted name (never to be changed)."""
        return imported_names(self.tree, self.module, self.is_package)


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
    parsed = parsed_file(path)
    return (parsed.tree, parsed.text) if parsed is not None else None


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
