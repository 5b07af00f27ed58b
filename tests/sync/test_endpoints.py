"""sync on endpoint methods, query parameters and response bodies, against hand-built facts."""

from __future__ import annotations

import dataclasses

from featuredocs.model import ProjectFacts, QueryParamFact, ResponseField
from tests.conftest import ParsePage
from tests.sync.support import FACTS, ORDERS_URL, PAY_URL, findings, synced

PAGE = """\
# Orders

> **Orders** - The order API.

## API Endpoints

### GET /api/orders/

The customer's orders.

**Request:**
```http
GET /api/orders/?status=paid HTTP/1.1
```

**Query Parameters:**
- `status` (string, optional): Only orders in this status
- `page` (integer, optional): Page number

**Response:**
```json
{
    "id": 7,
    "number": "SO-1",
    "total_cents": 2190,
    "items": [
        {"sku": "TEA-001", "quantity": 2}
    ]
}
```

### POST /api/orders/{id}/pay/

Records the payment.

**Request:**
```http
POST /api/orders/7/pay/ HTTP/1.1
```

**Response:**
```json
{"id": 7, "status": "paid"}
```
"""
CODES = ("FD502", "FD503", "FD504", "FD510")


def with_endpoints(*endpoints: object) -> ProjectFacts:
    return dataclasses.replace(FACTS, endpoints=tuple(endpoints))  # type: ignore[arg-type]


def test_a_correct_api_section_is_left_as_it_is(parse: ParsePage) -> None:
    page = parse(PAGE)
    assert findings(page, FACTS, *CODES) == []
    assert synced(page, FACTS) == page.text


def test_a_method_the_view_no_longer_allows_is_replaced_in_heading_and_request(parse: ParsePage) -> None:
    facts = with_endpoints(ORDERS_URL, dataclasses.replace(PAY_URL, methods=("PUT",)))
    page = parse(PAGE)
    assert len(findings(page, facts, "FD502")) == 2
    text = synced(page, facts)
    assert text == PAGE.replace("### POST /api/orders/{id}/pay/", "### PUT /api/orders/{id}/pay/").replace(
        "POST /api/orders/7/pay/ HTTP/1.1", "PUT /api/orders/7/pay/ HTTP/1.1"
    )
    assert findings(parse(text), facts, *CODES) == []


def test_links_to_a_heading_whose_method_changes_follow_it(parse: ParsePage) -> None:
    facts = with_endpoints(ORDERS_URL, dataclasses.replace(PAY_URL, methods=("PUT",)))
    source = PAGE.replace("Records the payment.", "Records the payment; see [paying](#post-apiordersidpay).")
    text = synced(parse(source), facts)
    assert "see [paying](#put-apiordersidpay)." in text and "### PUT /api/orders/{id}/pay/" in text


def test_a_method_dropped_from_a_list_of_methods(parse: ParsePage) -> None:
    source = PAGE.replace("### GET /api/orders/", "### GET, DELETE /api/orders/")
    text = synced(parse(source), FACTS)
    assert "### GET /api/orders/\n" in text


def test_query_parameters_follow_the_filters(parse: ParsePage) -> None:
    params = (
        QueryParamFact("page", "pagination", "integer"),
        QueryParamFact("customer", "filterset", "integer"),
        QueryParamFact("ordering", "ordering", "string"),
    )
    facts = with_endpoints(dataclasses.replace(ORDERS_URL, query_params=params), PAY_URL)
    page = parse(PAGE.replace("- `page` (integer, optional)", "- `page` (string, optional)"))
    assert [f.message for f in findings(page, facts, "FD510")] == [
        "query parameter `customer` of `/api/orders/` is not in its Query Parameters list",
        "query parameter `ordering` of `/api/orders/` is not in its Query Parameters list",
    ]
    text = synced(page, facts)
    assert text.split("**Query Parameters:**\n")[1].split("\n\n")[0] == (
        "- `page` (integer, optional): Page number\n"
        "- `customer` (integer, optional): [Description]\n"
        "- `ordering` (string, optional): [Description]"
    )
    assert "GET /api/orders/ HTTP/1.1" in text  # ?status=paid is no longer read
    assert findings(parse(text), facts, *CODES) == []


def test_a_new_filter_goes_with_the_filters_before_the_page(parse: ParsePage) -> None:
    params = (
        QueryParamFact("status", "filterset", "string"),
        QueryParamFact("customer", "filterset", "integer"),
        QueryParamFact("page", "pagination", "integer"),
    )
    facts = with_endpoints(dataclasses.replace(ORDERS_URL, query_params=params), PAY_URL)
    text = synced(parse(PAGE), facts)
    assert text == PAGE.replace(
        "- `page` (integer, optional)", "- `customer` (integer, optional): [Description]\n- `page` (integer, optional)"
    )


def test_a_renamed_parameter_keeps_its_words_and_its_value_in_the_request(parse: ParsePage) -> None:
    params = (QueryParamFact("status__in", "filterset", "string"), QueryParamFact("page", "pagination", "integer"))
    facts = with_endpoints(dataclasses.replace(ORDERS_URL, query_params=params), PAY_URL)
    page = parse(PAGE)
    text = synced(page, facts)
    assert text == PAGE.replace("`status` (string", "`status__in` (string").replace("?status=paid", "?status__in=paid")
    assert findings(parse(text), facts, *CODES) == []


def test_a_parameter_another_api_names_so_becomes_the_one_doing_its_job(parse: ParsePage) -> None:
    params = (*ORDERS_URL.query_params, QueryParamFact("ordering", "ordering", "string", choices=("created_at",)))
    facts = with_endpoints(dataclasses.replace(ORDERS_URL, query_params=params), PAY_URL)
    sorted_page = PAGE.replace("?status=paid", "?sort=created_at").replace(
        "- `page` (integer, optional): Page number\n", "- `page` (integer, optional): Page number\n- `sort` (string, optional): By `created_at`\n"
    )
    page = parse(sorted_page)
    assert [f.code for f in findings(page, facts, *CODES)] == ["FD503", "FD503"]  # FD510 leaves `ordering` to FD503
    text = synced(page, facts)
    assert text == sorted_page.replace("sort", "ordering")
    assert findings(parse(text), facts, *CODES) == []


def test_parameters_an_item_pairs_are_both_documented(parse: ParsePage) -> None:
    params = (*ORDERS_URL.query_params, QueryParamFact("total__gte", "filterset", "integer"),
              QueryParamFact("total__lte", "filterset", "integer"))
    facts = with_endpoints(dataclasses.replace(ORDERS_URL, query_params=params), PAY_URL)
    page = parse(PAGE.replace(
        "- `page` (integer, optional): Page number\n",
        "- `page` (integer, optional): Page number\n- `total__gte` / `total__lte` (integer, optional): Total range\n",
    ))
    assert findings(page, facts, *CODES) == []
    assert synced(page, facts) == page.text
    stale = parse(page.text.replace("`total__lte`", "`total__lt`"))
    assert [f.message for f in findings(stale, facts, "FD503")] == [
        "query parameter `total__lt` is not accepted by `/api/orders/`",
    ]


def test_a_parameters_values_follow_its_choices_and_a_new_one_lists_them(parse: ParsePage) -> None:
    params = (
        QueryParamFact("status", "filterset", "string", choices=("paid", "void", "pending")),
        QueryParamFact("page", "pagination", "integer"),
        QueryParamFact("kind", "filterset", "string", choices=("goods", "gift_card")),
    )
    facts = with_endpoints(dataclasses.replace(ORDERS_URL, query_params=params), PAY_URL)
    page = parse(PAGE.replace("Only orders in this status", "Only orders in this status, `paid` or `pending`"))
    assert [f.code for f in findings(page, facts, "FD506")] == ["FD506"]
    text = synced(page, facts)
    assert "- `status` (string, optional): Only orders in this status, `paid`, `void` or `pending`\n" in text
    assert "- `kind` (string, optional): One of `goods` or `gift_card`" in text
    assert findings(parse(text), facts, *CODES, "FD506") == []


def test_a_parameters_default_follows_the_endpoint_and_a_new_one_writes_it(parse: ParsePage) -> None:
    params = (
        QueryParamFact("status", "filterset", "string"),
        QueryParamFact("page", "pagination", "integer"),
        QueryParamFact("page_size", "pagination", "integer", default="20", maximum=100),
        QueryParamFact("ordering", "ordering", "string", choices=("created_at",), default="'-created_at'"),
        QueryParamFact("limit", "pagination", "integer", default="10", maximum=50),
    )
    facts = with_endpoints(dataclasses.replace(ORDERS_URL, query_params=params), PAY_URL)
    page = parse(PAGE.replace(
        "- `page` (integer, optional): Page number\n",
        "- `page` (integer, optional): Page number\n"
        "- `page_size` (integer, optional): Orders per page (default: 50), at most 500\n",
    ))
    assert [f.code for f in findings(page, facts, "FD507", "FD508")] == ["FD507", "FD508"]
    text = synced(page, facts)
    assert "- `page_size` (integer, optional): Orders per page (default: 20), at most 100\n" in text
    assert "- `ordering` (string, optional): One of `created_at` (default: `-created_at`)\n" in text
    assert "- `limit` (integer, optional): [Description] (default: 10, at most 50)" in text
    assert findings(parse(text), facts, *CODES, "FD506", "FD507", "FD508") == []


def test_query_parameters_are_left_alone_where_some_reader_cannot_be_listed(parse: ParsePage) -> None:
    params = (QueryParamFact("customer", "filterset", "integer"),)
    facts = with_endpoints(
        dataclasses.replace(ORDERS_URL, query_params=params, query_params_complete=False), PAY_URL,
    )
    page = parse(PAGE)
    assert findings(page, facts, "FD503") == []
    assert synced(page, facts) == PAGE


def test_a_number_documented_as_integer_is_not_corrected(parse: ParsePage) -> None:
    params = (QueryParamFact("status", "filterset", "string"), QueryParamFact("page", "pagination", "number"))
    facts = with_endpoints(dataclasses.replace(ORDERS_URL, query_params=params), PAY_URL)
    assert synced(parse(PAGE), facts) == PAGE


def test_response_keys_follow_the_serializer_and_values_stay(parse: ParsePage) -> None:
    response = (
        ResponseField("id", type="integer"),
        ResponseField("number", type="string"),
        ResponseField("total", type="integer"),  # total_cents renamed, same place
        ResponseField("currency", type="string"),  # new
        ResponseField("items", (ResponseField("sku", type="string"),), many=True),  # quantity gone
    )
    facts = with_endpoints(dataclasses.replace(ORDERS_URL, response=response), PAY_URL)
    page = parse(PAGE)
    assert len(findings(page, facts, "FD504")) == 2
    text = synced(page, facts)
    assert text.split("**Response:**\n```json\n")[1].split("```")[0] == (
        "{\n"
        '    "id": 7,\n'
        '    "number": "SO-1",\n'
        '    "total": 2190,\n'
        '    "currency": "",\n'
        '    "items": [\n'
        '        {"sku": "TEA-001"}\n'
        "    ]\n"
        "}\n"
    )
    assert findings(parse(text), facts, *CODES) == []


def test_a_response_sketch_is_not_completed(parse: ParsePage) -> None:
    response = PAY_URL.response + tuple(ResponseField(name, type="string") for name in ("a", "b", "c"))
    facts = with_endpoints(ORDERS_URL, dataclasses.replace(PAY_URL, response=response))
    assert synced(parse(PAGE), facts) == PAGE
    abridged = PAGE.replace('{"id": 7, "status": "paid"}', '{"id": 7, "status": "paid", ...}')
    facts = with_endpoints(ORDERS_URL, dataclasses.replace(PAY_URL, response=PAY_URL.response + (ResponseField("x"),)))
    assert synced(parse(abridged), facts) == abridged


def test_a_single_line_body_gains_keys_on_its_line(parse: ParsePage) -> None:
    response = PAY_URL.response + (ResponseField("paid_at", type="string"),)
    facts = with_endpoints(ORDERS_URL, dataclasses.replace(PAY_URL, response=response))
    assert '{"id": 7, "status": "paid", "paid_at": ""}' in synced(parse(PAGE), facts)
    response = PAY_URL.response + (ResponseField("terms", type="string", choices=("net15", "net30")),)
    facts = with_endpoints(ORDERS_URL, dataclasses.replace(PAY_URL, response=response))
    assert '{"id": 7, "status": "paid", "terms": "net15"}' in synced(parse(PAGE), facts)  # a value it takes


def test_a_nested_list_is_written_out_for_a_new_field(parse: ParsePage) -> None:
    lines = ResponseField("lines", (ResponseField("sku", type="string"), ResponseField("n", type="integer")), many=True)
    response = ORDERS_URL.response + (lines,)
    facts = with_endpoints(dataclasses.replace(ORDERS_URL, response=response), PAY_URL)
    text = synced(parse(PAGE), facts)
    assert (
        '    ],\n'
        '    "lines": [\n'
        '        {\n'
        '            "sku": "",\n'
        '            "n": 0\n'
        '        }\n'
        '    ]\n'
        '}\n'
    ) in text
    assert findings(parse(text), facts, *CODES) == []
