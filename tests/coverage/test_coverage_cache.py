"""``featuredocs coverage`` reads the project's facts through the cache ``check`` keeps,
and ``--no-cache`` leaves none behind; the report is the same either way."""

from __future__ import annotations

import json
from pathlib import Path

from featuredocs.cache import DEFAULT_DIR
from tests.cli.support import featuredocs
from tests.generate.shop import copy_shop


def _report(shop: Path, *options: str) -> dict[str, object]:
    run = featuredocs("coverage", "--format", "json", *options, cwd=shop)
    assert run.code == 0, run.err
    return json.loads(run.out)


def test_no_cache_writes_nothing_and_the_cache_changes_no_number(tmp_path: Path) -> None:
    shop = copy_shop(tmp_path)
    uncached = _report(shop, "--no-cache")
    assert not (shop / DEFAULT_DIR).exists()
    first = _report(shop)
    assert list((shop / DEFAULT_DIR).glob("facts-*.meta"))
    assert _report(shop) == first == uncached
