"""The rebuilt parser accepts and rejects exactly what the original argparse parser does."""

from __future__ import annotations

import argparse
from collections.abc import Callable
from pathlib import Path

import pytest

from featuredocs.introspect.commands import option_facts
from featuredocs.model import CommandFact, OptionFact
from featuredocs.rules.fd4_commands.parser import action_name, rejection


class Refusing(argparse.ArgumentParser):
    def error(self, message):
        raise ValueError(message)


def original() -> argparse.ArgumentParser:
    parser = Refusing(prog="manage.py export_orders")
    parser.add_argument("path")
    parser.add_argument("extra", nargs="*")
    parser.add_argument("-f", "--format", choices=["csv", "json"], default="csv")
    parser.add_argument("--days", type=int, default=3)
    parser.add_argument("--ratio", type=float)
    parser.add_argument("--out", type=Path)
    parser.add_argument("--tag", action="append")
    parser.add_argument("--level", type=int, choices=[0, 1, 2])
    parser.add_argument("--dry-run", action="store_true")
    parser.add_argument("--no-input", action="store_false", dest="interactive")
    parser.add_argument("-q", action="count")
    parser.add_argument("--pair", nargs=2)
    parser.add_argument("--database", required=True)
    return parser


def facts_of(parser: argparse.ArgumentParser) -> CommandFact:
    """OptionFacts as introspection reads them from a parser's actions."""
    options = []
    for action in parser._actions:
        options.append(
            OptionFact(
                dest=action.dest,
                flags=tuple(action.option_strings),
                action=type(action).__name__,
                default=None if action.default is None else repr(action.default),
                type=getattr(action.type, "__name__", None),
                choices=None if action.choices is None else tuple(str(c) for c in action.choices),
                required=action.required,
                nargs=None if action.nargs is None else str(action.nargs),
                metavar=action.metavar,
            )
        )
    return CommandFact("export_orders", "shop.orders", options=tuple(options))


ARGVS = [
    "out.csv --database default",
    "out.csv a b c --database default --format json",
    "--database default",
    "out.csv --database default --format xml",
    "out.csv --database default --days three",
    "out.csv --database default --days 3 --ratio 0.5 --out x/y",
    "out.csv --database default --ratio half",
    "out.csv --database default --tag a --tag b",
    "out.csv --database default --level 2",
    "out.csv --database default --level 5",
    "out.csv --database default --dry-run --no-input -qq",
    "out.csv --database default --dry-run=yes",
    "out.csv --database default --pair a",
    "out.csv --database default --pair a b",
    "out.csv --database default --unknown",
    "out.csv --database default --form json",
    "out.csv",
    "out.csv --database",
]


@pytest.mark.parametrize("argv", ARGVS)
def test_rebuilt_parser_agrees_with_the_original(argv):
    assert_agrees(original(), argv)


def test_reason_is_argparses_own():
    reason = rejection(facts_of(original()), ["out.csv", "--database", "d", "--format", "xml"])
    assert reason is not None
    assert reason.startswith("argument -f/--format: invalid choice: 'xml' (choose from ")


def test_help_is_a_plain_flag_that_never_exits():
    assert rejection(facts_of(original()), ["out.csv", "--database", "d", "-h"]) is None


def with_subcommands() -> argparse.ArgumentParser:
    parser = Refusing(prog="manage.py venue_report")
    parser.add_argument("--verbose", action="store_true")
    reports = parser.add_subparsers(dest="report", required=True)
    revenue = reports.add_parser("revenue")
    revenue.add_argument("--month", required=True)
    revenue.add_argument("--format", choices=["table", "csv"], default="table")
    cache = reports.add_parser("cache")
    actions = cache.add_subparsers(dest="action", required=True)
    clear = actions.add_parser("clear")
    clear.add_argument("--days", type=int, default=30)
    return parser


@pytest.mark.parametrize(
    "argv",
    [
        "revenue --month 2025-05", "--verbose revenue --month 2025-05 --format csv", "revenue --format csv",
        "revenue --month 2025-05 --format xlsx", "revenue --month 2025-05 --days 3", "", "weekly",
        "cache clear --days 7", "cache clear --days many", "cache", "cache purge", "--days 7 cache clear",
    ],
)
def test_sub_commands_are_rebuilt_with_their_own_options(argv):
    assert_agrees(with_subcommands(), argv, read=introspected)


def with_exclusive_groups() -> argparse.ArgumentParser:
    parser = Refusing(prog="manage.py prune_members")
    parser.add_argument("--days", type=int, default=365)
    mode = parser.add_mutually_exclusive_group(required=True)
    mode.add_argument("--dry-run", action="store_true")
    mode.add_argument("--commit", action="store_true")
    output = parser.add_mutually_exclusive_group()
    output.add_argument("--quiet", action="store_true")
    output.add_argument("--format", choices=["text", "json"])
    return parser


@pytest.mark.parametrize(
    "argv",
    ["--dry-run", "--commit --days 3", "--days 3", "--dry-run --commit", "--commit --quiet",
     "--commit --quiet --format json", "--dry-run --format xml", ""],
)
def test_mutually_exclusive_groups_are_rebuilt(argv):
    assert_agrees(with_exclusive_groups(), argv, read=introspected)


def test_a_sentence_may_leave_out_the_sub_command_an_option_belongs_to():
    facts = introspected(with_subcommands())
    assert rejection(facts, ["--format", "csv"], whole=False) is None
    assert rejection(facts, ["revenue", "--format", "xlsx"], whole=False) is not None


def test_choices_of_an_unknown_type_are_not_guessed():
    option = OptionFact("when", ("--when",), type="parse_date", choices=("<Day.MON: 1>",))
    command = CommandFact("report", "x", options=(option,))
    assert rejection(command, ["--when", "mon"]) is None


@pytest.mark.parametrize(
    ("written", "name"),
    [("store_true", "store_true"), ("_StoreTrueAction", "store_true"),
     ("_AppendConstAction", "append_const"), ("BooleanOptionalAction", "boolean_optional"),
     ("_HelpAction", "help")],
)
def test_action_names(written, name):
    assert action_name(written) == name


def plain_original() -> argparse.ArgumentParser:
    """A command without positionals or required options: the kind read without argparse."""
    parser = Refusing(prog="manage.py archive_orders")
    parser.add_argument("-b", "--batch-size", type=int, default=500)
    parser.add_argument("--ratio", type=float)
    parser.add_argument("--since", type=Path)
    parser.add_argument("--format", choices=["csv", "json"])
    parser.add_argument("--tag", action="append")
    parser.add_argument("--dry-run", action="store_true")
    parser.add_argument("-q", action="count")
    parser.add_argument("--pair", nargs=2)
    return parser


PLAIN_ARGVS = [
    "",
    "--dry-run",
    "--batch-size 2500 --dry-run",
    "-b 10 -q -q",
    "--batch-size=2500",
    "--batch-size=",
    "--batch-size two",
    "--batch-size -5",
    "--batch-size=-5",
    "--batch-size",
    "--batch",
    "--ratio 0.5 --since a/b --tag x --tag y",
    "--ratio nan",
    "--format json",
    "--format xml",
    "--dry-run=yes",
    "-q=1",
    "--pair a b",
    "--pair a",
    "--dry-run extra",
    "-- --dry-run",
    "--unknown",
    "-",
]


@pytest.mark.parametrize("argv", PLAIN_ARGVS)
def test_invocations_read_without_argparse_agree_with_the_original(argv):
    assert_agrees(plain_original(), argv)


def introspected(parser: argparse.ArgumentParser) -> CommandFact:
    """The facts featuredocs' own introspection reads from ``parser`` (sub-parsers and
    groups too)."""
    return CommandFact(parser.prog.split()[-1], "x", options=tuple(option_facts(parser)))


def assert_agrees(
    real: argparse.ArgumentParser, argv: str, read: Callable[[argparse.ArgumentParser], CommandFact] = facts_of
) -> None:
    """``rejection`` of the facts read from ``real`` says what ``real`` itself says of ``argv``."""
    try:
        real.parse_args(argv.split())
        expected = None
    except ValueError as error:
        expected = str(error)
    assert rejection(read(real), argv.split()) == expected
