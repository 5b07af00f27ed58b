"""Applying edits to text: offsets, newline styles, conflicts and groups."""

from __future__ import annotations

import pytest

from featuredocs.fix.edits import LineIndex, apply_edits, apply_fixes, apply_groups, newline_of
from featuredocs.model import Applicability, Edit, Fix, Span


def edit(line: int, column: int, end_line: int, end_column: int, text: str) -> Edit:
    return Edit(Span(line, column, end_line, end_column), text)


def test_replaces_a_span_on_one_line() -> None:
    outcome = apply_edits("a `total` b\n", [edit(1, 3, 1, 10, "`total_cents`")])
    assert outcome.text == "a `total_cents` b\n"
    assert outcome.changed and not outcome.skipped


def test_columns_count_characters_not_bytes() -> None:
    text = "- `naïve` → Büro (default: 5)\n"
    column = text.index("5") + 1
    assert apply_edits(text, [edit(1, column, 1, column + 1, "7")]).text == "- `naïve` → Büro (default: 7)\n"


def test_edits_apply_from_the_end_so_offsets_never_move() -> None:
    text = "one two three\nfour\n"
    outcome = apply_edits(text, [edit(1, 1, 1, 4, "ONE!!"), edit(1, 9, 1, 14, "3"), edit(2, 1, 2, 5, "4")])
    assert outcome.text == "ONE!! two 3\n4\n"


def test_a_span_may_cross_lines_and_end_at_the_next_line_start() -> None:
    text = "keep\ndrop me\nkeep too\n"
    assert apply_edits(text, [edit(2, 1, 3, 1, "")]).text == "keep\nkeep too\n"


def test_the_position_after_a_final_newline_is_the_end_of_the_text() -> None:
    assert apply_edits("a\n", [edit(2, 1, 2, 1, "b\n")]).text == "a\nb\n"


def test_crlf_text_keeps_crlf_in_inserted_lines() -> None:
    text = "- a\r\n- b\r\n"
    outcome = apply_edits(text, [edit(2, 4, 2, 4, "\n- c\n- d")])
    assert outcome.text == "- a\r\n- b\r\n- c\r\n- d\r\n"


def test_crlf_line_breaks_are_not_columns() -> None:
    text = "abc\r\ndef\r\n"
    assert LineIndex(text).offset(1, 4) == 3  # end of "abc", before the CR
    assert LineIndex(text).offset(2, 1) == 5
    assert apply_edits(text, [edit(1, 4, 2, 1, " ")]).text == "abc def\r\n"


def test_overlapping_edits_keep_the_first_and_report_the_rest() -> None:
    first, second = edit(1, 1, 1, 6, "HELLO"), edit(1, 4, 1, 9, "XX")
    outcome = apply_edits("hello world\n", [first, second])
    assert outcome.text == "HELLO world\n"
    assert outcome.applied == ((first,),)
    assert [s.edits for s in outcome.skipped] == [(second,)]
    assert "overlaps" in outcome.skipped[0].reason


def test_the_first_given_wins_even_when_it_comes_later_in_the_text() -> None:
    late, early = edit(1, 5, 1, 8, "X"), edit(1, 1, 1, 6, "Y")
    assert apply_edits("0123456789", [late, early]).text == "0123X789"


def test_adjacent_edits_do_not_overlap() -> None:
    outcome = apply_edits("abcdef", [edit(1, 1, 1, 4, "X"), edit(1, 4, 1, 7, "Y")])
    assert outcome.text == "XY"
    assert not outcome.skipped


def test_insertions_at_one_place_are_all_kept_in_the_order_given() -> None:
    outcome = apply_edits("ab", [edit(1, 2, 1, 2, "1"), edit(1, 2, 1, 2, "2")])
    assert outcome.text == "a12b"


def test_an_insertion_inside_a_replaced_range_is_a_conflict() -> None:
    outcome = apply_edits("abcdef", [edit(1, 2, 1, 5, "X"), edit(1, 3, 1, 3, "!")])
    assert outcome.text == "aXef"
    assert len(outcome.skipped) == 1


def test_an_insertion_at_either_end_of_a_replacement_is_kept() -> None:
    outcome = apply_edits("abcdef", [edit(1, 2, 1, 5, "X"), edit(1, 2, 1, 2, "<"), edit(1, 5, 1, 5, ">")])
    assert outcome.text == "a<X>ef"


@pytest.mark.parametrize(
    "bad",
    [edit(3, 1, 3, 1, "x"), edit(1, 9, 1, 9, "x"), edit(1, 3, 1, 1, "x"), edit(0, 1, 1, 1, "x")],
)
def test_spans_outside_the_text_are_skipped_not_guessed(bad: Edit) -> None:
    outcome = apply_edits("abc\n", [bad])
    assert outcome.text == "abc\n"
    assert outcome.skipped and outcome.skipped[0].edits == (bad,)


def test_a_group_is_applied_whole_or_not_at_all() -> None:
    taken = (edit(1, 1, 1, 2, "A"),)
    clashing = (edit(1, 3, 1, 4, "C"), edit(1, 1, 1, 2, "Z"))
    outcome = apply_groups("abcd", [taken, clashing])
    assert outcome.text == "Abcd"  # "C" is not applied either
    assert outcome.applied == (taken,)


def test_fixes_are_applied_whole_and_reported() -> None:
    good = Fix("rename", (edit(1, 1, 1, 4, "new"),))
    clash = Fix("other", (edit(1, 2, 1, 3, "x"), edit(1, 5, 1, 6, "y")), Applicability.UNSAFE)
    outcome = apply_fixes("old text", [good, clash])
    assert outcome.text == "new text"
    assert outcome.applied == (good,)
    assert [fix for fix, _ in outcome.skipped] == [clash]


@pytest.mark.parametrize(
    ("text", "newline"),
    [("a\nb\n", "\n"), ("a\r\nb\r\n", "\r\n"), ("a\rb\r", "\r"), ("no break", "\n"), ("a\r\nb\r\nc\n", "\r\n")],
)
def test_newline_of_is_the_most_common_break(text: str, newline: str) -> None:
    assert newline_of(text) == newline
