"""Classes read from source: where a base class is defined, and each class's MRO.

A base that cannot be followed (an opaque package, or one that is not installed) stays in
the MRO as its dotted name, so ``issubclass`` questions about Django's or DRF's own classes
are answered by name (``django.db.models.Model``, ``rest_framework.generics.ListAPIView``).
"""

from __future__ import annotations

import ast
from dataclasses import dataclass

from featuredocs.introspect.locate import assigned_names
from featuredocs.introspect.static.modules import Module, ModuleIndex

_MAX_DEPTH = 24


@dataclass(frozen=True)
class ClassRef:
    """A class definition: its canonical dotted name, module and AST node."""

    dotted: str
    module: Module
    node: ast.ClassDef

    @property
    def name(self) -> str:
        return self.node.name

    def line(self) -> int:
        return self.node.lineno

    def body_value(self, name: str) -> ast.expr | None:
        """The value last assigned to ``name`` in the class body itself."""
        found: ast.expr | None = None
        for statement in self.node.body:
            if isinstance(statement, ast.Assign | ast.AnnAssign) and statement.value is not None:
                if name in assigned_names(statement):
                    found = statement.value
        return found

    def nested(self, name: str) -> ast.ClassDef | None:
        for statement in self.node.body:
            if isinstance(statement, ast.ClassDef) and statement.name == name:
                return statement
        return None

    def method(self, name: str) -> ast.FunctionDef | ast.AsyncFunctionDef | None:
        for statement in self.node.body:
            if isinstance(statement, ast.FunctionDef | ast.AsyncFunctionDef) and statement.name == name:
                return statement
        return None


class Classes:
    """Class lookups and MROs over a :class:`ModuleIndex`, cached."""

    def __init__(self, index: ModuleIndex) -> None:
        self.index = index
        self._refs: dict[str, ClassRef | None] = {}
        self._mros: dict[str, list[str]] = {}

    def get(self, dotted: str) -> ClassRef | None:
        canonical = self.index.canonical(dotted)
        if canonical not in self._refs:
            found = self.index.definition(canonical)
            ref = None
            if found is not None and isinstance(found[1], ast.ClassDef):
                ref = ClassRef(canonical, found[0], found[1])
            self._refs[canonical] = ref
        return self._refs[canonical]

    def resolve(self, module: Module, node: ast.AST) -> str | None:
        """The canonical dotted name of a class expression written in ``module``."""
        if isinstance(node, ast.Subscript):  # ``Generic[T]``, ``ListAPIView[Model]``
            node = node.value
        qualified = self.index.qualify(module, node)
        return self.index.canonical(qualified) if qualified else None

    def bases(self, ref: ClassRef) -> list[str]:
        found = []
        for base in ref.node.bases:
            for node in _base_classes(base):
                dotted = self.resolve(ref.module, node)
                if dotted and dotted not in {"object", "builtins.object"}:
                    found.append(dotted)
        return found

    def mro(self, dotted: str) -> list[str]:
        """C3 linearisation; a depth-first order when the bases admit none."""
        canonical = self.index.canonical(dotted)
        if canonical not in self._mros:
            self._mros[canonical] = [canonical]  # guards against a cycle of bases
            self._mros[canonical] = self._linearise(canonical, 0)
        return self._mros[canonical]

    def _linearise(self, dotted: str, depth: int) -> list[str]:
        ref = self.get(dotted)
        if ref is None or depth > _MAX_DEPTH:
            return [dotted]
        bases = self.bases(ref)
        sequences = [self.mro(base) for base in bases] + [bases]
        merged = _c3([list(s) for s in sequences if s])
        if merged is None:
            merged = list(dict.fromkeys(name for seq in sequences for name in seq))
        return [dotted, *merged]

    def refs_in_mro(self, dotted: str) -> list[ClassRef]:
        return [ref for ref in (self.get(name) for name in self.mro(dotted)) if ref is not None]

    def derives_from(self, dotted: str, roots: frozenset[str]) -> bool:
        return any(name in roots for name in self.mro(dotted))

    def nested_class(self, module: Module, node: ast.AST, within: ClassRef | None) -> ClassRef | None:
        """A class named by ``node``: ``Status`` in the class body, ``Order.Status``, ``Status``."""
        if isinstance(node, ast.Name) and within is not None:
            inner = within.nested(node.id)
            if inner is not None:
                return self._register(ClassRef(f"{within.dotted}.{node.id}", within.module, inner))
        if isinstance(node, ast.Attribute):
            outer = self.nested_class(module, node.value, within)
            if outer is None:
                dotted = self.resolve(module, node.value)
                outer = self.get(dotted) if dotted else None
            inner = outer.nested(node.attr) if outer is not None else None
            if outer is not None and inner is not None:
                return self._register(ClassRef(f"{outer.dotted}.{node.attr}", outer.module, inner))
        dotted = self.resolve(module, node)
        return self.get(dotted) if dotted else None

    def _register(self, ref: ClassRef) -> ClassRef:
        """Nested classes are not module-level names: remember them for ``get``/``mro``."""
        known = self._refs.get(ref.dotted)
        if known is None:
            self._refs[ref.dotted] = known = ref
        return known


def _c3(sequences: list[list[str]]) -> list[str] | None:
    result: list[str] = []
    while True:
        sequences = [s for s in sequences if s]
        if not sequences:
            return result
        for sequence in sequences:
            head = sequence[0]
            if not any(head in other[1:] for other in sequences):
                break
        else:
            return None
        result.append(head)
        for sequence in sequences:
            if sequence and sequence[0] == head:
                del sequence[0]


def _base_classes(base: ast.expr) -> list[ast.expr]:
    """The classes a base expression stands for: itself, or for
    ``models.Manager.from_queryset(OrderQuerySet)`` the manager and the queryset whose
    methods Django copies onto the class it builds."""
    if isinstance(base, ast.Call) and isinstance(base.func, ast.Attribute) and base.func.attr == "from_queryset":
        return [base.func.value, *base.args[:1]]
    return [base]
