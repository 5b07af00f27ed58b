"""Each change to the project's code reads the facts again, or keeps them, exactly as it must,
observed through the run's counters; and how the facts are read while pages are checked.

Every run is compared with the engine's own, uncached result of the same tree.
"""

from __future__ import annotations

import dataclasses
import os
from pathlib import Path

import pytest

from featuredocs.cache import passes as cache_passes
from featuredocs.cache import run as cache_run
from tests.cache.invalidation import checked_site
from tests.cache.project import Site, codes


@pytest.fixture
def site(tmp_path: Path) -> Site:
    return checked_site(tmp_path)


def test_a_model_change_reads_the_facts_again_and_rechecks_the_pages_that_read_it(site):
    site.edit("orders/models.py", "    total = models", "    total_cents = models")
    again = site.check()
    assert len(site.loads) == 1 and not again.stats.facts_cached
    # orders.md documents the field, guide.md links into the file; the index reads neither.
    assert (again.stats.checked, again.stats.kept) == (2, 1)
    assert "FD302" in codes(again.result.findings, "features/orders.md")
    assert again.result.findings == site.reference()


def test_facts_read_without_hearing_the_settings_are_compared_with_but_never_looked_up(site):
    """Inside a process that already ran Django (``manage.py featuredocs``) what the
    settings read is unknown: such facts serve their run and the comparison of the next
    facts, never a later run in their place."""
    def unheard(config):
        return dataclasses.replace(site.load(config), inputs=None)

    site.edit("orders/models.py", "    total = models", "    total_cents = models")
    inside = cache_passes.incremental_check(site.config(), load=unheard)
    assert len(site.loads) == 1 and inside.stats.checked == 2
    again = cache_passes.incremental_check(site.config(), load=unheard)
    assert len(site.loads) == 2 and not again.stats.facts_cached
    assert again.stats.checked == 0 and again.result.findings == inside.result.findings
    # A child hears everything: its facts, the same, keep every finding and are looked up.
    heard = site.check()
    assert len(site.loads) == 3 and heard.stats.checked == 0
    assert heard.result.findings == site.reference()
    assert site.check().stats.facts_cached and len(site.loads) == 3
    assert cache_passes.incremental_check(site.config(), load=unheard).stats.facts_cached


def test_a_touched_but_unchanged_source_file_keeps_the_facts(site):
    models = site.root / "orders/models.py"
    stat = models.stat()
    os.utime(models, ns=(stat.st_atime_ns, stat.st_mtime_ns + 5_000_000_000))
    again = site.check()
    assert site.loads == [] and again.stats.facts_cached
    # guide.md links to a line of the file: its content, not its time, is what counts.
    assert again.stats.checked == 0
    assert again.result.findings == site.reference()


def test_a_fresh_checkout_keeps_everything(site):
    """A CI job restores the cache into a new checkout: every file has a new time."""
    later = site.root.stat().st_mtime_ns + 7_000_000_000
    for path in site.root.rglob("*"):
        if path.is_file() and ".featuredocs_cache" not in path.parts:
            os.utime(path, ns=(later, later))
    again = site.check()
    assert site.loads == [] and again.stats.facts_cached
    assert (again.stats.checked, again.stats.parsed) == (0, 0)
    assert again.result.findings == site.reference()


def test_a_same_size_edit_is_caught_by_the_content_hash(site):
    site.edit("orders/models.py", "unique=True", "unique=Fals")  # same length, new mtime
    site.check()
    assert len(site.loads) == 1



def test_a_hint_is_asked_again_not_read_again(site):
    from tests.cache.project import ORDERS_PAGE

    site.write("docs/features/invoices.md", ORDERS_PAGE.replace("### Order\n", "### Invoce\n"))
    site.edit("docs/README.md", "- [Guide]", "- [Invoices](features/invoices.md)\n- [Guide]")
    site.edit("project/settings.py", "    'orders',\n", "    'orders',\n    'refunds',\n")
    site.write("refunds/__init__.py", "")
    site.write("refunds/models.py", "from django.db import models\n")
    assert _hints(site.check(), "FD301") == [None]  # no model close to `Invoce`

    site.write("refunds/models.py", "from django.db import models\n\n\nclass Refund(models.Model):\n    pass\n")
    unrelated = site.check()
    assert unrelated.result.findings == site.reference()
    assert unrelated.stats.checked == 0  # the hint's answer is the same: nothing close

    site.edit("refunds/models.py", "class Refund(models.Model):", "class Invoice(models.Model):")
    closer = site.check()
    assert closer.result.findings == site.reference()
    assert closer.stats.checked == 1
    assert _hints(closer, "FD301") == ["did you mean `Invoice`? (refunds/models.py:4)"]


def _hints(run, code: str) -> list[str | None]:
    return [f.hint for f in run.result.findings if f.code == code and f.path.endswith("invoices.md")]


def test_earlier_facts_have_the_child_read_on_two_cores_with_the_same_result(site, monkeypatch, tmp_path):
    """A run that found facts cached before mostly waits for the new ones: the child forks a
    copy of itself for the URLconf. A run with no earlier facts is busy parsing meanwhile."""
    from featuredocs.cache.keys import tool_identity
    from featuredocs.cache.pending import PendingFacts, cache_folder
    from featuredocs.cache.store import Store
    from featuredocs.project import load_facts

    monkeypatch.setenv("FEATUREDOCS_WORKERS", "2")
    config = site.config()
    site.edit("orders/models.py", "    total = models", "    total_cents = models")
    pending = PendingFacts(config, Store(cache_folder(config), tool_identity()))
    assert pending.forking
    read_alone = load_facts(config, child=True).facts
    assert read_alone is not None
    assert pending.result().get().to_json_text() == read_alone.to_json_text()  # type: ignore[union-attr]
    fresh = config.with_overrides(cache_dir=tmp_path / "elsewhere")
    first_run = PendingFacts(fresh, Store(cache_folder(fresh), tool_identity()))
    assert not first_run.forking
    first_run.result()
    monkeypatch.setenv("FEATUREDOCS_WORKERS", "1")
    one_core = PendingFacts(config, Store(cache_folder(config), tool_identity()))
    assert not one_core.forking
    one_core.result()


def test_a_run_with_many_pages_edited_does_not_fork_the_facts_reader(site, monkeypatch):
    """Edited pages are parsed while the facts are read: with many, this process is busy."""
    monkeypatch.setenv("FEATUREDOCS_WORKERS", "2")
    monkeypatch.setattr(cache_run, "_BUSY_PAGES", 2)
    site.edit("orders/models.py", "    total = models", "    total_cents = models")
    site.edit("docs/features/orders.md", "Orders are paid by card.", "Orders are paid by card or transfer.")
    few = cache_passes.incremental_check(site.config())
    assert few.stats.facts_forked and not few.stats.facts_cached
    assert few.result.findings == site.reference()
    site.edit("orders/models.py", "    total_cents = models", "    total_amount = models")  # a third state
    for page in ("docs/features/orders.md", "docs/features/guide.md"):
        site.write(page, (site.root / page).read_text(encoding="utf-8") + "\nMore prose.\n")
    many = cache_passes.incremental_check(site.config())
    assert not many.stats.facts_forked and not many.stats.facts_cached
    assert many.result.findings == site.reference()
