"""Source files are stamped by size and time, and hashed when those change; a file modified
in the same clock tick as its stamp is hashed again, as an edit may keep both."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from featuredocs.cache import stamps as facts_stamps
from featuredocs.cache.stamps import RACY_NS, source_stamps
from tests.cache.project import Site, codes, make_site

HOUR_NS = 3600 * 1_000_000_000


def write_aged(path: Path, text: str, age_ns: int) -> int:
    """Write ``text`` and set the file's time ``age_ns`` in the past; that time."""
    path.write_text(text, encoding="utf-8")
    when = path.stat().st_mtime_ns - age_ns
    os.utime(path, ns=(when, when))
    return when


def same_size_edit(path: Path, old: str, new: str, when: int) -> None:
    """An edit that keeps the size and, as in one tick of a coarse clock, the time."""
    assert len(old) == len(new)
    path.write_text(path.read_text(encoding="utf-8").replace(old, new), encoding="utf-8")
    os.utime(path, ns=(when, when))


@pytest.fixture
def hashed(monkeypatch: pytest.MonkeyPatch) -> list[bytes]:
    """Every content the stamps hash."""
    seen: list[bytes] = []
    digest = facts_stamps.content_digest

    def counted(data: bytes) -> str:
        seen.append(data)
        return digest(data)

    monkeypatch.setattr(facts_stamps, "content_digest", counted)
    return seen


def test_a_file_stamped_long_after_its_edit_is_not_read_again(tmp_path, hashed):
    when = write_aged(tmp_path / "models.py", "A = 1\n", HOUR_NS)
    first = source_stamps(tmp_path, {})
    assert first["models.py"][:2] == (6, when) and len(hashed) == 1
    assert source_stamps(tmp_path, first) == first
    assert len(hashed) == 1


def test_a_file_stamped_in_the_tick_of_its_edit_is_hashed_again(tmp_path, hashed):
    models = tmp_path / "models.py"
    when = write_aged(models, "A = 1\n", RACY_NS // 4)
    first = source_stamps(tmp_path, {})
    same_size_edit(models, "A = 1", "A = 2", when)
    second = source_stamps(tmp_path, first)
    assert len(hashed) == 2
    assert second["models.py"][2] != first["models.py"][2]


def test_a_file_edited_in_the_future_is_hashed_every_time(tmp_path, hashed):
    """A checkout from a machine whose clock runs ahead."""
    models = tmp_path / "models.py"
    write_aged(models, "A = 1\n", -HOUR_NS)
    stamps = source_stamps(tmp_path, {})
    assert source_stamps(tmp_path, stamps) == stamps
    assert len(hashed) == 2


@pytest.fixture
def site(tmp_path: Path) -> Site:
    return make_site(tmp_path / "shop")


def test_a_model_edited_in_the_tick_the_check_stamped_it_reads_the_facts_again(site):
    models = site.root / "orders/models.py"
    when = models.stat().st_mtime_ns  # written a moment ago
    first = site.check()
    assert "FD302" not in codes(first.result.findings, "features/orders.md")
    same_size_edit(models, "    total = models", "    totel = models", when)
    again = site.check()
    assert not again.stats.facts_cached and len(site.loads) == 2
    assert "FD302" in codes(again.result.findings, "features/orders.md")
    assert again.result.findings == site.reference()
