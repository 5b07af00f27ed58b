"""FD501-FD505 against the facts of a real small DRF project, read in a child process.

One project for the package (see :mod:`tests.rules.fd5.project`, built in ``conftest``): a
router with an ``OrderViewSet`` (GET/POST only, a ``pay`` action, status filter, ordering,
page-number pagination), a ``ProductListView`` with filters, search, ordering and
limit/offset pagination, and a plain function view reading ``request.GET``.
"""

from __future__ import annotations

import pytest

from featuredocs.model import ProjectFacts, Severity, Span
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
from tests.rules.fd5.project import views_at
from tests.support.rules import run_rule

FAMILY: tuple[type[Rule], ...] = (
    EndpointNotFound, MethodNotAllowed, QueryParameterNotAccepted, ResponseFieldNotProduced,
    UndocumentedEndpoint,
)

ORDERS_PAGE = """\
# Orders

> **Orders** - Customers place, list and pay orders.

## API Endpoints

### GET /api/v1/orders/

**Request:**
```http
GET /api/v1/orders/?status=paid&ordering=-created_at&page=2 HTTP/1.1
```

**Query Parameters:**
- `status` (string, optional): Only orders in this status
- `ordering` (string, optional): `created_at` or `total_cents`
- `page` (integer, optional): Page number
- `page_size` (integer, optional): Orders per page

**Response:**
```json
{
    "count": 1,
    "next": null,
    "previous": null,
    "results": [
        {
            "id": 7,
            "number": "SO-1",
            "status": "paid",
            "total_cents": 900,
            "created_at": "2025-03-01T09:30:00Z",
            "items": [{"id": 1, "sku": "TEA-001", "quantity": 2}]
        }
    ]
}
```

### POST /api/v1/orders/

**Response (201 Created):**
```json
{"id": 7, "number": "SO-1", "status": "pending", "total_cents": 0, "items": []}
```

### GET /api/v1/orders/{id}/

**Response:**
```json
{"id": 7, "number": "SO-1", "status": "paid", "total_cents": 900, "items": [...]}
```

### POST /api/v1/orders/{id}/pay/

**Response:**
```json
{"detail": "paid"}
```
"""

CATALOG_PAGE = """\
# Catalog

> **Catalog** - Products and their stock, served to the storefront.

## API Endpoints

### GET /api/v1/products/

**Query Parameters:**
- `price_cents__gte` (integer, optional): Lowest price
- `price_cents__lte` (integer, optional): Highest price
- `search` (string, optional): Words in the name or SKU
- `ordering` (string, optional): `name` or `price_cents`
- `limit` (integer, optional): Products per page
- `offset` (integer, optional): Products to skip

**Response:**
```json
{"count": 1, "next": null, "previous": null,
 "results": [{"id": 1, "sku": "TEA-001", "name": "Green tea", "price_cents": 450}]}
```

### GET /api/v1/products/availability/

```http
GET /api/v1/products/availability/?sku=TEA-001&quantity=3 HTTP/1.1
```

**Response:**
```json
{"sku": "TEA-001", "requested": 3, "available": true}
```

### GET /api/v1/products/in-stock/

**Query Parameters:**
- `in_stock` (string, optional): `true` for products on the shelf only
- `p` (integer, optional): Page number
- `last` (string, optional): Jump to the last page

### GET /api/v1/products/lookup/

**Query Parameters:**
- `sku__startswith` (string, optional): Products whose SKU starts with this

### GET /api/v1/products/nearby/

**Query Parameters:**
- `km` (number, optional): Distance from the shop

### GET /api/v1/products/featured/

**Query Parameters:**
- `window` (integer, optional): How many products
"""


@pytest.mark.parametrize("rule", FAMILY, ids=lambda r: r.code)
@pytest.mark.parametrize("text", [ORDERS_PAGE, CATALOG_PAGE], ids=["orders", "catalog"])
def test_correct_pages_are_silent(
    parse: ParsePage, facts: ProjectFacts, rule: type[Rule], text: str
) -> None:
    assert run_rule(rule, parse(text, dedent=False), facts) == []


def test_fd501_router_path_misspelt(parse: ParsePage, facts: ProjectFacts) -> None:
    page = parse("# Orders\n\n## API Endpoints\n\n### GET /api/v1/order/{id}/\n")
    [finding] = run_rule(EndpointNotFound, page, facts)
    assert (finding.code, finding.severity, finding.span) == ("FD501", Severity.ERROR, Span(5, 9, 5, 28))
    assert finding.hint == "did you mean `/api/v1/orders/{pk}/`?" + views_at("orders", "class OrderViewSet")


def test_fd501_router_path_without_its_mount_prefix(parse: ParsePage, facts: ProjectFacts) -> None:
    page = parse("# Orders\n\n## API Endpoints\n\n### POST /orders/{id}/pay/\n")
    [finding] = run_rule(EndpointNotFound, page, facts)
    assert (finding.code, finding.severity, finding.span) == ("FD501", Severity.WARNING, Span(5, 10, 5, 27))
    assert finding.hint == "full path: `/api/v1/orders/{id}/pay/`" + views_at("orders", "class OrderViewSet")


def test_fd502_viewset_method_switched_off(parse: ParsePage, facts: ProjectFacts) -> None:
    page = parse("# Orders\n\n## API Endpoints\n\n### PATCH /api/v1/orders/{id}/\n")
    [finding] = run_rule(MethodNotAllowed, page, facts)
    assert (finding.code, finding.span) == ("FD502", Span(5, 5, 5, 10))
    assert finding.hint == "allowed: GET" + views_at("orders", "class OrderViewSet")


def test_fd502_silent_on_a_function_view_without_a_method_decorator(
    parse: ParsePage, facts: ProjectFacts
) -> None:
    page = parse("# Health\n\n## API Endpoints\n\n### DELETE /health/\n")
    assert run_rule(MethodNotAllowed, page, facts) == []
    assert run_rule(EndpointNotFound, page, facts) == []


def test_fd503_list_view_filters_search_and_pagination(parse: ParsePage, facts: ProjectFacts) -> None:
    page = parse(
        """
        # Catalog

        ## API Endpoints

        ### GET /api/v1/products/

        **Query Parameters:**
        - `price_min` (integer, optional): Lowest price
        - `search` (string, optional): Words in the name
        - `page` (integer, optional): Page number
        """
    )
    findings = run_rule(QueryParameterNotAccepted, page, facts)
    assert [(f.code, f.span) for f in findings] == [
        ("FD503", Span(8, 4, 8, 13)), ("FD503", Span(10, 4, 10, 8)),
    ]
    assert findings[1].message == "query parameter `page` is not accepted by `/api/v1/products/`"


def test_fd503_function_view_reads_its_query_string(parse: ParsePage, facts: ProjectFacts) -> None:
    page = parse(
        """
        # Catalog

        ```http
        GET /api/v1/products/availability/?product=TEA-001 HTTP/1.1
        ```
        """
    )
    [finding] = run_rule(QueryParameterNotAccepted, page, facts)
    assert (finding.code, finding.span) == ("FD503", Span(4, 36, 4, 43))
    assert finding.hint == "accepted: `quantity`, `sku`" + views_at("catalog", "def stock_availability")


def test_fd503_project_filter_backend_and_paginator_read_their_own_parameters(
    parse: ParsePage, both_facts: ProjectFacts
) -> None:
    page = parse(
        """
        # Catalog

        ### GET /api/v1/products/in-stock/

        **Query Parameters:**
        - `in_stock` (string, optional): Products on the shelf only
        - `bogus` (string, optional): Not read by anything
        - `p` (integer, optional): Page number
        """
    )
    [finding] = run_rule(QueryParameterNotAccepted, page, both_facts)
    assert (finding.code, finding.span) == ("FD503", Span(7, 4, 7, 9))
    assert finding.hint == "accepted: `in_stock`, `last`, `p`" + views_at("catalog", "class StockListView")


def test_fd503_silent_where_a_backend_reads_every_parameter(
    parse: ParsePage, both_facts: ProjectFacts
) -> None:
    page = parse(
        """
        # Catalog

        ```http
        GET /api/v1/products/lookup/?anything=1&name__icontains=tea HTTP/1.1
        ```
        """
    )
    assert run_rule(QueryParameterNotAccepted, page, both_facts) == []
    lookup = next(e for e in both_facts.endpoints if e.path == "/api/v1/products/lookup/")
    assert not lookup.query_params_complete


@pytest.mark.parametrize("path", ["/api/v1/products/nearby/", "/api/v1/products/featured/"])
def test_fd503_silent_where_another_packages_backend_or_paginator_reads(
    parse: ParsePage, both_facts: ProjectFacts, path: str
) -> None:
    page = parse(f"# Catalog\n\n### GET {path}\n\n**Query Parameters:**\n- `radius` (number): Anything\n")
    assert run_rule(QueryParameterNotAccepted, page, both_facts) == []
    [endpoint] = [e for e in both_facts.endpoints if e.path == path]
    assert not endpoint.query_params_complete


def test_endpoints_whose_readers_are_all_listed_are_complete(both_facts: ProjectFacts) -> None:
    incomplete = {e.path for e in both_facts.endpoints if not e.query_params_complete}
    assert incomplete == {
        "/api/v1/products/lookup/", "/api/v1/products/nearby/", "/api/v1/products/featured/",
    }


def test_fd504_serializer_field_renamed(parse: ParsePage, facts: ProjectFacts) -> None:
    page = parse(
        """
        # Orders

        ### GET /api/v1/orders/{id}/

        **Response:**
        ```json
        {
            "id": 7,
            "total": 900,
            "items": [{"sku": "TEA-001", "qty": 2}]
        }
        ```
        """
    )
    findings = run_rule(ResponseFieldNotProduced, page, facts)
    assert [(f.code, f.span) for f in findings] == [
        ("FD504", Span(9, 5, 9, 12)), ("FD504", Span(10, 34, 10, 39)),
    ]
    assert findings[0].hint == "did you mean `total_cents`?" + views_at("orders", "class OrderViewSet")
    assert findings[1].message == "response field `items[].qty` is not produced by `/api/v1/orders/{pk}/`"


def test_fd504_json_response_of_a_function_view(parse: ParsePage, facts: ProjectFacts) -> None:
    page = parse(
        """
        # Catalog

        ### GET /api/v1/products/availability/

        **Response:**
        ```json
        {"sku": "TEA-001", "in_stock": true}
        ```
        """
    )
    [finding] = run_rule(ResponseFieldNotProduced, page, facts)
    assert (finding.code, finding.span) == ("FD504", Span(7, 20, 7, 30))


def test_fd505_router_route_left_out(parse: ParsePage, facts: ProjectFacts) -> None:
    page = parse(
        """
        # Orders

        ## API Endpoints

        ### GET, POST /api/v1/orders/

        ### GET /api/v1/orders/{id}/
        """
    )
    [finding] = run_rule(UndocumentedEndpoint, page, facts)
    assert (finding.code, finding.severity, finding.span) == ("FD505", Severity.WARNING, Span(3, 1, 3, 17))
    assert finding.message == "endpoint `POST /api/v1/orders/{pk}/pay/` is not documented"


def test_fd504_the_response_an_action_returns_itself(parse: ParsePage, facts: ProjectFacts) -> None:
    page = parse(
        """
        # Payments

        ### POST /api/v1/orders/{id}/pay/

        **Response:**
        ```json
        {"detail": "paid", "paid_at": "2025-03-01T10:00:00Z"}
        ```
        """
    )
    [finding] = run_rule(ResponseFieldNotProduced, page, facts)
    assert finding.message == "response field `paid_at` is not produced by `/api/v1/orders/{pk}/pay/`"
