"""FD508 ParameterMaximumDiffers against the small real shop API of
:mod:`tests.rules.fd5.project`, its facts read live and statically: the order list's
``page_size`` is capped at 100 (``max_page_size``), the product list's ``limit`` at 50
(``max_limit``)."""

from __future__ import annotations

from featuredocs.model import Applicability, ProjectFacts, Span
from featuredocs.rules.fd5_endpoints.fd508_parameter_maximum_differs import ParameterMaximumDiffers
from tests.conftest import ParsePage
from tests.support.rules import run_rule

ORDERS = "# Orders\n\n## API Endpoints\n\n### GET /api/v1/orders/\n\n**Query Parameters:**\n"
PRODUCTS = "# Products\n\n## API Endpoints\n\n### GET /api/v1/products/\n\n**Query Parameters:**\n"


def _findings(parse: ParsePage, facts: ProjectFacts, head: str, params: str) -> list:
    return run_rule(ParameterMaximumDiffers, parse(head + params, dedent=False), facts)


def test_a_page_size_documented_with_another_cap(parse: ParsePage, both_facts: ProjectFacts) -> None:
    item = "- `page_size` (integer, optional): Orders per page, at most 500"
    (finding,) = _findings(parse, both_facts, ORDERS, item + "\n")
    column = item.index("500") + 1
    assert (finding.code, finding.span) == ("FD508", Span(8, column, 8, column + 3))
    assert finding.message == (
        "query parameter `page_size` is documented to take at most 500, but `/api/v1/orders/` caps it at 100"
    )
    assert finding.hint.startswith("the cap comes from the pagination class's maximum (orders/views.py:")
    assert finding.fix.applicability is Applicability.SAFE
    assert finding.fix.edits[0].replacement == "100"


def test_the_shapes_a_cap_is_written_in(parse: ParsePage, both_facts: ProjectFacts) -> None:
    for words in ("(default: 20, max: 25)", "up to 25 orders", "25 at most", "≤ 25", "maximum `25`",
                  "no more than 25"):
        (finding,) = _findings(parse, both_facts, ORDERS, f"- `page_size` (integer, optional): {words}\n")
        assert "at most 25, but" in finding.message, words
    (limit,) = _findings(parse, both_facts, PRODUCTS, "- `limit` (integer, optional): How many; 20 by default, at most 1,000\n")
    assert limit.message.endswith("caps it at 50") and "at most 1000" in limit.message


def test_silent_on_the_right_cap_and_where_none_is_known(parse: ParsePage, both_facts: ProjectFacts) -> None:
    assert _findings(parse, both_facts, ORDERS, "- `page_size` (integer, optional): Orders per page, at most 100\n") == []
    assert _findings(parse, both_facts, PRODUCTS, "- `limit` (integer, optional): up to 50 products\n") == []
    params = (
        "- `page` (integer, optional): Page number, at most 500\n"  # the page number has no cap
        "- `status` (string, optional): at most 3 statuses, comma-separated\n"
        "- `page_size` (integer, optional): Orders per page; see `ordering`, at most 9 fields\n"  # speaks of another
    )
    assert _findings(parse, both_facts, ORDERS, params) == []
