"""FD803 on shapes real pages take once teams drift from the template, against facts
read from a real Django project."""

from __future__ import annotations

import pytest

from featuredocs.model import ProjectFacts
from featuredocs.rules.fd8_orm.fd803_invalid_orm_reference import InvalidOrmReference
from tests.rules.fd3.project import billing_project
from tests.support.rules import run_rule


@pytest.fixture(scope="module")
def facts(tmp_path_factory: pytest.TempPathFactory) -> ProjectFacts:
    return billing_project(tmp_path_factory.mktemp("fd8untidy")).facts()


def marked(page, findings):
    """The line and the text each finding points at."""
    return [
        (f.span.line, page.line_text(f.span.line)[f.span.column - 1 : f.span.end_column - 1])
        for f in findings
    ]


FIELD_ARGUMENTS = '''\
## Usage Examples

```python
from billing.models import Invoice, InvoiceLine

invoice = Invoice.objects.latest("created_at")
Invoice.objects.earliest("-created_at", "number")
Invoice.objects.dates("created_at", "month")
lines = list(InvoiceLine.objects.filter(invoice=invoice))
InvoiceLine.objects.bulk_update(lines, ["amount", "sku"], batch_size=100)
Invoice.objects.in_bulk(["2024-001"], field_name="number")
Invoice.objects.select_for_update(of=("self", "customer")).filter(status="draft")
invoice.status = Invoice.Status.PAID
invoice.save(update_fields=["status", "customer_id"])
invoice.refresh_from_db(fields=["status", "tags"])
```
'''


def test_fd803_field_names_given_as_plain_arguments_are_silent_when_right(parse, facts):
    assert run_rule(InvalidOrmReference, parse(FIELD_ARGUMENTS), facts) == []


def test_fd803_field_names_given_as_plain_arguments(parse, facts):
    page = parse(
        FIELD_ARGUMENTS.replace('latest("created_at")', 'latest("created")')
        .replace('"-created_at", "number"', '"-created_at", "numbr"')
        .replace('dates("created_at"', 'dates("creatd_at"')
        .replace('["amount", "sku"]', '["amount", "skus"]')
        .replace('field_name="number"', 'field_name="nr"')
        .replace('"self", "customer"', '"self", "custmer"')
        .replace('["status", "customer_id"]', '["stauts", "customer_id"]')
        .replace('["status", "tags"]', '["status", "tag"]')
    )
    found = run_rule(InvalidOrmReference, page, facts)
    assert marked(page, found) == [
        (6, "created"), (7, "numbr"), (8, "creatd_at"), (10, "skus"), (11, "nr"), (12, "custmer"),
        (14, "stauts"), (15, "tag"),
    ]
    assert [f.message for f in found] == [
        "billing.Invoice has no field `created`",
        "billing.Invoice has no field `numbr`",
        "billing.Invoice has no field `creatd_at`",
        "billing.InvoiceLine has no field `skus`",
        "billing.Invoice has no field `nr`",
        "billing.Invoice has no relation `custmer`",
        "billing.Invoice has no field `stauts`",
        "billing.Invoice has no field `tag`",
    ]
    assert found[6].hint == "did you mean `status`? (billing/models.py:26)"


CONDITIONS = '''\
## Usage Examples

```python
from django.db.models import Case, IntegerField, Q, Value, When
from billing.models import Invoice

Invoice.objects.annotate(
    rank=Case(
        When(status="paid", then=Value(1)),
        When(Q(total__gt=100) | Q(customer__email__endswith=".org"), then=Value(2)),
        default=Value(0),
        output_field=IntegerField(),
    ),
).order_by("rank")
Invoice.objects.update(notes=Case(When(customer__name="", then=Value("anonymous")), default=Value("")))
```
'''


def test_fd803_conditions_of_case_when_are_silent_when_right(parse, facts):
    assert run_rule(InvalidOrmReference, parse(CONDITIONS), facts) == []


def test_fd803_conditions_of_case_when(parse, facts):
    page = parse(CONDITIONS.replace('When(status="paid"', 'When(state="paid"').replace(
        'When(customer__name=""', 'When(customer__nme=""'))
    found = run_rule(InvalidOrmReference, page, facts)
    assert marked(page, found) == [(9, "state"), (15, "customer__nme")]
    assert found[0].message == "billing.Invoice has no field `state`"
    assert found[1].message == "customers.Customer has no field `nme` (in `customer__nme`)"


ANNOTATED = '''\
## Usage Examples

```python
from django.db.models import Count
from billing.models import Invoice

busy = Invoice.objects.annotate(line_count=Count("invoiceline"))
busy.filter(line_count__gt=1, total__gt=10).order_by("-line_count")
```
'''


def test_fd803_names_annotated_in_the_query_are_silent(parse, facts):
    assert run_rule(InvalidOrmReference, parse(ANNOTATED), facts) == []


def test_fd803_a_misspelt_annotation_is_hinted_as_the_annotation(parse, facts):
    page = parse(ANNOTATED.replace("filter(line_count__gt=1, total__gt=10)",
                                   "filter(line_cout__gt=1, totl__gt=10)"))
    found = run_rule(InvalidOrmReference, page, facts)
    assert marked(page, found) == [(8, "line_cout__gt"), (8, "totl__gt")]
    assert [f.hint for f in found] == [
        "did you mean `line_count`? (annotated in the query)",
        "did you mean `total`? (billing/models.py:25)",
    ]


SESSIONS = '''\
## Usage Examples

```console
$ python manage.py shell
>>> from billing.models import Invoice
>>> Invoice.objects.filter(status="draft").count()
3
```

```
>>> from billing.models import Invoice
>>> Invoice.objects.values_list("number", flat=True)[:1]
<QuerySet ['2024-001']>
```

```bash
echo ">>> Invoice.objects.filter(nope=1)" > notes.txt
```
'''


def test_fd803_reads_sessions_pasted_into_shell_and_untagged_blocks(parse, facts):
    assert run_rule(InvalidOrmReference, parse(SESSIONS), facts) == []
    page = parse(SESSIONS.replace('filter(status="draft")', 'filter(stauts="draft")').replace('("number"', '("numbr"'))
    assert marked(page, run_rule(InvalidOrmReference, page, facts)) == [(6, "stauts"), (12, "numbr")]


TIMED = '''\
## Usage Examples

```ipython
In [1]: from billing.models import Invoice

In [2]: %timeit -n 10 Invoice.objects.filter(status="draft").count()
1.2 ms ± 3 µs per loop

In [3]: %time Invoice.objects.values_list("number", flat=True)[:1]
```
'''


def test_fd803_reads_the_statement_a_timing_magic_runs(parse, facts):
    assert run_rule(InvalidOrmReference, parse(TIMED), facts) == []
    page = parse(TIMED.replace('filter(status="draft")', 'filter(stauts="draft")').replace('("number"', '("numbr"'))
    assert marked(page, run_rule(InvalidOrmReference, page, facts)) == [(6, "stauts"), (9, "numbr")]
