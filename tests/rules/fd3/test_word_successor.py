"""Which field names the same thing as a stale one in more or fewer words, or is close to it;
never its opposite."""

from __future__ import annotations

import pytest

from featuredocs.rules.fd3_models.lookup import successor, word_successor


@pytest.mark.parametrize(
    ("name", "candidates", "expected"),
    [
        ("phone_number", ["phone", "tier"], "phone"),
        ("total", ["total_cents", "currency"], "total_cents"),
        ("customer_email", ["email"], "email"),
        ("phone_number", ["phone", "phone_ext"], "phone"),  # phone_ext shares a word but adds one
        ("notes", ["phone"], None),
        ("is_active", ["is_staff"], None),  # a shared short word says nothing
        ("total", ["total_cents", "total_tax"], None),  # two: a person chooses
        ("phone", ["phone"], None),  # the same words: no rename
        ("min_total", ["total_min", "status"], "total_min"),  # the same words in another order
    ],
)
def test_word_successor(name: str, candidates: list[str], expected: str | None) -> None:
    assert word_successor(name, candidates) == expected


@pytest.mark.parametrize(
    ("name", "candidates", "expected"),
    [
        ("max_total", ["min_total"], None),  # the opposite: another filter, not a new name
        ("include-drafts", ["exclude-drafts"], None),
        ("created_after", ["created_before", "status"], None),
        ("max_totl", ["max_total"], "max_total"),
        ("max_total", ["max_amount_total", "min_total"], "max_amount_total"),
    ],
)
def test_successor_is_never_the_opposite(name: str, candidates: list[str], expected: str | None) -> None:
    assert successor(name, candidates) == expected
