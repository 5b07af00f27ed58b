"""FD301-FD306 against facts read from a real Django project in a child process."""

from __future__ import annotations

import pytest

from featuredocs.model import ProjectFacts, Span
from featuredocs.rules.fd3_models.fd301_model_not_found import ModelNotFound
from featuredocs.rules.fd3_models.fd302_field_not_found import FieldNotFound
from featuredocs.rules.fd3_models.fd303_field_type_mismatch import FieldTypeMismatch
from featuredocs.rules.fd3_models.fd304_index_not_found import IndexNotFound
from featuredocs.rules.fd3_models.fd305_undocumented_field import UndocumentedField
from featuredocs.rules.fd3_models.fd306_undocumented_index import UndocumentedIndex
from tests.support.rules import run_rule

ALL_RULES = (ModelNotFound, FieldNotFound, FieldTypeMismatch, IndexNotFound,
             UndocumentedField, UndocumentedIndex)

CORRECT = """\
# Billing

> **Billing** - Invoices and their lines.

## Data Models

### Invoice

Invoices sent to customers.

**Fields:**
- `number` (CharField): Unique invoice number
- `customer` (ForeignKey → Customer): Who pays
- `total` (decimal): Amount due
- `status` (string): `draft` or `paid`
- `created_at` (datetime): From `TimeStamped`
- `notes` (text): Free text
- `tags` (M2M → Tag): Labels
- `is_overdue` (property): Past due

**Indexes:**
- Index on `number`
- `invoice_status_created_idx` on (`status`, `created_at`)
- Unique constraint on (`customer`, `number`)

### billing.InvoiceLine

| Field | Type | Notes |
| --- | --- | --- |
| `invoice` | FK to Invoice | Parent |
| `amount` | DecimalField | Line amount |
| `sku` | string | Stock unit |

**Indexes:**
- Index on `sku`

### accounts.User

**Fields:**
- `nickname` (CharField): Shown in the UI
- `username` (CharField): From Django

### catalog.Tag

**Fields:**
- `label` (SlugField): Label

## Performance Optimization

**Indexes:**
- [Index 1]: Purpose and performance impact
"""


@pytest.fixture
def facts(billing_facts: ProjectFacts) -> ProjectFacts:
    return billing_facts


def located(findings):
    return [(f.code, f.span.line, f.span.column) for f in findings]


def test_correct_page_is_silent(parse, facts):
    page = parse(CORRECT)
    for rule in ALL_RULES:
        assert run_rule(rule, page, facts) == [], rule.code


def test_fd301_unknown_and_ambiguous_models(parse, facts):
    page = parse("""\
        ## Data Models

        ### Invoices

        **Fields:**
        - `number` (CharField): Number

        ### Tag

        **Fields:**
        - `label` (CharField): Label
    """)
    found = run_rule(ModelNotFound, page, facts)
    assert located(found) == [("FD301", 3, 5), ("FD301", 8, 5)]
    assert found[0].hint == "did you mean `Invoice`? (billing/models.py:16)"
    assert found[1].message == "model `Tag` is ambiguous: 2 models have that name"
    assert found[1].hint is not None and "`catalog.Tag` (catalog/models.py:4)" in found[1].hint


def test_fd302_renamed_field_with_fix(parse, facts):
    page = parse("""\
        ## Data Models

        ### Invoice

        **Fields:**
        - `totl` (decimal): Amount due
        - `totals` (decimal): Amount due
    """)
    renamed, ambiguous = run_rule(FieldNotFound, page, facts)
    assert located([renamed, ambiguous]) == [("FD302", 6, 3), ("FD302", 7, 3)]
    assert renamed.hint == "did you mean `total`? (billing/models.py:25)"
    assert renamed.fix is not None and renamed.fix.edits[0].replacement == "`total`"
    assert ambiguous.fix is None  # `total` and `notes` are both close


def test_fd303_type_and_relation_mismatch(parse, facts):
    page = parse("""\
        ## Data Models

        ### Invoice

        **Fields:**
        - `total` (integer): Amount in cents
        - `customer` (ForeignKey → User): Who pays
    """)
    found = run_rule(FieldTypeMismatch, page, facts)
    assert located(found) == [("FD303", 6, 12), ("FD303", 7, 15)]
    assert found[0].hint == "billing.Invoice.total is DecimalField (billing/models.py:25)"
    assert found[1].hint == (
        "billing.Invoice.customer is ForeignKey → customers.Customer (billing/models.py:22)"
    )


def test_fd304_index_that_does_not_exist(parse, facts):
    page = parse("""\
        ## Data Models

        ### Invoice

        **Indexes:**
        - Index on `notes`
        - Composite index on (`created_at`, `status`)
    """)
    found = run_rule(IndexNotFound, page, facts)
    assert located(found) == [("FD304", 6, 12), ("FD304", 7, 23)]
    assert found[1].hint == "an index on (`status`, `created_at`) exists; column order differs"


def test_fd304_an_indexes_list_outside_the_models_on_a_page_of_several_models(parse, facts):
    optimization = (
        "\n## Performance Optimization\n\n**Indexes:**\n"
        "- `invoice_status_created_idx` on (`status`, `created_at`): the overdue scan\n"
        "- Index on `sku`: the stock report\n"
    )
    assert run_rule(IndexNotFound, parse(CORRECT + optimization), facts) == []
    renamed = parse(CORRECT + optimization.replace("invoice_status_created_idx", "invoice_status_idx"))
    (finding,) = run_rule(IndexNotFound, renamed, facts)
    assert finding.message == "index `invoice_status_idx` is documented on billing.Invoice, which has no index of that name"
    assert finding.span.line == CORRECT.count("\n") + 5


def test_fd305_field_missing_from_the_list(parse, facts):
    page = parse("""\
        ## Data Models

        ### Invoice

        **Fields:**
        - `number`, `customer`, `total`, `status`, `created_at`, `tags`: The basics
    """)
    [finding] = run_rule(UndocumentedField, page, facts)
    assert located([finding]) == [("FD305", 5, 1)]
    assert finding.message == (
        "field `notes` (billing/models.py:27) of billing.Invoice is not in the Fields list"
    )


def test_fd306_index_missing_from_the_list(parse, facts):
    page = parse("""\
        ## Data Models

        ### InvoiceLine

        **Indexes:**
        - Index on `invoice`
    """)
    [finding] = run_rule(UndocumentedIndex, page, facts)
    assert located([finding]) == [("FD306", 5, 1)]
    assert finding.span == Span.at(5, 1, 12)
    assert finding.message == "index on (`sku`) of billing.InvoiceLine is not in the Indexes list"
    assert finding.hint == "declared at billing/models.py:52"


SENTENCES_AT = CORRECT.splitlines().index("Invoices sent to customers.") + 1


def _misspelt_in_sentences(parse, facts, sentences, right, wrong, rule):
    """Invoice's section with ``sentences``: silent under every rule as written, and one
    ``rule`` finding at ``wrong`` once it replaces ``right``."""
    prose = CORRECT.replace("Invoices sent to customers.", sentences)
    for each in ALL_RULES:
        assert run_rule(each, parse(prose), facts) == [], each.code
    page = parse(prose.replace(right, wrong))
    (finding,) = run_rule(rule, page, facts)
    column = page.line_text(SENTENCES_AT).index(wrong) + 1
    assert located([finding]) == [(rule.code, SENTENCES_AT, column)]
    return prose, finding


def test_fd302_fields_named_in_the_model_sections_sentences(parse, facts):
    prose, finding = _misspelt_in_sentences(parse, facts, (
        "Invoices sent to customers. The `total` field is the amount due, the field `notes` is\n"
        "free text, and a planned `discount_reason` field will say why. `nmber` is a typo, but\n"
        "no sentence calls it a field."
    ), "`total` field", "`totl` field", FieldNotFound)
    assert finding.hint == "did you mean `total`? (billing/models.py:25)"
    assert finding.fix is not None and finding.fix.edits[0].replacement == "`total`"
    # the section's lists are read as before: prose adds no second finding for a listed name
    misspelt = prose.replace("- `total` (decimal)", "- `totl` (decimal)")
    listed = parse(misspelt.replace("`total` field", "`totl` field"))
    item = listed.lines.index("- `totl` (decimal): Amount due") + 1
    assert [f.span.line for f in run_rule(FieldNotFound, listed, facts)] == [SENTENCES_AT, item]


def test_fd304_index_names_in_the_model_sections_sentences(parse, facts):
    _, finding = _misspelt_in_sentences(parse, facts, (
        "Invoices sent to customers. The index `invoice_status_created_idx` serves the list,\n"
        "the `number` index finds one, and a planned `invoice_paid_idx` index will help."
    ), "`invoice_status_created_idx` serves", "`invoice_status_create_idx` serves", IndexNotFound)
    assert finding.hint is not None and finding.hint.startswith("did you mean `invoice_status_created_idx`?")


def test_fd304_an_index_named_after_a_colon_label_in_a_sentence(parse, facts):
    _misspelt_in_sentences(parse, facts, (
        "Invoices sent to customers. Indexes: `invoice_status_created_idx` on status and date."
    ), "`invoice_status_created_idx` on status", "`invoice_status_create_idx` on status", IndexNotFound)


def test_fd302_fields_named_after_a_colon_label_in_a_sentence(parse, facts):
    _misspelt_in_sentences(parse, facts, (
        "Invoices sent to customers. Fields: `number`, `total` and `status`; `nmber`\n"
        "is no field."
    ), "`total` and", "`totl` and", FieldNotFound)


def test_fd302_reads_on_along_a_list_of_fields_in_a_sentence(parse, facts):
    _misspelt_in_sentences(parse, facts, (
        "Invoices sent to customers. The fields `number`, `total` and `status` say most; a\n"
        "planned field `discount_reason`, then `nmber` (no field), say the rest."
    ), "`total` and", "`totl` and", FieldNotFound)


def test_fd302_reads_back_along_a_list_the_word_comes_after(parse, facts):
    _misspelt_in_sentences(parse, facts, (
        "Invoices sent to customers. `number`, `total` and `status` fields say most, while\n"
        "`draft`, `nmber` or `due_on` say nothing."
    ), "`total` and", "`totl` and", FieldNotFound)


def test_a_plain_line_introduces_a_fields_or_indexes_list(parse, facts):
    plain = CORRECT.replace("**Fields:**\n- `number`", "Fields:\n- `number`").replace(
        "**Indexes:**\n- Index on `number`", "The model has these indexes:\n- Index on `number`")
    for rule in ALL_RULES:
        assert run_rule(rule, parse(plain), facts) == [], rule.code
    # the label is a whole list: a field it leaves out is reported, as under **Fields:**
    short = parse(plain.replace("- `notes` (text): Free text\n", ""))
    assert [f.message for f in run_rule(UndocumentedField, short, facts)] == [
        "field `notes` (billing/models.py:27) of billing.Invoice is not in the Fields list"]
    misspelt = parse(plain.replace("- `total` (decimal)", "- `totl` (decimal)"))
    assert located(run_rule(FieldNotFound, misspelt, facts)) == [("FD302", 14, 3)]
    misnamed = parse(plain.replace("`invoice_status_created_idx` on", "`invoice_status_idx` on"))
    assert [f.code for f in run_rule(IndexNotFound, misnamed, facts)] == ["FD304"]
    # a sentence introduces a selection: what it leaves out is not reported
    chosen = parse(plain.replace("Fields:\n", "The model has these fields:\n").replace(
        "- `notes` (text): Free text\n", ""))
    assert run_rule(UndocumentedField, chosen, facts) == []
    assert located(run_rule(FieldNotFound, parse(chosen.text.replace("`total` (", "`totl` (")), facts)) == [
        ("FD302", 14, 3)]
    # a line that is a sentence about something else introduces nothing
    other = parse(plain.replace("Fields:\n", "Search filters on these fields:\n").replace(
        "- `total` (decimal)", "- `totl` (decimal)"))
    assert run_rule(FieldNotFound, other, facts) == []
