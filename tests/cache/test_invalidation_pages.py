"""Each change to the docs tree, or to a file a page links to, rechecks exactly the pages it
must, observed through the run's counters.

Every run is compared with the engine's own, uncached result of the same tree.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.cache.invalidation import checked_site
from tests.cache.project import Site, codes


@pytest.fixture
def site(tmp_path: Path) -> Site:
    return checked_site(tmp_path)


def test_an_unchanged_tree_reuses_every_result_and_the_facts(site):
    again = site.check()
    assert (again.stats.parsed, again.stats.checked, again.stats.reused) == (0, 0, 3)
    assert again.stats.facts_cached and site.loads == []
    assert not again.stats.docset_rules_run
    assert again.result.findings == site.reference()


def test_a_prose_change_rechecks_that_page_only(site):
    site.edit("docs/features/orders.md", "Orders are paid by card.", "Orders are paid by card or transfer.")
    again = site.check()
    assert (again.stats.parsed, again.stats.checked, again.stats.reused) == (1, 1, 2)
    assert site.loads == []
    assert not again.stats.docset_rules_run  # no heading, link or title changed
    assert again.result.findings == site.reference()


def test_a_removed_anchor_rechecks_the_pages_linking_to_it(site):
    site.edit("docs/features/orders.md", "### Order\n", "### The order\n")
    again = site.check()
    assert again.stats.checked == 2  # orders.md itself and guide.md, which links to #order
    assert again.stats.docset_rules_run  # a heading changed: reachability is looked at again
    assert "FD202" in codes(again.result.findings, "features/guide.md")
    assert again.result.findings == site.reference()


def test_a_check_from_another_folder_reuses_everything_under_the_names_of_the_day(site, monkeypatch):
    """Findings are shown relative to the working directory: a pre-commit hook at the top
    of a monorepo and a check from ``docs/`` name the same pages differently, and share
    one cache."""
    site.edit("docs/features/guide.md", "Read about", "See [the FAQ](faq.md). Read about")
    monkeypatch.chdir(site.root)
    assert "FD201" in codes(site.check().result.findings, "features/guide.md")
    for folder in (site.docs, site.root.parent, site.root):
        monkeypatch.chdir(folder)
        again = site.check()
        assert (again.stats.parsed, again.stats.checked, again.stats.docset_rules_run) == (0, 0, False)
        assert again.result.findings == site.reference()
        assert any(f.path == str(site.docs.relative_to(folder) / "features/guide.md") for f in again.result.findings)


REFUNDS_PAGE = """\
# Refunds

> **Refunds** - Money sent back.

## Overview

Refunds follow [the payment rules](orders.md#payment); see the [photo](img/refund.png).
"""


def test_a_new_page_is_checked_alone_with_the_pages_that_link_to_it(site):
    """A page added to a thousand costs one page and the docset-scope rules, not a thousand."""
    site.write("docs/features/refunds.md", REFUNDS_PAGE)
    again = site.check()
    assert (again.stats.parsed, again.stats.checked) == (1, 1)
    assert again.stats.docset_rules_run  # the new page may be unreachable
    assert again.result.findings == site.reference()

    site.edit("docs/features/guide.md", "Read about", "See [refunds](refunds.md) and read about")
    assert site.check().stats.checked == 1  # guide.md, whose link now finds a page
    site.write("docs/features/img/refund.png", "not really a picture")
    again = site.check()
    assert again.stats.checked == 1  # refunds.md: its image appeared
    assert "FD201" not in codes(again.result.findings, "features/refunds.md")
    assert again.result.findings == site.reference()
    site.write("docs/features/img/other.png", "a file no page links to")
    assert site.check().stats.checked == 0


def test_a_removed_page_rechecks_the_pages_that_link_to_it(site):
    site.write("docs/features/refunds.md", REFUNDS_PAGE)
    site.edit("docs/features/guide.md", "Read about", "See [refunds](refunds.md) and read about")
    site.check()
    (site.docs / "features" / "refunds.md").unlink()
    again = site.check()
    assert again.stats.checked == 1  # guide.md
    assert "FD201" in codes(again.result.findings, "features/guide.md")
    assert again.result.findings == site.reference()


def test_a_file_next_to_a_missing_link_target_rechecks_the_page_for_its_hint(site):
    site.write("docs/features/refunds.md", REFUNDS_PAGE.replace("orders.md#payment", "order.md"))
    hinted = site.check().result.findings
    assert [f.hint for f in hinted if f.code == "FD201" and "order.md" in f.message] == [
        "did you mean `orders.md`?"
    ]
    site.write("docs/features/ordr.md", "# Ordr\n")  # a closer name for the missing one
    again = site.check()
    assert again.stats.checked == 2  # refunds.md for its hint, and the new page
    assert again.result.findings == site.reference()



def test_a_shorter_linked_source_file_rechecks_the_linking_page(site):
    site.write("orders/models.py", "from django.db import models\n")  # line 5 is gone
    again = site.check()
    assert "FD203" in codes(again.result.findings, "features/guide.md")
    assert again.result.findings == site.reference()


def test_a_page_added_where_a_link_pointed_rechecks_the_linking_page(site):
    site.edit("docs/features/guide.md", "Read about", "See [the FAQ](faq.md). Read about")
    assert "FD201" in codes(site.check().result.findings, "features/guide.md")
    site.write("docs/features/faq.md", "# FAQ\n")
    again = site.check()
    assert again.stats.checked == 2  # guide.md and faq.md; orders.md and the index keep theirs
    assert "FD201" not in codes(again.result.findings, "features/guide.md")
    assert again.result.findings == site.reference()


def test_checking_some_pages_then_all_computes_the_rest(site):
    site.edit("docs/features/orders.md", "by card", "by card only")
    site.edit("docs/features/guide.md", "Where to start", "Where to begin")
    some = site.check(paths=[site.docs / "features/guide.md"])
    assert some.stats.checked == 1
    everything = site.check()
    assert everything.stats.checked == 1  # orders.md; guide.md is already known
    assert everything.result.findings == site.reference()


def test_naming_some_pages_then_all_runs_the_docset_rules_once(site):
    """A pre-commit hook names the pages a commit touches and CI checks them all: the
    docset-scope rules' findings are kept for every page, and each run shows its pages'."""
    site.write("docs/features/lost.md", "# Lost\n\n> **Lost** - Linked from nowhere.\n")
    everything = site.check()
    assert everything.stats.docset_rules_run
    assert "FD204" in codes(everything.result.findings, "features/lost.md")
    for named in ("features/guide.md", "features/lost.md", "features"):
        some = site.check(paths=[site.docs / named])
        assert (some.stats.checked, some.stats.docset_rules_run) == (0, False)
        assert some.result.findings == tuple(f for f in site.reference() if f"docs/{named}" in f.path)
    again = site.check()
    assert (again.stats.checked, again.stats.docset_rules_run) == (0, False)
    assert again.result.findings == site.reference()


def test_a_new_file_next_to_a_missing_linked_one_changes_its_hint(site):
    site.edit("docs/features/guide.md", "Read about", "See [the services](../../orders/servces.py). Read about")
    assert _fd201_hints(site.check()) == [None]  # nothing close in orders/
    site.write("orders/services.py", "")
    again = site.check()
    assert _fd201_hints(again) == ["did you mean `../../orders/services.py`?"]
    assert again.result.findings == site.reference()


def _fd201_hints(run) -> list[str | None]:
    return [f.hint for f in run.result.findings if f.code == "FD201"]
