"""FD504 on response fields listed in a list or a table rather than shown in a body, against
the facts of the real small shop API (see :mod:`tests.rules.fd5.project`)."""

from __future__ import annotations

from featuredocs.model import ProjectFacts
from featuredocs.rules.fd5_endpoints.fd504_response_field_not_produced import (
    ResponseFieldNotProduced,
)
from tests.conftest import ParsePage
from tests.support.rules import run_rule

LISTED = """\
# Orders

### GET /api/v1/orders/{id}/

**Response fields:**

| Field | Type | Description |
|---|---|---|
| `id` | integer | key |
| `number` | string | printed number |
| `total_cents` | integer | total |
| `items[].sku` | string | product |

### GET /api/v1/orders/

Response:
- `count` (int): how many orders
- `next` (string): the next page
- `results` (array): the orders, each with
  - `number` (string): printed number
  - `items` (array):
    - `quantity` (int): how many

#### Response

- `results[].status`: the order's state
- `results[].created_at`: when it was placed
"""


def found(parse: ParsePage, text: str, facts: ProjectFacts) -> list[tuple[int, str, str]]:
    page = parse(text)
    return [
        (f.span.line, page.line_text(f.span.line)[f.span.column - 1 : f.span.end_column - 1], f.message)
        for f in run_rule(ResponseFieldNotProduced, page, facts)
    ]


def test_fd504_silent_on_listed_fields_the_endpoint_produces(parse: ParsePage, both_facts: ProjectFacts) -> None:
    assert found(parse, LISTED, both_facts) == []


def test_fd504_reads_fields_listed_in_tables_lists_and_nested_items(
    parse: ParsePage, both_facts: ProjectFacts
) -> None:
    drifted = (
        LISTED.replace("| `total_cents` |", "| `total` |")
        .replace("`items[].sku`", "`items[].skuu`")
        .replace("- `next` (string)", "- `next_page` (string)")
        .replace("- `quantity` (int)", "- `qty` (int)")
        .replace("`results[].created_at`", "`results[].created`")
    )
    assert found(parse, drifted, both_facts) == [
        (11, "`total`", "response field `total` is not produced by `/api/v1/orders/{pk}/`"),
        (12, "`items[].skuu`", "response field `items[].skuu` is not produced by `/api/v1/orders/{pk}/`"),
        (18, "`next_page`", "response field `next_page` is not produced by `/api/v1/orders/`"),
        (22, "`qty`", "response field `results.items.qty` is not produced by `/api/v1/orders/`"),
        (27, "`results[].created`", "response field `results[].created` is not produced by `/api/v1/orders/`"),
    ]
    page = parse(drifted)
    hints = [f.hint for f in run_rule(ResponseFieldNotProduced, page, both_facts)]
    assert hints[0].startswith("did you mean `total_cents`?")
    assert hints[2].startswith("did you mean `next`?")


def test_fd504_silent_on_lists_that_are_not_the_success_bodys_fields(
    parse: ParsePage, facts: ProjectFacts
) -> None:
    text = """\
        # Orders

        ### POST /api/v1/orders/

        Request body:
        - `customer_note` (string): printed on the slip
        - `coupon` (string): a discount code

        Response:
        - `Location`: the new order's URL
        - `ETag`: its version

        Response (400):
        - `items`: what was wrong with them
        - `detail`: why

        **Returns:**
        - `OrderSerializer` data for the new order

        Response fields:
        - `201` when created
        - `number` (string): its printed number
        """
    assert found(parse, text, facts) == []


def test_fd504_silent_on_items_that_say_the_field_is_not_there(parse: ParsePage, both_facts: ProjectFacts) -> None:
    text = LISTED.replace(
        "| `total_cents` | integer | total |",
        "| `total_cents` | integer | total |\n| `customer_email` | string | not part of this response |",
    ).replace(
        "- `next` (string): the next page",
        "- `next` (string): the next page\n- `cursor` — never returned; use `next`.\n- `coupon`: renamed `discount_code` in v2",
    )
    assert found(parse, text, both_facts) == []
    drifted = text.replace("- `next` (string)", "- `next_url` (string)")
    assert [line for line, _, _ in found(parse, drifted, both_facts)] == [19]
