"""FD803/FD804 on real parsed pages against small hand-built facts."""

from __future__ import annotations

import dataclasses

from featuredocs.model import Severity, Span
from featuredocs.rules.fd8_orm.fd803_invalid_orm_reference import InvalidOrmReference
from featuredocs.rules.fd8_orm.fd804_unknown_model_attribute import UnknownModelAttribute
from tests.rules.fd3.hand_facts import facts
from tests.support.rules import run_rule

CORRECT = '''\
# Billing

## Usage Examples

```python
from billing.models import Invoice, InvoiceLine
from django.db.models import Count, F, Prefetch, Q, Sum

open_invoices = (
    Invoice.objects.filter(status="draft", customer__email__iexact="a@example.com")
    .exclude(Q(total__lte=0) | Q(notes__icontains="test"))
    .select_related("customer__user")
    .prefetch_related("lines__product", "tags", Prefetch("lines", to_attr="paid_lines"))
    .annotate(line_count=Count("lines"), amount=Sum("lines__amount"))
    .filter(line_count__gt=1, created_at__year=2024, created_at__date__gte="2024-01-01")
    .order_by("-created_at", "customer__name", "?")
)
for invoice in open_invoices:
    print(invoice.number, invoice.line_count, invoice.get_status_display(), invoice.paid_lines)
    invoice.customer.send_reminder()
    invoice.status = Invoice.Status.PAID
    invoice.save(update_fields=["status"])

invoice, created = Invoice.objects.get_or_create(number="2024-001", defaults={"total": 10})
invoice.mark_paid()
invoice.lines.filter(amount__gt=F("invoice__total")).update(amount=0)
Invoice.objects.filter(pk=invoice.pk, customer_id=3).values("number", "customer__email")
Invoice.objects.filter(lines__amount__gt=5).only("number", "customer__name").count()
line = InvoiceLine(invoice=invoice, amount=5)
print(line.invoice_id, invoice.customer_id, invoice.is_overdue, Invoice.DoesNotExist)
customer = invoice.customer
customer.invoices.all()
Invoice.objects.summary().get("anything_goes")  # a custom method's result: maybe a dict
for row in Invoice.objects.totals_by_day().values():  # dict.values(), not a queryset
    print(row.day)
```
'''


def located(findings):
    return [(f.code, f.span.line, f.span.column, f.span.end_column) for f in findings]


def test_a_correct_example_is_silent(parse):
    page = parse(CORRECT)
    assert run_rule(InvalidOrmReference, page, facts()) == []
    assert run_rule(UnknownModelAttribute, page, facts()) == []


def test_fd803_unknown_field_in_a_lookup_path(parse):
    page = parse('''\
        ```python
        from billing.models import Invoice

        Invoice.objects.filter(customer__emial="a@example.com")
        ```
    ''')
    [finding] = run_rule(InvalidOrmReference, page, facts())
    assert (finding.code, finding.severity) == ("FD803", Severity.ERROR)
    assert finding.span == Span.at(4, 24, 15)
    assert finding.message == "customers.Customer has no field `emial` (in `customer__emial`)"
    assert finding.hint == "did you mean `email`? (customers/models.py:6)"


def test_fd803_unknown_lookup_and_transform(parse):
    page = parse('''\
        ```python
        Invoice.objects.filter(total__bigger=5).order_by("created_at__icontains")
        ```
    ''')
    found = run_rule(InvalidOrmReference, page, facts())
    assert [f.message for f in found] == [
        "unknown lookup `bigger` on `total` (DecimalField) (in `total__bigger`)",
        "lookup `icontains` is not allowed here, only transforms (in `created_at__icontains`)",
    ]
    assert located(found) == [("FD803", 2, 24, 37), ("FD803", 2, 51, 72)]


def test_fd803_select_related_on_a_many_valued_relation(parse):
    page = parse('''\
        ```python
        qs = Invoice.objects.select_related("lines").prefetch_related("number")
        ```
    ''')
    found = run_rule(InvalidOrmReference, page, facts())
    assert [f.message for f in found] == [
        "`lines` is a many-valued relation: use prefetch_related, not select_related",
        "`number` on billing.Invoice is not a relation",
    ]
    assert located(found) == [("FD803", 2, 38, 43), ("FD803", 2, 64, 70)]


def test_fd803_properties_cannot_be_queried_and_create_needs_fields(parse):
    page = parse('''\
        ```python
        invoices = Invoice.objects.all()
        invoices.filter(is_overdue=True)
        Invoice.objects.create(number="1", totl=5)
        invoices.update(is_overdue=False)
        ```
    ''')
    found = run_rule(InvalidOrmReference, page, facts())
    assert [f.message for f in found] == [
        "`is_overdue` is not a field of billing.Invoice (a method or property cannot be queried)",
        "billing.Invoice has no field `totl` to set",
        "billing.Invoice has no field `is_overdue` to update",
    ]
    assert located(found)[1] == ("FD803", 4, 36, 40)


def test_fd803_q_and_f_and_aggregates(parse):
    page = parse('''\
        ```python
        Invoice.objects.filter(Q(stauts="draft")).annotate(n=Count("line")).order_by(F("totals"))
        ```
    ''')
    found = run_rule(InvalidOrmReference, page, facts())
    assert [f.span.column for f in found] == [26, 61, 81]
    assert [f.message for f in found] == [
        "billing.Invoice has no field `stauts`",
        "billing.Invoice has no field `line`",
        "billing.Invoice has no field `totals`",
    ]


def test_fd803_silent_when_the_model_cannot_be_resolved(parse):
    page = parse('''\
        ```python
        from orders.models import Item as OrderItem

        Item.objects.filter(nothing=1)           # two models are called Item
        Reminder.objects.filter(nothing=1)       # not a model of this project
        helper().filter(nothing=1)
        OrderItem.objects.filter(title__icontains="x")
        ```
    ''')
    assert run_rule(InvalidOrmReference, page, facts()) == []


def test_fd803_in_a_future_section_is_silent(parse):
    page = parse('''\
        ## Future Enhancements

        ```python
        Invoice.objects.filter(refund_reason="late")
        ```
    ''')
    assert run_rule(InvalidOrmReference, page, facts()) == []


def test_fd804_unknown_method_on_an_instance(parse):
    page = parse('''\
        ```python
        invoice = Invoice.objects.get(number="2024-001")
        invoice.mark_as_paid()
        ```
    ''')
    [finding] = run_rule(UnknownModelAttribute, page, facts())
    assert (finding.code, finding.severity) == ("FD804", Severity.ERROR)
    assert finding.span == Span.at(3, 9, 12)
    assert finding.message == "billing.Invoice has no attribute `mark_as_paid`"
    assert finding.hint == "did you mean `mark_paid`? (billing/models.py:9)"


def test_fd804_loop_variables_related_objects_and_class_attributes(parse):
    page = parse('''\
        ```python
        for line in InvoiceLine.objects.filter(amount__gt=0):
            line.invoice.customer.phone
        Invoice.Statuses.PAID
        ```
    ''')
    found = run_rule(UnknownModelAttribute, page, facts())
    assert [f.message for f in found] == [
        "customers.Customer has no attribute `phone`",
        "billing.Invoice has no attribute `Statuses`",
    ]
    assert located(found) == [("FD804", 3, 27, 32), ("FD804", 4, 9, 17)]


def test_fd804_assignment_reported_once(parse):
    page = parse('''\
        ```python
        invoice = Invoice.objects.create(number="1")
        invoice.paid_on = today
        invoice.save()
        print(invoice.paid_on)
        ```
    ''')
    assert located(run_rule(UnknownModelAttribute, page, facts())) == [("FD804", 3, 9, 16)]


def test_fd804_names_bound_two_ways_are_unknown(parse):
    page = parse('''\
        ```python
        invoice = Invoice.objects.get(pk=1)
        invoice = build_preview()
        invoice.preview_html
        rows = Invoice.objects.values("number")
        for row in rows:
            row.anything
        ```
    ''')
    assert run_rule(UnknownModelAttribute, page, facts()) == []


def test_fd804_the_binding_in_force_at_each_use(parse):
    page = parse('''\
        ```python
        invoice = Invoice.objects.get(pk=1)
        invoice.mark_as_paid()
        ```

        ```python
        for invoice in Invoice.objects.unpaid().select_related("customer"):
            invoice.send()
        invoice = build_preview()
        invoice.preview_html
        ```
    ''')
    found = run_rule(UnknownModelAttribute, page, facts())
    assert [f.message for f in found] == [
        "billing.Invoice has no attribute `mark_as_paid`",
        "billing.Invoice has no attribute `send`",
    ]
    assert located(found) == [("FD804", 3, 9, 21), ("FD804", 8, 13, 17)]


def test_fd804_a_loop_over_a_custom_queryset_method(parse):
    page = parse('''\
        ```python
        for invoice in Invoice.objects.unpaid():
            invoice.remind()
        for line in InvoiceLine.objects.filter(amount__gt=0).expensive():
            line.refund()
        ```
    ''')
    found = run_rule(UnknownModelAttribute, page, facts())
    assert located(found) == [("FD804", 3, 13, 19), ("FD804", 5, 10, 16)]
    assert found[1].message == "billing.InvoiceLine has no attribute `refund`"


def test_fd804_a_name_bound_differently_in_two_branches_is_unknown(parse):
    page = parse('''\
        ```python
        if preview:
            invoice = build_preview()
        else:
            invoice = Invoice.objects.get(pk=1)
        invoice.preview_html
        for invoice in invoices_of(customer):
            invoice.anything
        invoice = Invoice.objects.first()
        for _ in range(3):
            invoice.preview_html  # the next pass sees build_preview()'s result
            invoice = build_preview()
        ```
    ''')
    assert run_rule(UnknownModelAttribute, page, facts()) == []


def test_fd804_a_block_that_continues_an_earlier_one(parse):
    page = parse('''\
        ```python
        invoice = Invoice.objects.get(pk=1)
        instance = Invoice.objects.get(pk=1)
        ```

        ```python
        instance = InvoiceLine.objects.get(pk=1)
        ```

        ```python
        invoice.mark_as_paid()
        instance.process()  # bound to two models above: which one is meant is unclear
        ```
    ''')
    found = run_rule(UnknownModelAttribute, page, facts())
    assert located(found) == [("FD804", 11, 9, 21)]


def test_fd804_function_parameters_stay_inside_their_function(parse):
    page = parse('''\
        ```python
        def render(invoice):
            return invoice.preview_html

        invoice = Invoice.objects.get(pk=1)
        invoice.mark_as_paid()
        print([invoice.total_html for invoice in drafts()])
        ```
    ''')
    found = run_rule(UnknownModelAttribute, page, facts())
    assert located(found) == [("FD804", 6, 9, 21)]


def test_fd803_a_lookup_chained_after_a_custom_queryset_method(parse):
    page = parse('''\
        ```python
        Invoice.objects.unpaid().filter(customer__emial="a@example.com")
        ```
    ''')
    [finding] = run_rule(InvalidOrmReference, page, facts())
    assert finding.span == Span.at(2, 33, 15)
    assert finding.message == "customers.Customer has no field `emial` (in `customer__emial`)"


def test_fd803_a_name_the_model_s_queryset_methods_annotate(parse):
    page = parse('''\
        ```python
        Invoice.objects.with_line_totals().filter(line_total__gt=100, line_totl__lt=5)
        ```
    ''')
    base = facts()
    [invoice] = [m for m in base.models if m.name == "Invoice"]
    annotating = dataclasses.replace(invoice, manager_annotations=("line_total",))
    project = dataclasses.replace(base, models=tuple(annotating if m is invoice else m for m in base.models))
    assert [f.message for f in run_rule(InvalidOrmReference, page, base)] == [
        "billing.Invoice has no field `line_total` (in `line_total__gt`)",
        "billing.Invoice has no field `line_totl` (in `line_totl__lt`)",
    ]
    assert [f.message for f in run_rule(InvalidOrmReference, page, project)] == [
        "billing.Invoice has no field `line_totl` (in `line_totl__lt`)",
    ]


def test_fd804_self_in_an_example_model_method(parse):
    page = parse('''\
        ```python
        class Invoice(models.Model):
            discount = 0

            def total_due(self):
                return self.total - self.discount - self.paid_amount
        ```
    ''')
    found = run_rule(UnknownModelAttribute, page, facts())
    assert [f.message for f in found] == ["billing.Invoice has no attribute `paid_amount`"]
    assert found[0].span == Span.at(6, 50, 11)


def test_fd803_reverse_relations_by_lookup_name_in_queries_and_accessor_in_prefetch(parse):
    page = parse('''\
        ```python
        Customer.objects.filter(invoice__total__gt=1).prefetch_related("invoices")
        Customer.objects.filter(invoices__total__gt=1).prefetch_related("invoice")
        ```
    ''')
    found = run_rule(InvalidOrmReference, page, facts())
    assert located(found) == [("FD803", 3, 25, 44), ("FD803", 3, 66, 73)]
    assert [f.message for f in found] == [
        "customers.Customer has no field `invoices` (in `invoices__total__gt`)",
        "customers.Customer has no relation `invoice`",
    ]


def test_fd803_subqueries_are_checked_against_their_own_model(parse):
    page = parse('''\
        ```python
        from django.db.models import Exists, OuterRef, Subquery, Sum

        lines = InvoiceLine.objects.filter(invoice=OuterRef("pk")).values("invoice")
        Invoice.objects.annotate(
            paid=Subquery(lines.annotate(s=Sum("amount")).values("s")),
        ).filter(Exists(InvoiceLine.objects.filter(invoice=OuterRef("pk"), amount__gt=0)))
        InvoiceLine.objects.annotate(s=Sum("amont"))
        ```
    ''')
    found = run_rule(InvalidOrmReference, page, facts())
    assert [(f.span.line, f.message) for f in found] == [
        (8, "billing.InvoiceLine has no field `amont`"),
    ]
