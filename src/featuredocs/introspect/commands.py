"""CommandFacts: every management command with every argparse action of its real parser.

Commands are loaded with ``load_command_class`` and parsed with ``create_parser``; they are
never run.
"""

from __future__ import annotations

import argparse
from collections.abc import Iterator
from dataclasses import replace
from typing import Any

from django.core.management import get_commands, load_command_class
from django.core.management.base import BaseCommand

from featuredocs.introspect.locate import Locator
from featuredocs.model import CommandFact, OptionFact


def collect_commands(
    locator: Locator, project_apps: frozenset[str], unloadable: dict[str, str]
) -> tuple[CommandFact, ...]:
    """Every command that loads; ``unloadable`` gets why each other one does not, by name."""
    base_keys = base_option_keys()
    facts = []
    for name, app in sorted(get_commands().items()):
        try:
            command = app if isinstance(app, BaseCommand) else load_command_class(app, name)
            parser = command.create_parser("manage.py", name)
        except (Exception, SystemExit) as error:  # a command that cannot even load
            unloadable[name] = _one_line(error)
            continue
        app_name = app if isinstance(app, str) else type(app).__module__
        facts.append(CommandFact(
            name=name,
            app=app_name,
            options=tuple(option_facts(parser, base_keys)),
            help=str(command.help or "").strip(),
            project=app_name in project_apps,
            location=locator.class_location(type(command)),
        ))
    return tuple(facts)


def base_option_keys() -> frozenset[tuple[str, ...]]:
    """The options every command has, computed from a bare ``BaseCommand``'s parser."""
    parser = BaseCommand().create_parser("manage.py", "base")
    return frozenset(_key(action) for action in parser._actions)


def _key(action: argparse.Action) -> tuple[str, ...]:
    return tuple(sorted(action.option_strings)) or (action.dest,)


def option_facts(
    parser: argparse.ArgumentParser,
    base_keys: frozenset[tuple[str, ...]] = frozenset(),
    subcommand: str | None = None,
) -> Iterator[OptionFact]:
    """One OptionFact per action, sub-parsers' actions after their own, flagged by name."""
    names = _action_names(parser)
    keys = base_keys if subcommand is None else frozenset()
    groups = {
        id(action): (f"{subcommand} {number}" if subcommand else str(number), bool(group.required))
        for number, group in enumerate(parser._mutually_exclusive_groups, start=1)
        for action in group._group_actions
    }
    for action in parser._actions:
        text = _expanded_help(parser, action, _help(action.help))
        fact = _option_fact(action, names, keys, subcommand, text)
        group = groups.get(id(action))
        yield fact if group is None else replace(fact, exclusive=group[0], exclusive_required=group[1])
        if isinstance(action, argparse._SubParsersAction):
            for sub_name, sub_parser in action.choices.items():
                path = f"{subcommand} {sub_name}" if subcommand else sub_name
                yield from option_facts(sub_parser, frozenset(), path)


def _option_fact(
    action: argparse.Action,
    names: dict[type, str],
    base_keys: frozenset[tuple[str, ...]],
    subcommand: str | None,
    text: str,
) -> OptionFact:
    return OptionFact(
        dest=action.dest,
        flags=tuple(action.option_strings),
        action=names.get(type(action), type(action).__name__),
        default=_default(action.default),
        type=_type_name(action.type),
        choices=tuple(str(c) for c in action.choices) if action.choices is not None else None,
        required=bool(action.required),
        nargs=str(action.nargs) if action.nargs is not None else None,
        metavar=_metavar(action.metavar),
        help=text,
        base=_key(action) in base_keys,
        subcommand=subcommand,
    )


def _action_names(parser: argparse.ArgumentParser) -> dict[type, str]:
    """argparse's own names for its action classes (``store_true``, ``count``, …)."""
    names: dict[type, str] = {}
    for name, cls in parser._registries.get("action", {}).items():
        if isinstance(name, str) and isinstance(cls, type):
            names.setdefault(cls, name)
    return names


def _default(value: Any) -> str | None:
    if value is None or value == argparse.SUPPRESS:
        return None
    return repr(value)


def _type_name(converter: Any) -> str | None:
    if converter is None:
        return None
    return getattr(converter, "__name__", None) or type(converter).__name__


def _metavar(metavar: Any) -> str | None:
    if metavar is None:
        return None
    return " ".join(metavar) if isinstance(metavar, tuple) else str(metavar)


def _help(text: Any) -> str:
    if text is None or text == argparse.SUPPRESS:
        return ""
    return " ".join(str(text).split())


def _expanded_help(parser: argparse.ArgumentParser, action: argparse.Action, text: str) -> str:
    """The help as ``--help`` shows it: ``%(default)s`` and friends filled in by argparse."""
    if "%" not in text:
        return text
    try:
        expanded = parser._get_formatter()._expand_help(action)
    except (KeyError, TypeError, ValueError, AttributeError):
        return text  # a help text with a stray percent sign: keep it as written
    return " ".join(expanded.split())


def _one_line(error: BaseException) -> str:
    return f"{type(error).__name__}: {error}".splitlines()[0] if str(error) else type(error).__name__
