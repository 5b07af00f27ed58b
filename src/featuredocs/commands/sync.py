"""``featuredocs sync [PATHS…]``: refresh the fact-derived parts of existing pages in place."""

from __future__ import annotations

import argparse
import sys

from featuredocs.cache import facts_alongside
from featuredocs.cache.tree import DocsTree
from featuredocs.commands.common import config_from, project_facts
from featuredocs.engine import select_pages
from featuredocs.fix.apply import write_changes
from featuredocs.fix.diff import diff_changes
from featuredocs.fix.sync import sync
from featuredocs.markdown.load import display_path
from featuredocs.policy import EXIT_CLEAN, EXIT_FINDINGS, EXIT_USAGE


def run(args: argparse.Namespace) -> int:
    config = config_from(args)
    listing = DocsTree(config)
    listing.list()
    select_pages(listing.plain_docset(every_listed=True), args.paths)  # a bad path is reported before the project loads
    # The pages are read while the facts load, and parsed where they are synced.
    outcome, _ = facts_alongside(config, listing.read, use_cache=not args.no_cache,
                                 keep=not (args.check or args.diff))
    errors = listing.errors
    for error in errors:
        print(f"featuredocs: {display_path(error.path, None)}: {error.message}", file=sys.stderr)
    facts = project_facts(outcome, "sync needs the project's facts, and none could be read", str(config.root))
    result = sync(config, facts, listing.plain_docset(), paths=args.paths, parsed=False)
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
