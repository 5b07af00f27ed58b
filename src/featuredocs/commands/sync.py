"""``featuredocs sync [PATHS…]``: refresh the fact-derived parts of existing pages in place."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from featuredocs.cache import check_passes
from featuredocs.commands.common import config_from
from featuredocs.config import Config
from featuredocs.engine import feature_pages, select_pages
from featuredocs.errors import UsageError
from featuredocs.fix.apply import write_changes
from featuredocs.fix.diff import diff_changes
from featuredocs.fix.sync import sync
from featuredocs.markdown.load import display_path
from featuredocs.model import DocSet
from featuredocs.model.page import REFERENCE_PAGES
from featuredocs.output import say
from featuredocs.policy import EXIT_CLEAN, EXIT_FINDINGS, EXIT_USAGE


def run(args: argparse.Namespace) -> int:
    config = config_from(args)
    # The docs and facts are read as a check reads them: after a check, from its cache,
    # with the pages it found sync leaves as they are, which are not looked at again.
    # Findings are worked out only for a run that keeps them for the next check.
    passes = check_passes(config, use_cache=not args.no_cache, writes=not (args.check or args.diff),
                          findings=False, sync=True)
    checked = passes.check(args.paths)
    notes = passes.finish()
    errors = passes.docs.errors
    for error in errors:
        print(f"featuredocs: {display_path(error.path, None)}: {error.message}", file=sys.stderr)
    for note in (*checked.notes, *notes):
        say(note)
    facts = passes.facts
    if facts is None:
        raise UsageError("sync needs the project's facts, and none could be read", str(config.root))
    docset = passes.docs.plain_docset()
    _only_feature_pages(docset, config, args.paths)
    result = sync(config, facts, docset, paths=args.paths, parsed=False,
                  known_in_sync=passes.in_sync(checked))
    failed = EXIT_USAGE if errors else EXIT_CLEAN
    if args.diff:
        text = diff_changes(result.changes)
        sys.stdout.write(text)
        return failed if errors or not text else EXIT_FINDINGS  # bad input outranks a diff
    if args.check:
        for change in result.changes:
            print(f"would update {change.display}")
        return failed if errors or not result.changes else EXIT_FINDINGS
    if errors:
        # As check --fix: nothing is written until every page reads.
        if result.changes:
            print("featuredocs: no pages updated: a page could not be read", file=sys.stderr)
        return EXIT_USAGE
    report = write_changes(list(result.changes))
    for change in report.written:
        print(f"updated {change.display}")
    for error in report.errors:
        print(f"featuredocs: {error}", file=sys.stderr)
    if not result.changes:
        print("featuredocs: every page is in sync", file=sys.stderr)
    return EXIT_USAGE if report.errors else failed


def _only_feature_pages(docset: DocSet, config: Config, paths: list[Path]) -> None:
    """Sync refreshes feature pages only: a path naming none of them is an error, not a
    page in sync."""
    features = feature_pages(docset, config)
    for path in paths:
        selected = select_pages(docset, [path])
        if selected & features:
            continue
        if selected and selected <= REFERENCE_PAGES:
            # The index and the references are written by `index`, which keeps them in sync.
            raise UsageError("written by `featuredocs index`, which refreshes it; sync refreshes feature pages",
                             display_path(path, None))
        raise UsageError(
            "not a feature page; sync refreshes only the pages matching "
            + ", ".join(f"`{glob}`" for glob in config.pages),
            display_path(path, None),
        )
