"""FD507 ParameterDefaultDiffers against the small real shop API of
:mod:`tests.rules.fd5.project`, its facts read live and statically: the order list sorts
by ``-created_at`` and pages by 20 (``page_size``), the product list's limit defaults to
20, and the availability view reads ``quantity`` with ``"1"`` as its fallback."""

from __future__ import annotations

import dataclasses

from featuredocs.model import Applicability, ProjectFacts, Span
from featuredocs.rules.fd5_endpoints.fd507_parameter_default_differs import ParameterDefaultDiffers
from tests.conftest import ParsePage
from tests.support.rules import run_rule

ORDERS = "# Orders\n\n## API Endpoints\n\n### GET /api/v1/orders/\n\n**Query Parameters:**\n"
PRODUCTS = "# Products\n\n## API Endpoints\n\n### GET /api/v1/products/\n\n**Query Parameters:**\n"
AVAILABILITY = "# Stock\n\n## API Endpoints\n\n### GET /api/v1/products/availability/\n\n**Query Parameters:**\n"


def _findings(parse: ParsePage, facts: ProjectFacts, head: str, params: str) -> list:
    return run_rule(ParameterDefaultDiffers, parse(head + params, dedent=False), facts)


def test_an_ordering_documented_ascending_where_the_view_sorts_descending(
    parse: ParsePage, both_facts: ProjectFacts
) -> None:
    item = "- `ordering` (string, optional): `created_at` or `total_cents`; `created_at` by default"
    (finding,) = _findings(parse, both_facts, ORDERS, item + "\n")
    column = item.rindex("created_at") + 1
    assert (finding.code, finding.span) == ("FD507", Span(8, column, 8, column + len("created_at")))
    assert finding.message == (
        "query parameter `ordering` is documented to default to `created_at`, but `/api/v1/orders/` uses `-created_at`"
    )
    assert finding.hint.startswith("the default comes from the view's `ordering` (orders/views.py:")
    assert finding.fix.applicability is Applicability.SAFE
    assert finding.fix.edits[0].replacement == "-created_at"


def test_a_page_size_a_limit_and_a_read_fallback_documented_wrong(
    parse: ParsePage, both_facts: ProjectFacts
) -> None:
    (page_size,) = _findings(parse, both_facts, ORDERS, "- `page_size` (integer, optional): Orders per page (default: 50)\n")
    assert page_size.message.endswith("uses `20`") and page_size.fix.edits[0].replacement == "20"
    assert page_size.hint.startswith("the default comes from the pagination class's page size")
    (limit,) = _findings(parse, both_facts, PRODUCTS, "- `limit` (integer, optional): How many; defaults to 10\n")
    assert "`limit` is documented to default to `10`" in limit.message
    (quantity,) = _findings(parse, both_facts, AVAILABILITY, '- `quantity` (integer, optional): How many, "2" by default\n')
    assert quantity.message.endswith("uses `1`")
    assert quantity.fix.edits[0].replacement == '"1"'  # the page's quotes kept
    (omitted,) = _findings(parse, both_facts, AVAILABILITY, "- `quantity` (integer, optional): Units wanted; 2 when omitted\n")
    assert omitted.message.endswith("uses `1`") and omitted.fix.edits[0].replacement == "1"


def test_a_default_column_of_a_parameter_table(parse: ParsePage, both_facts: ProjectFacts) -> None:
    table = (
        "| Parameter | Type | Default | Description |\n|---|---|---|---|\n"
        "| `ordering` | string | `-created_at` | Sort order |\n"
        "| `page_size` | integer | `25` | Orders per page |\n"
        "| `status` | string | - | Only orders in this status |\n"
    )
    (finding,) = _findings(parse, both_facts, ORDERS, "\n" + table)
    assert finding.span.line == 12 and "`page_size` is documented to default to `25`" in finding.message


def test_silent_on_the_right_defaults(parse: ParsePage, both_facts: ProjectFacts) -> None:
    params = (
        "- `ordering` (string, optional): `created_at` or `total_cents`, with a leading `-` for descending;"
        " `-created_at` by default\n"
        "- `page_size` (integer, optional): Orders per page (default: 20), at most 100\n"
        "- `page` (integer, optional): Page number, starting at 1\n"
    )
    assert _findings(parse, both_facts, ORDERS, params) == []
    assert _findings(parse, both_facts, AVAILABILITY, "- `quantity` (integer, optional): 1 by default\n") == []
    assert _findings(parse, both_facts, AVAILABILITY, "- `quantity` (integer, optional): 1 if not given\n") == []
    assert _findings(parse, both_facts, PRODUCTS, "- `limit` (integer, optional): Default: `20`\n") == []


def test_silent_where_the_page_gives_no_value_or_the_endpoint_has_no_default(
    parse: ParsePage, both_facts: ProjectFacts
) -> None:
    params = (
        "- `ordering` (string, optional): newest first by default\n"  # words, not a value
        "- `page_size` (integer, optional): 50 items by default on the mobile app\n"  # a measure in prose
        "- `status` (string, optional): `paid` by default\n"  # the filter has no default
    )
    assert _findings(parse, both_facts, ORDERS, params) == []
    # the product list's ordering filter has no ``ordering``: the queryset's order holds
    assert _findings(parse, both_facts, PRODUCTS, "- `ordering` (string, optional): `name` by default\n") == []


def test_words_about_another_parameter_are_not_this_ones(parse: ParsePage, both_facts: ProjectFacts) -> None:
    item = "- `ordering` (string, optional): `-created_at` by default; `page_size` defaults to 50\n"
    assert _findings(parse, both_facts, ORDERS, item) == []


def test_an_ordering_may_name_the_first_of_several_fields(parse: ParsePage, facts: ProjectFacts) -> None:
    orders = next(e for e in facts.endpoints if e.path == "/api/v1/orders/")
    params = tuple(
        dataclasses.replace(p, default="'-created_at,id'") if p.name == "ordering" else p for p in orders.query_params
    )
    several = dataclasses.replace(
        facts, endpoints=tuple(dataclasses.replace(e, query_params=params) if e is orders else e for e in facts.endpoints)
    )
    item = "- `ordering` (string, optional): `-created_at` by default\n"
    assert _findings(parse, several, ORDERS, item) == []
    (finding,) = _findings(parse, several, ORDERS, "- `ordering` (string, optional): `id` by default\n")
    assert finding.fix.edits[0].replacement == "-created_at,id"
