"""Everything of the project's own that a feature page can document, app by app.

Only the project's own apps count (not ``django.contrib``, not packages). Within them:

- models: concrete models (abstract bases are documented through their children);
- fields: those FD305 asks a Fields list to name, the ones a model declares itself in the
  project's files (not reverse, automatic or inherited ones, nor a package's);
- indexes: those FD306 expects in an Indexes list (``Meta.indexes``, constraints,
  ``*_together``, ``db_index`` on a plain field);
- commands the apps provide, and their options (not the ones every command has);
- endpoints as (method, path) pairs, and their query parameters (not ``format``);
- environment variables and settings that belong to an app: read by its code, or (for
  variables) behind a setting its code reads — what ``featuredocs new`` documents.
  Project-wide configuration (``SECRET_KEY``, ``DEBUG``) belongs to no feature.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from featuredocs.coverage.claimed import ANY_METHOD, index_key
from featuredocs.generate.scope import app_commands, app_endpoints, app_models, settings_map
from featuredocs.generate.usage import documented_options
from featuredocs.model import AppFact, ModelFact, ProjectFacts
from featuredocs.rules.fd3_models.fd305_undocumented_field import expected as field_expected
from featuredocs.rules.fd3_models.lookup import forward_field

#: The kinds of items, in report order, with their names for people.
KINDS: dict[str, str] = {
    "models": "Models",
    "fields": "Fields",
    "indexes": "Indexes",
    "commands": "Commands",
    "options": "Command options",
    "endpoints": "Endpoints",
    "query_params": "Query parameters",
    "env_vars": "Environment variables",
    "settings": "Settings",
}
#: Short names for table columns.
SHORT_NAMES: dict[str, str] = {
    "models": "Models", "fields": "Fields", "indexes": "Indexes", "commands": "Commands",
    "options": "Options", "endpoints": "Endpoints", "query_params": "Params",
    "env_vars": "Env vars", "settings": "Settings",
}
_EXPECTED_INDEX_KINDS = frozenset({"index", "index_together", "unique_together", "unique_constraint"})


@dataclass(frozen=True, slots=True)
class Item:
    """One documentable thing: ``key`` matches :class:`~.claimed.Claimed`'s sets,
    ``label`` is what a person reads (``orders.Order.status``, ``GET /api/v1/orders/``)."""

    kind: str
    app: str
    key: object
    label: str


def inventory(facts: ProjectFacts, root: Path) -> list[Item]:
    found = settings_map(facts, root)
    items: list[Item] = []
    claimed_env: set[str] = set()
    for app in facts.own_apps():
        items += _model_items(facts, app)
        items += _command_items(facts, app)
        items += _endpoint_items(facts, app)
        for var in found.env_vars.get(app.label, ()):
            if var.name not in claimed_env:  # a variable two apps use counts once
                claimed_env.add(var.name)
                items.append(Item("env_vars", app.label, var.name, var.name))
        items += [Item("settings", app.label, s.name, s.name) for s in found.settings.get(app.label, ())]
    return _unique(items)


def _unique(items: list[Item]) -> list[Item]:
    seen: set[tuple[str, object]] = set()
    kept = []
    for item in items:
        if (item.kind, item.key) not in seen:
            seen.add((item.kind, item.key))
            kept.append(item)
    return kept


def _model_items(facts: ProjectFacts, app: AppFact) -> Iterator[Item]:
    for model in app_models(facts, app):
        yield Item("models", app.label, model.label, model.label)
        for field in model.fields:
            if field_expected(field):  # as FD305 asks of a Fields list
                yield Item("fields", app.label, (model.label, field.name), f"{model.label}.{field.name}")
        for index in model.indexes:
            if _expected_index(index.kind, index.fields, model):
                key = index_key(index)
                yield Item("indexes", app.label, (model.label, key), f"{model.label}: {key}")


def _expected_index(kind: str, fields: tuple[str, ...], model: ModelFact) -> bool:
    if kind in _EXPECTED_INDEX_KINDS:
        return True
    if kind != "db_index" or len(fields) != 1:
        return False
    field = forward_field(model, fields[0])
    return field is not None and not field.is_relation


def _command_items(facts: ProjectFacts, app: AppFact) -> Iterator[Item]:
    for command in app_commands(facts, app):
        yield Item("commands", app.label, command.name, command.name)
        for option in documented_options(command):
            shown = max(option.flags, key=len) if option.flags else option.dest
            yield Item("options", app.label, (command.name, option.dest), f"{command.name} {shown}")


def _endpoint_items(facts: ProjectFacts, app: AppFact) -> Iterator[Item]:
    for endpoint in app_endpoints(facts, app):
        for method in endpoint.methods if endpoint.methods is not None else (ANY_METHOD,):
            label = f"{method} {endpoint.path}" if method != ANY_METHOD else endpoint.path
            yield Item("endpoints", app.label, (endpoint.path, method), label)
        for param in endpoint.query_params:
            if param.source != "format":
                yield Item(
                    "query_params", app.label, (endpoint.path, param.name),
                    f"{endpoint.path}?{param.name}",
                )
