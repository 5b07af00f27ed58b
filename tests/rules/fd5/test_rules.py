"""FD501-FD505 together on parsed pages against hand-built facts: a clean page and the
template are silent, and a wild page's findings come from each rule in turn.

Each rule's own cases are in ``test_fd501.py``, ``test_fd502_fd503.py`` and
``test_fd504_fd505.py``.
"""

from __future__ import annotations

import pytest

from featuredocs.model import Span
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
from tests.rules.fd5.facts import FACTS
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
