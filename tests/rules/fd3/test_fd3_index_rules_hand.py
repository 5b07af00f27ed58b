"""FD304-FD306 on real parsed pages against small hand-built facts."""

from __future__ import annotations

import dataclasses

from featuredocs.model import IndexFact, Severity, Span
from featuredocs.rules.fd3_models.fd304_index_not_found import IndexNotFound
from featuredocs.rules.fd3_models.fd305_undocumented_field import UndocumentedField
from featuredocs.rules.fd3_models.fd306_undocumented_index import UndocumentedIndex
from tests.rules.fd3.hand_facts import facts
from tests.support.rules import run_rule


def codes(findings):
    return [(f.code, f.span.line, f.span.column) for f in findings]


# --- FD304 -------------------------------------------------------------------------------


def test_fd304_missing_and_reordered_composite_index(parse):
    page = parse("""\
        ## Data Models

        ### Invoice

        **Indexes:**
        - Index on `notes`
        - Composite index on (`created_at`, `status`)
        - `invoice_state_idx` on (`status`, `created_at`)
        - Unique constraint on (`number`, `customer`)
    """)
    found = run_rule(IndexNotFound, page, facts())
    assert codes(found) == [("FD304", 6, 12), ("FD304", 7, 23), ("FD304", 8, 3), ("FD304", 9, 25)]
    assert found[0].message == "billing.Invoice has no index on (`notes`)"
    assert found[1].hint == "an index on (`status`, `created_at`) exists; column order differs"
    assert found[2].message == (
        "index `invoice_state_idx` is documented on billing.Invoice, which has no index of that name"
    )
    assert found[2].hint == (
        "the index on (`status`, `created_at`) is named `invoice_status_created_idx` (billing/models.py:25)"
    )


def test_fd304_unknown_field_and_not_unique(parse):
    page = parse("""\
        ## Data Models

        ### Invoice

        **Indexes:**
        - Index on `totl`
        - Unique constraint on (`status`)
    """)
    found = run_rule(IndexNotFound, page, facts())
    assert [f.message for f in found] == [
        "index field `totl` is not a field of billing.Invoice",
        "billing.Invoice has an index on (`status`), but it is not unique",
    ]


def test_fd304_performance_items_checked_only_for_the_pages_one_model(parse):
    page = parse("""\
        ## Data Models

        ### Invoice

        **Fields:**
        - `number` (CharField): Number

        ## Performance Optimization

        **Indexes:**
        - [Index 1]: Purpose and performance impact
        - Index on `notes` for search
        - Index on `sku` on the products table
    """)
    assert codes(run_rule(IndexNotFound, page, facts())) == [("FD304", 12, 12)]


# --- FD305 -------------------------------------------------------------------------------


def test_fd304_a_check_constraint_is_named_and_indexes_nothing(parse):
    base = facts()
    [invoice] = [m for m in base.models if m.name == "Invoice"]
    check = IndexFact("check_constraint", ("total",), name="invoice_total_non_negative", condition="Q(total__gte=0)")
    checked = dataclasses.replace(invoice, indexes=(*invoice.indexes, check))
    project = dataclasses.replace(base, models=tuple(checked if m is invoice else m for m in base.models))
    page = parse("""\
        ## Data Models

        ### Invoice

        **Indexes:**
        - `invoice_total_non_negative` check constraint on (`total`): never below zero
        - `invoice_total_positive` check constraint on (`total`)
        - Index on `total`
    """)
    found = run_rule(IndexNotFound, page, project)
    assert [(f.span.line, f.message) for f in found] == [
        (7, "index `invoice_total_positive` is documented on billing.Invoice, which has no index of that name"),
        (8, "billing.Invoice has no index on (`total`)"),  # a check constraint is no index
    ]
    assert run_rule(UndocumentedIndex, page, project) == run_rule(UndocumentedIndex, page, base)  # never asked for


def test_fd305_fields_missing_from_the_list(parse):
    page = parse("""\
        ## Data Models

        ### Invoice

        **Fields:**
        - `number` (CharField): Number
        - `customer` (FK): Who
        - `total`, `status` and `created_at`: Money and state
    """)
    found = run_rule(UndocumentedField, page, facts())
    assert [(f.code, f.severity, f.span) for f in found] == [
        ("FD305", Severity.WARNING, Span.at(5, 1, 11)),
        ("FD305", Severity.WARNING, Span.at(5, 1, 11)),
    ]
    assert [f.message for f in found] == [
        "field `notes` (billing/models.py:16) of billing.Invoice is not in the Fields list",
        "field `tags` (billing/models.py:17) of billing.Invoice is not in the Fields list",
    ]


def test_fd305_silent_without_a_field_list_or_with_a_selection(parse):
    page = parse("""\
        ## Data Models

        ### Invoice

        Invoices carry a number and a total.

        ### Customer

        **Key Fields:**
        - `email` (EmailField): Address
    """)
    assert run_rule(UndocumentedField, page, facts()) == []


# --- FD306 -------------------------------------------------------------------------------


def test_fd306_indexes_missing_from_the_list(parse):
    page = parse("""\
        ## Data Models

        ### Invoice

        **Indexes:**
        - Index on `number`
    """)
    found = run_rule(UndocumentedIndex, page, facts())
    assert codes(found) == [("FD306", 5, 1), ("FD306", 5, 1)]
    assert [f.message for f in found] == [
        "index `invoice_status_created_idx` on (`status`, `created_at`) of billing.Invoice "
        "is not in the Indexes list",
        "unique constraint `uniq_customer_number` on (`customer`, `number`) of billing.Invoice "
        "is not in the Indexes list",
    ]
    assert found[0].hint == "declared at billing/models.py:25"


def test_fd306_silent_without_an_index_list_and_when_named(parse):
    page = parse("""\
        ## Data Models

        ### Invoice

        **Indexes:**
        - `invoice_status_created_idx` (index): Listing by state
        - `uniq_customer_number` (unique): One number per customer

        ### Customer

        Customers have a unique email.
    """)
    assert run_rule(UndocumentedIndex, page, facts()) == []


def test_fd305_fields_named_elsewhere_in_the_model_section_count(parse):
    page = parse("""\
        ## Data Models

        ### Invoice

        **Fields:**
        - `number` (CharField): Number
        - `total` (decimal): Amount
        - `status` (string): State
        - `created_at` (datetime): Issued
        - `notes` (text): Free text

        #### Relationships
        - `customer` → Customer
        - `tags` → Tag
    """)
    assert run_rule(UndocumentedField, page, facts()) == []


DEFERRING = """\
    ## Data Models

    ### Invoice

    {intro}

    | Field | Type |
    | --- | --- |
    | `number` | CharField |

    **Indexes:**
    - Index on `number`
"""


def test_fd305_fd306_silent_where_the_section_sends_the_reader_to_the_whole_model(parse):
    page = parse(DEFERRING.format(intro="The fields search uses (see [Billing](billing.md#invoice) for the full model):"))
    assert run_rule(UndocumentedField, page, facts()) == run_rule(UndocumentedIndex, page, facts()) == []
    other = parse(DEFERRING.format(intro="The complete field list is on [the billing page](../billing.md)."))
    assert run_rule(UndocumentedField, other, facts()) == run_rule(UndocumentedIndex, other, facts()) == []


def test_fd305_fd306_still_report_a_list_whose_link_is_no_such_pointer(parse):
    # A link to another page about something else, and words about the whole model without
    # a link, each say nothing of where the rest of the model is.
    for intro in ("Totals follow the [rounding rules](rounding.md).",
                  "These are the full model's columns.",
                  "See [the full API](https://example.com/docs.md) for all fields."):
        page = parse(DEFERRING.format(intro=intro))
        assert run_rule(UndocumentedField, page, facts()) != []
        assert len(run_rule(UndocumentedIndex, page, facts())) == 2
