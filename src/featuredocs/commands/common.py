"""What the subcommands share: the configuration they run with (the config file,
overridden by their options), and the project's facts and docs as they read them."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from typing import TYPE_CHECKING, NamedTuple

from featuredocs.cache import check_passes
from featuredocs.cache.tree import DocsTree
from featuredocs.config import Config, load_config
from featuredocs.errors import UsageError
from featuredocs.markdown.load import PageError, display_path
from featuredocs.model import ProjectFacts
from featuredocs.output import say
from featuredocs.project import FactsOutcome

if TYPE_CHECKING:  # not imported by check, whose unchanged tree needs no claim extractor
    from featuredocs.coverage.claimed import Claimed


def config_from(args: argparse.Namespace) -> Config:
    config = load_config(root=args.root) if args.root else load_config()
    return config.with_overrides(
        docs=args.docs.resolve() if args.docs else None,
        settings=args.settings,
        mode=args.mode,
        template=args.template.resolve() if args.template else None,
    )


class Documented(NamedTuple):
    facts: ProjectFacts
    claimed: list[Claimed]  # what each feature page documents, in the docs' order
    docs: DocsTree  # the docs tree as read


def documented_and_facts(
    config: Config, args: argparse.Namespace, missing: str, *, writes: bool = True
) -> Documented:
    """The project's facts, and what each feature page documents: found by a check of the
    docs, so after a check they come from the cache without parsing a page (unless
    ``--no-cache``). ``writes``: false for a run that promises to write nothing, which
    reads the cache but does not add to it; ``missing``: the error when the project has no
    facts."""
    # The findings are worked out only for the cache, for the next check.
    passes = check_passes(config, use_cache=not args.no_cache, writes=writes, findings=False, claims=True)
    first = passes.check()
    notes = passes.finish()
    for note in (*first.notes, *notes):
        say(note)
    stop_on_page_errors(passes.docs.errors)
    facts = passes.facts
    if facts is None:
        raise UsageError(missing)
    return Documented(facts, passes.claimed(), passes.docs)


def stop_on_page_errors(errors: Sequence[PageError]) -> None:
    """Each page that could not be read on a line of its own, then stop (exit 2): a page
    left out would make the coverage or the index wrong, not just incomplete."""
    for error in errors:
        print(f"featuredocs: {display_path(error.path, None)}: {error.message}", file=sys.stderr)
    if errors:
        count = len(errors)
        raise UsageError(f"stopped: {count} page{'s' if count != 1 else ''} could not be read")


def project_facts(outcome: FactsOutcome, missing: str, where: str | None = None) -> ProjectFacts:
    """The facts, once their notes are on stderr; ``missing``: the error when there are none."""
    for note in outcome.notes:
        say(note)
    if outcome.facts is None:
        raise UsageError(missing, where)
    return outcome.facts
