"""A check that keeps its findings also works out which feature pages ``sync`` leaves as
they are, under the same reads, so that sync after it looks again only at the others.

Every answer is compared with sync's own on the same pages, knowing nothing.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from featuredocs.cache import Passes, check_passes
from featuredocs.cache.outcome import IncrementalCheck
from featuredocs.cli import main
from featuredocs.fix.pages import reparsed
from featuredocs.fix.sync import run as sync_run
from featuredocs.fix.sync import sync
from tests.cache.project import Site, make_site

PAGES = frozenset({"features/orders.md", "features/guide.md"})
NEW_FIELD = ("    note = models.TextField(blank=True)\n",
             "    note = models.TextField(blank=True)\n    paid_at = models.DateTimeField(null=True)\n")


@pytest.fixture
def site(tmp_path: Path) -> Site:
    site = make_site(tmp_path / "shop")
    site.check()
    site.loads.clear()
    return site


def sync_pass(site: Site) -> tuple[Passes, IncrementalCheck]:
    """The pass ``sync --check`` makes before it syncs: it reads the cache, adds nothing."""
    passes = check_passes(site.config(), writes=False, findings=False, sync=True, load=site.load)
    return passes, passes.check()


def same_as_knowing_nothing(site: Site, passes: Passes, checked: IncrementalCheck) -> tuple[str, ...]:
    """The pages sync changes, which must be those it changes knowing no page in sync."""
    assert passes.facts is not None
    config, facts, docset = site.config(), passes.facts, passes.docs.plain_docset()
    known = sync(config, facts, docset, parsed=False, known_in_sync=passes.in_sync(checked))
    fresh = sync(config, facts, docset, parsed=False)
    assert known.changes == fresh.changes
    return tuple(change.display for change in known.changes)


def test_after_a_check_sync_knows_every_page_in_sync_without_parsing_one(site: Site) -> None:
    passes, checked = sync_pass(site)
    assert (checked.stats.parsed, checked.stats.checked, site.loads) == (0, 0, [])
    assert passes.in_sync(checked) == PAGES
    assert same_as_knowing_nothing(site, passes, checked) == ()


def test_a_new_field_takes_the_page_that_lists_the_models_fields_out(site: Site) -> None:
    site.edit("orders/models.py", *NEW_FIELD)
    passes, checked = sync_pass(site)
    assert site.loads  # the facts changed
    assert "features/orders.md" not in passes.in_sync(checked)
    changed = same_as_knowing_nothing(site, passes, checked)
    assert [Path(display).name for display in changed] == ["orders.md"]


def test_a_branch_switched_back_judges_the_pages_by_the_findings_found_again(site: Site) -> None:
    """Each page keeps its results under the facts of both branches: the one a check finds
    again is the one sync reads, not the one remembered last."""
    site.edit("orders/models.py", *NEW_FIELD)
    assert site.check().stats.checked >= 1
    site.edit("orders/models.py", *reversed(NEW_FIELD))
    back = site.check()
    assert (back.stats.checked, back.stats.facts_cached) == (0, True)
    passes, checked = sync_pass(site)
    assert passes.in_sync(checked) == PAGES
    assert same_as_knowing_nothing(site, passes, checked) == ()


def test_a_page_edited_out_of_sync_is_judged_again_by_the_pass_that_reads_it(site: Site) -> None:
    """``sync --check`` writes no cache: the pass before it judges the edited page itself."""
    site.edit("docs/features/orders.md", "`total` (PositiveIntegerField)", "`total` (CharField)")
    passes, checked = sync_pass(site)
    assert (checked.stats.checked, site.loads) == (1, [])
    assert passes.in_sync(checked) == {"features/guide.md"}
    assert [Path(display).name for display in same_as_knowing_nothing(site, passes, checked)] == ["orders.md"]


def test_sync_after_a_check_parses_no_page_in_sync(
    site: Site, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    looked_at: list[str] = []

    def counted(page, text):  # type: ignore[no-untyped-def]
        looked_at.append(page.rel)
        return reparsed(page, text)

    monkeypatch.setattr(sync_run, "reparsed", counted)
    monkeypatch.chdir(site.root)
    arguments = ["sync", "--check", "--settings", "project.settings"]
    assert main(arguments) == 0
    assert looked_at == []
    site.edit("docs/features/orders.md", "`total` (PositiveIntegerField)", "`total` (CharField)")
    assert main(arguments) == 1
    assert looked_at == ["features/orders.md", "features/orders.md"]  # synced, then looked at again
    assert capsys.readouterr().out == "would update docs/features/orders.md\n"


def test_a_check_reports_its_findings_when_sync_fails_on_a_page(site: Site, monkeypatch: pytest.MonkeyPatch) -> None:
    def failing(page, ctx, config):  # type: ignore[no-untyped-def]
        raise RuntimeError("sync cannot read this page")

    monkeypatch.setattr(sync_run, "in_sync", failing)
    site.edit("docs/features/orders.md", "Orders are paid by card.", "Orders are paid by card or transfer.")
    again = site.check()
    assert again.stats.checked == 1
    assert again.result.findings == site.reference()
    passes, checked = sync_pass(site)
    assert passes.in_sync(checked) == {"features/guide.md"}  # unknown: sync looks for itself
