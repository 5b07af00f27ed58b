"""Pages checked again in a run (on every core when there are many): each one's findings,
and what a later run keeps with them."""

from __future__ import annotations

from collections.abc import Callable, Container
from dataclasses import dataclass
from typing import TYPE_CHECKING

from featuredocs import parallel
from featuredocs.cache.noted_reads import RunNotes, packed, take_run_notes
from featuredocs.cache.outcome import CacheStats
from featuredocs.config import Config
from featuredocs.engine import page_findings, settle
from featuredocs.model import DocSet, Finding, Page, reads
from featuredocs.rules.base import CheckContext, Rule

if TYPE_CHECKING:
    from featuredocs.coverage.claimed import Claimed

#: A page's findings, what it documents (a feature page, with facts), whether sync leaves
#: it as it is (None: not worked out), its reads (pickled), and what else this process
#: noted meanwhile.
Checked = tuple[tuple[Finding, ...], "Claimed | None", bool | None, bytes | None, RunNotes]


@dataclass(frozen=True)
class PageCheck:
    """Checks one page (by rel; ``page_of`` gives it parsed) with ``rules`` against ``ctx``.

    ``claims``: work out what a feature page documents, for coverage and the index;
    ``verdicts``: whether sync leaves it as it is; ``noting``: pickle what its rules read
    of the facts. Each only for a run that keeps it or a caller that asks.
    """

    ctx: CheckContext
    rules: tuple[Rule, ...]
    config: Config
    page_of: Callable[[str], Page]
    claims: bool
    verdicts: bool
    noting: bool

    def __call__(self, rel: str) -> Checked:
        from featuredocs.coverage.claimed import page_claims

        ctx, page = self.ctx, self.page_of(rel)
        # A page's rules report on that page, so its suppressions settle them.
        alone = DocSet(ctx.docset.root, (page,), frozenset())
        with reads.page_reads() as noted:
            findings = tuple(settle(page_findings(self.rules, page, ctx), alone, self.config))
            # Most of what a feature page documents is the claims its rules just extracted
            # (CheckContext.memo), and it holds exactly as long as its findings do.
            feature = ctx.facts is not None and ctx.is_feature(page)
            claimed = page_claims(page, ctx) if self.claims and feature else None
            # Sync reads the same claims, and its reads are noted with the rules'.
            synced = sync_verdict(page, ctx, self.config) if self.verdicts and feature else None
        blob = packed(noted) if self.noting else None
        return findings, claimed, synced, blob, take_run_notes()


def check_pages(
    check: PageCheck, stale: list[str], workers: int | None, stats: CacheStats, parsed: Container[str],
) -> list[Checked]:
    """Each of ``stale`` checked again, on every core when there are many (``workers`` of
    them when given); ``parsed``: the pages this process has parsed."""
    if parallel.can_fork() and len(stale) > parallel.MIN_ITEMS:
        stats.workers = parallel.available_workers() if workers is None else workers
    workers = stats.workers
    if workers < 2:
        return parallel.map_in_order(check, stale, 1)
    unparsed = sum(1 for rel in stale[1:] if rel not in parsed)  # the first is checked here
    found = parallel.map_in_order(check, stale, workers)
    stats.parsed += unparsed  # parsed by the workers, whose counters are their own
    return found


def sync_verdict(page: Page, ctx: CheckContext, config: Config) -> bool | None:
    """Whether sync leaves ``page`` as it is; None when sync fails on it: the check still
    reports its findings, and sync, looking at the page itself, says what went wrong."""
    from featuredocs.fix.sync.run import in_sync

    try:
        return in_sync(page, ctx, config)
    except Exception:
        return None
