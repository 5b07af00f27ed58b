"""FD501-FD505 on parsed pages against hand-built facts: where each fires, and where not."""

from __future__ import annotations

import dataclasses

import pytest

from featuredocs.model import Applicability, Severity, Span
from featuredocs.rules.base import Rule
from featuredocs.rules.fd5_endpoints.fd501_endpoint_not_found import EndpointNotFound
from featuredocs.rules.fd5_endpoints.fd502_method_not_allowed import MethodNotAllowed
from featuredocs.rules.fd5_endpoints.fd503_query_parameter_not_accepted import (
    QueryParameterNotAccepted,
)
from featuredocs.rules.fd5_endpoints.fd504_response_field_not_produced import (
    ResponseFieldNotProduced,
)
from featuredocs.rules.fd5_endpoints.fd505_undocumented_endpoint import UndocumentedEndpoint
from tests.conftest import ParsePage
from tests.rules.fd5.facts import AVAILABILITY, FACTS
from tests.support.rules import run_rule

FAMILY: tuple[type[Rule], ...] = (
    EndpointNotFound, MethodNotAllowed, QueryParameterNotAccepted, ResponseFieldNotProduced,
    UndocumentedEndpoint,
)

CLEAN = """\
# Orders

> **Orders** - Customers place, list and pay orders through the API.

## Overview

The payment provider calls `POST /api/v1/orders/{id}/pay/`; the API root `/api/v1/` lists
every resource, and the storefront asks `GET /api/v1/products/availability/` first.

## API Endpoints

### GET /api/v1/orders/

**Request:**
```http
GET /api/v1/orders/?status=paid&ordering=-total_cents&format=json HTTP/1.1
```

**Query Parameters:**
- `status` (string, optional): Only orders in this status
- `ordering` (string, optional): `total_cents` or `created_at`
- `page` (integer, optional): Page number

**Response:**
```json
{
    "count": 1,
    "next": null,
    "previous": null,
    "results": [
        {"id": 7, "number": "SO-1", "status": "paid", "total_cents": 900,
         "items": [{"id": 1, "sku": "TEA-001", "quantity": 2}, ...]}
    ]
}
```

### POST /api/v1/orders/

**Response (201 Created):**
```json
{"id": 7, "number": "SO-1", "status": "pending", "total_cents": 900, "items": []}
```

**Response (400):**
```json
{"items": ["This field is required."], "non_field_errors": []}
```

### GET /api/v1/orders/{id}/

**Parameters:**
- `id` (integer, required): The order's id

**Response:**
```json
{"id": 7, "number": "SO-1", "status": "paid", "total_cents": 900, "items": [...]}
```

### HEAD /api/v1/orders/{id}/

Answers like GET, without a body.

### POST /api/v1/orders/{id}/pay/

**Response:**
```json
{"id": 7, "status": "paid", "paid_via": "card"}
```

### POST /api/v1/orders/{id}/refund/

Refunds a paid order.

### GET /api/v1/products/availability/

**Query Parameters:**
- `sku` (string, required): The product
- `quantity` (integer, optional): Units wanted

### GET /api/v1/products/{id}/

```http
GET /api/v1/products/TEA-001/ HTTP/1.1
```

### DELETE /api/v1/reports/daily/

A plain view: it decides itself which methods and parameters it accepts.

**Query Parameters:**
- `day` (date, optional): Which day

## Related Documentation

- The payment provider's own API: `POST https://api.payments.example/v1/charges`.
"""


@pytest.mark.parametrize("rule", FAMILY, ids=lambda r: r.code)
def test_clean_page_is_silent(parse: ParsePage, rule: type[Rule]) -> None:
    assert run_rule(rule, parse(CLEAN, dedent=False), FACTS) == []


@pytest.mark.parametrize("rule", FAMILY, ids=lambda r: r.code)
def test_template_left_as_is_is_silent(parse: ParsePage, rule: type[Rule]) -> None:
    from featuredocs.markdown import load_schema

    template = load_schema().path
    with open(template, encoding="utf-8") as handle:
        page = parse(handle.read(), dedent=False)
    assert run_rule(rule, page, FACTS) == []


# --- FD501 -------------------------------------------------------------------------------------


def test_fd501_unknown_path_with_did_you_mean(parse: ParsePage) -> None:
    page = parse(
        """
        # Orders

        ## API Endpoints

        ### GET /api/v1/order/{id}/
        """
    )
    [finding] = run_rule(EndpointNotFound, page, FACTS)
    assert (finding.code, finding.severity, finding.span) == ("FD501", Severity.ERROR, Span(5, 9, 5, 28))
    assert finding.message == "path `/api/v1/order/{id}/` does not resolve to any endpoint"
    assert finding.hint == "did you mean `/api/v1/orders/{pk}/`? (orders/views.py:16)"


def test_fd501_a_word_in_a_heading_names_a_route_not_a_parameter_value(parse: ParsePage) -> None:
    page = parse(
        """
        # Catalog

        ### GET /api/v1/products/stock/

        ```http
        GET /api/v1/products/stock/ HTTP/1.1
        ```
        """
    )
    heading, request = run_rule(EndpointNotFound, page, FACTS)
    assert (heading.code, heading.span) == ("FD501", Span(3, 9, 3, 32))
    assert heading.hint == "did you mean `/api/v1/products/availability/`? (catalog/views.py:29)"
    # the page names the path as a route, so its request line is not a product's
    assert (request.code, request.span) == ("FD501", Span(6, 5, 6, 28))


def test_fd501_missing_mount_prefix_is_a_warning_with_the_full_path(parse: ParsePage) -> None:
    page = parse(
        """
        # Shipping

        ## API Endpoints

        ### GET /shipments/{id}/
        """
    )
    [finding] = run_rule(EndpointNotFound, page, FACTS)
    assert (finding.code, finding.severity, finding.span) == ("FD501", Severity.WARNING, Span(5, 9, 5, 25))
    assert finding.hint == "full path: `/api/v2/shipments/{id}/` (shipping/views.py:9)"


def test_fd501_missing_trailing_slash_has_a_safe_fix(parse: ParsePage) -> None:
    page = parse(
        """
        # Orders

        ```http
        POST /api/v1/orders/7/pay HTTP/1.1
        ```
        """
    )
    [finding] = run_rule(EndpointNotFound, page, FACTS)
    assert (finding.code, finding.span) == ("FD501", Span(4, 6, 4, 26))
    assert finding.severity is Severity.ERROR
    assert finding.fix is not None and finding.fix.applicability is Applicability.SAFE
    assert [(e.span, e.replacement) for e in finding.fix.edits] == [
        (Span(4, 6, 4, 26), "/api/v1/orders/7/pay/")
    ]


def test_fd501_inline_method_and_path_in_prose(parse: ParsePage) -> None:
    page = parse("# Orders\n\nCancel with `POST /api/v1/orders/{id}/cancel/` before paying.\n")
    [finding] = run_rule(EndpointNotFound, page, FACTS)
    assert finding.span == Span(3, 19, 3, 46)


def test_fd501_silent_on_prose_that_merely_has_slashes(parse: ParsePage) -> None:
    page = parse(
        """
        # Orders

        Logs are in `/var/log/shop/orders.log`; see `/api/v2/` and the admin at `/admin/`.
        Nginx proxies `/internal/`. Read `https://docs.example.com/guide/` too.
        """
    )
    assert run_rule(EndpointNotFound, page, FACTS) == []


def test_fd501_silent_on_other_services_paths_in_prose_and_requests_to_their_host(
    parse: ParsePage,
) -> None:
    page = parse(
        """
        # Payments

        Stripe calls our webhook after it receives `POST /v1/payment_intents` from us.
        GitHub's `GET /repos/{owner}/{repo}` is used by the release script.

        ```http
        GET /v1/customers/cus_123 HTTP/1.1
        Host: api.stripe.com
        ```
        """
    )
    assert run_rule(EndpointNotFound, page, FACTS) == []


def test_fd501_prose_and_requests_with_a_host_are_judged_where_they_look_like_the_projects(
    parse: ParsePage,
) -> None:
    page = parse(
        """
        # Orders

        Fetch one with `GET /api/v1/order/7/`; `GET /apii/v1/orders/` lists them all.
        `POST /orders/{id}/cancel/` cancels one: no route, though `orders` is the project's.

        ```http
        GET /api/v1/order/7/ HTTP/1.1
        Host: shop.example
        ```
        """
    )
    findings = run_rule(EndpointNotFound, page, FACTS)
    assert [(f.span, f.hint) for f in findings] == [
        (Span(3, 21, 3, 37), "did you mean `/api/v1/orders/{pk}/`? (orders/views.py:16)"),
        (Span(3, 45, 3, 61), "did you mean `/api/v1/orders/`? (orders/views.py:16)"),
        (Span(4, 7, 4, 27), "did you mean `/api/v1/orders/{pk}/pay/`? (orders/views.py:16)"),
        (Span(7, 5, 7, 21), "did you mean `/api/v1/orders/{pk}/`? (orders/views.py:16)"),
    ]


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


# --- FD504 -------------------------------------------------------------------------------------


def test_fd504_envelope_and_nested_items(parse: ParsePage) -> None:
    page = parse(
        """
        # Orders

        ### GET /api/v1/orders/

        **Response:**
        ```json
        {
            "count": 1,
            "total_pages": 1,
            "results": [{"id": 7, "total": 900, "items": [{"sku": "TEA", "price": 450}]}]
        }
        ```
        """
    )
    findings = run_rule(ResponseFieldNotProduced, page, FACTS)
    assert [(f.span, f.message) for f in findings] == [
        (Span(9, 5, 9, 18), "response field `total_pages` is not produced by `/api/v1/orders/`"),
        (Span(10, 27, 10, 34), "response field `results[].total` is not produced by `/api/v1/orders/`"),
        (Span(10, 66, 10, 73), "response field `results[].items[].price` is not produced by `/api/v1/orders/`"),
    ]
    assert findings[1].hint == "did you mean `total_cents`? (orders/views.py:16)"


def test_fd504_unwrapped_item_with_a_wrong_key(parse: ParsePage) -> None:
    page = parse(
        """
        # Orders

        ### POST /api/v1/orders/

        **Response:**
        ```json
        {"id": 7, "state": "pending"}
        ```
        """
    )
    [finding] = run_rule(ResponseFieldNotProduced, page, FACTS)
    assert (finding.code, finding.span) == ("FD504", Span(7, 11, 7, 18))
    assert finding.hint == "did you mean `status`? (orders/views.py:16)"


# --- FD505 -------------------------------------------------------------------------------------


def test_fd505_endpoint_next_to_the_documented_ones(parse: ParsePage) -> None:
    page = parse(
        """
        # Orders

        ## API Endpoints

        ### GET, POST /api/v1/orders/

        ### GET /api/v1/orders/{id}/

        ```http
        POST /api/v1/orders/7/pay/ HTTP/1.1
        ```
        """
    )
    [finding] = run_rule(UndocumentedEndpoint, page, FACTS)
    assert (finding.code, finding.severity, finding.span) == ("FD505", Severity.WARNING, Span(3, 1, 3, 17))
    assert finding.message == "endpoint `POST /api/v1/orders/{pk}/refund/` is not documented"
    assert finding.hint == (
        "it is under `/api/v1/orders/`, the URL space this page documents (orders/views.py:16)"
    )


def test_fd505_silent_when_the_documented_space_is_too_wide(parse: ParsePage) -> None:
    page = parse(
        """
        # Mixed

        ## API Endpoints

        ### GET /api/v1/orders/

        ### GET /api/v2/shipments/{id}/
        """
    )
    assert run_rule(UndocumentedEndpoint, page, FACTS) == []


def test_wild_page_with_an_endpoint_table_and_labels(parse: ParsePage) -> None:
    page = parse(
        """
        # Orders

        ## API

        | Method | Endpoint | Purpose |
        | --- | --- | --- |
        | GET | `/api/v1/orders/` | list |
        | DELETE | `/api/v1/orders/{id}/` | cancel |

        ### Paying an order

        **Endpoint:** `POST /api/v1/orders/{id}/pay`
        """
    )
    found = [(f.code, f.span) for rule in FAMILY for f in run_rule(rule, page, FACTS)]
    assert found == [
        ("FD501", Span(12, 21, 12, 44)),
        ("FD502", Span(8, 3, 8, 9)),
        ("FD505", Span(3, 1, 3, 7)),
    ]
