"""The subcommands, defined once and served by two doors: the ``featuredocs`` console
script and ``python manage.py featuredocs``.

Each subcommand's arguments live in :mod:`featuredocs.commands.arguments`; what it does
lives in its own module, imported only when that subcommand runs.
"""

from __future__ import annotations

import argparse
import importlib
from collections.abc import Callable
from dataclasses import dataclass

from featuredocs.collector import collector_paused
from featuredocs.commands import arguments


@dataclass(frozen=True)
class Subcommand:
    name: str
    help: str
    configure: Callable[[argparse.ArgumentParser], None]
    runner: str  # "module:function", imported when the subcommand runs

    def run(self, args: argparse.Namespace) -> int:
        module, function = self.runner.split(":")
        # A subcommand builds what lives until it ends (pages, facts, findings) and makes
        # next to no cyclic garbage. Were the collector to resume in between, its first
        # pass would walk everything allocated so far: 0.3 s of a cold check at 1,000
        # pages (measured with gc.callbacks), for nothing to free.
        with collector_paused():
            return getattr(importlib.import_module(module), function)(args)  # type: ignore[no-any-return]


SUBCOMMANDS: tuple[Subcommand, ...] = (
    Subcommand("check", "check the pages against the template and the project", arguments.check,
               "featuredocs.commands.check:run"),
    Subcommand("facts", "print what featuredocs reads from the project, as JSON", arguments.facts,
               "featuredocs.commands.facts:run"),
    Subcommand("rules", "list every rule", arguments.rules, "featuredocs.commands.rules:run_list"),
    Subcommand("rule", "explain one rule", arguments.rule, "featuredocs.commands.rules:run_one"),
    Subcommand("new", "write a feature page from the code", arguments.new, "featuredocs.commands.new:run"),
    Subcommand("sync", "refresh the parts of existing pages that come from the code", arguments.sync,
               "featuredocs.commands.sync:run"),
    Subcommand("index", "write the documentation index, commands.md and api.md", arguments.index,
               "featuredocs.commands.index:run"),
    Subcommand("coverage", "how much of the project the pages document", arguments.coverage,
               "featuredocs.commands.coverage:run"),
)


def add_subcommands(
    parser: argparse.ArgumentParser, door: Callable[[argparse.ArgumentParser], None] | None = None,
) -> None:
    """Add every subcommand to ``parser`` (a plain ArgumentParser or Django's CommandParser);
    ``door`` adds the options a door gives every subcommand."""
    subparsers = parser.add_subparsers(dest="subcommand", metavar="COMMAND", required=True)
    for sub in SUBCOMMANDS:
        child = subparsers.add_parser(sub.name, help=sub.help, description=sub.help)
        sub.configure(child)
        if door is not None:
            door(child)
        child.set_defaults(handler=sub.run)
