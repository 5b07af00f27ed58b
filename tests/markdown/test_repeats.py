"""A top-level paragraph or list read the same as one on an earlier page is rebuilt from
what that first reading gave, in its own place, and only when its bytes alone decide
what it is."""

from __future__ import annotations

from pathlib import Path

from featuredocs.markdown import parse_page
from featuredocs.markdown import repeats
from featuredocs.model import Page

REPEATED = (
    "**Fields:**\n\n"
    "- `title` (CharField): the title\n"
    "  - `max_length`: 200\n"
    "  - nested `a` and `b`\n"
    "- `status` (CharField, choices)\n\n"
    "**TTL**: 15 minutes, see `settings.CACHES`\n"
    "**Owner:** the `billing` team\n\n"
    "1. first `step`\n"
    "2. second\n"
)


def _page(text: str) -> Page:
    return parse_page(text, path=Path("/d/p.md"), rel="p.md")


def _fresh(text: str) -> Page:
    repeats._KNOWN.clear()
    return _page(text)


def _everything(page: Page) -> str:
    """Every field of the page, the ones filled on first read included."""
    labelled = [(block, block.span, block.value, block.value_span) for s in page.walk() for block in s.labelled]
    spans = [(code.span,) for code in page.codes]
    items = []
    for section in page.walk():
        for block in section.blocks:
            items.extend((item, item.span) for item in block.items)
    return repr((page, labelled, spans, items))


def test_copies_are_rebuilt_in_their_own_place() -> None:
    _fresh("# First\n\n## Model\n\n" + REPEATED)
    assert len(repeats._KNOWN) == 4
    # Later on the page, below wide characters on lines of their own and on the same line.
    text = "# Second — ünïcode\n\nIntro ✓.\n\n## Model ✓\n\n" + REPEATED + "\n## Again\n\n" + REPEATED
    expected = _fresh(text)
    _fresh("# First\n\n## Model\n\n" + REPEATED)
    again = _page(text)
    assert _everything(again) == _everything(expected)
    fields = again.sections[0].labelled_block("Fields")
    assert fields is not None and [item.span.line for item in fields.items] == [9, 12]
    ttl = again.sections[1].labelled_block("TTL")
    assert ttl is not None and ttl.value == "15 minutes, see `settings.CACHES`" and ttl.span.line == 29
    assert [code.text for code in again.codes].count("max_length") == 2


def test_blocks_with_brackets_are_read_by_the_page_s_own_definitions() -> None:
    _fresh("- See [x]\n")
    linked = _page("- See [x]\n\n[x]: a.md\n")
    assert linked.preamble[0].items[0].plain == "See x" and len(linked.links) == 1


def test_a_block_not_starting_its_line_is_read_each_time() -> None:
    tabbed = "- a\n\n\tcode?\n"
    expected = _fresh("  " + tabbed)
    _fresh(tabbed)
    assert _everything(_page("  " + tabbed)) == _everything(expected)
    assert _everything(_page(tabbed)) == _everything(_fresh(tabbed))


def test_blocks_holding_headings_code_or_html_are_not_kept() -> None:
    _fresh("- # Title\n- ```\n  x\n  ```\n\nText <!-- featuredocs: ignore FD101 -->\n\n- <http://x.org>\n")
    assert not repeats._KNOWN
    page = _page("- # Title\n- ```\n  x\n  ```\n\nText <!-- featuredocs: ignore FD101 -->\n")
    assert [h.plain for h in page.headings] == ["Title"] and page.code_blocks and page.suppressions


def test_the_kept_blocks_are_bounded_by_their_bytes(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setattr(repeats, "_MAX_BYTES", 40)
    _fresh("First paragraph, thirty bytes.\n\nSecond paragraph, thirty bytes\n\nThird.\n")
    assert list(repeats._KNOWN) == [b"Third.\n"]
    page = _page("Intro.\n\nSecond paragraph, thirty bytes\n")
    assert page.preamble[1].span.line == 3 and page.preamble[1].plain == "Second paragraph, thirty bytes"
