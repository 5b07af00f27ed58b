"""``--no-cache`` with some pages named: what is parsed besides them, and that it changes
no finding."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.cache.project import Site, codes, make_site

PAGE_RULES = ("FD1", "FD2", "FD3")  # FD204, the one docset-scope rule, reads every page


@pytest.fixture
def site(tmp_path: Path) -> Site:
    site = make_site(tmp_path / "shop")
    site.write("docs/features/refunds.md", "# Refunds\n\n> **Refunds** - Money back.\n\n## Overview\n\nSoon.\n")
    site.edit("docs/features/guide.md", "orders.md#order", "orders.md#invoice")
    return site


def test_page_rules_parse_the_named_page_and_the_pages_it_links_to(site):
    config = site.config(select=PAGE_RULES, ignore=("FD204",))
    run = site.check(config, paths=[site.docs / "features/guide.md"], use_cache=False)
    assert run.stats.parsed == 2  # guide.md and orders.md, which it links to
    assert "FD202" in codes(run.result.findings, "guide.md")
    expected = [f for f in site.reference(config) if f.path.endswith("guide.md")]
    assert list(run.result.findings) == expected


def test_docset_rules_parse_every_page(site):
    run = site.check(paths=[site.docs / "features/guide.md"], use_cache=False)
    assert run.stats.parsed == 4
    assert "FD202" in codes(run.result.findings, "guide.md")
    expected = [f for f in site.reference() if f.path.endswith("guide.md")]
    assert list(run.result.findings) == expected
