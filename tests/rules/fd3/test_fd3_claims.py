"""What FD3 reads from a page: model declarations, field and index claims, code classes."""

from __future__ import annotations

from featuredocs.model import Span
from featuredocs.rules.fd3_models.claims import extract
from featuredocs.rules.fd3_models.lists import is_partial, list_label_kind
from featuredocs.rules.fd3_models.field_types import read_type
from featuredocs.rules.fd3_models.index_items import IndexClaim

TEMPLATE_SHAPED = """\
# Billing

> **Billing** - Invoices and payments.

## Data Models

### Invoice

An invoice sent to a customer.

**Fields:**
- `number` (CharField): Unique invoice number
- `customer` (ForeignKey → Customer): Who pays
- `created_at` / `updated_at` (datetime): Timestamps
- `total`: Amount due

**Indexes:**
- Index on `number`
- Composite index on (`status`, `created_at`)
- `uniq_customer_number` on (`customer`, `number`)
- `email` (unique)

### [ModelName]

**Fields:**
- `field_name` (Type): Description

## Performance Optimization

### Database Optimization

**Indexes:**
- [Index 1]: Purpose and performance impact
- Index on `created_at` for the monthly report
"""


def test_model_under_data_models_with_its_fields(parse):
    claims = extract(parse(TEMPLATE_SHAPED))
    [invoice] = claims.models
    assert invoice.name == "Invoice"
    assert invoice.span == Span.at(7, 5, 7)
    assert invoice.explicit
    assert [f.name for f in invoice.fields] == ["number", "customer", "created_at", "updated_at", "total"]
    number, customer, created, updated, total = invoice.fields
    assert number.span == Span.at(12, 3, 8)
    assert number.type is not None and number.type.accepts == ("CharField",)
    assert number.type_span == Span.at(12, 13, 9)
    assert customer.type is not None and customer.type.related == "Customer"
    assert created.type == updated.type and created.type is not None
    assert created.type.written == "datetime"
    assert total.type is None
    assert invoice.field_list == Span.at(11, 1, 11)
    assert not invoice.partial_fields


def test_index_items_in_every_documented_shape(parse):
    [invoice] = extract(parse(TEMPLATE_SHAPED)).models
    assert [(i.fields, i.name, i.unique) for i in invoice.indexes] == [
        (("number",), None, False),
        (("status", "created_at"), None, False),
        (("customer", "number"), "uniq_customer_number", False),
        ((), "email", True),
    ]
    assert invoice.indexes[1].span == Span.at(19, 23, 8)
    assert invoice.indexes[2].span == Span.at(20, 3, 22)
    assert invoice.index_list == Span.at(17, 1, 12)


def test_template_placeholders_are_not_models_and_prose_items_not_indexes(parse):
    claims = extract(parse(TEMPLATE_SHAPED))
    assert [m.name for m in claims.models] == ["Invoice"]
    assert [(i.fields, i.span.line) for i in claims.loose_indexes] == [(("created_at",), 34)]


def test_model_heading_anywhere_with_fields_subsection_and_table(parse):
    page = parse("""\
        # Payments

        ## Invoice Model

        ### Fields

        - `number` (string): Unique number

        ### Line items

        | Field | Type | Notes |
        | --- | --- | --- |
        | `amount` | decimal | Line amount |
        | product | FK to Item | What was sold |

        ## The Refund model

        Refunds are described elsewhere.

        ## Data Model

        Everything is in Postgres.
    """)
    claims = extract(page)
    assert [(m.name, m.explicit) for m in claims.models] == [("Invoice", True), ("Refund", False)]
    invoice = claims.models[0]
    assert [(f.name, f.type.written if f.type else None) for f in invoice.fields] == [
        ("number", "string"), ("amount", "decimal"), ("product", "FK"),
    ]
    assert invoice.fields[2].type is not None and invoice.fields[2].type.related == "Item"
    assert invoice.fields[1].span == Span.at(13, 3, 8)
    assert invoice.fields[2].span == Span.at(14, 3, 7)
    assert invoice.field_list == Span.at(5, 1, 10)


def test_bare_headings_under_models_need_structure_to_be_explicit(parse):
    page = parse("""\
        # Orders

        ## Data Models

        ### Relationships

        Orders belong to customers.

        ### Order

        An order.

        ### `Payment`

        Payments.

        ### orders.Refund

        Refunds.
    """)
    claims = extract(page)
    assert [(m.name, m.explicit) for m in claims.models] == [
        ("Order", False), ("Payment", True), ("orders.Refund", True),
    ]
    assert claims.models[1].span == Span.at(13, 5, 9)


def test_sections_about_the_future_or_alternatives_claim_nothing(parse):
    page = parse("""\
        # Orders

        ## Future Enhancements

        ### Refund model

        **Fields:**
        - `reason` (text): Why

        ```python
        class Refund(models.Model):
            reason = models.TextField()
        ```
    """)
    claims = extract(page)
    assert claims.models == () and claims.code_models == ()


def test_labels_that_are_not_the_field_list(parse):
    assert list_label_kind("Fields") == "fields"
    assert list_label_kind("Model Fields") == "fields"
    assert list_label_kind("Key Fields") == "fields"
    assert list_label_kind("Fields (selected)") == "fields"
    assert list_label_kind("Field details") == "fields"
    assert list_label_kind("Fields reference") == "fields"
    assert list_label_kind("Index overview") == "indexes"
    assert is_partial("Field details") and not is_partial("Fields reference")
    assert list_label_kind("Search Fields") is None
    assert list_label_kind("Search field details") is None
    assert list_label_kind("Removed fields") is None
    assert list_label_kind("Database Indexes") == "indexes"
    assert list_label_kind("Indexes & Constraints") == "indexes"
    assert list_label_kind("Usage") is None


def test_key_fields_label_marks_a_partial_list(parse):
    page = parse("""\
        ## Data Models

        ### Invoice

        **Key Fields:**
        - `number` (CharField): Number
    """)
    [invoice] = extract(page).models
    assert invoice.partial_fields


def test_code_classes_with_fields_and_meta(parse):
    page = parse("""\
        ## Usage Examples

        ```python
        from django.db import models

        class Invoice(models.Model):
            number = models.CharField(max_length=20, unique=True)
            customer = models.ForeignKey("customers.Customer", on_delete=models.CASCADE)
            objects = InvoiceManager()

            class Meta:
                indexes = [models.Index(fields=["status", "-created_at"], name="inv_idx")]
                unique_together = ("customer", "number")
        ```
    """)
    [cls] = extract(page).code_models
    assert cls.name == "Invoice" and cls.from_code and not cls.explicit
    assert cls.span == Span.at(6, 7, 7)
    assert [(f.name, f.type.written if f.type else None) for f in cls.fields] == [
        ("number", "CharField"), ("customer", "ForeignKey"),
    ]
    assert cls.fields[1].type is not None and cls.fields[1].type.related == "customers.Customer"
    assert cls.fields[0].span == Span.at(7, 5, 6)
    assert [(i.fields, i.name, i.unique) for i in cls.indexes] == [
        (("number",), None, True),
        (("status", "created_at"), "inv_idx", False),
        (("customer", "number"), None, True),
    ]
    assert cls.indexes[1].span == Span.at(12, 73, 7)


def test_code_in_a_list_item_keeps_page_columns(parse):
    page = parse("""\
        1. Define it:

           ```python
           class Invoice(models.Model):
               number = models.CharField(max_length=20)
           ```
    """)
    [cls] = extract(page).code_models
    assert cls.span == Span.at(4, 10, 7)
    assert cls.fields[0].span == Span.at(5, 8, 6)


def test_imports_from_every_python_block(parse):
    page = parse("""\
        ```python
        from billing.models import Invoice as Inv, InvoiceLine
        ```

        ```pycon
        >>> from orders.models import Item
        >>> Item.objects.count()
        3
        ```
    """)
    imports = extract(page).imports
    assert [(i.alias, i.module, i.name) for i in imports] == [
        ("Inv", "billing.models", "Invoice"),
        ("InvoiceLine", "billing.models", "InvoiceLine"),
        ("Item", "orders.models", "Item"),
    ]


def test_type_words_are_read_leniently():
    cases = {
        "ForeignKey → User": ("ForeignKey", "User"),
        "FK to User": ("FK", "User"),
        "ForeignKey(User, on_delete=models.CASCADE)": ("ForeignKey", "User"),
        "optional string, max 200": ("string", None),
        "many-to-many → Tag": ("many-to-many", "Tag"),
        "DecimalField(max_digits=10, decimal_places=2)": ("DecimalField", None),
    }
    for text, (written, related) in cases.items():
        documented = read_type(text)
        assert documented is not None, text
        assert (documented.written, documented.related) == (written, related), text
    for unknown in ("Type", "PK", "MoneyField", "enum: draft, paid", ""):
        assert read_type(unknown) is None, unknown


def test_index_claim_is_frozen_data():
    claim = IndexClaim(("a",), None, False, Span.at(1))
    assert claim == IndexClaim(("a",), None, False, Span.at(1))


def test_heading_with_its_label_in_parentheses(parse):
    page = parse("""\
        ## Data Models

        ### Invoice (billing.Invoice)

        Invoices.
    """)
    [invoice] = extract(page).models
    assert (invoice.name, invoice.span, invoice.explicit) == ("billing.Invoice", Span.at(3, 14, 15), True)


def test_index_fields_stop_where_the_remark_begins(parse):
    page = parse("""\
        ## Data Models

        ### Invoice

        **Indexes:**
        - Index on `status` where `paid` is false
        - Index on `sku` (via `db_index=True`)
        - Composite index on (`customer`, `number`) for the statement page
        - Index on `Lower("email")`
    """)
    [invoice] = extract(page).models
    assert [i.fields for i in invoice.indexes] == [("status",), ("sku",), ("customer", "number")]


def test_a_name_used_only_as_an_attribute_in_code_is_not_a_model(parse):
    page = parse("""\
        ## Data Models

        ### Status

        ```python
        Invoice.objects.filter(status=Invoice.Status.PAID)
        ```

        ### Payment

        ```python
        from billing.models import Payment
        ```
    """)
    assert [(m.name, m.explicit) for m in extract(page).models] == [
        ("Status", False), ("Payment", True),
    ]


def test_name_description_tables_are_not_field_tables(parse):
    page = parse("""\
        ## Data Models

        ### Invoice

        | Name | Description |
        | --- | --- |
        | draft | Not sent yet |

        | Name | Type |
        | --- | --- |
        | number | string |
    """)
    [invoice] = extract(page).models
    assert [f.name for f in invoice.fields] == ["number"]


def test_an_item_repeated_further_down_claims_at_its_own_place(parse):
    item = "- `number` (CharField): Unique invoice number\n"
    index = "- Composite index on (`status`, `created_at`)\n"
    page = parse(
        "# Billing\n\n## Data Models\n\n### Invoice\n\n**Fields:**\n" + item + "\n**Indexes:**\n" + index
        + "\n### billing.Invoice\n\n**Fields:**\n" + item + "  - `nested` (CharField): Not a field\n"
        + "\n**Indexes:**\n" + index
    )
    first, second = extract(page).models
    assert [(f.name, f.span, f.type_span) for f in first.fields] == [
        ("number", Span.at(8, 3, 8), Span.at(8, 13, 9))
    ]
    assert [(f.name, f.span, f.type_span) for f in second.fields] == [
        ("number", Span.at(16, 3, 8), Span.at(16, 13, 9))
    ]
    assert [i.field_spans for i in (first.indexes[0], second.indexes[0])] == [
        (Span.at(11, 23, 8), Span.at(11, 33, 12)),
        (Span.at(20, 23, 8), Span.at(20, 33, 12)),
    ]


def test_an_item_repeated_at_another_column_claims_at_its_own_columns(parse):
    item = "- `number` (CharField): Unique invoice number\n"
    page = parse(
        "# Billing\n\n## Data Models\n\n### Invoice\n\n**Fields:**\n" + item
        + "\n### billing.Invoice\n\n**Fields:**\n- Core fields\n  " + item
    )
    first, second = extract(page).models
    assert [(f.name, f.span, f.type_span) for f in first.fields] == [
        ("number", Span.at(8, 3, 8), Span.at(8, 13, 9))
    ]
    assert [(f.name, f.span, f.type_span) for f in second.fields] == [
        ("number", Span.at(14, 5, 8), Span.at(14, 15, 9))
    ]


def test_an_item_met_again_at_a_line_it_was_moved_to_claims_there(parse):
    item = "- `serial` (CharField): Printed on the invoice\n"
    near = "# Billing\n\n## Data Models\n\n### Invoice\n\n**Fields:**\n" + item
    far = "# Billing\n\nIntro.\n\n## Data Models\n\n### Invoice\n\n**Fields:**\n" + item
    lines = [
        [f.span.line for f in extract(parse(text)).models[0].fields]
        for text in (near, far, far, near, far)
    ]
    assert lines == [[8], [10], [10], [8], [10]]
