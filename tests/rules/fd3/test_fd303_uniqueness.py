"""FD303 on what a field's type words say of uniqueness, against a real project:
`Invoice.number` is ``unique=True``, `Invoice.customer` is unique together with it
(a ``UniqueConstraint``), `Invoice.notes` is unique in no way."""

from __future__ import annotations

import pytest

from featuredocs.model import Applicability, Span
from featuredocs.rules.fd3_models.fd303_field_type_mismatch import FieldTypeMismatch
from tests.support.rules import run_rule


def _invoice(fields: str) -> str:
    return "## Data Models\n\n### Invoice\n\n**Fields:**\n" + fields


@pytest.mark.parametrize(
    ("item", "written", "said", "replacement"),
    [
        ("- `notes` (TextField, unique): Anything the clerk adds", "unique", "unique", "not unique"),
        ("- `notes` (TextField, unique=True): Anything the clerk adds", "unique=True", "unique", "unique=False"),
        ("- `number` (CharField, not unique): Printed on invoices", "not unique", "not unique", "unique"),
        ("- `number` (string, NON-UNIQUE): Printed on invoices", "NON-UNIQUE", "not unique", "UNIQUE"),
    ],
)
def test_uniqueness_the_field_does_not_have(parse, billing_facts, item, written, said, replacement):
    page = parse(_invoice(item + "\n"), dedent=False)
    (finding,) = run_rule(FieldTypeMismatch, page, billing_facts)
    column = item.index(written) + 1
    name = item.split("`")[1]
    real = "unique" if said == "not unique" else "not unique"
    assert finding.span == Span(6, column, 6, column + len(written))
    assert finding.message == f"field `{name}` is documented as {said}, but it is {real}"
    assert finding.hint.startswith(f"billing.Invoice.{name} has unique=")
    assert finding.fix.applicability is Applicability.SAFE
    assert [e.replacement for e in finding.fix.edits] == [replacement]


def test_silent_on_the_right_uniqueness_and_on_uniqueness_shared_with_other_fields(parse, billing_facts):
    page = parse(_invoice(
        "- `number` (CharField, unique): Printed on invoices\n"
        "- `customer` (ForeignKey → Customer, unique per number): Who is billed\n"
        "- `notes` (TextField, not unique): Anything the clerk adds\n"
        "- `status` (CharField): Unique to each stage of billing\n"
    ), dedent=False)
    assert run_rule(FieldTypeMismatch, page, billing_facts) == []


def test_a_description_that_opens_with_unique(parse, billing_facts):
    item = "- `notes` (TextField): Unique, free text the clerk adds"
    page = parse(_invoice(item + "\n"), dedent=False)
    (finding,) = run_rule(FieldTypeMismatch, page, billing_facts)
    assert (finding.span, finding.message) == (
        Span(6, item.index("Unique") + 1, 6, item.index("Unique") + 7),
        "field `notes` is documented as unique, but it is not unique",
    )
    assert [e.replacement for e in finding.fix.edits] == ["Not unique"]


def test_silent_on_a_description_unique_in_part_or_right(parse, billing_facts):
    page = parse(_invoice(
        "- `number` (CharField): Unique, printed on invoices\n"
        "- `notes` (TextField): Unique per customer, in practice\n"
        "- `notes` (TextField): Notes; unique values are not enforced\n"
    ), dedent=False)
    assert run_rule(FieldTypeMismatch, page, billing_facts) == []
