"""Light copies: what a page's record digests of them, how they pickle and where they are kept."""

from __future__ import annotations

import pickle
from dataclasses import dataclass
from pathlib import Path

import pytest

from featuredocs.cache.pages import LIGHT_DIR, LIGHT_SHARDS, PageCache, light_page, make_record, restore
from featuredocs.cache.store import Store
from featuredocs.markdown import parse_page
from featuredocs.model import DocSet, Page
from featuredocs.model.page import Heading, Link
from featuredocs.model.frozen import quick_init
from featuredocs.model.span import Span

DOCS = Path("/docs")
PAGE = """\
---
status: draft
---
# Orders

> **Orders** - What a customer bought.

See [the guide](guide.md#start) and `orders.Order`.

## Data Models

- `Order`: a purchase.

Prose about orders.

<!-- featuredocs: ignore FD301 -->
### Order

Text.
"""


def _page(text: str = PAGE, rel: str = "orders.md") -> Page:
    return parse_page(text, path=DOCS / rel, rel=rel)


def _record(text: str, rel: str = "orders.md"):
    page = _page(text, rel)
    return make_record(page, light_page(page), DocSet(DOCS, (), frozenset({"guide.md"})), None, "content")


@pytest.mark.parametrize(
    ("old", "new"),
    [
        ("# Orders\n", "# Purchases\n"),  # title
        ("What a customer bought.", "What a customer paid for."),  # tagline
        ("`orders.Order`", "`orders.Purchase`"),  # preamble
        ("### Order\n", "### The order\n"),  # a heading
        ("guide.md#start", "guide.md#begin"),  # a link
        ("ignore FD301", "ignore FD302"),  # a suppression
        ("status: draft", "status: stable"),  # front matter
        ("## Data Models\n", "\n## Data Models\n"),  # where the headings sit
    ],
)
def test_the_view_changes_with_anything_cross_page_rules_read(old, new):
    assert new != old and old in PAGE
    assert _record(PAGE.replace(old, new)).view != _record(PAGE).view


def test_the_view_stays_when_only_section_bodies_change():
    assert _record(PAGE.replace("Prose about orders.", "Other prose.")).view == _record(PAGE).view
    assert _record(PAGE.replace("a purchase.", "one purchase.")).view == _record(PAGE).view


def test_a_light_copy_reads_back_equal_with_its_memos_empty():
    page = _page()
    light = light_page(page)
    light.walk_all()
    back = pickle.loads(pickle.dumps(light, protocol=pickle.HIGHEST_PROTOCOL))
    assert back == light and back._walked is None
    assert (back.tagline.span, back.tagline.source) == (page.tagline.span, page.tagline.source)
    restored = restore(back, PAGE, page.display)
    assert (restored.title, restored.headings, restored.links) == (page.title, page.headings, page.links)


@quick_init
@dataclass(frozen=True, slots=True)
class _Base:
    name: str


@dataclass(frozen=True, slots=True)
class _Derived(_Base):
    extra: int = 0


def test_headings_and_links_read_back_with_their_spans():
    span = Span(3, 4, 5, 6)
    items = [Heading(2, "`A`", "A", "a", span), Link("x", "y.md", span, image=True), Link("x", "y.md", span)]
    assert pickle.loads(pickle.dumps(items, protocol=pickle.HIGHEST_PROTOCOL)) == items


def test_a_subclass_of_a_fast_pickling_class_keeps_its_own_fields():
    assert pickle.loads(pickle.dumps(_Derived("a", 3))) == _Derived("a", 3)
    assert pickle.loads(pickle.dumps(_Base("a"))) == _Base("a")
    assert pickle.loads(pickle.dumps(Span(1, 2, 3, 4), protocol=0)) == Span(1, 2, 3, 4)


def _cache(folder: Path) -> PageCache:
    store = Store(folder, "1.0+abc")
    return PageCache(store.read, store.write, store.prune)


def _recorded(cache: PageCache, rels: list[str]) -> dict[str, Page]:
    pages = {}
    for rel in rels:
        page = pages[rel] = _page(PAGE.replace("# Orders", f"# {rel}"), rel)
        cache.record(rel, make_record(page, light_page(page), DocSet(DOCS, (), frozenset()), None, f"content {rel}"))
    cache.save()
    return pages


def test_light_copies_are_kept_a_few_dozen_to_a_file_and_read_back(tmp_path):
    rels = [f"page-{n}.md" for n in range(100)]
    pages = _recorded(_cache(tmp_path), rels)
    assert 1 < len(list((tmp_path / LIGHT_DIR).iterdir())) <= LIGHT_SHARDS
    again = _cache(tmp_path)
    assert all(again.light_for(rel, f"content {rel}") == light_page(pages[rel]) for rel in rels)
    assert again.light_for("page-1.md", "other content") is None
    assert again.light_for("missing.md", "content missing.md") is None


def test_a_page_that_left_the_tree_leaves_its_light_copy_behind(tmp_path):
    rels = [f"page-{n}.md" for n in range(40)]
    _recorded(_cache(tmp_path), rels)
    cache = _cache(tmp_path)
    cache.keep_only(set(rels[1:]))
    cache.save()
    again = _cache(tmp_path)
    assert again.light_for(rels[0], f"content {rels[0]}") is None
    assert again.light_for(rels[1], f"content {rels[1]}") is not None


def test_a_damaged_light_copy_in_an_intact_file_reads_as_missing(tmp_path):
    cache = _cache(tmp_path)
    cache.record("a.md", make_record(_page(), light_page(_page()), DocSet(DOCS, (), frozenset()), None, "c"))
    name = next(iter(cache._dirty))
    cache._shard(name)["a.md"] = ("c", b"\x80\x05 not a pickle")
    cache.save()
    assert _cache(tmp_path).light_for("a.md", "c") is None


def test_records_are_saved_without_their_light_copy(tmp_path):
    record = _record(PAGE)
    assert record.light is not None
    back = pickle.loads(pickle.dumps(record))
    assert back == record and back.light is None


def test_files_an_earlier_layout_left_among_the_light_copies_are_removed(tmp_path):
    (tmp_path / LIGHT_DIR).mkdir(parents=True)
    left = tmp_path / LIGHT_DIR / "3f9a0c1d2e4b5a6978695a4b.pickle"  # one file per page, as before
    left.write_bytes(b"old")
    in_progress = tmp_path / LIGHT_DIR / ".07.pickle.123-456"
    in_progress.write_bytes(b"another run writing")
    rels = [f"page-{n}.md" for n in range(10)]
    pages = _recorded(_cache(tmp_path), rels)
    assert not left.exists()
    assert in_progress.exists()
    again = _cache(tmp_path)
    assert all(again.light_for(rel, f"content {rel}") == light_page(pages[rel]) for rel in rels)

