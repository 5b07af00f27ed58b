"""The subcommands, defined once and served by two doors: the ``featuredocs`` console
script and ``python manage.py featuredocs``.
"""

from __future__ import annotations

import argparse
from collections.abc import Callable
from dataclasses import dataclass

from featuredocs.commands import check, coverage, facts, index, new, rules, sync


@dataclass(frozen=True)
class Subcommand:
    name: str
    help: str
    configure: Callable[[argparse.ArgumentParser], None]
    run: Callable[[argparse.Namespace], int]


SUBCOMMANDS: tuple[Subcommand, ...] = (
    Subcommand("check", "check the pages against the template and the project", check.configure, check.run),
    Subcommand("facts", "print what featuredocs reads from the project, as JSON", facts.configure, facts.run),
    Subcommand("rules", "list every rule", rules.configure_list, rules.run_list),
    Subcommand("rule", "explain one rule", rules.configure_one, rules.run_one),
    Subcommand("new", "write a feature page from the code", new.configure, new.run),
    Subcommand("sync", "refresh the parts of existing pages that come from the code", sync.configure, sync.run),
    Subcommand("index", "write the documentation index, commands.md and api.md", index.configure, index.run),
    Subcommand("coverage", "how much of the project the pages document", coverage.configure, coverage.run),
)


def add_subcommands(parser: argparse.ArgumentParser) -> None:
    """Add every subcommand to ``parser`` (a plain ArgumentParser or Django's CommandParser)."""
    subparsers = parser.add_subparsers(dest="subcommand", metavar="COMMAND", required=True)
    for sub in SUBCOMMANDS:
        child = subparsers.add_parser(sub.name, help=sub.help, description=sub.help)
        sub.configure(child)
        child.set_defaults(handler=sub.run)
