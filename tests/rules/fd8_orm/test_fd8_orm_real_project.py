"""FD803/FD804 against facts read from a real Django project in a child process."""

from __future__ import annotations

import pytest

from featuredocs.model import ProjectFacts
from featuredocs.rules.fd8_code.fd801_python_syntax_error import PythonSyntaxError
from featuredocs.rules.fd8_code.fd806_unresolved_dotted_path import UnresolvedDottedPath
from featuredocs.rules.fd8_orm.fd803_invalid_orm_reference import InvalidOrmReference
from featuredocs.rules.fd8_orm.fd804_unknown_model_attribute import UnknownModelAttribute
from tests.rules.fd3.project import billing_project
from tests.support.rules import run_rule

CORRECT = '''\
# Billing

## Usage Examples

```python
from billing.models import Invoice, InvoiceLine
from customers.models import Customer
from django.db.models import Count, F, Q, Sum

unpaid = (
    Invoice.objects.unpaid()
    .filter(customer__user__email__iexact="a@example.com")
    .select_related("customer__user")
    .prefetch_related("invoiceline_set", "tags")
    .annotate(line_total=Sum("invoiceline__amount"), lines=Count("invoiceline"))
    .order_by("-created_at")
)
recent = Invoice.objects.filter(Q(status=Invoice.Status.DRAFT) | Q(total__gt=F("customer__id")))
for invoice in recent.exclude(notes="").annotate(lines=Count("invoiceline")):
    print(invoice.number, invoice.lines, invoice.get_status_display(), invoice.is_overdue)
    invoice.mark_paid()
    invoice.customer.send_reminder()
    invoice.get_next_by_created_at()
    for line in invoice.invoiceline_set.filter(sku__startswith="A"):
        print(line.amount, line.invoice_id)

customer = Customer.objects.get(user__username="ada")
customer.invoices.filter(created_at__year=2024).update(status="paid")
invoice, created = Invoice.objects.update_or_create(
    number="2024-001", customer=customer, defaults={"total": 10, "status": "draft"}
)
print(customer.user.get_full_name(), customer.user.nickname, invoice.customer_id)
Invoice.objects.filter(tags__label="urgent").values_list("number", flat=True)
InvoiceLine.objects.select_related("invoice__customer").only("amount", "invoice__number")
```
'''


@pytest.fixture(scope="module")
def facts(tmp_path_factory: pytest.TempPathFactory) -> ProjectFacts:
    return billing_project(tmp_path_factory.mktemp("fd8orm")).facts()


def located(findings):
    return [(f.code, f.span.line, f.span.column, f.span.end_column) for f in findings]


def test_correct_examples_are_silent(parse, facts):
    page = parse(CORRECT)
    assert run_rule(InvalidOrmReference, page, facts) == []
    assert run_rule(UnknownModelAttribute, page, facts) == []


def test_fd803_drifted_lookups(parse, facts):
    page = parse('''\
        ## Usage Examples

        ```python
        from billing.models import Invoice

        Invoice.objects.filter(customer__mail="a@example.com").select_related("tags")
        Invoice.objects.order_by("-issued_at")
        ```
    ''')
    found = run_rule(InvalidOrmReference, page, facts)
    assert located(found) == [
        ("FD803", 6, 24, 38), ("FD803", 6, 72, 76), ("FD803", 7, 28, 37),
    ]
    assert found[0].message == "customers.Customer has no field `mail` (in `customer__mail`)"
    assert found[0].hint == "did you mean `email`? (customers/models.py:7)"
    assert found[1].message == (
        "`tags` is a many-valued relation: use prefetch_related, not select_related"
    )
    assert found[2].message == "billing.Invoice has no field `issued_at`"


def test_fd804_drifted_attributes(parse, facts):
    page = parse('''\
        ## Usage Examples

        ```python
        from billing.models import Invoice

        invoice = Invoice.objects.get(number="2024-001")
        invoice.mark_as_paid()
        invoice.customer.user.nick_name
        ```
    ''')
    found = run_rule(UnknownModelAttribute, page, facts)
    assert located(found) == [("FD804", 7, 9, 21), ("FD804", 8, 23, 32)]
    assert found[0].message == "billing.Invoice has no attribute `mark_as_paid`"
    assert found[0].hint == "did you mean `mark_paid`? (billing/models.py:44)"
    assert found[1].message == "accounts.User has no attribute `nick_name`"
    assert found[1].hint == "did you mean `nickname`? (accounts/models.py:6)"


PROSE = '''\
    ## Overview

    `Invoice.mark_paid()` sets the status; `Invoice.is_overdue` and `Invoice.objects` tell the rest.
    A future `Invoice.archive()` will move old ones away; `Invoice.Status` lists the states.
'''


def test_fd804_attributes_named_in_prose(parse, facts):
    assert run_rule(UnknownModelAttribute, parse(PROSE), facts) == []
    page = parse(PROSE.replace("`Invoice.mark_paid()`", "`Invoice.mark_payed()`").replace(
        "`Invoice.is_overdue`", "`Invoice.is_overdu`"))
    found = run_rule(UnknownModelAttribute, page, facts)
    assert located(found) == [("FD804", 3, 10, 20), ("FD804", 3, 50, 59)]
    assert [f.message for f in found] == [
        "billing.Invoice has no attribute `mark_payed`", "billing.Invoice has no attribute `is_overdu`",
    ]
    assert found[0].hint == "did you mean `mark_paid`? (billing/models.py:44)"


def test_fd804_attributes_named_through_the_models_dotted_path(parse, facts):
    right = "## Overview\n\nCall `billing.models.Invoice.mark_paid()`; `catalog.models.Invoice.mark_payd` is no model.\n"
    assert run_rule(UnknownModelAttribute, parse(right), facts) == []
    assert run_rule(UnresolvedDottedPath, parse(right.partition(";")[0]), facts) == []
    page = parse(right.replace("Invoice.mark_paid()", "Invoice.mark_payed()"))
    (found,) = run_rule(UnknownModelAttribute, page, facts)
    assert located([found]) == [("FD804", 3, 30, 40)]
    assert found.message == "billing.Invoice has no attribute `mark_payed`"
    assert found.hint == "did you mean `mark_paid`? (billing/models.py:44)"


IPYTHON = '''\
## Usage Examples

```ipython
In [1]: from billing.models import Invoice

In [2]: Invoice.objects.filter(status="paid",
   ...:                        total__gt=10).count()
Out[2]: 3
```
'''


def test_an_ipython_session_is_read_without_its_prompts_and_output(parse, facts):
    for tag in ("ipython", "python"):
        page = parse(IPYTHON.replace("```ipython", f"```{tag}"))
        for rule in (InvalidOrmReference, UnknownModelAttribute, PythonSyntaxError):
            assert run_rule(rule, page, facts) == [], (tag, rule.code)
        misspelt = parse(page.text.replace("total__gt", "totl__gt"))
        assert located(run_rule(InvalidOrmReference, misspelt, facts)) == [("FD803", 7, 32, 40)]


def test_fd804_a_misspelt_manager_or_queryset_method(parse, facts):
    right = "## Usage\n\n```python\nInvoice.objects.unpaid().filter(total__gt=1)\n```\n"
    assert run_rule(UnknownModelAttribute, parse(right), facts) == []
    # a method nothing is close to: the project's managers are all read, so it is none of theirs
    (found,) = run_rule(UnknownModelAttribute, parse(right + "```python\nInvoice.objects.archive_all()\n```\n"), facts)
    assert found.message == "`archive_all` is not a method of billing.Invoice's managers or querysets"
    assert found.hint == "its managers add `unpaid()` to Django's queryset API"
    for right_call, wrong_call, method, hint in (
        ("objects.unpaid()", "objects.unpayd()", "unpayd", "unpaid"),
        ("objects.unpaid().filter(", "objects.filer(", "filer", "filter"),
    ):
        page = parse(right.replace(right_call, wrong_call))
        (found,) = run_rule(UnknownModelAttribute, page, facts)
        assert found.message == f"`{method}` is not a method of billing.Invoice's managers or querysets"
        assert found.hint == f"did you mean `{hint}`?"
        assert page.line_text(found.span.line)[found.span.column - 1 : found.span.end_column - 1] == method


def test_fd804_manager_methods_named_in_prose(parse, facts):
    right = ("## Overview\n\n`Invoice.objects.unpaid()` lists what is due, `Invoice.objects.archive_all()`\n"
             "will tidy up, and `Invoice.mark_paid(notify=True)` settles one.\n")
    assert run_rule(UnknownModelAttribute, parse(right), facts) == []
    page = parse(right.replace("unpaid()", "unpayd()").replace("mark_paid(", "mark_payd("))
    found = run_rule(UnknownModelAttribute, page, facts)
    assert located(found) == [("FD804", 3, 18, 24), ("FD804", 4, 28, 37)]
    assert found[0].message == "`unpayd` is not a method of billing.Invoice's managers or querysets"
    assert [f.hint for f in found] == ["did you mean `unpaid`?", "did you mean `mark_paid`? (billing/models.py:44)"]


def test_fd804_a_misspelt_member_of_a_models_choices(parse, facts):
    right = (
        "## Usage\n\n```python\nfrom billing.models import Invoice\n\n"
        "Invoice.objects.filter(status=Invoice.Status.PAID)\n"
        "print(Invoice.Status.DRAFT.label, Invoice.Status.choices, Invoice.Status.ARCHIVED)\n```\n"
    )
    assert run_rule(UnknownModelAttribute, parse(right), facts) == []
    page = parse(right.replace("Status.PAID)", "Status.PAYED)"))
    (found,) = run_rule(UnknownModelAttribute, page, facts)
    assert located([found]) == [("FD804", 6, 46, 51)]
    assert found.message == "billing.Invoice.Status has no member `PAYED`"
    assert found.hint == "did you mean `PAID`?"
