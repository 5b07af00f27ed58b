"""The project's own code as a namespace: which dotted names exist, and what is near them."""

from __future__ import annotations

from dataclasses import dataclass

from featuredocs.model import ProjectFacts, reads
from featuredocs.rules.base import per_facts
from featuredocs.rules.suggest import closest

#: Submodule names common enough that a path through them is a path, not prose.
CONVENTIONAL_MODULES = frozenset({
    "models", "views", "tasks", "signals", "utils", "services", "api", "serializers", "admin",
    "forms", "middleware", "urls", "apps", "management", "settings", "handlers", "receivers",
    "selectors", "helpers", "backends", "validators", "permissions", "filters", "managers",
    "querysets", "consumers", "schemas", "routers", "exceptions", "constants", "context_processors",
    "templatetags", "notifications", "pagination", "importers", "jobs", "cron", "emails",
})


_INDEX = "project code"


@dataclass(frozen=True)
class ProjectCode:
    """Each question asked of it is noted for the page asking (``model/reads.py``), so a
    new name in the project touches only the pages that asked about that name."""

    modules: reads.KeySet
    symbols: reads.KeySet
    packages: reads.KeySet  # first segments of the project's modules
    #: Names reachable as attributes of model instances: fields, methods, managers.
    attributes: reads.KeySet
    model_labels: reads.KeySet  # "orders.Order"
    parents: reads.KeySet  # dotted names with names one segment below them
    children: reads.KeyMap  # dotted name -> the names one segment below it, sorted

    def owns(self, dotted: str) -> bool:
        return dotted.partition(".")[0] in self.packages

    def exists(self, dotted: str) -> bool:
        return dotted in self.modules or dotted in self.symbols

    def longest_module(self, dotted: str) -> str | None:
        parts = dotted.split(".")
        for size in range(len(parts), 0, -1):
            prefix = ".".join(parts[:size])
            if prefix in self.modules:
                return prefix
        return None

    def first_missing(self, dotted: str) -> str | None:
        """The shortest prefix of ``dotted`` that names nothing, or None when it resolves.

        Past a symbol (a class, a function) nothing is checked: attributes of classes are
        not recorded as names.
        """
        parts = dotted.split(".")
        for size in range(1, len(parts) + 1):
            prefix = ".".join(parts[:size])
            if prefix in self.symbols:
                return None
            if prefix not in self.modules and prefix not in self.parents:
                return prefix  # neither a module nor a (namespace) package holding one
        return None

    def answers_any_name(self, module: str) -> bool:
        """A module with a ``__getattr__`` of its own (PEP 562) makes its names up as
        they are asked for: lazy imports, deprecated aliases."""
        return f"{module}.__getattr__" in self.symbols

    def suggestion(self, missing: str) -> str | None:
        parent, _, leaf = missing.rpartition(".")
        match = closest(leaf, self.children.get(parent, ()))
        return f"{parent}.{match}" if parent and match else match


@per_facts
def project_code(facts: ProjectFacts) -> ProjectCode:
    """Built once per facts object: every page of a run shares it."""
    return ProjectCode(**_code_index(facts))


def _code_parts(facts: ProjectFacts) -> dict[str, frozenset[str] | dict[str, tuple[str, ...]]]:
    modules = frozenset(facts.modules)
    packages = {m.partition(".")[0] for m in modules}
    packages.update(app.name.partition(".")[0] for app in facts.own_apps())
    children: dict[str, list[str]] = {}
    for name in modules | facts.symbols:
        parent, _, leaf = name.rpartition(".")
        children.setdefault(parent, []).append(leaf)
    attributes = {
        name
        for model in facts.models
        for name in (*(f.name for f in model.fields), *model.attributes, *model.managers)
    }
    return {
        "modules": modules,
        "symbols": frozenset(facts.symbols),
        "packages": frozenset(packages),
        "attributes": frozenset(attributes),
        "model_labels": frozenset(model.label for model in facts.models),
        "parents": frozenset(children),
        "children": {parent: tuple(sorted(names)) for parent, names in children.items()},
    }


_code_index = reads.keyed(_INDEX, _code_parts)
