"""A module's own constants as a namespace, evaluated on first use."""

from __future__ import annotations

import ast
from typing import Any

from featuredocs.introspect.static.modules import Module, ModuleIndex
from featuredocs.introspect.static.values import Evaluator, Unknown


class ModuleNamespace(dict):  # type: ignore[type-arg]
    """A module's top-level names, each evaluated the first time it is looked up.

    Lets field options such as ``choices=STATUS_CHOICES`` or ``default=DEFAULT_CURRENCY``
    be read where the constant is defined. Names that are classes or functions, or that
    refer to themselves, stay :class:`Unknown`.
    """

    def __init__(self, index: ModuleIndex, module: Module) -> None:
        super().__init__()
        self.index = index
        self.module = module
        self._evaluating: set[str] = set()
        self._found: dict[str, tuple[Module | None, ast.AST | None]] = {}

    def __contains__(self, name: object) -> bool:
        return isinstance(name, str) and self._definition(name)[1] is not None

    def get(self, name: str, fallback: Any = None) -> Any:  # type: ignore[override]
        return self[name] if name in self else fallback

    def __missing__(self, name: str) -> Any:
        module, node = self._definition(name)
        if node is None or module is None or name in self._evaluating or not isinstance(node, ast.expr):
            return Unknown(name)
        self._evaluating.add(name)
        try:
            namespace = self if module is self.module else namespace_of(self.index, module)
            value = Evaluator(self.index, module, namespace).eval(node)
        finally:
            self._evaluating.discard(name)
        self[name] = value
        return value

    def _definition(self, name: str) -> tuple[Module | None, ast.AST | None]:
        """Where ``name`` is defined: here, or in the module it was imported from."""
        if name not in self._found:
            node = self.index.definitions(self.module).get(name)
            if node is not None:
                self._found[name] = (self.module, node)
            else:
                dotted = self.index.imports(self.module).get(name)
                found = self.index.definition(dotted) if dotted and "." in dotted else None
                self._found[name] = found if found is not None else (None, None)
        return self._found[name]


def namespace_of(index: ModuleIndex, module: Module) -> ModuleNamespace:
    """One namespace per module: constants are evaluated once, and a cycle of names across
    modules (``A = other.B``, ``B = this.A``) stops at the first name seen twice."""
    found = index.namespaces.get(module.name)
    if not isinstance(found, ModuleNamespace):
        found = index.namespaces[module.name] = ModuleNamespace(index, module)
    return found


def module_evaluator(index: ModuleIndex, module: Module) -> Evaluator:
    """An evaluator that knows the module's own constants."""
    return Evaluator(index, module, namespace_of(index, module))
