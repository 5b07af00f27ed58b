"""The page model's elements keep their dataclass behaviour with the quicker constructor."""

from __future__ import annotations

import dataclasses
import pickle
from pathlib import Path

import pytest

from featuredocs.markdown import parse_page
from featuredocs.model import Block, BlockKind, InlineCode, ListItem, Page, Span


def test_spans_build_compare_order_and_pickle_like_dataclasses() -> None:
    span = Span(2, 3, 2, 9)
    assert span == Span(line=2, column=3, end_line=2, end_column=9)
    assert hash(span) == hash(Span(2, 3, 2, 9))
    assert Span(1, 9, 1, 10) < span < Span(2, 4, 2, 5)
    assert pickle.loads(pickle.dumps(span)) == span
    assert dataclasses.replace(span, line=4) == Span(4, 3, 2, 9)
    assert repr(span) == "Span(line=2, column=3, end_line=2, end_column=9)"


def test_elements_keep_their_defaults_and_stay_frozen() -> None:
    block = Block(BlockKind.PARAGRAPH, Span.at(1), "text")
    assert (block.plain, block.items, block.code, block.codes) == ("", (), None, ())
    item = ListItem(source="`a`", plain="a", span=Span.at(1), codes=(InlineCode("a", Span.at(1)),))
    assert item.children == () and item.ordered is False
    with pytest.raises(dataclasses.FrozenInstanceError):
        block.plain = "changed"  # type: ignore[misc]
    with pytest.raises(TypeError):
        Block(BlockKind.PARAGRAPH, Span.at(1))  # type: ignore[call-arg]


def _page_with_sections() -> Page:
    text = "# T\n\n## A\n\n### A1\n\n#### A1a\n\n### A2\n\n## B\n\ntext\n"
    return parse_page(text, path=Path("/docs/p.md"), rel="p.md")


def test_walk_lists_every_section_in_document_order_each_time() -> None:
    page = _page_with_sections()
    titles = ["A", "A1", "A1a", "A2", "B"]
    assert [s.title for s in page.walk()] == titles
    assert [s.title for s in page.walk()] == titles
    assert page.walk_all() is page.walk_all()
    first = page.sections[0]
    assert [s.title for s in first.walk()] == ["A", "A1", "A1a", "A2"]
    assert [s.title for s in first.subsections[0].walk()] == ["A1", "A1a"]


def test_walked_sections_are_no_part_of_equality_repr_pickles_or_replaced_copies() -> None:
    page = dataclasses.replace(_page_with_sections(), front_matter={})
    unwalked = repr(page)
    walked = page.walk_all()
    assert repr(page) == unwalked and page == _page_with_sections()
    copy = pickle.loads(pickle.dumps(page))
    assert copy == page and copy._walked is None
    assert [s.title for s in copy.walk()] == [s.title for s in walked]
    assert list(dataclasses.replace(page, sections=()).walk()) == []
    section = pickle.loads(pickle.dumps(page.sections[0]))
    assert section == page.sections[0] and hash(section) == hash(page.sections[0])
