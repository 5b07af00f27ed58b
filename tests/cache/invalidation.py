"""The shop the invalidation tests start from: checked once with nothing cached, its
findings the engine's own, its facts loads forgotten."""

from __future__ import annotations

from pathlib import Path

from tests.cache.project import Site, make_site


def checked_site(tmp_path: Path) -> Site:
    site = make_site(tmp_path / "shop")
    first = site.check()
    assert first.stats.checked == 3 and not first.stats.facts_cached
    assert first.result.findings == site.reference()
    site.loads.clear()
    return site
