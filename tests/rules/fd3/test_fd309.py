"""FD309 DeletionDiffers against a real project, with its facts read live and from the
source: `Order.customer` is PROTECT, `Line.order` CASCADE, `Order.coupon` SET_NULL,
`Order.shop` RESTRICT and `Order.region` SET(...)."""

from __future__ import annotations

import pytest

from featuredocs.introspect.static import collect_static
from featuredocs.model import Applicability, ProjectFacts, Span
from featuredocs.rules.fd3_models.fd309_deletion_differs import DeletionDiffers
from tests.support.django_project import make_project
from tests.support.rules import run_rule

MODELS = '''
from django.db import models


class Customer(models.Model):
    name = models.CharField(max_length=40)


class Coupon(models.Model):
    code = models.CharField(max_length=12)


class Shop(models.Model):
    name = models.CharField(max_length=40)


class Region(models.Model):
    name = models.CharField(max_length=40)


class Order(models.Model):
    customer = models.ForeignKey(Customer, on_delete=models.PROTECT)
    coupon = models.ForeignKey(Coupon, on_delete=models.SET_NULL, null=True)
    shop = models.ForeignKey(Shop, on_delete=models.RESTRICT)
    region = models.ForeignKey(Region, on_delete=models.SET(1))


class Line(models.Model):
    order = models.ForeignKey(Order, on_delete=models.CASCADE)
    note = models.TextField(blank=True)
'''


@pytest.fixture(scope="module", params=["live", "static"])
def facts(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> ProjectFacts:
    project = make_project(tmp_path_factory.mktemp(f"deletion-{request.param}"), {"sales": {"models.py": MODELS}})
    return project.facts() if request.param == "live" else collect_static(project.root)


def _page(model: str, fields: str) -> str:
    return f"## Data Models\n\n### {model}\n\n**Fields:**\n{fields}"


@pytest.mark.parametrize(
    ("model", "item", "written", "effect"),
    [
        ("Order", "- `customer` (ForeignKey → Customer): Who ordered; deleted with the customer.",
         "deleted with the customer", "PROTECT: a Customer cannot be deleted while an Order points to it"),
        ("Line", "- `order` (ForeignKey → Order): The order; an order with lines cannot be deleted.",
         "cannot be deleted", "CASCADE: deleting an Order deletes its Line rows too"),
        ("Order", "- `coupon` (ForeignKey → Coupon): The coupon used; cascades.",
         "cascades", "SET_NULL: deleting a Coupon sets `coupon` to null"),
        ("Line", "- `order` (ForeignKey → Order): The order; set to null when the order is deleted",
         "set to null", "CASCADE: deleting an Order deletes its Line rows too"),
    ],
)
def test_words_that_say_another_on_delete(parse, facts, model, item, written, effect):
    page = parse(_page(model, item + "\n"), dedent=False)
    (finding,) = run_rule(DeletionDiffers, page, facts)
    column = item.index(written) + 1
    assert finding.span == Span(6, column, 6, column + len(written))
    assert finding.message == f"field `{item.split('`')[1]}` is documented as \"{written}\", but its on_delete is {effect}"
    assert finding.fix is None  # words: the sentence has to change with them


def test_a_handler_named_gets_a_safe_fix(parse, facts):
    item = "- `customer` (ForeignKey → Customer, on_delete=CASCADE): Who ordered"
    page = parse(_page("Order", item + "\n"), dedent=False)
    (finding,) = run_rule(DeletionDiffers, page, facts)
    assert finding.span == Span(6, item.index("CASCADE") + 1, 6, item.index("CASCADE") + 8)
    assert finding.hint.startswith("sales.Order.customer has on_delete=PROTECT (")
    assert finding.fix.applicability is Applicability.SAFE
    assert [e.replacement for e in finding.fix.edits] == ["PROTECT"]


def test_silent_on_what_the_handler_does_and_on_what_is_no_on_delete(parse, facts):
    page = parse(_page("Order",
        "- `customer` (ForeignKey → Customer): Who ordered; a customer with orders cannot be deleted.\n"
        "- `coupon` (ForeignKey → Coupon): set to null when the coupon is deleted; on_delete=SET_NULL\n"
        "- `shop` (ForeignKey → Shop): a shop with orders can't be deleted (PROTECT-like)\n"
        "- `region` (ForeignKey → Region): deleted with the region, or so we hope\n"
    ) + "\n### Line\n\n**Fields:**\n"
        "- `order` (ForeignKey → Order): The order; deleted with it. An order cannot be deleted once paid.\n"
        "- `note` (TextField): This row cannot be deleted; removed with the cleanup command\n",
        dedent=False)
    assert run_rule(DeletionDiffers, page, facts) == []


def test_words_on_the_line_an_item_is_wrapped_onto(parse, facts):
    item = "- `customer` (ForeignKey → Customer): Who ordered; deleted with\n  the customer.\n"
    (finding,) = run_rule(DeletionDiffers, parse(_page("Order", item), dedent=False), facts)
    assert finding.span == Span(6, item.index("deleted") + 1, 7, 15)
    assert finding.message.startswith('field `customer` is documented as "deleted with the customer", but')


def test_cannot_be_deleted_while_it_has_rows_is_what_protect_does(parse, facts):
    wrong = "- `order` (ForeignKey → Order): The order; an order cannot be deleted while it has lines.\n"
    (finding,) = run_rule(DeletionDiffers, parse(_page("Line", wrong), dedent=False), facts)
    assert finding.message.startswith('field `order` is documented as "cannot be deleted", but its on_delete is CASCADE')
    right = _page("Order", "- `customer` (ForeignKey → Customer): a customer cannot be deleted while they have orders.\n"
                  "- `shop` (ForeignKey → Shop): a shop cannot be deleted while an order points to it.\n")
    assert run_rule(DeletionDiffers, parse(right, dedent=False), facts) == []
    rule = _page("Line", "- `order` (ForeignKey → Order): an order cannot be deleted while the invoice is open.\n")
    assert run_rule(DeletionDiffers, parse(rule, dedent=False), facts) == []
