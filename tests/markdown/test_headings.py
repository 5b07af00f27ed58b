"""A heading read the same as the one before it on another page is built from what the
first one gave, and only when its text alone decides what it is."""

from __future__ import annotations

from pathlib import Path

from featuredocs.markdown import parse_page
from featuredocs.markdown import headings as headings_module
from featuredocs.model import Heading


def _headings(text: str) -> tuple[Heading, ...]:
    return parse_page(text, path=Path("/d/p.md"), rel="p.md").headings


def _fresh(text: str) -> tuple[Heading, ...]:
    headings_module._KNOWN.clear()
    return _headings(text)


def test_a_repeated_heading_keeps_its_own_place_and_numbering() -> None:
    first = _fresh("# T\n\n## `cache_key` & TTL\n")
    again = _headings("# T\n\nText.\n\n## `cache_key` & TTL\n\n## `cache_key` & TTL\n")
    assert first[1].source == again[1].source == "`cache_key` & TTL"
    assert [h.span.line for h in again] == [1, 5, 7]
    assert [h.slug for h in again] == ["t", "cache_key--ttl", "cache_key--ttl-1"]


def test_a_bracket_reads_by_the_page_s_own_reference_definitions() -> None:
    plain = _fresh("# T\n\n## See [x]\n")[1].plain
    linked = _headings("# T\n\n## See [x]\n\n[x]: a.md\n")[1].plain
    assert (plain, linked) == ("See [x]", "See x")


def test_a_heading_below_containers_too_deep_to_open_reads_as_on_its_own() -> None:
    deep = "> " * 63 + "## **Bold** text\n"  # the heading opens, its bold text does not
    expected = _fresh(deep)
    assert expected[0].source == "Bold** text"
    _fresh("## **Bold** text\n")
    assert _headings(deep) == expected
    _fresh(deep)
    assert _headings("## **Bold** text\n") == _fresh("## **Bold** text\n")


def test_setext_headings_are_read_each_time() -> None:
    first = _fresh("Title\n=====\n")
    assert first[0].plain == "Title" and first[0].level == 1
    assert _headings("Title\n-----\n")[0].level == 2


def test_a_plain_heading_met_again_is_the_heading_read_in_full() -> None:
    text = "# T\n\n## Overview\n\nText.\n\n## Overview\n\n> ## Overview\n\n- ## Overview\n"
    again = _headings(text)  # the second reading rebuilds its top-level copies
    assert again == _fresh(text)
    assert [h.slug for h in again] == ["t", "overview", "overview-1", "overview-2", "overview-3"]
    assert [h.span.line for h in again] == [1, 3, 7, 9, 11]


def test_a_heading_with_code_met_again_still_gives_its_code_to_the_page() -> None:
    text = "# T\n\n## The `tidy` command\n\n## The `tidy` command\n"
    _fresh(text)
    page = parse_page(text, path=Path("/d/p.md"), rel="p.md")
    assert [(code.text, code.span.line) for code in page.codes] == [("tidy", 3), ("tidy", 5)]


def test_a_heading_first_met_inside_a_quote_reads_the_same_at_the_top_level() -> None:
    _fresh("> ## Usage\n")
    assert _headings("## Usage\n\n## Usage\n") == _fresh("## Usage\n\n## Usage\n")
