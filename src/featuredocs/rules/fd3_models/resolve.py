"""Tie the names a page uses to the project's models.

``billing.Invoice`` names one model. A bare ``Invoice`` is looked up by name; when
several models share it, the page's own ``from app.models import Invoice`` decides, then
a preference for the project's own apps over Django's and third-party ones, then for a
concrete model over an abstract base. What is still ambiguous is reported (FD301),
never guessed.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from featuredocs.model import FieldFact, ModelFact, Page, ProjectFacts, reads
from featuredocs.rules.base import CheckContext, per_facts
from featuredocs.rules.fd3_models.claims import ModelClaim, PageClaims, page_claims
from featuredocs.rules.fd3_models.field_items import FieldClaim
from featuredocs.rules.fd3_models.lookup import any_field, described_field
from featuredocs.rules.fd3_models.pycode import ImportedName

MEMO_KEY = "fd3.resolved"


@dataclass(frozen=True, slots=True)
class Resolution:
    """``model`` when the name resolves to exactly one; ``candidates`` when it is ambiguous."""

    model: ModelFact | None
    candidates: tuple[ModelFact, ...] = ()


_INDEX = "models by name"


@dataclass(frozen=True, slots=True)
class ModelIndex:
    """The project's models by what pages call them, built once per run.

    Each question asked of it is noted for the page asking (``model/reads.py``): a new
    model touches only the pages that asked about its name."""

    by_folded_name: reads.KeyMap  # ``name.lower()`` -> models, in facts order
    by_label: reads.KeyMap  # label -> model
    names: reads.KeySet
    project_labels: reads.KeySet
    app_names: reads.KeyMap  # app label -> app module

    def named(self, name: str) -> list[ModelFact]:
        """What :meth:`ProjectFacts.models_named` answers, without scanning every model."""
        if "." in name:
            app_label, _, model_name = name.rpartition(".")
            return [
                m for m in self.by_folded_name.get(model_name.lower(), ())
                if m.app_label == app_label or m.module.startswith(app_label + ".")
            ]
        folded = self.by_folded_name.get(name.lower(), ())
        return [m for m in folded if m.name == name] or list(folded)


@per_facts
def model_index(facts: ProjectFacts) -> ModelIndex:
    return ModelIndex(**_model_index(facts))


def _index_parts(facts: ProjectFacts) -> dict[str, dict[str, object] | frozenset[str]]:
    by_folded_name: dict[str, list[ModelFact]] = {}
    for model in facts.models:
        by_folded_name.setdefault(model.name.lower(), []).append(model)
    return {
        "by_folded_name": {name: tuple(models) for name, models in by_folded_name.items()},
        "by_label": {model.label: model for model in facts.models},
        "names": frozenset(model.name for model in facts.models),
        "project_labels": frozenset(app.label for app in facts.apps if app.project),
        "app_names": {app.label: app.name for app in facts.apps},
    }


_model_index = reads.keyed(_INDEX, _index_parts)


class ModelResolver:
    """Resolves model names for one page: its imports and the project's models."""

    def __init__(self, facts: ProjectFacts, imports: tuple[ImportedName, ...] = ()) -> None:
        self.facts = facts
        self.imports = imports
        self.index = model_index(facts)
        self._project_labels = self.index.project_labels
        self._app_names = self.index.app_names
        self._code_names: dict[str, ModelFact | None] = {}

    def resolve(self, name: str) -> Resolution:
        """A model by label, module path or bare class name (as a heading writes it)."""
        matches = self._named(name)
        if len(matches) <= 1:
            return Resolution(matches[0] if matches else None)
        narrowed = self._by_import(name, matches) or self._own(matches) or matches
        if len(narrowed) > 1:
            narrowed = [m for m in narrowed if not m.abstract]  # an abstract base is rarely meant
        if len(narrowed) == 1:
            return Resolution(narrowed[0])
        return Resolution(None, tuple(sorted(matches, key=lambda m: m.label)))

    def resolve_code_name(self, identifier: str) -> ModelFact | None:
        """The model a name in a Python block stands for (an import alias or a class name)."""
        if identifier not in self._code_names:
            self._code_names[identifier] = self._code_name(identifier)
        return self._code_names[identifier]

    def resolve_path(self, dotted: str) -> ModelFact | None:
        """The model a dotted path to its class names (``billing.models.Invoice``)."""
        matches = self._named(dotted) if dotted.count(".") >= 2 else []
        return matches[0] if len(matches) == 1 else None

    def _code_name(self, identifier: str) -> ModelFact | None:
        imported = next((i for i in self.imports if i.alias == identifier), None)
        if imported is not None:
            matches = self._named(imported.name)
            in_module = [m for m in matches if self._module_matches(m, imported.module)]
            if len(in_module) == 1:
                return in_module[0]
            if in_module or not _looks_like_project_import(imported.module):
                return None
            return matches[0] if len(matches) == 1 else None
        if not identifier[:1].isupper():
            return None
        matches = self._named(identifier)  # a free name: no import on the page binds it
        if len(matches) > 1:
            matches = self._own(matches) or matches
        if len(matches) > 1:
            matches = [m for m in matches if not m.abstract]
        return matches[0] if len(matches) == 1 else None

    def _named(self, name: str) -> list[ModelFact]:
        matches = self.index.named(name)
        if matches or name.count(".") < 2:
            return matches
        module, _, model_name = name.rpartition(".")  # billing.models.Invoice
        return [m for m in self.index.named(model_name) if self._module_matches(m, module)]

    def _by_import(self, name: str, matches: list[ModelFact]) -> list[ModelFact]:
        bare = name.rpartition(".")[2]
        modules = [i.module for i in self.imports if i.name == bare]
        return [m for m in matches if any(self._module_matches(m, mod) for mod in modules)]

    def _own(self, matches: list[ModelFact]) -> list[ModelFact]:
        if not self._project_labels:
            return []
        return [m for m in matches if m.app_label in self._project_labels]

    def _module_matches(self, model: ModelFact, module: str) -> bool:
        module = module.lstrip(".")
        if model.module == module or model.module.startswith(module + "."):
            return True
        app_name = self._app_names.get(model.app_label, "")
        return module in {f"{app_name}.models", f"{model.app_label}.models"} or (
            bool(app_name) and model.module.endswith("." + module)
        )


def _looks_like_project_import(module: str) -> bool:
    return not module.startswith(("django.", "rest_framework", "ninja"))


@dataclass(frozen=True, slots=True)
class ResolvedModels:
    """Claims that name a real model, and heading claims that do not (FD301's input)."""

    found: tuple[tuple[ModelClaim, ModelFact], ...]
    unresolved: tuple[tuple[ModelClaim, Resolution], ...]
    resolver: ModelResolver
    claims: PageClaims


def resolved_models(page: Page, ctx: CheckContext) -> ResolvedModels:
    """The page's model claims resolved against ``ctx.facts`` (memoised per page)."""
    assert ctx.facts is not None, "FD3 rules need facts"
    facts = ctx.facts
    return ctx.memo(MEMO_KEY, page, lambda p: _resolve(page_claims(p, ctx), facts))


def field_lists(claim: ModelClaim, model: ModelFact) -> Iterator[FieldClaim]:
    """The names of the claim's unlabelled lists without types (``listed_fields``) that
    are fields: those of each list whose names the model shows are mostly its fields
    (two at least). A list of statuses or steps under the model's heading stays unread."""
    for names in claim.listed_fields:
        known = sum(1 for field in names if any_field(model, field.name) is not None)
        if known >= 2 and 2 * known >= len(names):
            yield from names


def documented_names(claim: ModelClaim, model: ModelFact) -> set[str]:
    """Which fields a page's model claim counts as documented: the names it mentions, each
    also under its real name (``customer_id``)."""
    names = {field.name for field in (*claim.fields, *field_lists(claim, model))} | set(claim.mentioned)
    for name in tuple(names):
        field = any_field(model, name)
        if field is not None:
            names.add(field.name)
    return names


def documented_fields(page: Page, ctx: CheckContext) -> Iterator[tuple[FieldClaim, FieldFact, ModelFact]]:
    """Each field the page documents on a model it resolves, with the model's field the
    documented name names (:func:`~.lookup.described_field`)."""
    for claim, model in resolved_models(page, ctx).found:
        for documented in (*claim.fields, *field_lists(claim, model)):
            field = described_field(model, documented.name)
            if field is not None:
                yield documented, field, model


def _resolve(claims: PageClaims, facts: ProjectFacts) -> ResolvedModels:
    resolver = ModelResolver(facts, claims.imports)
    found: list[tuple[ModelClaim, ModelFact]] = []
    unresolved: list[tuple[ModelClaim, Resolution]] = []
    for claim in claims.models:
        resolution = resolver.resolve(claim.name)
        if resolution.model is not None:
            found.append((claim, resolution.model))
        elif resolution.candidates or claim.explicit:
            unresolved.append((claim, resolution))
    for claim in claims.code_models:
        model = resolver.resolve(claim.name).model
        if model is not None:
            found.append((claim, model))
    return ResolvedModels(tuple(found), tuple(unresolved), resolver, claims)
