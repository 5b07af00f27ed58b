"""FD510 UndocumentedQueryParameter against the small real shop API of
:mod:`tests.rules.fd5.project`, its facts read live and statically: the order list reads
``status`` (filter set), ``ordering``, ``page`` and ``page_size``; the availability view
reads ``sku`` and ``quantity``; the nearby view hands the query to another package's filter."""

from __future__ import annotations

from featuredocs.model import ProjectFacts, Severity, Span
from featuredocs.rules.fd5_endpoints.fd510_undocumented_query_parameter import UndocumentedQueryParameter
from tests.conftest import ParsePage
from tests.support.rules import run_rule

ORDERS = "# Orders\n\n## API Endpoints\n\n### GET /api/v1/orders/\n\n**Query Parameters:**\n"
ALL_ORDER_PARAMS = (
    "- `status` (string, optional): Only orders in this status\n"
    "- `ordering` (string, optional): `created_at` or `total_cents`\n"
    "- `page` (integer, optional): Page number\n"
    "- `page_size` (integer, optional): Orders per page\n"
)


def _findings(parse: ParsePage, facts: ProjectFacts, text: str) -> list:
    return run_rule(UndocumentedQueryParameter, parse(text, dedent=False), facts)


def test_parameters_the_view_reads_and_the_list_leaves_out(parse: ParsePage, both_facts: ProjectFacts) -> None:
    items = ALL_ORDER_PARAMS.replace("- `status` (string, optional): Only orders in this status\n", "")
    items = items.replace("- `page_size` (integer, optional): Orders per page\n", "")
    found = _findings(parse, both_facts, ORDERS + items)
    assert [(f.code, f.span, f.severity) for f in found] == [("FD510", Span(7, 1, 7, 22), Severity.WARNING)] * 2
    assert [f.message for f in found] == [
        "query parameter `page_size` of `/api/v1/orders/` is not in its Query Parameters list",
        "query parameter `status` of `/api/v1/orders/` is not in its Query Parameters list",
    ]
    assert found[0].hint.startswith("`page_size` is read by the view's paginator (orders/views.py:")
    assert found[1].hint.startswith("`status` is a filter of the view's filter set (orders/views.py:")


def test_a_plain_views_read_is_expected_under_a_renamed_label(parse: ParsePage, both_facts: ProjectFacts) -> None:
    page = "# Stock\n\n### GET /api/v1/products/availability/\n\n**Query parameters**:\n- `sku` (string, required): The SKU\n"
    (finding,) = _findings(parse, both_facts, page)
    assert finding.message == (
        "query parameter `quantity` of `/api/v1/products/availability/` is not in its Query parameters list"
    )
    assert finding.hint.startswith("`quantity` is read by the view's code (catalog/views.py:")


def test_a_complete_list_and_a_parameter_named_in_an_items_words(parse: ParsePage, both_facts: ProjectFacts) -> None:
    assert _findings(parse, both_facts, ORDERS + ALL_ORDER_PARAMS) == []
    paired = ALL_ORDER_PARAMS.replace(
        "- `page` (integer, optional): Page number\n- `page_size` (integer, optional): Orders per page\n",
        "- `page` (integer, optional): Page number; `page_size` sets how many orders a page holds\n",
    )
    assert _findings(parse, both_facts, ORDERS + paired) == []


def test_a_stale_item_leaves_its_new_name_to_fd503(parse: ParsePage, both_facts: ProjectFacts) -> None:
    renamed = ALL_ORDER_PARAMS.replace("`ordering`", "`sort`").replace("`status`", "`state`")
    assert _findings(parse, both_facts, ORDERS + renamed) == []


def test_silent_where_the_parameters_cannot_all_be_known_or_no_list_documents_them(
    parse: ParsePage, both_facts: ProjectFacts
) -> None:
    nearby = "# Nearby\n\n### GET /api/v1/products/nearby/\n\n**Query Parameters:**\n- `km` (number, optional): Radius\n"
    assert _findings(parse, both_facts, nearby) == []
    request_only = "# Orders\n\n### GET /api/v1/orders/\n\n```http\nGET /api/v1/orders/?status=paid HTTP/1.1\n```\n"
    assert _findings(parse, both_facts, request_only) == []
