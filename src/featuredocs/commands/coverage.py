"""``featuredocs coverage``: how much of the project the feature pages document."""

from __future__ import annotations

import argparse
import os
import sys

from featuredocs.commands.common import config_from, documented_and_facts
from featuredocs.coverage import coverage_report, should_fail_under
from featuredocs.coverage.report_html import render_html
from featuredocs.coverage.report_json import render_json
from featuredocs.coverage.report_text import render_text
from featuredocs.output import write_output
from featuredocs.policy import EXIT_CLEAN, EXIT_FINDINGS


def run(args: argparse.Namespace) -> int:
    config = config_from(args)
    facts, claimed, _ = documented_and_facts(
        config, args, "no facts could be read from the project; coverage needs them"
    )
    report = coverage_report(config, facts, claimed)
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
