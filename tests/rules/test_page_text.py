"""Finding the lines of a page that hold a word."""

from __future__ import annotations

from pathlib import Path

from featuredocs.markdown import parse_page
from featuredocs.rules.page_text import any_line_within, lines_holding


def _page(text: str):
    return parse_page(text, path=Path("docs/features/p.md"), rel="features/p.md")


def test_lines_holding_each_line_once() -> None:
    page = _page("# A b\n\na b a\n\nnone\n\nb\n")
    assert lines_holding(page, "a", "b") == [1, 3, 7]


def test_any_line_within_a_range() -> None:
    lines = [3, 9, 20]
    assert any_line_within(lines, 3, 3) and any_line_within(lines, 4, 9) and any_line_within(lines, 10, 25)
    assert not any_line_within(lines, 4, 8) and not any_line_within(lines, 21, 40) and not any_line_within([], 1, 9)
