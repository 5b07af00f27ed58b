"""Live introspection: set up Django with the project's settings and read every fact.

Never opens a database connection and never runs a command: models come from the app
registry, commands from their parsers, settings from ``django.conf.settings``, and the
rest (environment reads, cache keys, symbols) from the AST of the project's own code.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import Any

from featuredocs.introspect.alongside import Alongside
from featuredocs.introspect.cache import collect_cache_keys
from featuredocs.introspect.discover import CONFIGURATION_VARIABLE, find_configuration
from featuredocs.introspect.env import collect_env_vars
from featuredocs.introspect.errors import ProjectImportError
from featuredocs.introspect.import_path import manage_dirs
from featuredocs.introspect.import_trees import compiled_from_trees
from featuredocs.introspect.option_settings import with_setting_defaults
from featuredocs.introspect.parsed import reading_once
from featuredocs.introspect.resolve import SettingValue
from featuredocs.introspect.setting_defaults import with_defaulted
from featuredocs.introspect.sources import ProjectSources, load_project_sources
from featuredocs.introspect.symbols import collect_symbols
from featuredocs.model import CommandFact, EndpointFact, ProjectFacts, SettingFact


def collect_live(root: Path, settings_module: str, alongside: Alongside | None = None) -> ProjectFacts:
    """Every fact of the project at ``root`` imported with ``settings_module``.

    Raises :class:`ProjectImportError` when the settings or the apps cannot be imported.
    Django is set up once per process: when it already is (featuredocs running inside the
    project), the settings already loaded are used. To read several projects, or one
    project from a process that must stay clean, use ``collect_live_in_child``.
    ``alongside`` may read the URLconf in a forked copy of this process
    meanwhile (see ``alongside.py``).
    """
    root = Path(root).resolve()
    with reading_once(), compiled_from_trees(root):
        return _collect(root, settings_module, alongside or Alongside())


def _collect(root: Path, settings_module: str, alongside: Alongside) -> ProjectFacts:
    warnings: list[str] = []
    setup_django(root, settings_module, warnings)

    import django
    from django.conf import settings as django_settings

    from featuredocs.introspect.commands import collect_commands
    from featuredocs.introspect.locate import Locator
    from featuredocs.introspect.models import collect_apps, collect_models
    from featuredocs.introspect.settings import collect_settings

    def urls() -> tuple[tuple[EndpointFact, ...], tuple[str, ...], list[str]]:
        found: list[str] = []
        endpoints, prefixes = collect_endpoints_safely(root, found, settings_module)
        return endpoints, prefixes, found

    read_beside = alongside.start(urls)
    locator = Locator(root)
    apps = collect_apps(locator)
    project_apps = frozenset(app.name for app in apps if app.project)
    models = collect_models(locator, project_apps, warnings)
    unloadable: dict[str, str] = {}
    commands = collect_commands(locator, project_apps, unloadable)
    if unloadable:
        commands = _with_unloadable(commands, unloadable, root, settings_module, warnings)
    settings = collect_settings(root, warnings)
    module = getattr(django_settings, "SETTINGS_MODULE", None) or settings_module
    scanned = scan_sources(root, lambda name: getattr(django_settings, name), warnings, settings, commands, module)
    endpoints, prefixes, found = read_beside()
    warnings.extend(found)  # in the order of a reading done all here
    return ProjectFacts(
        root=str(root),
        mode="live",
        settings_module=module,
        django_version=django.get_version(),
        apps=apps,
        models=models,
        endpoints=endpoints,
        url_prefixes=prefixes,
        warnings=tuple(warnings),
        **scanned,
    )


def setup_django(root: Path, settings_module: str, warnings: list[str]) -> None:
    """Put ``root`` first on ``sys.path``, point Django at the settings, ``django.setup()``."""
    _put_first_on_path(root)
    for manage_dir in manage_dirs(root):
        if str(manage_dir) not in sys.path:
            sys.path.insert(1, str(manage_dir))
    import django
    from django.apps import apps
    from django.conf import settings

    if settings.configured:
        loaded = getattr(settings, "SETTINGS_MODULE", None)
        if loaded and loaded != settings_module:
            warnings.append(f"settings `{loaded}` were already loaded; `{settings_module}` not used")
        if not apps.ready:
            _setup(django, settings_module)
        return
    os.environ["DJANGO_SETTINGS_MODULE"] = settings_module
    _use_configurations(root)
    sys.dont_write_bytecode = True  # importing the project must not write into its tree
    _setup(django, settings_module)


def _use_configurations(root: Path) -> None:
    """A django-configurations project's settings module imports only once its importer
    is installed, which its ``manage.py`` does (as pytest-django does): with the class in
    DJANGO_CONFIGURATION, or else the one ``manage.py`` names."""
    configuration = os.environ.get(CONFIGURATION_VARIABLE) or find_configuration(root)
    if not configuration:
        return
    try:
        import configurations.importer
    except ImportError:
        return  # the settings module says what is missing when it is imported
    os.environ[CONFIGURATION_VARIABLE] = configuration
    configurations.importer.install()


def _setup(django: object, settings_module: str) -> None:
    try:
        django.setup()  # type: ignore[attr-defined]
    except (Exception, SystemExit) as error:  # the project's own import errors
        raise ProjectImportError.from_error(settings_module, error) from error


def _put_first_on_path(root: Path) -> None:
    entry = str(root)
    while entry in sys.path:
        sys.path.remove(entry)
    sys.path.insert(0, entry)


def scan_sources(
    root: Path, setting_value: SettingValue, warnings: list[str], settings: tuple[SettingFact, ...],
    commands: tuple[CommandFact, ...], settings_module: str | None = None,
) -> dict[str, Any]:
    """Environment reads, cache keys, symbols, the settings' written defaults and the
    settings read with a default (added to ``settings``) from the AST of the project's
    own code; ``commands`` with the option defaults they take from the settings as
    written (:mod:`.option_settings`)."""
    sources = load_project_sources(root, sys.path)
    warnings.extend(sources.warnings)
    symbols, modules = collect_symbols(sources)
    settings = with_defaulted(_with_written_defaults(settings, sources, root, settings_module), sources)
    return {
        "settings": settings,
        "commands": with_setting_defaults(commands, settings, sources),
        "env_vars": collect_env_vars(sources),
        "cache_keys": collect_cache_keys(sources, setting_value),
        "symbols": symbols,
        "modules": modules,
    }


def _with_written_defaults(
    settings: tuple[SettingFact, ...], sources: ProjectSources, root: Path, settings_module: str | None
) -> tuple[SettingFact, ...]:
    """The values the settings module gives without an environment, read as static mode
    reads them: this run's environment chose the live ones."""
    from featuredocs.introspect.static.modules import ModuleIndex
    from featuredocs.introspect.static.settings import read_settings, with_written_defaults

    if settings_module is None:
        return settings
    try:
        read = read_settings(ModuleIndex(sources), settings_module, [])
    except Exception:  # a settings module the reading cannot follow: no defaults, no failure
        return settings
    return with_written_defaults(settings, read, root)


def _with_unloadable(
    commands: tuple[CommandFact, ...], unloadable: dict[str, str], root: Path, settings_module: str,
    warnings: list[str],
) -> tuple[CommandFact, ...]:
    """``commands`` with those that cannot be loaded (a module broken by the change being
    documented) as static mode reads them from the source: a page documenting one is
    checked against its options, not told that it does not exist."""
    from featuredocs.introspect.static import collect_static

    # Only a command whose class the source shows: a module that raises before defining
    # one is no command at all.
    read = {c.name: c for c in collect_static(root, settings_module).commands if c.location is not None}
    for name, reason in unloadable.items():
        instead = "; read from the source instead" if name in read else ""
        warnings.append(f"command {name}: cannot be loaded ({reason}){instead}")
    found = [read[name] for name in unloadable if name in read]
    return tuple(sorted((*commands, *found), key=lambda command: command.name))


def collect_endpoints_safely(
    root: Path, warnings: list[str], settings_module: str,
) -> tuple[tuple[EndpointFact, ...], tuple[str, ...]]:
    """Endpoints from ``featuredocs.introspect.urls``; a warning when it is missing or fails.

    A URLconf that raises on import (a view module broken by the change being documented)
    must not hide the other facts, nor leave the project without endpoints: every
    documented path would then be reported as unknown. The endpoints are read from the
    source instead, as static mode reads them, and the warning says so.
    """
    try:
        from featuredocs.introspect.urls import collect_endpoints
    except ImportError:
        warnings.append("endpoints: URL introspection is not available")
        return (), ()
    try:
        endpoints, prefixes = collect_endpoints(root)
    except Exception as error:
        from featuredocs.introspect.static import collect_static

        text = str(error).strip().splitlines()
        reason = f"{type(error).__name__}: {text[0]}" if text else type(error).__name__
        warnings.append(f"endpoints: the URLconf cannot be imported ({reason}); read from the source instead")
        static = collect_static(root, settings_module)
        warnings.extend(w for w in static.warnings if w.startswith("endpoints:"))
        return static.endpoints, static.url_prefixes
    return tuple(endpoints), tuple(prefixes)
