"""Lists of values read from descriptions, the way the example shop and untidy pages write them."""

from __future__ import annotations

import pytest

from featuredocs.rules.enumerations import listed_values, values_on_line


@pytest.mark.parametrize(
    ("text", "values", "complete"),
    [
        ("One of `pending`, `paid`, `shipped`; `pending` by default.", ["pending", "paid", "shipped"], True),
        ("`email` or `sms`; `email` by default.", ["email", "sms"], True),
        ("File format, `csv` or `json` (default: csv)", ["csv", "json"], True),
        ("Accepted values: `csv`, `json` and `xml`", ["csv", "json", "xml"], True),
        ("`email`/`sms`", ["email", "sms"], True),
        ("Either `'a'` or `\"b\"`", ["a", "b"], True),
        ("A format, e.g. `csv` or `json`", ["csv", "json"], False),
        ("Formats such as `csv`, `json` and more", ["csv", "json"], False),
        # the values under a condition, not every value
        ("One of `expired` or `cancelled` when filtered so", ["expired", "cancelled"], False),
        ("One of `expired` or `cancelled`, if the order lapsed", ["expired", "cancelled"], False),
    ],
)
def test_lists_of_values(text, values, complete):
    listed = listed_values(text)
    assert listed is not None
    assert [value.value for value in listed.values] == values
    assert listed.complete is complete
    assert text[listed.begin] == "`" and text[listed.end - 1] == "`"


@pytest.mark.parametrize(
    "text",
    [
        "Sorted by `created_at` and `name`",  # two things, not values
        "Use `--csv` or `--json`",  # flags
        "Format of the export: `csv`, `json`",  # no word says these are the values
        "Reads `orders.Order` and writes `orders.Invoice`",
        "`csv` (the default), or `json`",
        "Only `csv`",
    ],
)
def test_no_list(text):
    assert listed_values(text) is None


def test_a_list_rewritten_in_its_own_style():
    assert listed_values("`a`, `b` or `c`").written_as(["x", "y", "z"]) == "`x`, `y` or `z`"
    assert listed_values("`a`/`b`").written_as(["x", "y", "z"]) == "`x`/`y`/`z`"
    assert listed_values("One of `'a'` or `'b'`").written_as(["x", "y"]) == "`'x'` or `'y'`"
    assert listed_values("Values: `a`, `b` and `c`").written_as(["x", "y"]) == "`x` and `y`"


def test_a_list_inside_a_sentence_gives_some_values_only():
    listed = listed_values("Moves from `pending` to `paid` or `cancelled`")
    assert [value.value for value in listed.values] == ["paid", "cancelled"]
    assert not listed.complete
    assert listed_values("Status, `paid` or `cancelled`").complete
    assert listed_values("Status: `paid` or `cancelled`").complete


def test_a_list_hard_wrapped_over_lines_is_read_whole_and_placed_on_each(parse):
    page = parse(
        "- `status`: Where the order is, one of `pending`, `paid`,\n"
        "  `shipped`, `expired` or\n"
        "  `cancelled`.\n"
        "- `next`: another item, `a` or `b`\n",
        dedent=False,
    )
    found = values_on_line(page, 1, 10)
    assert found.values == ("pending", "paid", "shipped", "expired", "cancelled")
    assert found.complete
    assert [(span.line, span.column) for span in found.spans] == [(1, 41), (1, 52), (2, 4), (2, 15), (3, 4)]
    assert (found.span.line, found.span.end_line) == (1, 3)


def test_a_list_whose_next_line_starts_with_its_join_runs_on(parse):
    page = parse("- `status` (string, optional): `pending`, `paid`, `shipped`, `expired`\n  or `canceled`\n", dedent=False)
    found = values_on_line(page, 1, 10)
    assert found.values[-1] == "canceled" and found.spans[-1].line == 2


def test_a_list_that_starts_on_the_line_after_its_items_colon(parse):
    page = parse("- `status` (string, optional):\n  `pending`, `paid`,\n  `expired` or `canceled`\n- `next`: `a` or `b`\n", dedent=False)
    found = values_on_line(page, 1, 10)
    assert found.values == ("pending", "paid", "expired", "canceled") and found.complete
    nested = parse("- `status`: one of:\n  - `pending`: waiting\n  - `paid`: done\n", dedent=False)
    assert values_on_line(nested, 1, 10).values == ("pending", "paid")  # a sub-list, as before
