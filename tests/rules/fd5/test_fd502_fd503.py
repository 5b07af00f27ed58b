"""FD502 and FD503 on parsed pages against hand-built facts: where each fires, and where not."""

from __future__ import annotations

import dataclasses

from featuredocs.model import Span
from featuredocs.rules.fd5_endpoints.fd501_endpoint_not_found import EndpointNotFound
from featuredocs.rules.fd5_endpoints.fd502_method_not_allowed import MethodNotAllowed
from featuredocs.rules.fd5_endpoints.fd503_query_parameter_not_accepted import (
    QueryParameterNotAccepted,
)
from featuredocs.rules.fd5_endpoints.fd504_response_field_not_produced import (
    ResponseFieldNotProduced,
)
from tests.conftest import ParsePage
from tests.rules.fd5.facts import AVAILABILITY, FACTS
from tests.support.rules import run_rule

# --- FD502 -------------------------------------------------------------------------------------


def test_fd502_method_switched_off(parse: ParsePage) -> None:
    page = parse(
        """
        # Orders

        ## API Endpoints

        ### GET, DELETE /api/v1/orders/{id}/
        """
    )
    [finding] = run_rule(MethodNotAllowed, page, FACTS)
    assert (finding.code, finding.span) == ("FD502", Span(5, 10, 5, 16))
    assert finding.message == "`DELETE` is not allowed on `/api/v1/orders/{pk}/`"
    assert finding.hint == "allowed: GET (orders/views.py:16)"


def test_fd502_request_line_method(parse: ParsePage) -> None:
    page = parse("# Orders\n\n```http\nPUT /api/v1/orders/7/pay/ HTTP/1.1\n```\n")
    [finding] = run_rule(MethodNotAllowed, page, FACTS)
    assert finding.span == Span(4, 1, 4, 4)


# --- FD503 -------------------------------------------------------------------------------------


def test_fd503_list_item_and_query_string(parse: ParsePage) -> None:
    page = parse(
        """
        # Orders

        ## API Endpoints

        ### GET /api/v1/orders/

        ```http
        GET /api/v1/orders/?state=paid HTTP/1.1
        ```

        **Query Parameters:**
        - `state` (string, optional): Only orders in this state
        - `page_size` (integer, optional): Orders per page
        """
    )
    findings = run_rule(QueryParameterNotAccepted, page, FACTS)
    assert [(f.code, f.span) for f in findings] == [
        ("FD503", Span(8, 21, 8, 26)), ("FD503", Span(12, 4, 12, 9)),
    ]
    assert findings[0].message == "query parameter `state` is not accepted by `/api/v1/orders/`"
    assert findings[0].hint == "did you mean `status`? (orders/views.py:16)"


def test_fd503_hints_the_parameter_that_does_the_job_another_api_names(parse: ParsePage) -> None:
    page = parse("# Orders\n\nSort with `GET /api/v1/orders/?sort=-created_at&order_by=total_cents&sorting=x`.\n")
    findings = run_rule(QueryParameterNotAccepted, page, FACTS)
    assert [(f.message.split("`")[1], f.hint) for f in findings] == [
        ("sort", "did you mean `ordering`? (orders/views.py:16)"),
        ("order_by", "did you mean `ordering`? (orders/views.py:16)"),
        ("sorting", "did you mean `ordering`? (orders/views.py:16)"),  # close by its spelling
    ]


def test_fd503_a_value_among_the_parameters_choices(parse: ParsePage) -> None:
    right = (
        "# Orders\n\n`GET /api/v1/orders/?ordering=-created_at,total_cents&status=refunded` and\n"
        "`GET /api/v1/orders/?ordering=<field>`, `?ordering={field}` or `?ordering=FIELD`.\n"
    )
    assert run_rule(QueryParameterNotAccepted, parse(right), FACTS) == []  # status lists no choices
    page = parse(right.replace("-created_at,total_cents", "-amount,total_cent"))
    findings = run_rule(QueryParameterNotAccepted, page, FACTS)
    assert [(f.span, f.message, f.hint) for f in findings] == [
        (Span(3, 32, 3, 38), "`amount` is not a value `ordering` accepts on `/api/v1/orders/`",
         "choices: `created_at`, `total_cents` (orders/views.py:16)"),
        (Span(3, 39, 3, 49), "`total_cent` is not a value `ordering` accepts on `/api/v1/orders/`",
         "did you mean `total_cents`? (orders/views.py:16)"),
    ]


def test_fd503_plain_view_compared_with_the_reads_it_records(parse: ParsePage) -> None:
    page = parse(
        """
        # Catalog

        ### GET /api/v1/products/availability/

        **Query Parameters:**
        - `product` (string, required): The product
        """
    )
    [finding] = run_rule(QueryParameterNotAccepted, page, FACTS)
    assert finding.span == Span(6, 4, 6, 11)
    assert finding.hint == "accepted: `quantity`, `sku` (catalog/views.py:29)"


def test_fd503_a_request_line_prefers_the_route_with_its_literal_segment(parse: ParsePage) -> None:
    page = parse(
        """
        # Catalog

        ```http
        GET /api/v1/products/availability/?sku=TEA-001&colour=red HTTP/1.1
        ```
        """
    )
    [finding] = run_rule(QueryParameterNotAccepted, page, FACTS)
    assert finding.span == Span(4, 48, 4, 54)
    assert finding.message == (
        "query parameter `colour` is not accepted by `/api/v1/products/availability/`"
    )


def test_fd503_a_removed_route_is_not_checked_against_a_detail_view(parse: ParsePage) -> None:
    """``availability`` would match ``/api/v1/products/{pk}/`` as a product's value, but
    the page names ``/api/v1/products/availability/`` as a route: once that route is
    gone, its request line is reported missing, not checked against the detail view."""
    without = dataclasses.replace(
        FACTS, endpoints=tuple(e for e in FACTS.endpoints if e is not AVAILABILITY)
    )
    page = parse(
        """
        # Catalog

        ### GET /api/v1/products/availability/

        ```http
        GET /api/v1/products/availability/?sku=TEA-001&quantity=3 HTTP/1.1
        ```

        **Response:**
        ```json
        {"sku": "TEA-001", "available": true}
        ```
        """
    )
    assert run_rule(QueryParameterNotAccepted, page, without) == []
    assert run_rule(ResponseFieldNotProduced, page, without) == []
    missing = run_rule(EndpointNotFound, page, without)
    assert [(f.code, f.span.line) for f in missing] == [("FD501", 3), ("FD501", 6)]
