"""FD504 on fields listed under a heading that names a resource (``### Order response``)
rather than an endpoint, for the endpoints the section around it documents: against the
real small shop API of :mod:`tests.rules.fd5.project`, and hand-built facts where the
shape needed is not the shop's."""

from __future__ import annotations

import dataclasses

import pytest

from featuredocs.model import ProjectFacts, ResponseField
from featuredocs.rules.fd5_endpoints.fd504_response_field_not_produced import (
    ResponseFieldNotProduced,
)
from tests.conftest import ParsePage
from tests.rules.fd5.facts import FACTS, ORDER_PAY
from tests.support.rules import pointed_texts, run_rule

PAGE = """\
# Order API

> **Order API** - the endpoints the mobile app uses for orders.

## API

- **List orders** — `GET /api/v1/orders/?status=paid&ordering=-total_cents`
- **Create an order** — `POST /api/v1/orders/`
- **Pay** — `POST /api/v1/orders/{id}/pay/`

### Order response

| Field | Type | Notes |
|---|---|---|
| `id` | integer | |
| `number` | string | `SO-…` |
| `status` | string | `pending` or `paid` |
| `total_cents` | integer | smallest currency unit |
| `items` | list | the order lines |
| `items[].sku` | string | the product |
"""

DRIFTED = PAGE.replace("| `total_cents` | integer |", "| `total_text` | string |")


def test_silent_on_a_resource_table_the_endpoints_produce(parse: ParsePage, both_facts: ProjectFacts) -> None:
    assert run_rule(ResponseFieldNotProduced, parse(PAGE, dedent=False), both_facts) == []


def test_a_name_no_endpoint_of_the_section_produces(parse: ParsePage, both_facts: ProjectFacts) -> None:
    page = parse(DRIFTED, dedent=False)
    (finding,) = run_rule(ResponseFieldNotProduced, page, both_facts)
    assert (finding.code, finding.span.line) == ("FD504", 18)
    assert pointed_texts(ResponseFieldNotProduced, page, both_facts) == ["`total_text`"]
    assert finding.message.startswith("response field `total_text` is not produced by `/api/v1/orders/`")
    assert finding.hint.startswith("did you mean `total_cents`?")


def test_the_hint_suggests_no_name_the_listing_already_gives(parse: ParsePage, both_facts: ProjectFacts) -> None:
    page = parse(PAGE.replace("| `items` | list |", "| `total_text` | string | |\n| `items` | list |"), dedent=False)
    (finding,) = run_rule(ResponseFieldNotProduced, page, both_facts)
    # `total_cents` is listed two rows up; what the table leaves out comes before the page's envelope
    assert "total_cents" not in finding.hint
    assert finding.hint.startswith("produced here and not listed: `created_at`, `count`")


@pytest.mark.parametrize(
    "title", ["The order object", "Order fields", "Order response fields", "Orders response", "An order"]
)
def test_headings_that_name_the_resource(parse: ParsePage, both_facts: ProjectFacts, title: str) -> None:
    page = parse(DRIFTED.replace("### Order response", f"### {title}"), dedent=False)
    expected = [] if title == "An order" else ["`total_text`"]  # a resource with nothing said of it
    assert pointed_texts(ResponseFieldNotProduced, page, both_facts) == expected


def test_a_nested_name_is_compared_with_the_item_shape(parse: ParsePage, both_facts: ProjectFacts) -> None:
    page = parse(PAGE.replace("`items[].sku`", "`items[].skuu`"), dedent=False)
    assert pointed_texts(ResponseFieldNotProduced, page, both_facts) == ["`items[].skuu`"]


def test_a_list_under_a_resource_heading_and_its_sibling_endpoint_headings(parse: ParsePage, both_facts: ProjectFacts) -> None:
    text = """\
        # Orders

        ## API Endpoints

        ### GET /api/v1/orders/

        The customer's orders, newest first.

        ### GET /api/v1/orders/{id}/

        One order.

        ### The order object

        - `id` (integer): its key
        - `number` (string): printed on the slip
        - `total` (integer): in cents
        """
    page = parse(text)
    assert pointed_texts(ResponseFieldNotProduced, page, both_facts) == ["`total`"]
    (finding,) = run_rule(ResponseFieldNotProduced, page, both_facts)
    assert finding.message == (
        "response field `total` is not produced by `/api/v1/orders/` or `/api/v1/orders/{pk}/`"
    )


@pytest.mark.parametrize(
    "title", ["Order request", "Request body", "Order errors", "Error response", "Order response (400)",
              "Order model fields", "Product fields", "Response"],
)
def test_headings_that_are_not_the_resources_answer(parse: ParsePage, both_facts: ProjectFacts, title: str) -> None:
    """A request body, an error, a model's fields, another resource, and a plain Response
    heading under no endpoint's own heading."""
    page = parse(DRIFTED.replace("### Order response", f"### {title}"), dedent=False)
    assert run_rule(ResponseFieldNotProduced, page, both_facts) == []


def test_a_table_a_label_introduces_as_something_else(parse: ParsePage, both_facts: ProjectFacts) -> None:
    page = parse(DRIFTED.replace("| Field | Type | Notes |", "Request body:\n\n| Field | Type | Notes |"), dedent=False)
    assert run_rule(ResponseFieldNotProduced, page, both_facts) == []


def test_a_name_any_endpoint_of_the_section_produces_is_the_shared_shape(parse: ParsePage) -> None:
    """Where paying answers ``{"detail": …}``, a table over the section's endpoints that
    lists ``detail`` lists a field one of them produces."""
    paid = dataclasses.replace(ORDER_PAY, response=(ResponseField("detail"),))
    facts = dataclasses.replace(FACTS, endpoints=tuple(paid if e is ORDER_PAY else e for e in FACTS.endpoints))
    shared = PAGE.replace("| `id` | integer | |", "| `id` | integer | |\n| `detail` | string | after paying |")
    assert run_rule(ResponseFieldNotProduced, parse(shared, dedent=False), facts) == []
    (finding,) = run_rule(ResponseFieldNotProduced, parse(shared.replace("`total_cents`", "`total_text`"), dedent=False), facts)
    assert finding.message == (
        "response field `total_text` is not produced by `/api/v1/orders/` or `/api/v1/orders/{pk}/pay/`"
    )


def test_silent_when_no_endpoint_of_the_section_has_a_known_response(parse: ParsePage) -> None:
    text = """\
        # Orders

        ## Actions

        - `POST /api/v1/orders/{id}/pay/`
        - `POST /api/v1/orders/{id}/refund/`

        ### Order response

        | Field | Notes |
        |---|---|
        | `id` | key |
        | `refunded_at` | when |
        """
    assert run_rule(ResponseFieldNotProduced, parse(text), FACTS) == []


def test_a_model_section_is_not_the_apis(parse: ParsePage, both_facts: ProjectFacts) -> None:
    """The walk for endpoints stops at the second level: the page's title holds them all."""
    text = DRIFTED.replace("### Order response", "## Data Models\n\n### Order fields")
    assert run_rule(ResponseFieldNotProduced, parse(text, dedent=False), both_facts) == []


def test_a_resource_heading_under_an_endpoints_own_heading_is_read_once(parse: ParsePage, both_facts: ProjectFacts) -> None:
    text = """\
        # Orders

        ## API

        ### GET /api/v1/orders/{id}/

        #### Order response

        Response fields:

        | Field | Notes |
        |---|---|
        | `id` | key |
        | `number` | printed |
        | `total` | in cents |
        """
    assert pointed_texts(ResponseFieldNotProduced, parse(text), both_facts) == ["`total`"]
