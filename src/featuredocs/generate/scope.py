"""What belongs to one app of the project: the facts a feature page about it documents.

An app owns its concrete models, the management commands it provides, the endpoints its
views serve, the cache keys and environment reads in its folder, and the settings its code
reads (or that carry its label as a prefix, ``CATALOG_IMPORT`` for ``catalog``) together
with the environment variables behind those settings. Coverage counts the same things, so
``new`` and ``coverage`` agree on what "the app's" means.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from featuredocs.errors import UsageError
from featuredocs.generate.source_reads import env_behind_settings, settings_read_in
from featuredocs.model import (
    AppFact,
    CacheKeyFact,
    CommandFact,
    EndpointFact,
    EnvVarFact,
    ModelFact,
    ProjectFacts,
    SettingFact,
    SourceLocation,
)
from featuredocs.rules.suggest import did_you_mean


@dataclass(frozen=True)
class FeatureScope:
    """The facts one feature page documents, in the order the page lists them."""

    app: AppFact
    models: tuple[ModelFact, ...] = ()
    commands: tuple[CommandFact, ...] = ()
    endpoints: tuple[EndpointFact, ...] = ()
    env_vars: tuple[EnvVarFact, ...] = ()
    settings: tuple[SettingFact, ...] = ()
    cache_keys: tuple[CacheKeyFact, ...] = ()


def find_app(facts: ProjectFacts, wanted: str) -> AppFact:
    """An own app by label (``orders``) or dotted name (``shop.orders``)."""
    for app in facts.own_apps():
        if wanted in (app.label, app.name):
            return app
    labels = [app.label for app in facts.own_apps()]
    hint = did_you_mean(wanted, labels)
    known = ", ".join(f"`{label}`" for label in labels) or "none"
    raise UsageError(f"`{wanted}` is not one of the project's apps ({hint or 'apps: ' + known})")


def in_folder(location: SourceLocation | None, app: AppFact) -> bool:
    if location is None:
        return False
    return location.path.startswith(app.path.rstrip("/") + "/")


def app_models(facts: ProjectFacts, app: AppFact) -> tuple[ModelFact, ...]:
    return tuple(m for m in facts.models if m.app_label == app.label and not m.abstract)


def app_commands(facts: ProjectFacts, app: AppFact) -> tuple[CommandFact, ...]:
    found = [c for c in facts.commands if c.project and c.app == app.name]
    return tuple(sorted(found, key=lambda c: c.name))


def app_endpoints(facts: ProjectFacts, app: AppFact) -> tuple[EndpointFact, ...]:
    return tuple(sorted((e for e in facts.endpoints if e.app == app.label), key=lambda e: e.path))


def app_cache_keys(facts: ProjectFacts, app: AppFact) -> tuple[CacheKeyFact, ...]:
    return tuple(key for key in facts.cache_keys if in_folder(key.location, app))


@dataclass(frozen=True)
class SettingsMap:
    """Which settings and environment variables belong to which app."""

    settings: dict[str, tuple[SettingFact, ...]]
    env_vars: dict[str, tuple[EnvVarFact, ...]]


def settings_map(facts: ProjectFacts, root: Path) -> SettingsMap:
    """Settings and environment variables of every own app (computed once per run)."""
    behind = env_behind_settings(root, facts)
    settings: dict[str, tuple[SettingFact, ...]] = {}
    env_vars: dict[str, tuple[EnvVarFact, ...]] = {}
    for app in facts.own_apps():
        read = settings_read_in(root / app.path)
        prefix = app.label.upper() + "_"
        chosen = tuple(
            s for s in facts.settings
            if s.project and (s.name in read or s.name.startswith(prefix))
        )
        fed = {var for s in chosen for var in behind.get(s.name, ())}
        settings[app.label] = chosen
        env_vars[app.label] = tuple(
            var for var in facts.env_vars
            if var.name in fed or any(in_folder(loc, app) for loc in var.locations)
        )
    return SettingsMap(settings, env_vars)


def feature_scope(
    facts: ProjectFacts,
    app: AppFact,
    root: Path,
    *,
    models: Sequence[str] = (),
    commands: Sequence[str] = (),
    url_prefix: str | None = None,
) -> FeatureScope:
    """The facts a page about ``app`` documents; ``models``/``commands`` narrow the choice,
    ``url_prefix`` takes the project's endpoints under that path instead of the app's."""
    found = settings_map(facts, root)
    return FeatureScope(
        app=app,
        models=_chosen_models(facts, app, models),
        commands=_chosen_commands(facts, app, commands),
        endpoints=_chosen_endpoints(facts, app, url_prefix),
        env_vars=found.env_vars.get(app.label, ()),
        settings=found.settings.get(app.label, ()),
        cache_keys=app_cache_keys(facts, app),
    )


def _chosen_models(facts: ProjectFacts, app: AppFact, names: Sequence[str]) -> tuple[ModelFact, ...]:
    if not names:
        return app_models(facts, app)
    chosen: list[ModelFact] = []
    for name in names:
        own = [m for m in app_models(facts, app) if m.name == name or m.label == name]
        matches = own or [m for m in facts.models_named(name) if not m.abstract]
        if len(matches) != 1:
            candidates = [m.name for m in app_models(facts, app)]
            hint = did_you_mean(name, candidates)
            what = "is ambiguous" if matches else "is not a model of the project"
            raise UsageError(f"model `{name}` {what}" + (f" ({hint})" if hint else ""))
        chosen.append(matches[0])
    return tuple(dict.fromkeys(chosen))


def _chosen_commands(
    facts: ProjectFacts, app: AppFact, names: Sequence[str]
) -> tuple[CommandFact, ...]:
    if not names:
        return app_commands(facts, app)
    chosen: list[CommandFact] = []
    for name in names:
        command = facts.command(name)
        if command is None:
            hint = did_you_mean(name, [c.name for c in facts.commands if c.project])
            raise UsageError(f"`{name}` is not a management command" + (f" ({hint})" if hint else ""))
        chosen.append(command)
    return tuple(dict.fromkeys(chosen))


def _chosen_endpoints(
    facts: ProjectFacts, app: AppFact, url_prefix: str | None
) -> tuple[EndpointFact, ...]:
    if url_prefix is None:
        return app_endpoints(facts, app)
    prefix = "/" + url_prefix.strip("/") + "/" if url_prefix.strip("/") else "/"
    own = {a.label for a in facts.own_apps()}
    found = [e for e in facts.endpoints if e.path.startswith(prefix) and e.app in own]
    if not found:
        raise UsageError(f"no endpoint of the project's apps is under `{prefix}`")
    return tuple(sorted(found, key=lambda e: e.path))

