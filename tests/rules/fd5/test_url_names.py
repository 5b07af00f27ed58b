"""FD501 on URL names a page reverses, against the routes of the real small shop API (see
:mod:`tests.rules.fd5.project`): its router names ``order-list``, ``order-detail``,
``order-pay`` and its paths' names ``product-list``, ``in-stock`` and the others."""

from __future__ import annotations

from featuredocs.model import Applicability, ProjectFacts
from featuredocs.rules.fd5_endpoints.fd501_endpoint_not_found import EndpointNotFound
from tests.conftest import ParsePage
from tests.rules.fd5.project import views_at
from tests.support.rules import run_rule

PAGE = """\
# Orders

## Usage Examples

```python
from django.shortcuts import redirect
from django.urls import reverse, reverse_lazy

detail = reverse("order-detail", kwargs={"pk": order.pk})
pay = reverse(viewname="order-pay", args=[order.pk])
stock = reverse_lazy('in-stock')
admin = reverse("admin:index")
login = redirect("login")
elsewhere = redirect("/orders/")
```

```django
<a href="{% url 'product-list' %}">all products</a>
```

Link to an order with `{% url "order-detail" order.pk %}`.

## Before the 2.0 rewrite

```python
reverse("order-details")
```
"""


def found(parse: ParsePage, text: str, facts: ProjectFacts) -> list[tuple[int, str, str]]:
    page = parse(text)
    return [
        (f.span.line, page.line_text(f.span.line)[f.span.column - 1 : f.span.end_column - 1], f.hint or "")
        for f in run_rule(EndpointNotFound, page, facts)
    ]


def test_fd501_silent_on_names_the_project_reverses_and_names_it_cannot_know(
    parse: ParsePage, both_facts: ProjectFacts
) -> None:
    assert found(parse, PAGE, both_facts) == []


def test_fd501_reports_a_misspelt_url_name_in_code_templates_and_prose(
    parse: ParsePage, both_facts: ProjectFacts
) -> None:
    drifted = (
        PAGE.replace('reverse("order-detail"', 'reverse("order-details"')
        .replace('"order-pay"', '"order-payment"')
        .replace("{% url 'product-list' %}", "{% url 'products-list' %}")
        .replace('`{% url "order-detail"', '`{% url "orders-detail"')
    )
    results = found(parse, drifted, both_facts)
    assert [(line, name) for line, name, _ in results] == [
        (9, "order-details"), (10, "order-payment"), (18, "products-list"), (21, "orders-detail"),
    ]
    assert results[0][2] == "did you mean `order-detail`?" + views_at("orders", "class OrderViewSet")
    page = parse(drifted)
    [fix] = [f.fix for f in run_rule(EndpointNotFound, page, both_facts) if f.span.line == 18]
    assert fix is not None and fix.applicability is Applicability.UNSAFE
    assert [edit.replacement for edit in fix.edits] == ["product-list"]


def test_fd501_a_sentence_about_a_change_names_no_url(parse: ParsePage, facts: ProjectFacts) -> None:
    text = "# Orders\n\nThe old `reverse(\"order-cancel\")` was removed in 2.0.\n"
    assert found(parse, text, facts) == []
