"""Model facts by the class that defines them or by label, for the endpoint readers."""

from __future__ import annotations

from featuredocs.introspect.static.classes import Classes
from featuredocs.model import ModelFact


class ModelLookup:
    def __init__(self, classes: Classes, models: tuple[ModelFact, ...]) -> None:
        self.classes = classes
        self._by_label = {m.label.lower(): m for m in models if not m.abstract}
        self._by_dotted = {f"{m.module}.{m.name}": m for m in models}

    def by_dotted(self, dotted: str) -> ModelFact | None:
        return self._by_dotted.get(self.classes.index.canonical(dotted))

    def by_label(self, label: str) -> ModelFact | None:
        return self._by_label.get(label.lower())
