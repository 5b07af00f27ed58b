"""Where classes and their attributes are written, from the AST of their source files.

Live objects know their module; the AST knows lines. ``Locator`` joins the two, with each
file parsed once and each class body indexed once, and decides which modules are the
project's own code.
"""

from __future__ import annotations

import ast
import sys
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from types import ModuleType

from featuredocs.introspect.parsed import ParsedFile, parsed_file, per_run
from featuredocs.introspect.sources import is_project_path, relative_path
from featuredocs.model import SourceLocation
from featuredocs.model.facts import MethodFact


def class_index(tree: ast.Module) -> dict[str, ast.ClassDef]:
    """Every class of a module by qualified name (``Order``, ``Order.Meta``)."""
    found: dict[str, ast.ClassDef] = {}

    def visit(body: list[ast.stmt], prefix: str) -> None:
        for node in body:
            if isinstance(node, ast.ClassDef):
                qualname = f"{prefix}{node.name}"
                found.setdefault(qualname, node)
                visit(node.body, qualname + ".")
            elif isinstance(node, ast.If | ast.Try | ast.With):
                for block in nested_blocks(node):
                    visit(block, prefix)

    visit(tree.body, "")
    return found


def nested_blocks(node: ast.If | ast.Try | ast.With) -> list[list[ast.stmt]]:
    """The statement lists inside a compound statement that runs at module level."""
    if isinstance(node, ast.If):
        return [node.body, node.orelse]
    if isinstance(node, ast.Try):
        return [node.body, node.orelse, node.finalbody, *(h.body for h in node.handlers)]
    return [node.body]


def assigned_names(statement: ast.stmt) -> list[str]:
    """Names bound by an assignment statement (``a = b = 1``, ``x: int = 1``, ``a, b = …``)."""
    if isinstance(statement, ast.Assign):
        targets: list[ast.expr] = list(statement.targets)
    elif isinstance(statement, ast.AnnAssign | ast.AugAssign):
        targets = [statement.target]
    else:
        return []
    names: list[str] = []
    for target in targets:
        elements = target.elts if isinstance(target, ast.Tuple | ast.List) else [target]
        names.extend(e.id for e in elements if isinstance(e, ast.Name))
    return names


def body_assignment(node: ast.ClassDef, name: str) -> ast.stmt | None:
    """The statement in a class body that assigns ``name``, the last one if several."""
    return body_assignments(node).get(name)


@per_run
def body_assignments(node: ast.ClassDef) -> dict[str, ast.stmt]:
    """Each name a class body assigns or defines, to the last statement that does."""
    found: dict[str, ast.stmt] = {}
    for statement in node.body:
        if isinstance(statement, ast.Assign | ast.AnnAssign):
            for name in assigned_names(statement):
                found[name] = statement
        elif isinstance(statement, ast.FunctionDef | ast.AsyncFunctionDef | ast.ClassDef):
            found[statement.name] = statement
    return found


@dataclass
class ParsedModule:
    path: Path
    file: ParsedFile
    classes: dict[str, ast.ClassDef]

    @property
    def tree(self) -> ast.Module:
        return self.file.tree

    def segment(self, node: ast.AST) -> str:
        return self.file.segment(node)


@dataclass
class Locator:
    """Source locations of live classes, relative to the project root."""

    root: Path
    _parsed: dict[Path, ParsedModule | None] = field(default_factory=dict)
    _project_modules: dict[str, bool] = field(default_factory=dict)
    _modules: dict[str, ParsedModule | None] = field(default_factory=dict)
    _outside: dict[str, bool] = field(default_factory=dict)
    _mro_bodies: dict[tuple[type, ...], list[tuple[Path | None, dict[str, ast.stmt]]]] = field(
        default_factory=dict
    )

    def module_file(self, module_name: str) -> Path | None:
        module = sys.modules.get(module_name)
        filename = getattr(module, "__file__", None) if isinstance(module, ModuleType) else None
        return Path(filename) if filename else None

    def is_project_module(self, module_name: str) -> bool:
        if module_name not in self._project_modules:
            path = self.module_file(module_name)
            self._project_modules[module_name] = is_project_path(path, self.root)
        return self._project_modules[module_name]

    def is_project_class(self, cls: type) -> bool:
        return self.is_project_module(getattr(cls, "__module__", "") or "")

    def relative(self, path: Path | str | None) -> str | None:
        return relative_path(path, self.root) if path else None

    def parsed(self, path: Path | None) -> ParsedModule | None:
        if path is None:
            return None
        if path not in self._parsed:
            found = parsed_file(path)
            self._parsed[path] = ParsedModule(path, found, class_index(found.tree)) if found else None
        return self._parsed[path]

    def class_node(self, cls: type) -> tuple[ParsedModule, ast.ClassDef] | None:
        module = cls.__module__
        try:
            parsed = self._modules[module]
        except KeyError:
            parsed = self._modules[module] = self.parsed(self.module_file(module))
        if parsed is None:
            return None
        node = parsed.classes.get(cls.__qualname__)
        return (parsed, node) if node is not None else None

    def at(self, path: Path, line: int) -> SourceLocation | None:
        rel = self.relative(path)
        return SourceLocation(rel, line) if rel is not None and line else None

    def class_body(self, cls: type) -> tuple[str, ast.ClassDef] | None:
        """The class's definition and its file's path under the root; None for a class
        that is not the project's own (Django's, a package's, even in an environment under
        the root) or whose source cannot be found."""
        if not self.is_project_class(cls):
            return None
        found = self.class_node(cls)
        rel = self.relative(found[0].path) if found is not None else None
        return (rel, found[1]) if found is not None and rel is not None else None

    def _outside_root(self, cls: type) -> bool:
        """A class whose module file lies outside the root: it has no location to give, so
        its file (Django's, a package's) need not be parsed."""
        module = cls.__module__
        if module not in self._outside:
            path = self.module_file(module)
            self._outside[module] = path is not None and self.relative(path) is None
        return self._outside[module]

    def class_location(self, cls: type) -> SourceLocation | None:
        if self._outside_root(cls):
            return None
        found = self.class_node(cls)
        if found is not None:
            return self.at(found[0].path, found[1].lineno)
        return self._inspect_location(cls)

    def _inspect_location(self, cls: type) -> SourceLocation | None:
        import inspect

        try:
            path = inspect.getsourcefile(cls)
            _, line = inspect.getsourcelines(cls)
        except (OSError, TypeError):
            return None
        return self.at(Path(path), line) if path else None

    def attribute_location(self, classes: list[type], name: str) -> SourceLocation | None:
        """Where the first of ``classes`` (an MRO) that assigns ``name`` in its body does."""
        for path, assignments in self._bodies(tuple(classes)):
            if path is None:
                return None  # whichever of the rest assigns it, the place is outside the root
            statement = assignments.get(name)
            if statement is not None:
                return self.at(path, statement.lineno)
        return None

    def _bodies(self, classes: tuple[type, ...]) -> list[tuple[Path | None, dict[str, ast.stmt]]]:
        """The file and body assignments of each class found, once per MRO; a last entry
        without a path where only classes outside the root remain."""
        if classes not in self._mro_bodies:
            bodies: list[tuple[Path | None, dict[str, ast.stmt]]] = []
            for position, cls in enumerate(classes):
                if all(self._outside_root(c) for c in classes[position:]):
                    bodies.append((None, {}))
                    break
                found = self.class_node(cls)
                if found is not None:
                    bodies.append((found[0].path, body_assignments(found[1])))
            self._mro_bodies[classes] = bodies
        return self._mro_bodies[classes]


def method_facts(bodies: Iterable[tuple[str, ast.ClassDef]]) -> tuple[MethodFact, ...]:
    """The public functions (methods, properties) of class definitions given in MRO order
    with their file's path, each at the ``def`` line of the class nearest the start, as
    Python looks them up; sorted by name."""
    found: dict[str, MethodFact] = {}
    for rel, node in bodies:
        for statement in node.body:
            if isinstance(statement, ast.FunctionDef | ast.AsyncFunctionDef) and not statement.name.startswith("_"):
                found.setdefault(statement.name, MethodFact(statement.name, SourceLocation(rel, statement.lineno)))
    return tuple(found[name] for name in sorted(found))
