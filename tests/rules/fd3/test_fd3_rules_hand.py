"""FD301-FD303 on real parsed pages against small hand-built facts; and a correct page
that every FD3 rule leaves alone."""

from __future__ import annotations

from featuredocs.model import Applicability, Severity, Span
from featuredocs.rules.fd3_models.fd301_model_not_found import ModelNotFound
from featuredocs.rules.fd3_models.fd302_field_not_found import FieldNotFound
from featuredocs.rules.fd3_models.fd303_field_type_mismatch import FieldTypeMismatch
from featuredocs.rules.fd3_models.fd304_index_not_found import IndexNotFound
from featuredocs.rules.fd3_models.fd305_undocumented_field import UndocumentedField
from featuredocs.rules.fd3_models.fd306_undocumented_index import UndocumentedIndex
from tests.rules.fd3.hand_facts import facts
from tests.support.rules import run_rule
CORRECT = """\
# Billing

> **Billing** - Invoices and payments.

## Data Models

### Invoice

**Fields:**
- `number` (CharField): Unique invoice number
- `customer` (ForeignKey → Customer): Who pays
- `total` (decimal): Amount due
- `status` (string): `draft` or `paid`
- `created_at` (datetime): When it was issued
- `notes` (TextField): Free text
- `tags` (M2M → Tag): Labels
- `lines` (reverse FK): The invoice's lines
- `is_overdue` (property): Past its due date
- `customer_id` (integer): The customer's key

**Indexes:**
- Index on `number`
- Index on `customer`
- `invoice_status_created_idx` on (`status`, `created_at`)
- Unique constraint on (`customer`, `number`)

### customers.Customer

**Key Fields:**
- `email` (EmailField): Where invoices go
- `user` (OneToOne → User): Login
- `invoices` (reverse): Invoices sent

```python
from billing.models import Invoice

class Invoice(models.Model):
    number = models.CharField(max_length=20, unique=True)
    customer = models.ForeignKey(Customer, on_delete=models.CASCADE)

    class Meta:
        indexes = [models.Index(fields=["status", "-created_at"], name="invoice_status_created_idx")]
```
"""


def codes(findings):
    return [(f.code, f.span.line, f.span.column) for f in findings]


def test_a_correct_page_is_silent_for_every_rule(parse):
    page = parse(CORRECT)
    for rule in (ModelNotFound, FieldNotFound, FieldTypeMismatch, IndexNotFound,
                 UndocumentedField, UndocumentedIndex):
        assert run_rule(rule, page, facts()) == [], rule.code

# --- FD301 -------------------------------------------------------------------------------


def test_fd301_unknown_model_with_a_close_name(parse):
    page = parse("""\
        ## Data Models

        ### Invoce

        **Fields:**
        - `number` (CharField): Number
    """)
    [finding] = run_rule(ModelNotFound, page, facts())
    assert (finding.code, finding.severity) == ("FD301", Severity.ERROR)
    assert finding.span == Span.at(3, 5, 6)
    assert finding.message == "model `Invoce` is documented here, but the project has no such model"
    assert finding.hint == "did you mean `Invoice`? (billing/models.py:9)"


def test_fd301_model_heading_anywhere(parse):
    page = parse("""\
        # Refunds

        ## The `Refund` model

        Refunds money.
    """)
    assert codes(run_rule(ModelNotFound, page, facts())) == [("FD301", 3, 8)]


def test_fd301_ambiguous_name_lists_the_candidates(parse):
    page = parse("""\
        ## Data Models

        ### Item

        **Fields:**
        - `title` (CharField): Title
    """)
    [finding] = run_rule(ModelNotFound, page, facts())
    assert finding.span == Span.at(3, 5, 4)
    assert finding.message == "model `Item` is ambiguous: 2 models have that name"
    assert finding.hint is not None
    assert "`catalog.Item` (catalog/models.py:3)" in finding.hint
    assert "`orders.Item` (orders/models.py:3)" in finding.hint


def test_fd301_ambiguity_settled_by_the_pages_import(parse):
    page = parse("""\
        ## Data Models

        ### Item

        **Fields:**
        - `title` (CharField): Title

        ```python
        from orders.models import Item
        ```
    """)
    assert run_rule(ModelNotFound, page, facts()) == []


def test_fd301_project_model_preferred_over_djangos(parse):
    page = parse("""\
        ## Data Models

        ### Group

        **Fields:**
        - `title` (CharField): Title
    """)
    assert run_rule(ModelNotFound, page, facts()) == []
    assert run_rule(FieldNotFound, page, facts()) == []


def test_fd301_silent_on_headings_that_are_not_model_declarations(parse):
    page = parse("""\
        ## Data Models

        ### Relationships

        Invoices belong to customers.

        ### Lifecycle

        Drafts become paid.

        ## Data Model

        All tables live in Postgres.

        ## Future Enhancements

        ### Refund model

        **Fields:**
        - `reason` (text): Why
    """)
    assert run_rule(ModelNotFound, page, facts()) == []


def test_fd301_code_class_of_an_unknown_model_is_an_illustration(parse):
    page = parse("""\
        ## Usage Examples

        ```python
        class Reminder(models.Model):
            when = models.DateTimeField()
        ```
    """)
    for rule in (ModelNotFound, FieldNotFound, FieldTypeMismatch):
        assert run_rule(rule, page, facts()) == []


# --- FD302 -------------------------------------------------------------------------------


def test_fd302_unknown_field_with_safe_fix(parse):
    page = parse("""\
        ## Data Models

        ### Invoice

        **Fields:**
        - `totl` (decimal): Amount
    """)
    [finding] = run_rule(FieldNotFound, page, facts())
    assert (finding.code, finding.span) == ("FD302", Span.at(6, 3, 6))
    assert finding.message == "field `totl` is documented on billing.Invoice, which has no such field"
    assert finding.hint == "did you mean `total`? (billing/models.py:13)"
    assert finding.fix is not None and finding.fix.applicability is Applicability.SAFE
    assert [(e.span, e.replacement) for e in finding.fix.edits] == [(Span.at(6, 3, 6), "`total`")]


def test_fd302_no_fix_when_nothing_or_several_are_close(parse):
    page = parse("""\
        ## Data Models

        ### Invoice

        **Fields:**
        - `discount_code` (string): Code
    """)
    [finding] = run_rule(FieldNotFound, page, facts())
    assert finding.fix is None and finding.hint is None


def test_fd302_in_a_code_class_points_at_the_attribute(parse):
    page = parse("""\
        ```python
        class Invoice(models.Model):
            number = models.CharField(max_length=20)
            paid_on = models.DateField()
        ```
    """)
    [finding] = run_rule(FieldNotFound, page, facts())
    assert finding.span == Span.at(4, 5, 7)
    assert finding.fix is None or finding.fix.edits[0].replacement.isidentifier()


def test_fd302_table_rows_and_dotted_heading(parse):
    page = parse("""\
        ## Models

        ### billing.InvoiceLine

        | Field | Type |
        | --- | --- |
        | `amount` | decimal |
        | `quantity` | integer |
    """)
    assert codes(run_rule(FieldNotFound, page, facts())) == [("FD302", 8, 3)]


# --- FD303 -------------------------------------------------------------------------------


def test_fd303_type_word_does_not_fit(parse):
    page = parse("""\
        ## Data Models

        ### Invoice

        **Fields:**
        - `total` (integer): Amount in cents
        - `status` (string): State
    """)
    [finding] = run_rule(FieldTypeMismatch, page, facts())
    assert (finding.code, finding.span) == ("FD303", Span.at(6, 12, 7))
    assert finding.message == "field `total` is documented as `integer`, but it is a DecimalField"
    assert finding.hint == "billing.Invoice.total is DecimalField (billing/models.py:13)"


def test_fd303_relation_to_the_wrong_model(parse):
    page = parse("""\
        ## Data Models

        ### Invoice

        **Fields:**
        - `customer` (ForeignKey → User): Who pays
    """)
    [finding] = run_rule(FieldTypeMismatch, page, facts())
    assert finding.span == Span.at(6, 15, 17)
    assert finding.message == (
        "field `customer` is documented as a relation to `User`, but it points to customers.Customer"
    )
    assert finding.hint == "billing.Invoice.customer is ForeignKey → customers.Customer (billing/models.py:12)"


def test_fd303_code_class_with_another_field_class(parse):
    page = parse("""\
        ```python
        class Invoice(models.Model):
            notes = models.CharField(max_length=200)
        ```
    """)
    assert codes(run_rule(FieldTypeMismatch, page, facts())) == [("FD303", 3, 13)]


def test_fd303_silent_on_unknown_type_words_and_subclasses(parse):
    page = parse("""\
        ## Data Models

        ### Invoice

        **Fields:**
        - `total` (Money): Amount
        - `created_at` (date): Issued
        - `number` (str, unique): Number

        ### Tag

        **Fields:**
        - `label` (CharField): A slug
    """)
    assert run_rule(FieldTypeMismatch, page, facts()) == []



def test_fd303_auto_fields_and_the_projects_user_model(parse):
    from dataclasses import replace

    from featuredocs.model import SettingFact
    from tests.rules.fd3.hand_facts import CUSTOMER, field

    account_fk = field("user", "OneToOneField", path="customers/models.py", line=7,
                       column="user_id", related_model="accounts.Account", is_relation=True)
    customer = replace(CUSTOMER, fields=(*CUSTOMER.fields[:3], account_fk, *CUSTOMER.fields[4:]))
    base = facts()
    custom = replace(
        base,
        models=tuple(customer if m.label == "customers.Customer" else m for m in base.models),
        settings=(SettingFact("AUTH_USER_MODEL", "'accounts.Account'", project=True),),
    )
    page = parse("""\
        ## Data Models

        ### Customer

        **Fields:**
        - `id` (AutoField): Primary key
        - `user` (OneToOneField → User): Login
    """)
    assert run_rule(FieldTypeMismatch, page, custom) == []
    wrong = parse("""\
        ## Data Models

        ### Customer

        **Fields:**
        - `user` (OneToOneField → Customer): Login
    """, rel="features/y.md")
    assert codes(run_rule(FieldTypeMismatch, wrong, custom)) == [("FD303", 6, 11)]


def test_fd301_a_concrete_model_is_preferred_over_an_abstract_base(parse):
    from dataclasses import replace

    from tests.rules.fd3.hand_facts import TAG

    base = facts()
    abstract_tag = replace(TAG, app_label="customers", module="customers.models", abstract=True)
    with_abstract = replace(base, models=(*base.models, abstract_tag))
    page = parse("""\
        ## Data Models

        ### Tag

        **Fields:**
        - `label` (SlugField): Label
    """)
    assert run_rule(ModelNotFound, page, with_abstract) == []
