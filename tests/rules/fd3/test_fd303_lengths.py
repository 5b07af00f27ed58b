"""FD303 on the length a page gives a text field, against a real project:
`Invoice.number` is a CharField(max_length=20)."""

from __future__ import annotations

import pytest

from featuredocs.model import Applicability, Span
from featuredocs.rules.fd3_models.fd303_field_type_mismatch import FieldTypeMismatch
from tests.support.rules import run_rule


def _invoice(fields: str) -> str:
    return "## Data Models\n\n### Invoice\n\n**Fields:**\n" + fields


@pytest.mark.parametrize(
    "item",
    [
        "- `number` (CharField, max_length=32): Printed on invoices",
        "- `number` (CharField(32)): Printed on invoices",
        "- `number` (varchar(32)): Printed on invoices",
        "- `number` (CharField): Printed on invoices, up to 32 characters.",
        "- `number` (string): Printed on invoices; max. 32 chars",
        "- `number` (CharField): 32 characters at most",
    ],
)
def test_a_length_that_is_not_the_fields_max_length(parse, billing_facts, item):
    page = parse(_invoice(item + "\n"), dedent=False)
    column = item.index("32") + 1  # the finding points at the documented number
    (finding,) = run_rule(FieldTypeMismatch, page, billing_facts)
    assert finding.span == Span(6, column, 6, column + 2)
    assert finding.message == "field `number` is documented to hold 32 characters at most, but its max_length is 20"
    assert finding.hint.startswith("billing.Invoice.number has max_length=20 (")
    assert finding.fix.applicability is Applicability.SAFE
    assert [e.replacement for e in finding.fix.edits] == ["20"]


def test_a_length_in_a_table_row(parse, billing_facts):
    row = "| `number` | CharField | max length 32 |"
    page = parse(_invoice(f"| Field | Type | Notes |\n| --- | --- | --- |\n{row}\n"), dedent=False)
    (finding,) = run_rule(FieldTypeMismatch, page, billing_facts)
    assert finding.span == Span(8, row.index("32") + 1, 8, row.index("32") + 3)


def test_silent_on_the_right_length_and_on_what_is_no_length(parse, billing_facts):
    page = parse(_invoice(
        "- `number` (CharField, max_length=20): Printed on invoices, up to 20 characters\n"
        "- `notes` (TextField): At least 10 characters, at most 2 paragraphs\n"
        "- `status` (CharField): A 5-letter code\n"
    ), dedent=False)
    assert run_rule(FieldTypeMismatch, page, billing_facts) == []


def test_a_number_too_long_to_be_a_length_is_not_read_as_one(parse, billing_facts):
    huge = "9" * 5000  # more digits than Python turns into an int by default
    page = parse(_invoice(f"- `number` (CharField, max_length={huge}): Printed on invoices\n"), dedent=False)
    assert run_rule(FieldTypeMismatch, page, billing_facts) == []


def test_a_length_on_the_line_an_item_is_wrapped_onto(parse, billing_facts):
    page = parse(_invoice("- `number` (CharField): Printed on invoices and reminders, up\n  to 32 characters.\n"), dedent=False)
    (finding,) = run_rule(FieldTypeMismatch, page, billing_facts)
    assert (finding.span, finding.fix.edits[0].replacement) == (Span(7, 6, 7, 8), "20")
