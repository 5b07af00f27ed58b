"""FD501-FD505 on untidy pages against the facts of the real small shop API (see
:mod:`tests.rules.fd5.project`): format-suffix paths, calls in example code, parameter
tables without a label, response bodies under plain labels or introduced as errors."""

from __future__ import annotations

import pytest

from featuredocs.model import ProjectFacts, Span
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


def test_fd501_format_suffixes_of_a_default_routers_routes_resolve(
    parse: ParsePage, both_facts: ProjectFacts
) -> None:
    page = parse(
        """
        # Orders

        - `GET /api/v1/orders.json` lists orders as JSON, `GET /api/v1/orders/7.json` one order.

        ### POST /api/v1/orders/{id}/pay.json

        ### GET /api/v1/products.json
        """
    )
    [finding] = run_rule(EndpointNotFound, page, both_facts)
    assert (finding.span, finding.message) == (
        Span(7, 9, 7, 30), "path `/api/v1/products.json` does not resolve to any endpoint",
    )


CALLS_PAGE = """\
# Orders

```bash
curl -X POST https://shop.example/api/v1/orders/7/pay/
curl -d '{"items": []}' https://shop.example/api/v1/orders/
curl -s -H "Accept: application/json" \\
     "$BASE/api/v1/orders/?status=paid&ordering=-created_at"
http :8000/api/v1/orders/7/
curl https://api.stripe.com/v1/charges -d amount=100
```

```python
requests.get(f"{BASE}/api/v1/products/?search=tea")
```
"""


@pytest.mark.parametrize("rule", FAMILY, ids=lambda r: r.code)
def test_calls_in_example_code_that_are_right_are_silent(
    parse: ParsePage, facts: ProjectFacts, rule: type[Rule]
) -> None:
    assert run_rule(rule, parse(CALLS_PAGE, dedent=False), facts) == []


def test_calls_in_example_code_are_checked(parse: ParsePage, facts: ProjectFacts) -> None:
    page = parse(
        """
        # Orders

        ```bash
        curl -X DELETE https://shop.example/api/v1/orders/7/
        curl -s -H "Accept: application/json" \\
             http://localhost:8000/api/v1/order/7/
        curl "https://shop.example/api/v1/orders/?state=paid"
        $ http PATCH :8000/api/v1/orders/7/ status=paid
        ```

        ```python
        requests.delete("https://shop.example/api/v1/orders/7/")
        ```
        """
    )
    found = [(f.code, f.span) for rule in FAMILY for f in run_rule(rule, page, facts)]
    assert found == [
        ("FD501", Span(6, 27, 6, 43)),
        ("FD502", Span(4, 9, 4, 15)),
        ("FD502", Span(8, 8, 8, 13)),
        ("FD502", Span(12, 10, 12, 16)),
        ("FD503", Span(7, 43, 7, 48)),
    ]



def test_fd503_parameter_tables_with_and_without_a_label(parse: ParsePage, facts: ProjectFacts) -> None:
    page = parse(
        """
        # Orders

        ### GET /api/v1/orders/

        | Parameter | Type | Description |
        | --- | --- | --- |
        | `status` | string | Only orders in this status |
        | `state` | string | Old name |

        ### GET /api/v1/products/

        **Query Parameters:**

        | Param | Type |
        | --- | --- |
        | `search` | string |
        | `q` | string |
        """
    )
    findings = run_rule(QueryParameterNotAccepted, page, facts)
    assert [(f.code, f.span) for f in findings] == [
        ("FD503", Span(8, 4, 8, 9)), ("FD503", Span(17, 4, 17, 5)),
    ]


def test_fd503_silent_on_tables_of_other_parameters(parse: ParsePage, facts: ProjectFacts) -> None:
    page = parse(
        """
        # Orders

        ### POST /api/v1/orders/

        | Parameter | Type | Description |
        | --- | --- | --- |
        | `items` | list | What is ordered |

        ### GET /api/v1/orders/{id}/

        | Parameter | In | Description |
        | --- | --- | --- |
        | `id` | path | The order |
        | `expand` | header | Nested objects |

        ### GET /api/v1/products/

        Fields of each product:

        | Parameter | Type |
        | --- | --- |
        | `price_cents` | integer |
        """
    )
    assert run_rule(QueryParameterNotAccepted, page, facts) == []



def test_fd504_error_body_a_sentence_introduces_with_its_status_is_not_the_success_body(
    parse: ParsePage, both_facts: ProjectFacts
) -> None:
    page = parse(
        """
        # Catalog

        ### GET /api/v1/products/availability/

        When the SKU is unknown the endpoint answers `404`:

        **Response:**
        ```json
        {"error": "No product with SKU X-1."}
        ```
        """
    )
    assert run_rule(ResponseFieldNotProduced, page, both_facts) == []


def test_fd504_success_body_after_a_sentence_naming_its_status_and_an_error_one(
    parse: ParsePage, both_facts: ProjectFacts
) -> None:
    page = parse(
        """
        # Catalog

        ### GET /api/v1/products/availability/

        It answers 200 with the stock, or returns 404 when the SKU is unknown:

        **Response:**
        ```json
        {"sku": "TEA-001", "in_stock": true}
        ```
        """
    )
    [finding] = run_rule(ResponseFieldNotProduced, page, both_facts)
    assert (finding.code, finding.span) == ("FD504", Span(9, 20, 9, 30))


def test_fd504_body_under_a_plain_response_line(parse: ParsePage, facts: ProjectFacts) -> None:
    page = parse(
        """
        # Catalog

        ### GET /api/v1/products/availability/

        Example response:

        ```json
        {"sku": "TEA-001", "in_stock": true}
        ```

        Response:
        ```json
        {"sku": "TEA-001", "requested": 2, "availible": true}
        ```

        Error response:
        ```json
        {"error": "No product with SKU X-1."}
        ```

        An unknown SKU answers 404.

        Response:
        ```json
        {"error": "No product with SKU X-1."}
        ```
        """
    )
    findings = run_rule(ResponseFieldNotProduced, page, facts)
    assert [(f.code, f.span) for f in findings] == [
        ("FD504", Span(8, 20, 8, 30)), ("FD504", Span(13, 36, 13, 47)),
    ]
    assert findings[1].hint == "did you mean `available`?" + views_at("catalog", "def stock_availability")


UNLABELLED_GET = """
# Catalog

### GET /api/v1/products/availability/

Whether a product can be ordered in the quantity asked for.

```json
{"sku": "TEA-001", "requested": 2, "availible": true}
```
"""


def test_fd504_a_lone_json_body_under_a_get_heading_is_its_answer(parse: ParsePage, both_facts: ProjectFacts) -> None:
    (finding,) = run_rule(ResponseFieldNotProduced, parse(UNLABELLED_GET, dedent=False), both_facts)
    assert (finding.code, finding.span.line) == ("FD504", 9)
    assert "`availible`" in finding.message


@pytest.mark.parametrize("change", [
    ("### GET /api/v1/products/availability/", "### POST /api/v1/orders/"),  # a request body
    ("Whether a product can be ordered in the quantity asked for.", "Filters:"),  # labelled otherwise
    ("Whether a product can be ordered in the quantity asked for.", "An unknown SKU answers 404:"),
    ("```json\n{", '```json\n{"error": "x"}\n```\n\n```json\n{'),  # two bodies: which one is unknown
], ids=["post", "other-label", "error", "two-bodies"])
def test_fd504_a_json_block_under_a_heading_is_not_read_as_the_answer_otherwise(
    parse: ParsePage, both_facts: ProjectFacts, change: tuple[str, str]
) -> None:
    page = parse(UNLABELLED_GET.replace(*change, 1), dedent=False)
    assert run_rule(ResponseFieldNotProduced, page, both_facts) == []


def test_fd504_body_under_a_returns_label(parse: ParsePage, facts: ProjectFacts) -> None:
    text = """
        # Catalog

        ### GET /api/v1/products/availability/

        **Returns:**
        ```json
        {"sku": "TEA-001", "requested": 2, "available": true}
        ```
        """
    assert run_rule(ResponseFieldNotProduced, parse(text), facts) == []
    findings = run_rule(ResponseFieldNotProduced, parse(text.replace('"available"', '"availible"')), facts)
    assert [(f.code, f.span.line) for f in findings] == [("FD504", 7)]


CALLED_SECTIONS = """\
# Orders

## Listing orders

```bash
curl -u alice:secret "https://shop.example/api/v1/orders/?status=paid"
```

**Query Parameters:**
- `status` (string, optional): only orders in this status
- `ordering` (string, optional): `created_at` or `total_cents`

## Reading one order

```python
response = requests.get(f"{BASE}/api/v1/orders/7/", auth=("alice", "secret"))
```

**Response:**
```json
{"id": 7, "number": "ORD-0007", "status": "paid", "total_cents": 4200}
```

## Two endpoints

```bash
curl "https://shop.example/api/v1/orders/"
curl "https://shop.example/api/v1/products/"
```

**Query Parameters:**
- `status` (string, optional): not said which endpoint
"""


def test_a_section_belongs_to_the_one_endpoint_its_calls_call(parse: ParsePage, facts: ProjectFacts) -> None:
    # A section without an endpoint heading is about what its curl, HTTPie or requests
    # calls call, as it is about the request lines of an `http` block.
    for rule in FAMILY:
        assert run_rule(rule, parse(CALLED_SECTIONS, dedent=False), facts) == [], rule.code
    page = parse(
        CALLED_SECTIONS.replace("`ordering` (string", "`sort` (string").replace('"total_cents": 4200', '"total": 4200'),
        dedent=False,
    )
    found = [(f.code, f.message) for rule in FAMILY for f in run_rule(rule, page, facts)]
    assert found == [
        ("FD503", "query parameter `sort` is not accepted by `/api/v1/orders/`"),
        ("FD504", "response field `total` is not produced by `/api/v1/orders/{pk}/`"),
    ]


def test_fd503_parameters_under_a_bold_title_without_a_colon(parse: ParsePage, facts: ProjectFacts) -> None:
    page = """\
# Products

### GET /api/v1/products/

**Query parameters**

- `search` — matches name and SKU
- `ordering` — `name` or `price_cents`

**Notes**

- `limit` and `offset` page through the list
"""
    assert run_rule(QueryParameterNotAccepted, parse(page, dedent=False), facts) == []
    findings = run_rule(QueryParameterNotAccepted, parse(page.replace("`search`", "`q`"), dedent=False), facts)
    assert [(f.message, f.span) for f in findings] == [
        ("query parameter `q` is not accepted by `/api/v1/products/`", Span(7, 4, 7, 5)),
    ]


def test_fd503_parameters_a_label_lists_on_its_own_line(parse: ParsePage, facts: ProjectFacts) -> None:
    page = """\
# Products

### GET /api/v1/products/

**Query parameters:** `search`, `ordering` and `limit`.

### GET /api/v1/orders/

**Query parameters:** see `OrderFilter`.

**Filters:** `status`
"""
    assert run_rule(QueryParameterNotAccepted, parse(page, dedent=False), facts) == []
    findings = run_rule(QueryParameterNotAccepted, parse(page.replace("`limit`", "`per_page`"), dedent=False), facts)
    assert [(f.message, f.span) for f in findings] == [
        ("query parameter `per_page` is not accepted by `/api/v1/products/`", Span(5, 49, 5, 57)),
    ]


def test_fd501_fd502_paths_a_sentence_says_are_gone_planned_or_refused(parse: ParsePage, facts: ProjectFacts) -> None:
    history = """
        # Orders

        ## API

        - `GET /api/v1/orders/{id}/invoice/` was removed in 2.0.
        - We will add `POST /api/v1/orders/{id}/cancel/` in a later release.
        - Planned: `GET /api/v1/customers/addresses/`.

        Orders cannot be deleted: `DELETE /api/v1/orders/{id}/` is not supported and answers 405.
        There is no `PUT /api/v1/orders/{id}/`; orders change only through actions.

        ### Removed endpoints

        - `GET /api/v1/orders/{id}/receipt/`
        """
    page = parse(history)
    assert [f for rule in (EndpointNotFound, MethodNotAllowed) for f in run_rule(rule, page, facts)] == []
    # the same paths in sentences about how things are now are reported
    now = parse(history.replace("was removed in 2.0", "lists the invoice").replace("is not supported and answers 405", "deletes one")
                .replace("There is no", "Use"))
    codes = sorted((f.code, f.span.line) for rule in (EndpointNotFound, MethodNotAllowed) for f in run_rule(rule, now, facts))
    assert codes == [("FD501", 5), ("FD502", 9), ("FD502", 10)]
