"""``featuredocs sync [PATHS…]``: refresh the fact-derived parts of existing pages in place."""

from __future__ import annotations

import argparse
import sys

from featuredocs.commands.common import config_from
from featuredocs.engine import load_docs, select_pages
from featuredocs.errors import UsageError
from featuredocs.fix.apply import write_changes
from featuredocs.fix.diff import diff_changes
from featuredocs.fix.sync import sync
from featuredocs.markdown.load import display_path
from featuredocs.policy import EXIT_CLEAN, EXIT_FINDINGS, EXIT_USAGE
from featuredocs.project import load_facts


def run(args: argparse.Namespace) -> int:
    config = config_from(args)
    docset, errors = load_docs(config)
    select_pages(docset, args.paths)  # a bad path is reported before the project loads
    for error in errors:
        print(f"featuredocs: {display_path(error.path, None)}: {error.message}", file=sys.stderr)
    outcome = load_facts(config)
    for note in outcome.notes:
        print(f"featuredocs: {note}", file=sys.stderr)
    if outcome.facts is None:
        raise UsageError("sync needs the project's facts, and none could be read", str(config.root))
    result = sync(config, outcome.facts, docset, paths=args.paths)
    failed = EXIT_USAGE if errors else EXIT_CLEAN
    if args.diff:
        text = diff_changes(result.changes)
        sys.stdout.write(text)
        return EXIT_FINDINGS if text else failed
    if args.check:
        for change in result.changes:
            print(f"would update {change.display}")
        return EXIT_FINDINGS if result.changes else failed
    report = write_changes(list(result.changes))
    for change in report.written:
        print(f"updated {change.display}")
    for error in report.errors:
        print(f"featuredocs: {error}", file=sys.stderr)
    if not result.changes:
        print("featuredocs: every page is in sync", file=sys.stderr)
    return EXIT_USAGE if report.errors else failed
