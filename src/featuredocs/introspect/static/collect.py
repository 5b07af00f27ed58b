"""``collect_static``: every fact of a project read from its source tree, nothing imported.

The project's settings module is found the way ``manage.py`` names it; when there is none,
every package with ``models.py`` or ``apps.py`` counts as an app. Each part that cannot be
read becomes a warning in ``ProjectFacts.warnings`` and leaves its facts empty or unknown.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

from featuredocs.introspect.cache import collect_cache_keys
from featuredocs.introspect.discover import find_settings_module
from featuredocs.introspect.env import collect_env_vars
from featuredocs.introspect.setting_defaults import with_defaulted
from featuredocs.introspect.import_path import static_search_path
from featuredocs.introspect.option_settings import with_setting_defaults
from featuredocs.introspect.parsed import reading_once
from featuredocs.introspect.sources import load_project_sources
from featuredocs.introspect.symbols import collect_symbols
from featuredocs.introspect.static.apps import StaticApp, guess_apps, read_apps
from featuredocs.introspect.static.classes import Classes
from featuredocs.introspect.static.commands import collect_commands
from featuredocs.introspect.static.django_known import django_version
from featuredocs.introspect.static.models import ModelReader
from featuredocs.introspect.static.modules import ModuleIndex
from featuredocs.introspect.static.settings import (
    SettingsRead,
    read_settings,
    setting_facts,
    with_written_defaults,
)
from featuredocs.introspect.static.urls import collect_endpoints
from featuredocs.model import ProjectFacts

T = TypeVar("T")


def collect_static(root: Path, settings_module: str | None = None) -> ProjectFacts:
    """The facts of the project at ``root``, from its source alone.

    ``settings_module`` defaults to the one ``manage.py`` (or ``wsgi.py``, or pytest's
    configuration) names. Never imports the project; Django itself is imported only where
    it can answer a question about Django (its version, its commands' base options).
    """
    with reading_once():
        return _collect(Path(root).resolve(), settings_module)


def _collect(root: Path, settings_module: str | None) -> ProjectFacts:
    warnings: list[str] = []
    settings_module = settings_module or find_settings_module(root)
    sources = load_project_sources(root, static_search_path(root))
    warnings.extend(sources.warnings)
    index = ModuleIndex(sources)
    classes = Classes(index)
    if settings_module is None:
        warnings.append(f"{root}: no Django settings module found; apps guessed from the tree")
    settings = _safely(lambda: read_settings(index, settings_module, warnings),
                       SettingsRead(settings_module), "settings", warnings)
    apps, installed = _safely(lambda: _apps(index, classes, settings, root, warnings),
                              ([], None), "apps", warnings)
    models = _safely(lambda: ModelReader(classes, apps, settings, warnings).read(), (), "models", warnings)
    commands = _safely(lambda: collect_commands(index, classes, apps, warnings, installed),
                       (), "commands", warnings)
    endpoints, prefixes = _safely(
        lambda: collect_endpoints(index, classes, apps, settings, models, warnings),
        ((), ()), "endpoints", warnings,
    )
    symbols, modules = collect_symbols(sources)
    project_settings = with_defaulted(with_written_defaults(setting_facts(settings), settings, root), sources)
    return ProjectFacts(
        root=str(root),
        mode="static",
        settings_module=settings_module,
        django_version=django_version(),
        apps=tuple(app.fact(root) for app in apps),
        models=models,
        commands=with_setting_defaults(commands, project_settings, sources),
        endpoints=endpoints,
        settings=project_settings,
        env_vars=collect_env_vars(sources),
        cache_keys=collect_cache_keys(sources, settings.known),
        symbols=symbols,
        modules=modules,
        url_prefixes=prefixes,
        warnings=tuple(warnings),
    )


def _apps(index: ModuleIndex, classes: Classes, settings: SettingsRead, root: Path,
          warnings: list[str]) -> tuple[list[StaticApp], tuple[str, ...] | None]:
    """The apps found, and ``INSTALLED_APPS`` as written (None when it cannot be read)."""
    if settings.module is None:
        return guess_apps(index, root), None
    entries = settings.values.get("INSTALLED_APPS")
    if not isinstance(entries, list | tuple):
        warnings.append("INSTALLED_APPS cannot be read from the settings; apps guessed from the tree")
        return guess_apps(index, root), None
    readable = tuple(e for e in entries if isinstance(e, str))
    if len(readable) != len(entries):
        warnings.append("INSTALLED_APPS: entries that are not plain strings are left out")
        return read_apps(index, classes, list(readable), root, warnings), None
    return read_apps(index, classes, list(readable), root, warnings), readable


def _safely(read: Callable[[], T], empty: T, what: str, warnings: list[str]) -> T:
    """One part of the facts; a warning, not a traceback, when the source defeats it.

    Static mode is the fallback when nothing else works: whatever a reading trips over,
    the other parts of the facts, and the check, go on.
    """
    try:
        return read()
    except Exception as error:  # noqa: BLE001 - see above
        first = str(error).splitlines()[0] if str(error) else ""
        warnings.append(f"{what}: cannot be read statically ({type(error).__name__}: {first})")
        return empty
