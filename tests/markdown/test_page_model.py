"""The page model's elements keep their dataclass behaviour with the quicker constructor."""

from __future__ import annotations

import dataclasses
import pickle

import pytest

from featuredocs.model import Block, BlockKind, InlineCode, ListItem, Span


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
