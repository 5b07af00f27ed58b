"""Where the names in a page's Python examples are bound, and where they are used.

Each binding and each use of a name gets its place (block, line, column) and the
statement bodies around it (``if`` branches, loop bodies, functions, classes,
comprehensions), so that :mod:`~featuredocs.rules.fd8_orm.inference` can tell which
binding is in force at a use: the last one before it in its block, unless that one sits
in a branch the use is not in. A tree is walked once, whichever pages share it.
"""

from __future__ import annotations

import ast
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import lru_cache

from featuredocs.rules.fd3_models.code_models import looks_like_model
from featuredocs.rules.fd3_models.pycode import PythonBlock
from featuredocs.rules.fd8_orm.sites import (
    UNKNOWN,
    Annotation,
    ClassName,
    Element,
    First,
    Import,
    Self,
)
from featuredocs.rules.pyblocks import child_nodes

#: block index, line and column in the block: the order in which a reader runs the examples
Place = tuple[int, int, int]
#: line and column in one tree, before the page numbers its blocks
Position = tuple[int, int]

#: Kinds of statement bodies. A ``branch`` may not run, a ``loop`` may run again, a
#: ``scope`` (function, class, comprehension) keeps its names to itself.
BRANCH, LOOP, SCOPE = "branch", "loop", "scope"


@dataclass(frozen=True, slots=True)
class Body:
    """One statement list (or comprehension) inside the page's program."""

    owner: int  # id() of the node that holds it
    part: str  # "body", "orelse", "handler", …
    kind: str


Path = tuple[Body, ...]


@dataclass(frozen=True, slots=True)
class Binding:
    name: str
    source: object  # an expression, or one of the markers in fd8_orm.sites
    place: Place
    path: Path


@dataclass(frozen=True, slots=True)
class Use:
    place: Place
    path: Path


_ASSIGNMENTS = frozenset({ast.Assign, ast.AnnAssign, ast.AugAssign})
#: Statements that bind names or hold statement bodies (ast node types have no subclasses).
_BINDING_STATEMENTS = _ASSIGNMENTS | {
    ast.For, ast.AsyncFor, ast.While, ast.If, ast.With, ast.AsyncWith, ast.Try, ast.TryStar,
    ast.Match, ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef, ast.Delete, ast.Import,
    ast.ImportFrom,
}
#: Expressions that bind a name or open a scope of their own.
_SCOPED_EXPRESSIONS = frozenset({
    ast.NamedExpr, ast.Lambda, ast.ListComp, ast.SetComp, ast.GeneratorExp, ast.DictComp,
})
_NO_LOOPS: frozenset[Body] = frozenset()


@dataclass(frozen=True, slots=True)
class _Fragment:
    """One tree's bindings and name uses, placed within the tree."""

    bindings: tuple[tuple[str, object, Position, Path], ...]
    uses: dict[int, tuple[Position, Path]]  # id() of an ast.Name


@dataclass
class Program:
    """Every binding of the page's examples by name, and every name use by node."""

    bindings: dict[str, list[Binding]] = field(default_factory=dict)
    _uses: list[tuple[int, dict[int, tuple[Position, Path]]]] = field(default_factory=list)
    #: by id() of an ast.Name, where in ``_uses`` its use is: one look-up, not one per tree
    _owner: dict[int, int] = field(default_factory=dict)

    def use_of(self, node: ast.Name) -> Use | None:
        """Where a name is used, when it is a use in one of the page's blocks."""
        owner = self._owner.get(id(node))
        if owner is None:
            return None
        block, uses = self._uses[owner]
        position, path = uses[id(node)]
        return Use((block, *position), path)

    def binding_is_visible(self, binding: Binding, use: Use) -> bool:
        """A function's, class's or comprehension's names are not seen outside it."""
        if not binding.path:  # bound at the top of its block
            return True
        return all(body in use.path for body in binding.path if body.kind == SCOPE)


def collect(blocks: tuple[PythonBlock, ...]) -> Program:
    program = Program()
    for index, block in enumerate(blocks):
        for tree in block.trees:
            fragment = _fragment(tree)
            for name, source, (line, column), path in fragment.bindings:
                binding = Binding(name, source, (index, line, column), path)
                program.bindings.setdefault(name, []).append(binding)
            program._uses.append((index, fragment.uses))
    for found in program.bindings.values():
        found.sort(key=lambda binding: binding.place)
    owner = program._owner
    for position in range(len(program._uses) - 1, -1, -1):  # the first tree holding a node wins
        owner.update(dict.fromkeys(program._uses[position][1], position))
    return program


@lru_cache(maxsize=8192)
def _fragment(tree: ast.Module) -> _Fragment:
    """A tree's bindings and uses; trees hash by identity, and the pages that share one
    share its nodes, so the ids its uses are keyed by stay right for all of them."""
    walker = _Walker()
    walker.statements(tree.body, ())
    return _Fragment(tuple(walker.bindings), walker.uses)


def dominates(binding: Binding, use: Use) -> bool:
    """Whether the binding runs on every way to the use: its body holds the use."""
    return use.path[: len(binding.path)] == binding.path


def loops_of(where: Binding | Use) -> frozenset[Body]:
    """The loop bodies around a binding or use: a binding later in a loop that also holds
    the use reaches it on the next pass."""
    if not where.path:
        return _NO_LOOPS
    return frozenset(body for body in where.path if body.kind == LOOP)


class _Walker:
    def __init__(self) -> None:
        self.bindings: list[tuple[str, object, Position, Path]] = []
        self.uses: dict[int, tuple[Position, Path]] = {}

    def place(self, node: ast.AST, *, end: bool = False) -> Position:
        if end:
            line = node.end_lineno or node.lineno  # type: ignore[attr-defined]
            return (line, node.end_col_offset or 0)  # type: ignore[attr-defined]
        return (node.lineno, node.col_offset)  # type: ignore[attr-defined]

    def bind(self, name: str, source: object, place: Position, path: Path) -> None:
        self.bindings.append((name, source, place, path))

    # --- statements ---------------------------------------------------------------------

    def statements(
        self, body: list[ast.stmt], path: Path, owner: ast.ClassDef | None = None
    ) -> None:
        for statement in body:
            self.statement(statement, path, owner)

    def statement(self, node: ast.stmt, path: Path, owner: ast.ClassDef | None) -> None:
        kind = type(node)
        if kind not in _BINDING_STATEMENTS:  # ``print(x)``, ``return x``: uses alone
            self.expression(node, path)
        elif kind in _ASSIGNMENTS:
            self.assignment(node, path)  # type: ignore[arg-type]
        elif kind is ast.For or kind is ast.AsyncFor:
            self.expression(node.iter, path)
            loop = (*path, Body(id(node), "body", LOOP))
            self.bind_loop(node.target, node.iter, self.place(node.iter, end=True), loop)
            self.statements(node.body, loop)
            self.statements(node.orelse, (*path, Body(id(node), "orelse", BRANCH)))
        elif kind is ast.While:
            self.expression(node.test, path)
            self.statements(node.body, (*path, Body(id(node), "body", LOOP)))
            self.statements(node.orelse, (*path, Body(id(node), "orelse", BRANCH)))
        elif kind is ast.If:
            self.expression(node.test, path)
            self.statements(node.body, (*path, Body(id(node), "body", BRANCH)))
            self.statements(node.orelse, (*path, Body(id(node), "orelse", BRANCH)))
        elif kind is ast.With or kind is ast.AsyncWith:
            for item in node.items:
                self.expression(item.context_expr, path)
                if item.optional_vars is not None:
                    place = self.place(item.context_expr, end=True)
                    self.bind_unknown(item.optional_vars, place, path)
            self.statements(node.body, path)  # a with body always runs
        elif kind is ast.Try or kind is ast.TryStar:
            self.try_statement(node, path)
        elif kind is ast.Match:
            self.match_statement(node, path)
        elif kind is ast.FunctionDef or kind is ast.AsyncFunctionDef:
            self.function(node, path, owner)
        elif kind is ast.ClassDef:
            self.class_definition(node, path)
        elif kind is ast.Delete:
            for target in node.targets:
                self.expression(target, path)
                if isinstance(target, ast.Name):  # ``del order``, not ``del order.note``
                    self.bind(target.id, UNKNOWN, self.place(node, end=True), path)
        else:  # an import
            for alias in node.names:  # type: ignore[attr-defined]
                name = alias.asname or alias.name.split(".")[0]
                source = Import(name) if kind is ast.ImportFrom else UNKNOWN
                self.bind(name, source, self.place(node, end=True), path)

    def assignment(self, node: ast.Assign | ast.AnnAssign | ast.AugAssign, path: Path) -> None:
        if node.value is not None:
            self.expression(node.value, path)
        targets = node.targets if isinstance(node, ast.Assign) else [node.target]
        for target in targets:
            self.expression(target, path)  # ``order.status = …`` uses ``order``
        place = self.place(node, end=True)
        if isinstance(node, ast.Assign):
            for target in node.targets:
                self.bind_target(target, node.value, place, path)
        elif isinstance(node, ast.AnnAssign) and isinstance(node.target, ast.Name):
            source = node.value if node.value is not None else Annotation(node.annotation)
            self.bind(node.target.id, source, place, path)
        else:
            self.bind_unknown(node.target, place, path)

    def try_statement(self, node: ast.Try | ast.TryStar, path: Path) -> None:
        self.statements(node.body, (*path, Body(id(node), "body", BRANCH)))
        for handler in node.handlers:
            inside = (*path, Body(id(handler), "handler", BRANCH))
            if handler.type is not None:
                self.expression(handler.type, path)
            if handler.name:
                self.bind(handler.name, UNKNOWN, self.place(handler), inside)
            self.statements(handler.body, inside)
        self.statements(node.orelse, (*path, Body(id(node), "orelse", BRANCH)))
        self.statements(node.finalbody, (*path, Body(id(node), "finally", BRANCH)))

    def match_statement(self, node: ast.Match, path: Path) -> None:
        self.expression(node.subject, path)
        for case in node.cases:
            inside = (*path, Body(id(case), "case", BRANCH))
            for pattern in ast.walk(case.pattern):
                if isinstance(pattern, ast.MatchAs | ast.MatchStar | ast.MatchMapping):
                    name = pattern.rest if isinstance(pattern, ast.MatchMapping) else pattern.name
                    if name:
                        self.bind(name, UNKNOWN, self.place(case.pattern), inside)
            if case.guard is not None:
                self.expression(case.guard, inside)
            self.statements(case.body, inside)

    def function(
        self, node: ast.FunctionDef | ast.AsyncFunctionDef, path: Path, owner: ast.ClassDef | None
    ) -> None:
        for decorator in node.decorator_list:
            self.expression(decorator, path)
        self.defaults(node.args, path)
        inside = (*path, Body(id(node), "body", SCOPE))
        self.parameters(node.args, self.place(node), inside, _self_of(node, owner))
        self.statements(node.body, inside)
        self.bind(node.name, UNKNOWN, self.place(node), path)

    def class_definition(self, node: ast.ClassDef, path: Path) -> None:
        for expression in [*node.decorator_list, *node.bases, *(k.value for k in node.keywords)]:
            self.expression(expression, path)
        is_model = looks_like_model(node)
        self.bind(node.name, ClassName(node.name) if is_model else UNKNOWN, self.place(node), path)
        inside = (*path, Body(id(node), "body", SCOPE))
        self.statements(node.body, inside, node if is_model else None)

    def parameters(
        self, arguments: ast.arguments, place: Position, path: Path, self_of: Self | None
    ) -> None:
        every = [*arguments.posonlyargs, *arguments.args, *arguments.kwonlyargs]
        every += [a for a in (arguments.vararg, arguments.kwarg) if a is not None]
        for position, argument in enumerate(every):
            if argument.annotation is not None:
                self.expression(argument.annotation, path[:-1])  # read where the def is
            if position == 0 and self_of is not None:
                self.bind(argument.arg, self_of, place, path)
            elif argument.annotation is not None:
                self.bind(argument.arg, Annotation(argument.annotation), place, path)
            else:
                self.bind(argument.arg, UNKNOWN, place, path)

    def defaults(self, arguments: ast.arguments, path: Path) -> None:
        for default in [*arguments.defaults, *(d for d in arguments.kw_defaults if d is not None)]:
            self.expression(default, path)

    # --- expressions --------------------------------------------------------------------

    def expression(self, node: ast.AST, path: Path) -> None:
        kind = type(node)
        if kind is ast.Name:
            self.uses[id(node)] = ((node.lineno, node.col_offset), path)  # type: ignore[attr-defined]
        elif kind is ast.Constant:
            return
        elif kind is ast.Attribute:
            self.expression(node.value, path)  # type: ignore[attr-defined]
        elif kind is ast.Call:
            self.expression(node.func, path)  # type: ignore[attr-defined]
            for arg in node.args:  # type: ignore[attr-defined]
                self.expression(arg, path)
            for keyword in node.keywords:  # type: ignore[attr-defined]
                self.expression(keyword.value, path)
        elif kind not in _SCOPED_EXPRESSIONS:
            for child in child_nodes(node):
                self.expression(child, path)
        elif kind is ast.NamedExpr:
            self.expression(node.value, path)
            self.bind(node.target.id, node.value, self.place(node, end=True), path)
        elif kind is ast.Lambda:
            self.defaults(node.args, path)
            inside = (*path, Body(id(node), "body", SCOPE))
            self.parameters(node.args, self.place(node), inside, None)
            self.expression(node.body, inside)
        else:
            self.comprehension(node, path)  # type: ignore[arg-type]

    def comprehension(
        self, node: ast.ListComp | ast.SetComp | ast.GeneratorExp | ast.DictComp, path: Path
    ) -> None:
        """Its targets are bound before anything inside it runs (the element is written
        first but evaluated last); the first iterable is evaluated outside it."""
        inside = (*path, Body(id(node), "body", SCOPE))
        start = self.place(node)
        for position, generator in enumerate(node.generators):
            self.expression(generator.iter, path if position == 0 else inside)
            self.bind_loop(generator.target, generator.iter, start, inside)
            for condition in generator.ifs:
                self.expression(condition, inside)
        parts = [node.key, node.value] if isinstance(node, ast.DictComp) else [node.elt]
        for part in parts:
            self.expression(part, inside)

    # --- targets ------------------------------------------------------------------------

    def bind_target(self, target: ast.expr, value: ast.expr, place: Position, path: Path) -> None:
        if isinstance(target, ast.Name):
            self.bind(target.id, value, place, path)
        elif isinstance(target, ast.Tuple | ast.List):
            for position, element in enumerate(target.elts):
                if position == 0 and isinstance(element, ast.Name):
                    self.bind(element.id, First(value), place, path)
                else:
                    self.bind_unknown(element, place, path)

    def bind_loop(self, target: ast.expr, iterable: ast.expr, place: Position, path: Path) -> None:
        if isinstance(target, ast.Name):
            self.bind(target.id, Element(iterable), place, path)
        else:
            self.expression(target, path)
            self.bind_unknown(target, place, path)

    def bind_unknown(self, target: ast.expr, place: Position, path: Path) -> None:
        for name in _names_in(target):
            self.bind(name, UNKNOWN, place, path)


def _self_of(
    node: ast.FunctionDef | ast.AsyncFunctionDef, owner: ast.ClassDef | None
) -> Self | None:
    """``self`` in a method of ``class Invoice(models.Model)`` is an Invoice."""
    if owner is None:
        return None
    decorators = {d.id for d in node.decorator_list if isinstance(d, ast.Name)}
    if decorators & {"staticmethod", "classmethod"}:
        return None
    return Self(owner.name, frozenset(_class_body_names(owner)))


def _class_body_names(node: ast.ClassDef) -> Iterator[str]:
    for statement in node.body:
        if isinstance(statement, ast.FunctionDef | ast.AsyncFunctionDef | ast.ClassDef):
            yield statement.name
        elif isinstance(statement, ast.Assign):
            for target in statement.targets:
                yield from _names_in(target)
        elif isinstance(statement, ast.AnnAssign) and isinstance(statement.target, ast.Name):
            yield statement.target.id


def _names_in(target: ast.AST) -> Iterator[str]:
    for node in ast.walk(target):
        if isinstance(node, ast.Name):
            yield node.id
