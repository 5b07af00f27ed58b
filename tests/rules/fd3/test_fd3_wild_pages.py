"""Pages that drift from the template in shape but not in substance stay silent; the
same pages with real drift are caught. Facts come from a real project."""

from __future__ import annotations

import pytest

from featuredocs.rules.fd3_models.fd301_model_not_found import ModelNotFound
from featuredocs.rules.fd3_models.fd302_field_not_found import FieldNotFound
from featuredocs.rules.fd3_models.fd303_field_type_mismatch import FieldTypeMismatch
from featuredocs.rules.fd3_models.fd304_index_not_found import IndexNotFound
from featuredocs.rules.fd3_models.fd305_undocumented_field import UndocumentedField
from featuredocs.rules.fd3_models.fd306_undocumented_index import UndocumentedIndex
from featuredocs.rules.fd8_orm.fd803_invalid_orm_reference import InvalidOrmReference
from featuredocs.rules.fd8_orm.fd804_unknown_model_attribute import UnknownModelAttribute
from tests.support.rules import run_rule

RULES = (ModelNotFound, FieldNotFound, FieldTypeMismatch, IndexNotFound, UndocumentedField,
         UndocumentedIndex, InvalidOrmReference, UnknownModelAttribute)

WILD = '''\
# Invoicing

Invoices are issued per customer. The `Invoice` model is the heart of it; see
`Invoice.objects.unpaid()` for the dunning run.

## Features

- Numbered invoices
- Reminders for unpaid ones

## Invoice Model

Holds one invoice.

### Fields

| Field | Type | Description |
|---|---|---|
| `number` | `CharField(20)` | Unique number |
| `customer` | FK → `Customer` | Who pays |
| `total` | Decimal(10,2) | Amount due |
| `status` | choice | `draft` or `paid` |
| `created_at` | timestamp | From the abstract base |
| `notes` | text | |
| `tags` | ManyToMany | Labels |

### Methods

- `mark_paid()`: Marks the invoice paid and saves it
- `is_overdue` (property): Past its due date

### Indexes

- Composite index on (`status`, `created_at`) — the listing page
- Unique constraint on (`customer`, `number`)
- Index on `number` (unique)

## Customer model

**Model Fields**:
- `name` (string): Display name
- `email` (email, unique): Where invoices go
- `user` (1:1 → User): The login

## Relationships

Invoice → Customer → User. An `InvoiceLine` belongs to one invoice.

## Data Model

All of this lives in PostgreSQL.

## Usage

```pycon
>>> from billing.models import Invoice
>>> invoice = Invoice.objects.select_related("customer").get(number="2024-001")
>>> invoice.customer.name
'Ada'
>>> invoice.get_status_display()
'Draft'
```

1. Mark it paid:

   ```python
   invoice.mark_paid()
   invoice.refresh_from_db()
   ```

## Settings

```python
BILLING = {"currency": "EUR"}
```

## Before the 2024 rewrite

```python
class Invoice(models.Model):
    amount_cents = models.IntegerField()

Invoice.objects.filter(amount_cents__gt=0)
```
'''


def test_wild_but_correct_page_is_silent(parse, billing_facts):
    page = parse(WILD)
    for rule in RULES:
        assert run_rule(rule, page, billing_facts) == [], rule.code


def test_the_same_page_with_drift_is_caught(parse, billing_facts):
    drifted = (
        WILD.replace("| `total` | Decimal(10,2) |", "| `total` | integer |")
        .replace("- `email` (email, unique)", "- `mail` (email, unique)")
        .replace('select_related("customer")', 'select_related("customer__profile")')
        .replace("invoice.refresh_from_db()", "invoice.refresh()")
        .replace("- Unique constraint on (`customer`, `number`)\n", "")
    )
    page = parse(drifted)
    found = sorted(
        (f for rule in RULES for f in run_rule(rule, page, billing_facts)),
        key=lambda f: f.sort_key,
    )
    assert [(f.code, f.span.line, f.span.column) for f in found] == [
        ("FD303", 21, 13),  # `integer` in the Type column
        ("FD306", 32, 1),  # the `### Indexes` heading
        ("FD305", 39, 1),  # `email` is no longer listed
        ("FD302", 41, 3),  # `mail`
        ("FD803", 56, 47),  # "customer__profile"
        ("FD804", 67, 12),  # `refresh`
    ]


MESSY_CODE = '''\
# Invoicing API

## API Endpoints

```python
from ninja import Schema
from rest_framework import serializers
from billing.models import Invoice


class Invoice(Schema):  # the API's own shape, not the model
    number: str
    total_text: str = Field(alias="total")


class InvoiceSerializer(serializers.ModelSerializer):
    display = serializers.CharField(source="get_status_display")

    class Meta:
        model = Invoice
        fields = ["number", "display"]
```

## Usage Examples

```python
async def latest(customer_id: int):
    if (invoice := await Invoice.objects.filter(customer_id=customer_id).afirst()) is not None:
        return invoice.number
    match invoice:
        case None:
            pass
    handler = lambda row: row.whatever
    with open("x") as invoice_file:
        invoice_file.read()
    try:
        Invoice.objects.get(pk=0)
    except Invoice.DoesNotExist as error:
        error.args
```

```python
this is not python (
Invoice.objects.filter(total__gte=10).order_by("?")
```

```py
>>> invoices = Invoice.objects.all()
>>> [i.number for i in invoices]
['2024-001']
```
'''


def test_messy_examples_neither_crash_nor_mislead(parse, billing_facts):
    page = parse(MESSY_CODE)
    for rule in RULES:
        assert run_rule(rule, page, billing_facts) == [], rule.code


BOLD = '''\
# Customers

## Data Models

### Customer

**Fields:**
- **Note**: the customer's invoices live on the invoice page
- **name** (string): Display name
- **email** (EmailField, unique): Where invoices go
- **user** (OneToOneField → User): The login

### Invoice

**Key Fields:**

| Field | Type | Description |
|---|---|---|
| **number** | CharField | Unique number |
'''


def test_field_names_in_bold_are_read_like_code(parse, billing_facts):
    page = parse(BOLD)
    for rule in RULES:
        assert run_rule(rule, page, billing_facts) == [], rule.code
    drifted = parse(
        BOLD.replace("- **name** (string)", "- **nam** (string)")
        .replace("(EmailField, unique)", "(IntegerField, unique)")
        .replace("| **number** |", "| **numbr** |")
    )
    found = sorted(
        (f for rule in RULES for f in run_rule(rule, drifted, billing_facts)), key=lambda f: f.sort_key
    )
    assert [(f.code, f.span.line, f.span.column) for f in found] == [
        ("FD305", 7, 1),  # `name` is no longer listed
        ("FD302", 9, 5),  # `nam`, inside the bold
        ("FD303", 10, 14),  # `IntegerField`
        ("FD302", 19, 5),  # `numbr`, inside the bold of its cell
    ]
    [name_fix] = [f.fix for f in found if f.code == "FD302" and f.span.line == 9]
    [number_fix] = [f.fix for f in found if f.code == "FD302" and f.span.line == 19]
    assert [(e.span.column, e.span.end_column, e.replacement) for e in name_fix.edits] == [(5, 8, "name")]
    assert [(e.span.column, e.span.end_column, e.replacement) for e in number_fix.edits] == [(5, 10, "number")]


def test_a_field_table_under_a_selection_label_is_a_selection(parse, billing_facts):
    assert run_rule(UndocumentedField, parse(BOLD), billing_facts) == []
    complete = parse(BOLD.replace("**Key Fields:**", "**Fields:**"))
    found = run_rule(UndocumentedField, complete, billing_facts)
    assert found and {f.span.line for f in found} == {17}, found  # the table's header row
    headed = parse(BOLD.replace("**Key Fields:**", "#### Key Fields"))
    assert run_rule(UndocumentedField, headed, billing_facts) == []


def test_examples_in_mkdocs_tabs_are_read_as_python(parse, billing_facts):
    text = (
        '# Invoicing\n\n## Usage\n\n=== "Python"\n\n    ```python\n'
        '    from billing.models import Invoice\n\n    Invoice.objects.filter(number="2024-001")\n    ```\n'
    )
    for rule in RULES:
        assert run_rule(rule, parse(text), billing_facts) == [], rule.code
    [finding] = run_rule(InvalidOrmReference, parse(text.replace("(number=", "(numbr=")), billing_facts)
    assert (finding.code, finding.span.line, finding.span.column) == ("FD803", 10, 28)


INDEX_TABLE = '''\
# Invoicing

## Data Models

### Invoice

**Key Fields:**
- `number` (CharField): Unique number

**Indexes:**

| Name | Fields | Kind |
|---|---|---|
| `invoice_status_created_idx` | `status`, `-created_at` | index |
| `uniq_customer_number` | customer, number | unique constraint |
| (auto) | `number` | unique |
| (auto) | `customer` | index |

### Customer

**Indexes:**
- `unique_together` on (`email`)
'''


def test_an_index_table_is_read_as_indexes_not_fields(parse, billing_facts):
    page = parse(INDEX_TABLE)
    for rule in RULES:
        assert run_rule(rule, page, billing_facts) == [], rule.code
    drifted = parse(
        INDEX_TABLE.replace("`invoice_status_created_idx`", "`invoice_state_created_idx`")
        .replace("customer, number", "customer, numbr")
        .replace("`unique_together` on (`email`)", "Unique on (`mail`)")
    )
    found = sorted((f for rule in RULES for f in run_rule(rule, drifted, billing_facts)), key=lambda f: f.sort_key)
    assert [(f.code, f.span.line, f.span.column, f.message) for f in found] == [
        ("FD304", 14, 3, "index `invoice_state_created_idx` is documented on billing.Invoice, "
                         "which has no index of that name"),
        ("FD304", 15, 3, "index field `numbr` is not a field of billing.Invoice"),  # a bare word in its cell
        ("FD304", 22, 14, "index field `mail` is not a field of customers.Customer"),
    ]
    dropped = parse(INDEX_TABLE.replace("| `invoice_status_created_idx` | `status`, `-created_at` | index |\n", ""))
    [undocumented] = run_rule(UndocumentedIndex, dropped, billing_facts)
    assert (undocumented.span.line, undocumented.span.column) == (12, 3)  # the table's header


MENTIONS = '''\
# Invoicing

## Architecture

| Model | App | Purpose |
|---|---|---|
| `Invoice` | billing | the invoice |
| `billing.InvoiceLine` | billing | one line |

The `Customer` model pays; each `billing.Invoice` has lines. Django's `Session` model and
the `LogEntry` model are not ours, nor is `reporting.Summary`.

## Future Enhancements

A `CreditNote` model may come.
'''


def test_models_named_in_passing_are_checked_against_the_project(parse, billing_facts):
    for rule in RULES:
        assert run_rule(rule, parse(MENTIONS), billing_facts) == [], rule.code
    drifted = parse(
        MENTIONS.replace("| `Invoice` |", "| `Invoise` |")
        .replace("`billing.InvoiceLine`", "`billing.InvoiceRow`")
        .replace("The `Customer` model", "The `Custmer` model")
    )
    found = [(f.span.line, f.message, f.hint) for f in run_rule(ModelNotFound, drifted, billing_facts)]
    assert [(line, message) for line, message, _ in found] == [
        (7, "model `Invoise` is named here, but the project has no such model"),
        (8, "model `billing.InvoiceRow` is named here, but the project has no such model"),
        (10, "model `Custmer` is named here, but the project has no such model"),
    ]
    assert found[0][2].startswith("did you mean `Invoice`?")


@pytest.mark.parametrize("title", ["Database Schema", "Entities", "Storage"])
def test_a_models_section_under_another_name_is_read(parse, billing_facts, title):
    page = parse(f"# Billing\n\n## {title}\n\n### Invoice\n\n**Fields:**\n- `totl` (DecimalField): Amount due\n",
                 dedent=False)
    assert [f.code for f in run_rule(FieldNotFound, page, billing_facts)] == ["FD302"]


@pytest.mark.parametrize("title", ["API Schema", "Response objects", "Webhook payloads"])
def test_an_apis_schema_is_not_read_as_models(parse, billing_facts, title):
    page = parse(f"# Billing\n\n## {title}\n\n### Invoice\n\n**Fields:**\n- `total_display` (string): Amount due\n",
                 dedent=False)
    assert run_rule(FieldNotFound, page, billing_facts) == []


def test_a_model_heading_over_a_fields_list_typed_with_django_classes_is_read_anywhere(parse, billing_facts):
    page = parse("# Billing\n\n## Billing\n\n### Invoice\n\n**Fields:**\n"
                 "- `number` (CharField, max_length=20): Printed\n- `totl` (DecimalField): Amount due\n", dedent=False)
    assert [f.code for f in run_rule(FieldNotFound, page, billing_facts)] == ["FD302"]


@pytest.mark.parametrize(
    "text",
    [
        "## API Endpoints\n\n### GET /invoices/\n\n#### Invoice\n\n**Fields:**\n- `total_display` (CharField): Shown\n",
        "## Billing\n\n### Invoice\n\n**Fields:**\n- `total_display` (string): Shown\n",
        "## Billing\n\n### InvoiceSerializer\n\n**Fields:**\n- `total_display` (CharField): Shown\n",
        "## Forms\n\n### Invoice\n\n**Fields:**\n- `total_display` (CharField): Shown\n",
    ],
)
def test_fields_of_an_api_a_serializer_or_untyped_are_not_a_models(parse, billing_facts, text):
    page = parse("# Billing\n\n" + text, dedent=False)
    assert run_rule(FieldNotFound, page, billing_facts) == []
    assert run_rule(ModelNotFound, page, billing_facts) == []


def test_an_unlabelled_list_of_typed_fields_under_a_model_is_read_as_a_selection(parse, billing_facts):
    page = parse("# Billing\n\n## Data Models\n\n### Invoice\n\nWhat is billed.\n\n"
                 "- `number` (CharField): Printed\n- `totl` (DecimalField): Amount due\n", dedent=False)
    assert [f.code for f in run_rule(FieldNotFound, page, billing_facts)] == ["FD302"]
    assert run_rule(UndocumentedField, page, billing_facts) == []  # no label says it is every field


def test_an_unlabelled_list_of_anything_else_under_a_model_is_not_read(parse, billing_facts):
    page = parse("# Billing\n\n## Data Models\n\n### Invoice\n\n"
                 "- `totl`: kept for the 2023 reports\n- Fast (cached): served from cache\n", dedent=False)
    assert run_rule(FieldNotFound, page, billing_facts) == []


def test_a_models_fields_heading_declares_the_model_where_its_name_alone_would(parse, billing_facts):
    page = parse("# Billing\n\n## Data Models\n\n### Invoice fields\n\n| Field | Type |\n|---|---|\n"
                 "| `number` | CharField |\n| `totl` | DecimalField |\n", dedent=False)
    assert [f.code for f in run_rule(FieldNotFound, page, billing_facts)] == ["FD302"]
    # in an API section the same heading names a response's fields, typed as JSON
    api = parse("# Billing\n\n## API\n\n### Invoice fields\n\n| Field | Type |\n|---|---|\n"
                "| `number` | string |\n| `totl` | number |\n", dedent=False)
    assert run_rule(FieldNotFound, api, billing_facts) == []
    assert run_rule(ModelNotFound, api, billing_facts) == []


def test_an_index_a_sentence_names_after_indexed_as(parse, billing_facts):
    page = "## Data Models\n\n### Invoice\n\nIndexed on (`status`, `created_at`) as `NAME`, and on `customer`.\n"
    right = parse(page.replace("NAME", "invoice_status_created_idx"), dedent=False)
    assert [f for rule in RULES for f in run_rule(rule, right, billing_facts) if f.code == "FD304"] == []
    drifted = parse(page.replace("NAME", "invoice_status_creatd_idx"), dedent=False)
    found = [f for rule in RULES for f in run_rule(rule, drifted, billing_facts) if f.code == "FD304"]
    assert [(f.span.line, f.message) for f in found] == [
        (5, "index `invoice_status_creatd_idx` is documented on billing.Invoice, which has no index of that name"),
    ]
