"""What each feature page documents (what ``coverage`` and ``index`` read) is worked out
with the page's findings and kept beside them: a check from the cache gives it without
parsing a page, it follows a change of the facts exactly as the findings do, and a lost
claims table costs time, never a wrong answer. Every answer is compared with an uncached
run's."""

from __future__ import annotations

from pathlib import Path

import pytest

from featuredocs.cache import IncrementalCheck, check_passes
from featuredocs.cache.pages import CLAIMS
from featuredocs.cache.pending import cache_folder
from featuredocs.coverage import claimed as claimed_module
from featuredocs.coverage.claimed import Claimed
from featuredocs.model import Page
from featuredocs.rules.base import CheckContext
from tests.cache.project import Site, make_site
from tests.cli.support import featuredocs
from tests.support.django_project import settled


@pytest.fixture
def site(tmp_path: Path) -> Site:
    return make_site(tmp_path / "shop")


def _claimed(site: Site, *, use_cache: bool = True, writes: bool = True) -> tuple[IncrementalCheck, list[Claimed]]:
    passes = check_passes(site.config(), use_cache=use_cache, writes=writes, load=site.load)
    checked = passes.check()
    claimed = passes.claimed()
    passes.finish()
    return checked, claimed


def _fresh(site: Site) -> list[Claimed]:
    return _claimed(site, use_cache=False)[1]


def _orders(claimed: list[Claimed]) -> Claimed:
    return {claim.rel: claim for claim in claimed}["features/orders.md"]


def test_an_unchanged_tree_gives_them_from_the_cache_without_parsing(site: Site) -> None:
    first, claimed = _claimed(site)
    assert first.stats.checked == 3
    again, from_cache = _claimed(site)
    assert (again.stats.parsed, again.stats.checked) == (0, 0)
    assert from_cache == claimed == _fresh(site)
    # Feature pages only, in the docs' order; what orders.md documents, by identity.
    assert [claim.rel for claim in claimed] == ["features/guide.md", "features/orders.md"]
    orders = _orders(claimed)
    assert orders.models == {"orders.Order"}
    assert orders.fields == {("orders.Order", name) for name in ("id", "number", "total", "note")}
    assert (orders.title, orders.tagline) == ("Orders", "What a customer bought, numbered and totalled.")
    assert orders.apps == {"orders"}  # its model's app
    assert {claim.rel: claim for claim in claimed}["features/guide.md"].apps == set()
    assert _orders(claimed).links == ()
    assert {claim.rel: claim for claim in claimed}["features/guide.md"].links == (
        "orders.md#order", "../../orders/models.py#L5",
    )


def test_they_follow_a_change_of_the_facts(site: Site) -> None:
    _claimed(site)
    site.edit("orders/models.py", "    note = models.TextField(blank=True)\n", "")
    changed, claimed = _claimed(site)
    assert changed.stats.checked < changed.stats.pages
    assert ("orders.Order", "note") not in _orders(claimed).fields
    assert claimed == _fresh(site)
    # A change no rule reads keeps every page's findings, and with them its claims.
    site.edit("orders/models.py", "total = models.PositiveIntegerField(default=0)",
              'total = models.PositiveIntegerField(default=0, help_text="In cents.")')
    kept, claimed = _claimed(site)
    assert (kept.stats.checked, kept.stats.kept) == (1, 2)  # guide.md links into the file
    assert claimed == _fresh(site)


def test_they_follow_an_edited_page(site: Site) -> None:
    _claimed(site)
    site.edit("docs/features/orders.md", "- `note` (TextField): Free text.\n", "")
    edited, claimed = _claimed(site)
    assert (edited.stats.checked, edited.stats.reused) == (1, 2)
    assert ("orders.Order", "note") not in _orders(claimed).fields
    assert claimed == _fresh(site)


def test_a_lost_or_damaged_claims_table_is_worked_out_again(site: Site) -> None:
    _, claimed = _claimed(site)
    table = cache_folder(site.config()) / CLAIMS
    assert table.is_file()
    table.write_bytes(b"not a cache file")
    assert _claimed(site)[1] == claimed
    table.unlink()
    assert _claimed(site)[1] == claimed


def test_a_run_that_writes_nothing_reads_them_and_adds_nothing(site: Site) -> None:
    _, claimed = _claimed(site, writes=False)
    assert claimed == _fresh(site)
    assert not cache_folder(site.config()).exists()


def test_coverage_and_index_check_after_a_check_read_the_cache_and_leave_it_as_it_was(site: Site) -> None:
    uncached = featuredocs("coverage", "--format", "json", "--no-cache", cwd=site.root)
    assert uncached.code == 0, uncached.err
    index_uncached = featuredocs("index", "--diff", "--no-cache", cwd=site.root)
    assert index_uncached.code == 1  # a diff to show
    assert featuredocs("index", "--check", cwd=site.root).code == 1
    assert not cache_folder(site.config()).exists()  # --check adds nothing, not even a cache
    settled(site.root)  # so the check leaves the cache as the next runs will find it
    assert featuredocs("check", cwd=site.root).code in (0, 1)
    folder = cache_folder(site.config())
    before = {path: path.read_bytes() for path in folder.rglob("*") if path.is_file()}
    index_cached = featuredocs("index", "--diff", cwd=site.root)
    assert (index_cached.code, index_cached.out) == (1, index_uncached.out)
    assert {path: path.read_bytes() for path in folder.rglob("*") if path.is_file()} == before
    cached = featuredocs("coverage", "--format", "json", cwd=site.root)
    assert (cached.code, cached.out) == (0, uncached.out)


def test_without_a_cache_to_keep_them_no_rule_runs_for_coverage_and_index(site: Site) -> None:
    site.edit("docs/features/orders.md", "- `note` (TextField): Free text.\n", "- `notes` (TextField): Free text.\n")
    checked = check_passes(site.config(), use_cache=False, load=site.load)
    assert "FD302" in {finding.code for finding in checked.check().result.findings}
    for writes in (True, False):
        passes = check_passes(site.config(), use_cache=writes, writes=False, findings=False, claims=True,
                                load=site.load)
        assert passes.check().result.findings == ()
        assert passes.claimed() == checked.claimed()
        assert ("orders.Order", "notes") not in _orders(passes.claimed()).fields
    # With a cache that keeps them, the findings are worked out for the next check.
    kept = check_passes(site.config(), findings=False, load=site.load)
    kept.check()
    kept.finish()
    again = site.check()
    assert again.stats.checked == 0 and "FD302" in {finding.code for finding in again.result.findings}


def test_a_check_that_keeps_nothing_works_them_out_only_when_asked(site: Site, monkeypatch: pytest.MonkeyPatch) -> None:
    worked: list[str] = []
    original = claimed_module.page_claims

    def counted(page: Page, ctx: CheckContext) -> Claimed:
        worked.append(page.rel)
        return original(page, ctx)

    monkeypatch.setattr(claimed_module, "page_claims", counted)
    features = ["features/guide.md", "features/orders.md"]
    passes = check_passes(site.config(), use_cache=False, load=site.load)
    assert passes.check().stats.checked == 3
    assert worked == []  # --no-cache: nothing reads them
    syncing = check_passes(site.config(), use_cache=False, findings=False, sync=True, load=site.load)
    assert syncing.in_sync(syncing.check()) and worked == []  # sync reads its verdicts only
    asked = passes.claimed()
    assert worked == features
    assert asked == _fresh(site)
    # A check that keeps its findings for later runs keeps them too.
    worked.clear()
    _claimed(site)
    assert worked == features
    worked.clear()
    assert _claimed(site)[1] == asked
    assert worked == []  # from the cache


def test_new_after_a_check_links_the_pages_the_check_found(site: Site) -> None:
    uncached = featuredocs("new", "refunds", "--app", "orders", "--stdout", "--no-cache", cwd=site.root)
    assert uncached.code == 0, uncached.err
    # orders.md documents a model of the app: the new page relates to it; guide.md does not.
    assert "- [Orders](orders.md) - [How it relates]" in uncached.out
    assert "guide.md" not in uncached.out
    assert not cache_folder(site.config()).exists()
    assert featuredocs("check", cwd=site.root).code in (0, 1)
    cached = featuredocs("new", "refunds", "--app", "orders", "--stdout", cwd=site.root)
    assert (cached.code, cached.out) == (0, uncached.out)
    written = featuredocs("new", "refunds", "--app", "orders", cwd=site.root)
    assert written.code == 0, written.err
    assert (site.root / "docs/features/refunds.md").read_text(encoding="utf-8") == uncached.out
