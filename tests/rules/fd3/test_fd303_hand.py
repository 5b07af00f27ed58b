"""FD303's wording and what a type says of dates and NULL, on real parsed pages against
small hand-built facts."""

from __future__ import annotations

from featuredocs.rules.fd3_models.fd303_field_type_mismatch import FieldTypeMismatch
from tests.rules.fd3.hand_facts import facts
from tests.support.rules import run_rule


def test_fd303_names_a_field_class_with_its_article(parse):
    page = parse("""\
        ## Data Models

        ### Customer

        **Fields:**
        - `email` (integer): Where to write
    """)
    [finding] = run_rule(FieldTypeMismatch, page, facts())
    assert finding.message == "field `email` is documented as `integer`, but it is an EmailField"


def test_fd303_a_date_field_is_not_a_moment_though_django_derives_one_from_the_other(parse):
    page = parse("""\
        ## Data Models

        ### Invoice

        **Fields:**
        - `created_at` (DateField): Issued
    """)
    [finding] = run_rule(FieldTypeMismatch, page, facts())
    assert finding.message == "field `created_at` is documented as `DateField`, but it is a DateTimeField"
    loose = parse("""\
        ## Data Models

        ### Invoice

        **Fields:**
        - `created_at` (date): Issued
        - `created_at` (datetime, indexed): Issued
    """)
    assert run_rule(FieldTypeMismatch, loose, facts()) == []


def test_fd303_nullability_the_type_states_must_be_the_fields(parse):
    page = parse("""\
        ## Data Models

        ### Invoice

        **Key Fields:**
        - `created_at` (DateTimeField, not null): Issued
        - `notes` (TextField): Free text
        - `number` (CharField, nullable): Unique number
        - `customer` (ForeignKey → Customer, null=True): Who pays
    """)
    findings = run_rule(FieldTypeMismatch, page, facts())
    assert [(f.span.line, f.span.column, f.message) for f in findings] == [
        (8, 24, "field `number` is documented as nullable, but it is NOT NULL"),
        (9, 38, "field `customer` is documented as nullable, but it is NOT NULL"),
    ]
    assert findings[0].hint == "billing.Invoice.number has null=False (billing/models.py:11)"
    assert [[e.replacement for e in f.fix.edits] for f in findings] == [["not null"], ["null=False"]]


def test_fd303_a_nullability_fix_writes_the_fields_in_the_pages_form(parse):
    page = parse("""\
        ## Data Models

        ### Invoice

        **Key Fields:**
        - `number` (CharField, NULL=True): Unique number
        - `customer` (ForeignKey, NULLABLE): Who pays
    """)
    findings = run_rule(FieldTypeMismatch, page, facts())
    assert [[e.replacement for e in f.fix.edits] for f in findings] == [["NULL=False"], ["NOT NULL"]]


def test_fd303_a_type_a_dash_or_colon_description_opens_with(parse):
    page = parse("""\
        ## The Invoice model

        - `created_at` — a DateField, set when the invoice is issued.
        - `number`: CharField, unique
        - `paid_at` / `created_at` — nullable DateFields.
    """)
    found = run_rule(FieldTypeMismatch, page, facts())
    assert sorted((f.span.line, f.message) for f in found) == [
        (3, "field `created_at` is documented as `DateField`, but it is a DateTimeField"),
        (5, "field `created_at` is documented as `DateField`, but it is a DateTimeField"),
        (5, "field `created_at` is documented as nullable, but it is NOT NULL"),
    ]
    # a description in other words names no type; the right class is silent
    right = parse("""\
        ## The Invoice model

        - `created_at` — when the invoice was issued, a date and time.
        - `created_at` — a DateTimeField.
        - `number` - Field names are unique per customer.
    """)
    assert run_rule(FieldTypeMismatch, right, facts()) == []
