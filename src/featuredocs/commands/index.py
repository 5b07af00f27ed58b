"""``featuredocs index``: the documentation index, the commands and the API reference."""

from __future__ import annotations

import argparse
import sys

from featuredocs.commands.common import config_from, documented_and_facts
from featuredocs.generate.index_run import plan_index
from featuredocs.output import atomic_write
from featuredocs.policy import EXIT_CLEAN, EXIT_FINDINGS


def run(args: argparse.Namespace) -> int:
    config = config_from(args)
    facts, claimed, _ = documented_and_facts(
        config, args, "no facts could be read from the project; the index needs them",
        writes=not (args.check or args.diff),
    )
    updates = [update for update in plan_index(config, facts, claimed) if update.changed]
    if args.diff:
        text = "".join(update.diff() for update in updates)
        sys.stdout.write(text)
        return EXIT_FINDINGS if text else EXIT_CLEAN  # as check --diff and sync --diff
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
