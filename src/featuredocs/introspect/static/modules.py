"""Every module static mode reads: the project's own files and, on demand, installed ones.

Installed packages (Django's contrib apps, third-party apps) are found on the Python path
and parsed, never imported: ``importlib.util.find_spec`` of a top-level name only looks for
it, and the rest of a dotted name is followed folder by folder. Names are followed across
modules through their imports (``orders.models.Order`` is ``orders.models.order.Order``
when ``orders/models/__init__.py`` re-exports it), star imports included.
"""

from __future__ import annotations

import ast
import functools
import importlib.util
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from featuredocs.introspect.imports import imported_names, resolve_relative
from featuredocs.introspect.locate import assigned_names, nested_blocks
from featuredocs.introspect.sources import ProjectSources, parse_source, source_lines, source_segment

#: Packages whose names are matched by what they are called, never followed into their
#: source: featuredocs knows their classes by name (``CharField``, ``ListAPIView``).
OPAQUE_PACKAGES = (
    "django.apps", "django.db", "django.core", "django.urls", "django.views", "django.http", "django.conf",
    "django.utils", "django.forms", "django.template", "rest_framework", "ninja",
    "django_filters", "django.contrib.postgres.fields",
)
#: Parts of opaque packages that are read all the same: management commands are parsed to
#: list their options, and their base classes (``BaseCommand``, ``LabelCommand``) with them.
READ_ANYWAY = ("django.core.management",)
_COMMANDS_PACKAGE = ".management.commands"
_MAX_DEPTH = 12


@dataclass(frozen=True)
class Module:  # not slotted: ``lines`` is cached on the instance
    """One parsed module; ``rel`` is its path under the project root for the project's own."""

    name: str
    path: Path
    tree: ast.Module
    text: str
    is_package: bool
    rel: str | None

    @property
    def project(self) -> bool:
        return self.rel is not None

    def segment(self, node: ast.AST) -> str:
        """The source text of ``node``, as written."""
        segment = source_segment(self.lines, node)
        return segment if segment is not None else ast.unparse(node)

    @functools.cached_property
    def lines(self) -> list[str]:
        return source_lines(self.text)


@functools.lru_cache(maxsize=65536)
def is_opaque(dotted: str) -> bool:
    if any(dotted == p or dotted.startswith(p + ".") for p in READ_ANYWAY):
        return False
    if _COMMANDS_PACKAGE + "." in dotted or dotted.endswith(_COMMANDS_PACKAGE):
        return False
    if dotted.partition(".")[0] in sys.stdlib_module_names:
        return True  # the standard library defines no models, views or commands
    return any(dotted == p or dotted.startswith(p + ".") for p in OPAQUE_PACKAGES)


def normalise_opaque(dotted: str) -> str:
    """``django.db.models.fields.related.ForeignKey`` → ``django.db.models.ForeignKey``."""
    if dotted.startswith("django.db.models."):
        return "django.db.models." + dotted.rpartition(".")[2]
    return dotted


class ModuleIndex:
    """Modules by dotted name, and what a dotted name refers to."""

    def __init__(self, sources: ProjectSources) -> None:
        self.sources = sources
        self._library: dict[str, Module | None] = {}
        self._project: dict[str, Module] = {}
        for source in sources.files:
            known = self._project.get(source.module)
            # ``x/`` and ``x.py`` side by side: Python imports the package
            if source.module and (known is None or (source.is_package and not known.is_package)):
                self._project[source.module] = Module(
                    source.module, source.path, source.tree, source.text,
                    source.is_package, source.rel,
                )
        self._project_tops = {name.split(".")[0] for name in self._project}
        self._imports: dict[str, dict[str, str]] = {}
        self._defs: dict[str, dict[str, ast.AST]] = {}
        self._stars: dict[str, list[Module]] = {}
        self._canonical: dict[str, str] = {}
        self.namespaces: dict[str, object] = {}  # see namespace.namespace_of

    # --- modules -------------------------------------------------------------------------

    def get(self, name: str) -> Module | None:
        if name in self._project:
            return self._project[name]
        if is_opaque(name) or name.split(".")[0] in self._project_tops:
            return None  # a package of the project's own is never looked for elsewhere
        if name not in self._library:
            self._library[name] = _load_library_module(name)
        return self._library[name]

    def load(self, name: str) -> Module | None:
        """A module by name even inside an opaque package (a URLconf such as
        ``rest_framework.urls`` is read, though names are never followed into it)."""
        module = self.get(name)
        if module is not None or name.split(".")[0] in self._project_tops:
            return module
        key = "load:" + name
        if key not in self._library:
            self._library[key] = _load_library_module(name)
        return self._library[key]

    def is_project(self, name: str) -> bool:
        return name in self._project

    def project_modules(self) -> Iterator[Module]:
        yield from self._project.values()

    def package_dir(self, name: str) -> Path | None:
        """The folder of a package, the project's own or an installed one."""
        module = self.get(name)
        if module is not None:
            return module.path.parent if module.is_package else None
        return locate_package_dir(name)

    def submodules(self, package: str) -> list[Module]:
        """``package`` and every module below it (a ``models/`` package and its files)."""
        if package in self._project:
            prefix = package + "."
            return [m for n, m in self._project.items() if n == package or n.startswith(prefix)]
        module = self.get(package)
        if module is None:
            return []
        found = [module]
        if module.is_package:
            for path in sorted(module.path.parent.glob("*.py")):
                if path.name != "__init__.py":
                    child = self.get(f"{package}.{path.stem}")
                    if child is not None:
                        found.append(child)
        return found

    # --- names ---------------------------------------------------------------------------

    def imports(self, module: Module) -> dict[str, str]:
        if module.name not in self._imports:
            self._imports[module.name] = imported_names(module.tree, module.name, module.is_package)
        return self._imports[module.name]

    def definitions(self, module: Module) -> dict[str, ast.AST]:
        """Top-level names: the class or function, or the last value assigned."""
        if module.name not in self._defs:
            found: dict[str, ast.AST] = {}
            _collect_definitions(module.tree.body, found)
            self._defs[module.name] = found
        return self._defs[module.name]

    def qualify(self, module: Module, node: ast.AST) -> str | None:
        """The dotted name a ``Name``/``Attribute`` expression means in ``module``."""
        if isinstance(node, ast.Name):
            if node.id in self.definitions(module):
                return f"{module.name}.{node.id}"
            imported = self.imports(module).get(node.id)
            if imported is not None:
                return imported
            return self._star_name(module, node.id) or node.id
        if isinstance(node, ast.Attribute):
            base = self.qualify(module, node.value)
            return f"{base}.{node.attr}" if base else None
        return None

    def canonical(self, dotted: str) -> str:
        """Where a dotted name is defined, following re-exports; opaque names normalised."""
        if dotted not in self._canonical:
            self._canonical[dotted] = self._follow(dotted)
        return self._canonical[dotted]

    def _follow(self, dotted: str) -> str:
        for _ in range(_MAX_DEPTH):
            if is_opaque(dotted):
                return normalise_opaque(dotted)
            split = self._split(dotted)
            if split is None:
                return dotted
            module, rest = split
            if not rest:
                return dotted
            head, tail = rest[0], rest[1:]
            if head in self.definitions(module):
                return dotted
            imported = self.imports(module).get(head) or self._star_name(module, head)
            if imported is None or imported == f"{module.name}.{head}":
                return dotted
            dotted = ".".join([imported, *tail])
        return dotted

    def definition(self, dotted: str) -> tuple[Module, ast.AST] | None:
        """The defining node of a canonical top-level name, with its module."""
        module_name, _, attr = self.canonical(dotted).rpartition(".")
        module = self.get(module_name) if module_name else None
        if module is None:
            return None
        node = self.definitions(module).get(attr)
        return (module, node) if node is not None else None

    def _split(self, dotted: str) -> tuple[Module, list[str]] | None:
        parts = dotted.split(".")
        for cut in range(len(parts), 0, -1):
            module = self.get(".".join(parts[:cut]))
            if module is not None:
                return module, parts[cut:]
        return None

    def _star_sources(self, module: Module) -> list[Module]:
        """Modules ``module`` star-imports (``from .base import *``), in order."""
        if module.name not in self._stars:
            found = []
            for statement in ast.walk(module.tree):
                if isinstance(statement, ast.ImportFrom) and any(a.name == "*" for a in statement.names):
                    target = resolve_relative(module.name, module.is_package, statement.level,
                                              statement.module)
                    source = self.get(target) if target else None
                    if source is not None:
                        found.append(source)
            self._stars[module.name] = found
        return self._stars[module.name]

    def _star_name(self, module: Module, name: str, depth: int = 0) -> str | None:
        """``name`` as a star import of ``module`` provides it, if one does."""
        if depth > 4:
            return None
        for source in self._star_sources(module):
            if name in self.definitions(source):
                return f"{source.name}.{name}"
            imported = self.imports(source).get(name) or self._star_name(source, name, depth + 1)
            if imported is not None:
                return imported
        return None


def _collect_definitions(body: list[ast.stmt], found: dict[str, ast.AST]) -> None:
    for statement in body:
        if isinstance(statement, ast.FunctionDef | ast.AsyncFunctionDef | ast.ClassDef):
            found[statement.name] = statement
        elif isinstance(statement, ast.Assign | ast.AnnAssign) and statement.value is not None:
            for name in assigned_names(statement):
                found[name] = statement.value
        elif isinstance(statement, ast.If | ast.Try | ast.With):
            for block in nested_blocks(statement):
                _collect_definitions(block, found)


# --- installed packages, found without importing them -------------------------------------


def _top_level_dirs(name: str) -> list[Path]:
    try:
        spec = importlib.util.find_spec(name)  # a top-level name: nothing is imported
    except (ImportError, ValueError, AttributeError):
        return []
    if spec is None:
        return []
    if spec.submodule_search_locations:
        return [Path(p) for p in spec.submodule_search_locations]
    return []


def _top_level_file(name: str) -> Path | None:
    try:
        spec = importlib.util.find_spec(name)
    except (ImportError, ValueError, AttributeError):
        return None
    origin = getattr(spec, "origin", None) if spec else None
    return Path(origin) if origin and origin.endswith(".py") else None


def locate_package_dir(name: str) -> Path | None:
    """The folder of an installed package (``django.contrib.auth``), or None."""
    parts = name.split(".")
    for folder in _top_level_dirs(parts[0]):
        current = folder
        for part in parts[1:]:
            current = current / part
        if current.is_dir():
            return current
    return None


def locate_module_file(name: str) -> tuple[Path, bool] | None:
    """The source file of an installed module and whether it is a package."""
    parts = name.split(".")
    if len(parts) == 1:
        path = _top_level_file(name)
        return (path, path.name == "__init__.py") if path else None
    parent = locate_package_dir(".".join(parts[:-1]))
    if parent is None:
        return None
    candidates = ((parent / f"{parts[-1]}.py", False), (parent / parts[-1] / "__init__.py", True))
    for path, package in candidates:
        if path.is_file():
            return path, package
    return None


def _load_library_module(name: str) -> Module | None:
    located = locate_module_file(name)
    if located is None:
        return None
    path, package = located
    parsed = parse_source(path)
    if parsed is None:
        return None
    return Module(name, path, parsed[0], parsed[1], package, None)
