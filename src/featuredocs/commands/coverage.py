"""``featuredocs coverage``: how much of the project the feature pages document."""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from featuredocs.commands.common import add_project_options, config_from
from featuredocs.coverage import coverage_report, should_fail_under
from featuredocs.coverage.report_html import render_html
from featuredocs.coverage.report_json import render_json
from featuredocs.coverage.report_text import render_text
from featuredocs.errors import UsageError
from featuredocs.output import write_output
from featuredocs.policy import EXIT_CLEAN, EXIT_FINDINGS
from featuredocs.project import load_facts

FORMATS = ("text", "json", "html")


def _percentage(value: str) -> float:
    try:
        number = float(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected a number from 0 to 100, not {value!r}") from None
    if not 0 <= number <= 100:
        raise argparse.ArgumentTypeError(f"expected a number from 0 to 100, not {value!r}")
    return number


def configure(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--format", choices=FORMATS, default="text", help="output format (default: text)")
    parser.add_argument("--output", "-o", type=Path, help="write the report to FILE instead of stdout")
    parser.add_argument("--fail-under", type=_percentage, metavar="N",
                        help="exit 1 when the total is below N percent (default: `fail-under` in config)")
    add_project_options(parser)


def run(args: argparse.Namespace) -> int:
    config = config_from(args)
    outcome = load_facts(config)
    for note in outcome.notes:
        print(f"featuredocs: {note}", file=sys.stderr)
    if outcome.facts is None:
        raise UsageError("no facts could be read from the project; coverage needs them")
    report = coverage_report(config, outcome.facts)
    if args.format == "json":
        text = render_json(report)
    elif args.format == "html":
        text = render_html(report, project=config.root.name)
    else:
        text = render_text(report, color=args.output is None and _color(sys.stdout))
    write_output(text, args.output)
    floor = args.fail_under if args.fail_under is not None else config.fail_under
    if should_fail_under(report.total.percent, floor):
        print(
            f"featuredocs: coverage {report.total.percent:.2f}% is below the floor of {floor:g}%",
            file=sys.stderr,
        )
        return EXIT_FINDINGS
    return EXIT_CLEAN


def _color(stream: object) -> bool:
    if os.environ.get("NO_COLOR"):
        return False
    if os.environ.get("FORCE_COLOR"):
        return True
    return bool(getattr(stream, "isatty", lambda: False)())
