"""FD303 on the digits a page gives a decimal field, against a real project:
`Invoice.total` is a DecimalField(max_digits=10, decimal_places=2)."""

from __future__ import annotations

import pytest

from featuredocs.model import Applicability, Span
from featuredocs.rules.fd3_models.fd303_field_type_mismatch import FieldTypeMismatch
from tests.support.rules import run_rule


def _invoice(fields: str) -> str:
    return "## Data Models\n\n### Invoice\n\n**Fields:**\n" + fields


@pytest.mark.parametrize(
    ("item", "written", "message", "replacement"),
    [
        ("- `total` (DecimalField, max_digits=12, decimal_places=2): Amount due", "12",
         "documented with 12 digits in all, but its max_digits is 10", "10"),
        ("- `total` (decimal(10,3)): Amount due", "3", "documented with 3 decimal places, but its decimal_places is 2", "2"),
        ("- `total` (numeric(8, 2)): Amount due", "8", "documented with 8 digits in all, but its max_digits is 10", "10"),
        ("- `total` (DecimalField): Amount due, 4 decimal places", "4",
         "documented with 4 decimal places, but its decimal_places is 2", "2"),
        ("- `total` (DecimalField): Amount due, up to 12 digits", "12",
         "documented with 12 digits in all, but its max_digits is 10", "10"),
    ],
)
def test_digits_that_are_not_the_fields(parse, billing_facts, item, written, message, replacement):
    page = parse(_invoice(item + "\n"), dedent=False)
    (finding,) = run_rule(FieldTypeMismatch, page, billing_facts)
    column = item.index(written) + 1
    assert finding.span == Span(6, column, 6, column + len(written))
    assert finding.message == f"field `total` is {message}"
    assert finding.hint.startswith("billing.Invoice.total has max_digits=10, decimal_places=2 (")
    assert finding.fix.applicability is Applicability.SAFE
    assert [e.replacement for e in finding.fix.edits] == [replacement]


def test_silent_on_the_right_digits_and_on_digits_of_one_side_of_the_point(parse, billing_facts):
    page = parse(_invoice(
        "- `total` (DecimalField(10, 2)): Amount due, up to 10 digits, 2 decimal places\n"
        "- `total` (decimal(10,2)): up to 8 digits before the point\n"
        "- `number` (CharField): up to 15 digits, 3 decimals in the suffix\n"
    ), dedent=False)
    assert run_rule(FieldTypeMismatch, page, billing_facts) == []


def test_digits_on_the_line_an_item_is_wrapped_onto(parse, billing_facts):
    page = parse(_invoice("- `total` (DecimalField): Amount due, in the invoice's currency, with\n  3 decimal places.\n"), dedent=False)
    (finding,) = run_rule(FieldTypeMismatch, page, billing_facts)
    assert (finding.span, finding.message) == (
        Span(7, 3, 7, 4), "field `total` is documented with 3 decimal places, but its decimal_places is 2")
