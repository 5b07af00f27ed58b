"""``featuredocs index``: the documentation index, the commands and the API reference."""

from __future__ import annotations

import argparse
import sys

from featuredocs.cache import facts_alongside
from featuredocs.collector import collector_paused
from featuredocs.commands.common import config_from
from featuredocs.engine import load_docs
from featuredocs.errors import UsageError
from featuredocs.generate.index_run import plan_index
from featuredocs.output import atomic_write
from featuredocs.policy import EXIT_CLEAN, EXIT_FINDINGS


def run(args: argparse.Namespace) -> int:
    config = config_from(args)
    with collector_paused():
        # The pages are read and parsed while the project's facts load (or come from the cache).
        outcome, (docset, _) = facts_alongside(config, lambda: load_docs(config), use_cache=not args.no_cache)
        for note in outcome.notes:
            print(f"featuredocs: {note}", file=sys.stderr)
        if outcome.facts is None:
            raise UsageError("no facts could be read from the project; the index needs them")
        updates = [update for update in plan_index(config, outcome.facts, docset) if update.changed]
    if args.diff:
        sys.stdout.write("".join(update.diff() for update in updates))
        return EXIT_CLEAN
    if args.check:
        for update in updates:
            what = "rewritten" if update.old is not None else "created"
            print(f"featuredocs: {update.display}: would be {what}", file=sys.stderr)
        return EXIT_FINDINGS if updates else EXIT_CLEAN
    for update in updates:
        atomic_write(update.path, update.new)
        print(f"featuredocs: {'wrote' if update.old is not None else 'created'} {update.display}",
              file=sys.stderr)
    return EXIT_CLEAN
