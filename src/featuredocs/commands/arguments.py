"""Every subcommand's arguments, kept apart from what the subcommands do.

Building the parser imports only this module, so ``featuredocs check`` does not pay for
importing coverage, sync or index (and they not for check).
"""

from __future__ import annotations

import argparse
from pathlib import Path

from featuredocs.config import MODES
from featuredocs.report import FORMATS as REPORT_FORMATS

COVERAGE_FORMATS = ("text", "json", "html")


def add_project_options(parser: argparse.ArgumentParser) -> None:
    group = parser.add_argument_group("project")
    group.add_argument("--root", type=Path, help="project root (default: nearest manage.py or configured pyproject.toml)")
    group.add_argument("--docs", type=Path, help="docs folder (default: docs/ under the root)")
    group.add_argument("--settings", help="Django settings module (default: as Django finds it)")
    group.add_argument("--mode", choices=MODES, help="live: import the project; static: read its source; auto (default): live, else static")
    group.add_argument("--template", type=Path, help="the page template (default: featuredocs' own)")


def add_cache_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--no-cache", action="store_true", help="neither read nor write the cache (.featuredocs_cache/ or cache-dir)")


def check(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("paths", nargs="*", type=Path, help="pages or folders to report on (default: all)")
    parser.add_argument("--format", choices=REPORT_FORMATS, default="text", help="output format (default: text)")
    parser.add_argument("--output", "-o", type=Path, help="write the report to FILE instead of stdout")
    parser.add_argument("--select", help="comma-separated codes or families to run (default: ALL)")
    parser.add_argument("--ignore", help="comma-separated codes or families to skip")
    parser.add_argument("--fix", action="store_true", help="apply the safe fixes, then report what remains")
    parser.add_argument("--diff", action="store_true", help="print the diff --fix would make; write nothing (exit 1 if there is one)")
    parser.add_argument("--unsafe-fixes", action="store_true", help="with --fix or --diff, apply unsafe fixes too")
    parser.add_argument("--execute", action="store_true",
                        help="also run the pages' examples against a throw-away test database (FD805)")
    parser.add_argument("--fixture", action="append", metavar="FIXTURE",
                        help="with --execute: loaddata FIXTURE into the test database first (repeatable)")
    parser.add_argument("--login", metavar="USERNAME", help="with --execute: send the requests logged in as USERNAME")
    add_cache_option(parser)
    add_project_options(parser)


def facts(parser: argparse.ArgumentParser) -> None:
    add_cache_option(parser)
    add_project_options(parser)


def rules(parser: argparse.ArgumentParser) -> None:
    del parser  # `featuredocs rules` takes no arguments


def rule(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("code", help="a rule code such as FD302")


def new(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("name", help="the page's file name without .md: docs/features/NAME.md")
    parser.add_argument("--app", required=True, help="the app the feature lives in (label)")
    parser.add_argument("--model", action="append", default=[], metavar="MODEL",
                        help="document this model (repeatable; default: every model of the app)")
    parser.add_argument("--command", action="append", default=[], metavar="COMMAND",
                        help="document this command (repeatable; default: the app's commands)")
    parser.add_argument("--url-prefix", metavar="PATH",
                        help="document the endpoints under PATH (default: the app's endpoints)")
    parser.add_argument("--force", action="store_true", help="overwrite an existing page")
    parser.add_argument("--stdout", action="store_true", help="print the page instead of writing it")
    add_cache_option(parser)
    add_project_options(parser)


def sync(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("paths", nargs="*", type=Path, help="pages or folders to sync (default: every feature page)")
    parser.add_argument("--check", action="store_true", help="write nothing; exit 1 if any page would change")
    parser.add_argument("--diff", action="store_true", help="print the changes as a unified diff; write nothing (exit 1 if there is one)")
    add_cache_option(parser)
    add_project_options(parser)


def index(parser: argparse.ArgumentParser) -> None:
    mode = parser.add_mutually_exclusive_group()
    mode.add_argument("--check", action="store_true",
                      help="write nothing; exit 1 when a file would change")
    mode.add_argument("--diff", action="store_true",
                      help="write nothing; print what would change as a unified diff (exit 1 if there is one)")
    add_cache_option(parser)
    add_project_options(parser)


def coverage(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--format", choices=COVERAGE_FORMATS, default="text", help="output format (default: text)")
    parser.add_argument("--output", "-o", type=Path, help="write the report to FILE instead of stdout")
    parser.add_argument("--fail-under", type=_percentage, metavar="N",
                        help="exit 1 when the total is below N percent (default: `fail-under` in config)")
    add_cache_option(parser)
    add_project_options(parser)


def _percentage(value: str) -> float:
    try:
        number = float(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected a number from 0 to 100, not {value!r}") from None
    if not 0 <= number <= 100:
        raise argparse.ArgumentTypeError(f"expected a number from 0 to 100, not {value!r}")
    return number
