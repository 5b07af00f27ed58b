"""Dotted names defined in the project's own code, for checking dotted paths in pages.

``billing.tasks.send_reminders`` (a function), ``billing.models.Reminder.mark_sent`` (a
method of a top-level class); ``modules`` holds ``billing`` and ``billing.tasks``. Names a
module imports are included: ``billing.send_reminders`` resolves when ``billing/__init__.py``
re-exports it, also through ``from .order import *`` (what a star import takes is the
source module's ``__all__`` when it has one, else its public names, followed through
chains and cycles of star imports between the project's own modules). No Django here.
"""

from __future__ import annotations

import ast
from collections.abc import Iterator
from dataclasses import dataclass

from featuredocs.introspect.locate import assigned_names, nested_blocks
from featuredocs.introspect.sources import ProjectSources, SourceFile


def collect_symbols(sources: ProjectSources) -> tuple[frozenset[str], frozenset[str]]:
    symbols: set[str] = set()
    modules: set[str] = set()
    defined: dict[str, list[tuple[str, ast.stmt]]] = {}
    for source in sources.files:
        if not source.module:
            continue
        parts = source.module.split(".")
        modules.update(".".join(parts[: i + 1]) for i in range(len(parts)))
        top = defined[source.module] = _top_level(source.tree.body)
        prefix = source.module + "."
        for name, node in top:
            symbols.add(prefix + name)
            if type(node) is ast.ClassDef:
                symbols.update([f"{prefix}{name}.{member}" for member in _members(node)])
    for module, names in _star_imported(sources, defined).items():
        symbols.update(f"{module}.{name}" for name in names)
    return frozenset(symbols), frozenset(modules)


@dataclass(frozen=True)
class _Module:
    """What a module defines itself, and what its star imports and ``__all__`` say."""

    own: frozenset[str]
    stars: tuple[str, ...]  # the project's modules it star-imports
    declared: frozenset[str] | None  # ``__all__``, None when absent or not readable


def _star_imported(
    sources: ProjectSources, defined: dict[str, list[tuple[str, ast.stmt]]]
) -> dict[str, set[str]]:
    """The names each module gets from its star imports of the project's own modules.

    Grown to a fixed point, so chains (``a`` from ``b`` from ``c``) and cycles settle:
    a name only ever joins a set, and the sets are bounded by the names that exist.
    """
    read = {s.module: _read_module(s, sources, defined[s.module]) for s in sources.files if s.module}
    starring = {module: found for module, found in read.items() if found.stars}
    taken: dict[str, set[str]] = {module: set() for module in starring}
    changed = True
    while changed:
        changed = False
        for module, found in starring.items():
            for source in found.stars:
                new = _exports(read[source], taken.get(source, set())) - taken[module]
                if new:
                    taken[module] |= new
                    changed = True
    return taken


def _exports(module: _Module, taken: set[str]) -> frozenset[str]:
    """What ``from module import *`` gives: ``__all__``, else the public names."""
    if module.declared is not None:
        return module.declared
    return frozenset(name for name in module.own | taken if not name.startswith("_"))


def _read_module(source: SourceFile, sources: ProjectSources, top: list[tuple[str, ast.stmt]]) -> _Module:
    body = source.tree.body
    own = frozenset(name for name, _ in top)
    stars = tuple(
        module for module in _star_sources(body, source)
        if module != source.module and sources.by_module(module) is not None
    )
    return _Module(own, stars, _declared_all(body))


def _star_sources(body: list[ast.stmt], source: SourceFile) -> Iterator[str]:
    for statement in body:
        if isinstance(statement, ast.ImportFrom) and any(a.name == "*" for a in statement.names):
            module = _absolute(statement, source)
            if module:
                yield module
        elif isinstance(statement, ast.If | ast.Try | ast.With):
            for block in nested_blocks(statement):
                yield from _star_sources(block, source)


def _absolute(node: ast.ImportFrom, source: SourceFile) -> str | None:
    """``from .order import *`` in ``orders/models/__init__.py`` is ``orders.models.order``."""
    if not node.level:
        return node.module
    package = source.module.split(".")
    if not source.is_package:
        package = package[:-1]
    if node.level - 1 > len(package):
        return None
    base = package[: len(package) - (node.level - 1)]
    return ".".join([*base, node.module] if node.module else base) or None


def _declared_all(body: list[ast.stmt]) -> frozenset[str] | None:
    """``__all__ = [...]``, ``__all__ += [...]``, ``__all__.extend([...])``: None when a
    module has none, or builds it in a way that cannot be read without running it."""
    names: set[str] = set()
    found = False
    for statement in body:
        value = _all_value(statement)
        if value is None:
            continue
        found = True
        strings = _strings(value)
        if strings is None:
            return None  # computed: any of its names might be in it
        names.update(strings)
    return frozenset(names) if found else None


def _all_value(statement: ast.stmt) -> ast.expr | None:
    if isinstance(statement, ast.Assign | ast.AugAssign | ast.AnnAssign):
        targets = statement.targets if isinstance(statement, ast.Assign) else [statement.target]
        if any(isinstance(t, ast.Name) and t.id == "__all__" for t in targets):
            return statement.value
    elif isinstance(statement, ast.Expr) and isinstance(statement.value, ast.Call):
        func = statement.value.func
        if (
            isinstance(func, ast.Attribute) and func.attr in {"extend", "append"}
            and isinstance(func.value, ast.Name) and func.value.id == "__all__"
        ):
            args = statement.value.args
            return args[0] if func.attr == "extend" and args else ast.List(args)
    return None


def _strings(value: ast.expr | None) -> list[str] | None:
    if not isinstance(value, ast.List | ast.Tuple | ast.Set):
        return None
    strings = [e.value for e in value.elts if isinstance(e, ast.Constant)]
    if len(strings) != len(value.elts) or not all(isinstance(s, str) for s in strings):
        return None
    return strings


_DEFINITIONS = frozenset({ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef})
_ASSIGNMENTS = frozenset({ast.Assign, ast.AnnAssign, ast.AugAssign})
_BLOCKS = frozenset({ast.If, ast.Try, ast.With})


def _top_level(body: list[ast.stmt]) -> list[tuple[str, ast.stmt]]:
    found: list[tuple[str, ast.stmt]] = []
    for statement in body:
        kind = type(statement)
        if kind in _DEFINITIONS:
            found.append((statement.name, statement))  # type: ignore[attr-defined]
        elif kind in _ASSIGNMENTS:
            found.extend((name, statement) for name in _assigned(statement))
        elif kind is ast.Import:
            found.extend(((a.asname or a.name.split(".")[0]), statement) for a in statement.names)  # type: ignore[attr-defined]
        elif kind is ast.ImportFrom:
            found.extend((a.asname or a.name, statement) for a in statement.names if a.name != "*")  # type: ignore[attr-defined]
        elif kind in _BLOCKS:
            for block in nested_blocks(statement):  # type: ignore[arg-type]
                found.extend(_top_level(block))
    return found


def _members(node: ast.ClassDef) -> list[str]:
    members = []
    for statement in node.body:
        kind = type(statement)
        if kind in _DEFINITIONS:
            members.append(statement.name)  # type: ignore[attr-defined]
        elif kind is ast.Assign or kind is ast.AnnAssign:
            members.extend(_assigned(statement))
    return members


def _assigned(statement: ast.stmt) -> list[str]:
    """:func:`assigned_names`, the common ``name = value`` read directly."""
    if type(statement) is ast.Assign and len(targets := statement.targets) == 1 and type(targets[0]) is ast.Name:  # type: ignore[attr-defined]
        return [targets[0].id]  # type: ignore[attr-defined]
    return assigned_names(statement)
