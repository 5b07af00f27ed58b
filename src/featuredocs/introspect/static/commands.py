"""CommandFacts from ``<app>/management/commands/*.py`` of every installed app and Django.

Names resolve as ``manage.py`` resolves them: Django's own commands first, then each app
in reverse ``INSTALLED_APPS`` order, so the first app that has a command wins. Every command
gets the options ``BaseCommand`` adds (asked of Django when it can be imported; otherwise
the documented list below), then its own from ``add_arguments``.

When some options cannot be read from the source (added by code that is not followed), or
the command's source is not at hand, the command's ``options_complete`` is False: pages are
never told a real option does not exist, and its invocations are not judged.
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from featuredocs.introspect.static.apps import StaticApp
from featuredocs.introspect.static.classes import ClassRef, Classes
from featuredocs.introspect.static.command_options import OptionReader, class_attribute
from featuredocs.introspect.static.django_known import (
    CONTRIB_COMMANDS,
    CORE_COMMANDS,
    core_commands_dir,
)
from featuredocs.introspect.static.modules import ModuleIndex
from featuredocs.introspect.static.namespace import module_evaluator
from featuredocs.introspect.static.texts import text_of
from featuredocs.introspect.static.values import is_known
from featuredocs.model import CommandFact, OptionFact, SourceLocation

CORE = "django.core"

#: ``BaseCommand().create_parser()``'s options, for when Django cannot be imported (5.x).
FALLBACK_BASE_OPTIONS = (
    OptionFact("help", ("-h", "--help"), "help", nargs="0",
               help="show this help message and exit", base=True),
    OptionFact("version", ("--version",), "version", nargs="0",
               help="Show program's version number and exit.", base=True),
    OptionFact("verbosity", ("-v", "--verbosity"), default="1", type="int",
               choices=("0", "1", "2", "3"), base=True,
               help="Verbosity level; 0=minimal output, 1=normal output, 2=verbose output, "
                    "3=very verbose output"),
    OptionFact("settings", ("--settings",), base=True,
               help="The Python path to a settings module."),
    OptionFact("pythonpath", ("--pythonpath",), base=True,
               help="A directory to add to the Python path."),
    OptionFact("traceback", ("--traceback",), "store_true", default="False", nargs="0", base=True,
               help="Display a full stack trace on CommandError exceptions."),
    OptionFact("no_color", ("--no-color",), "store_true", default="False", nargs="0", base=True,
               help="Don't colorize the command output."),
    OptionFact("force_color", ("--force-color",), "store_true", default="False", nargs="0",
               base=True, help="Force colorization of the command output."),
    OptionFact("skip_checks", ("--skip-checks",), "store_true", default="False", nargs="0",
               base=True, help="Skip system checks."),
)


def collect_commands(
    index: ModuleIndex, classes: Classes, apps: list[StaticApp], warnings: list[str],
    installed: tuple[str, ...] | None = None,
) -> tuple[CommandFact, ...]:
    """Every command the project's ``manage.py`` offers.

    Commands of Django and installed packages are listed only when every installed app
    was found (or is one of Django's contrib apps, whose commands are known by name):
    otherwise a name missing from the facts might be a command of an app that is not
    installed here, and the list would wrongly look complete. ``installed`` is
    ``INSTALLED_APPS``; None when it could not be read.
    """
    base = base_options(warnings)
    found = {app.entry for app in apps}
    if installed is not None and all(e in found or e in CONTRIB_COMMANDS for e in installed):
        providers = _providers(apps, installed, warnings)
    else:
        providers = {}
        for app in reversed([a for a in apps if a.project]):
            providers.update({n: (app.name, app.path) for n in _command_names(app.path)})
    project_names = {app.name for app in apps if app.project}
    return tuple(
        _command(index, classes, name, app_name, folder, base, app_name in project_names)
        for name, (app_name, folder) in sorted(providers.items())
    )


def _providers(apps: list[StaticApp], installed: tuple[str, ...],
               warnings: list[str]) -> dict[str, tuple[str, Path | None]]:
    """Command name → (app module, app folder), Django's first, first app winning."""
    core = core_commands_dir()
    if core is None:
        warnings.append("Django's source cannot be found: its commands are listed by name only")
        providers: dict[str, tuple[str, Path | None]] = {n: (CORE, None) for n in CORE_COMMANDS}
    else:
        providers = {n: (CORE, core.parent.parent) for n in _names_in(core)}
    by_entry = {app.entry: app for app in apps}
    for entry in reversed(installed):
        app = by_entry.get(entry)
        if app is not None:
            providers.update({n: (app.name, app.path) for n in _command_names(app.path)})
        else:  # a contrib app whose source is not here: its commands by name
            providers.update({n: (entry, None) for n in CONTRIB_COMMANDS.get(entry, ())})
    return providers


def _command_names(app_folder: Path | None) -> list[str]:
    if app_folder is None:
        return []
    return _names_in(app_folder / "management" / "commands")


def _names_in(folder: Path) -> list[str]:
    """Module names as ``pkgutil.iter_modules`` lists them: no packages, no ``_private``."""
    if not folder.is_dir():
        return []
    return sorted(p.stem for p in folder.glob("*.py") if not p.stem.startswith("_"))


def _command(index: ModuleIndex, classes: Classes, name: str, app_name: str, folder: Path | None,
             base: tuple[OptionFact, ...], project: bool) -> CommandFact:
    module_name = f"{'django.core' if app_name == CORE else app_name}.management.commands.{name}"
    module = index.get(module_name) if folder is not None else None
    ref = classes.get(f"{module_name}.Command") if module is not None else None
    if ref is None:
        return CommandFact(name, app_name, base, project=project, options_complete=False)
    read = OptionReader(classes, ref, name).options()
    rel = ref.module.rel
    return CommandFact(
        name=name,
        app=app_name,
        options=(*_base_for(classes, ref, base), *read.options),
        help=_help(classes, ref),
        project=project,
        location=SourceLocation(rel, ref.line()) if rel else None,
        options_complete=read.complete,
    )


def _help(classes: Classes, ref: ClassRef) -> str:
    for cls in classes.refs_in_mro(ref.dotted):
        node = cls.body_value("help")
        if node is not None:
            return text_of(node, module_evaluator(classes.index, cls.module)).strip()
    return ""


def _base_for(classes: Classes, ref: ClassRef, base: tuple[OptionFact, ...]) -> tuple[OptionFact, ...]:
    """``--skip-checks`` only for commands that run the system checks; no help for the
    base options a command hides (``suppressed_base_arguments``)."""
    checks = class_attribute(classes, ref, "requires_system_checks")
    if is_known(checks) and not checks:
        base = tuple(o for o in base if o.dest != "skip_checks")
    suppressed = class_attribute(classes, ref, "suppressed_base_arguments")
    if isinstance(suppressed, set | list | tuple | frozenset) and is_known(suppressed) and suppressed:
        base = tuple(replace(o, help="") if set(o.flags) & set(suppressed) else o for o in base)
    return base


def base_options(warnings: list[str]) -> tuple[OptionFact, ...]:
    """Options every command has, from ``BaseCommand().create_parser`` when Django imports."""
    try:
        from django.core.management.base import BaseCommand

        from featuredocs.introspect.commands import base_option_keys, option_facts

        parser = BaseCommand().create_parser("manage.py", "base")
        return tuple(replace(o, base=True) for o in option_facts(parser, base_option_keys()))
    except Exception:  # Django is not importable here: the options Django 5 adds
        warnings.append("Django cannot be imported: commands get the base options of Django 5")
        return FALLBACK_BASE_OPTIONS
