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

    def __contains__(self, name: object) -> bool:
        return isinstance(name, str) and name in self.index.definitions(self.module)

    def get(self, name: str, fallback: Any = None) -> Any:  # type: ignore[override]
        return self[name] if name in self else fallback

    def __missing__(self, name: str) -> Any:
        node = self.index.definitions(self.module).get(name)
        if node is None or name in self._evaluating or not isinstance(node, ast.expr):
            return Unknown(name)
        self._evaluating.add(name)
        try:
            value = Evaluator(self.index, self.module, self).eval(node)
        finally:
            self._evaluating.discard(name)
        self[name] = value
        return value


def module_evaluator(index: ModuleIndex, module: Module) -> Evaluator:
    """An evaluator that knows the module's own constants."""
    return Evaluator(index, module, ModuleNamespace(index, module))
