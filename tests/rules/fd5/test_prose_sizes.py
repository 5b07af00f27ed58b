"""FD507 and FD508 on page sizes written in sentences ("Pages hold 25 orders; ask for up
to 200 with `page_size`"), for the paginated GET endpoints of the section around them:
against the real small shop API of :mod:`tests.rules.fd5.project`, its facts read live
and statically. Orders page by 20, at most 100 (``page_size``); products by a limit of
20, at most 50; the in-stock list by 10, with no parameter to ask for another size."""

from __future__ import annotations

import pytest

from featuredocs.model import Applicability, ProjectFacts
from featuredocs.rules.fd5_endpoints.fd507_parameter_default_differs import ParameterDefaultDiffers
from featuredocs.rules.fd5_endpoints.fd508_parameter_maximum_differs import ParameterMaximumDiffers
from tests.conftest import ParsePage
from tests.support.rules import pointed_texts, run_rule

ORDERS = """\
# Order API

## API

- **List orders** — `GET /api/v1/orders/?status=paid`
- **Create an order** — `POST /api/v1/orders/`

### Order response

| Field | Type |
|---|---|
| `id` | integer |

"""
PRODUCTS = "# Catalog\n\n## API Endpoints\n\n### GET /api/v1/products/\n\nActive products.\n\n"
RULES = (ParameterDefaultDiffers, ParameterMaximumDiffers)


def _pointed(parse: ParsePage, facts: ProjectFacts, text: str) -> tuple[list[str], list[str]]:
    page = parse(text, dedent=False)
    return pointed_texts(ParameterDefaultDiffers, page, facts), pointed_texts(ParameterMaximumDiffers, page, facts)


def test_a_page_size_and_its_cap_in_one_sentence(parse: ParsePage, both_facts: ProjectFacts) -> None:
    page = parse(ORDERS + "Pages hold 25 orders; ask for up to 200 with `page_size`.\n", dedent=False)
    (default,) = run_rule(ParameterDefaultDiffers, page, both_facts)
    (cap,) = run_rule(ParameterMaximumDiffers, page, both_facts)
    assert (default.code, default.span.line, cap.code, cap.span.line) == ("FD507", 14, "FD508", 14)
    assert pointed_texts(ParameterDefaultDiffers, page, both_facts) == ["25"]
    assert pointed_texts(ParameterMaximumDiffers, page, both_facts) == ["200"]
    assert default.message == (
        "query parameter `page_size` is documented to default to `25`, but `/api/v1/orders/` uses `20`"
    )
    assert default.hint.startswith("the default comes from the pagination class's page size (orders/views.py:")
    assert cap.message == (
        "query parameter `page_size` is documented to take at most 200, but `/api/v1/orders/` caps it at 100"
    )
    # a sentence is read less surely than a parameter's item: its fixes are not applied by --fix
    assert (default.fix.edits[0].replacement, default.fix.applicability) == ("20", Applicability.UNSAFE)
    assert (cap.fix.edits[0].replacement, cap.fix.applicability) == ("100", Applicability.UNSAFE)


@pytest.mark.parametrize(
    ("sentence", "default", "cap"),
    [
        ("Results come 25 per page (at most 200 with `page_size`).", ["25"], ["200"]),
        ("You get 25 results per page by default.", ["25"], []),
        ("`page_size` defaults to 25 and is capped at 200.", ["25"], ["200"]),
        ("Set the size with `page_size` (max 200).", [], ["200"]),
        ("The API returns up to 200 items per page.", [], ["200"]),
        ("Each page holds 25 orders.", ["25"], []),
        ("The default page size is 25; `page_size` takes no more than 200.", ["25"], ["200"]),
        ("Orders come back 25 a page, and\nat most 200 with `page_size`.", ["25"], ["200"]),
        ("Use `page_size` to change it, up to a maximum of 1,000.", [], ["1,000"]),
        ("- The list is paginated with 25 orders on each page.", ["25"], []),
    ],
)
def test_the_ways_a_sentence_writes_a_page_size(
    parse: ParsePage, both_facts: ProjectFacts, sentence: str, default: list[str], cap: list[str]
) -> None:
    assert _pointed(parse, both_facts, ORDERS + sentence + "\n") == (default, cap)


def test_a_limit_is_the_page_size_of_limits_and_offsets(parse: ParsePage, both_facts: ProjectFacts) -> None:
    text = PRODUCTS + "Products come 30 per page; ask for up to 500 products per page with `limit`.\n"
    page = parse(text, dedent=False)
    (default,) = run_rule(ParameterDefaultDiffers, page, both_facts)
    (cap,) = run_rule(ParameterMaximumDiffers, page, both_facts)
    assert "`limit` is documented to default to `30`" in default.message and default.message.endswith("uses `20`")
    assert cap.message.endswith("caps it at 50")
    assert _pointed(parse, both_facts, PRODUCTS + "Products come 20 per page, at most 50.\n") == ([], [])


@pytest.mark.parametrize(
    "sentence",
    [
        "Pages hold 20 orders; ask for up to 100 with `page_size`.",
        "Results come 20 per page (at most 100 with `page_size`).",
        "`page_size` defaults to 20 and is capped at 100.",
        "The API returns up to 100 items per page.",
    ],
)
def test_silent_on_the_right_size_and_cap(parse: ParsePage, both_facts: ProjectFacts, sentence: str) -> None:
    assert _pointed(parse, both_facts, ORDERS + sentence + "\n") == ([], [])


@pytest.mark.parametrize(
    "sentence",
    [
        "Clients may send up to 200 requests per minute.",  # a rate limit
        "Unpaid orders expire within 24 hours.",
        "Failed deliveries are retried up to 5 retries.",
        "A customer may place up to 10 orders per day.",
        "Ask for 50 per page with `page_size`.",  # asked for, not the default
        "Ask for more than 30 per page and responses slow down.",
        "The admin changelist shows 50 orders per page.",  # pages of something else
        "The mobile app shows 10 orders per page.",
        "The invoice PDF prints 30 lines per page.",
        "The list runs 3 queries per page.",
        "Pages hold up to 25 orders.",  # the size or the cap: unclear
        "Each order holds up to 50 items.",  # a cap, but not on pages
        "Use `page` to move between pages; up to 500 pages are kept.",
        "Ask for up to 200 with `per_page`.",  # a parameter the endpoint does not read
        "Pages of the report hold 25 rows.",
    ],
)
def test_silent_on_other_numbers(parse: ParsePage, both_facts: ProjectFacts, sentence: str) -> None:
    assert _pointed(parse, both_facts, ORDERS + sentence + "\n") == ([], [])


def test_silent_on_the_size_an_example_call_asks_for(parse: ParsePage, both_facts: ProjectFacts) -> None:
    example = '```bash\ncurl "https://shop.example.com/api/v1/orders/?page=2&page_size=50"\n```\n\n'
    assert _pointed(parse, both_facts, ORDERS + example + "This returns 50 orders per page.\n") == ([], [])
    asked = "For example `GET /api/v1/orders/?page_size=50` returns 50 orders per page.\n"
    assert _pointed(parse, both_facts, ORDERS + asked) == ([], [])


def test_only_for_the_paginated_get_endpoints_of_the_section_around_it(
    parse: ParsePage, both_facts: ProjectFacts
) -> None:
    sentence = "Pages hold 25 orders; ask for up to 200 with `page_size`.\n"
    posted = "# Orders\n\n## API\n\n### POST /api/v1/orders/\n\nPlaces an order.\n\n" + sentence
    assert _pointed(parse, both_facts, posted) == ([], [])
    elsewhere = ORDERS + "## Troubleshooting\n\n" + sentence
    assert _pointed(parse, both_facts, elsewhere) == ([], [])
    # the in-stock list pages by 10 but takes no size: no parameter to hold the page to
    in_stock = "# Stock\n\n## API\n\n### GET /api/v1/products/in-stock/\n\nPages hold 25 products.\n"
    assert _pointed(parse, both_facts, in_stock) == ([], [])
    # orders and products page with parameters of different names: which one is meant?
    both = ORDERS.replace("- **Create", "- **List products** — `GET /api/v1/products/`\n- **Create")
    assert _pointed(parse, both_facts, both + "Results come 25 per page.\n") == ([], [])
    under_get = "# Orders\n\n## API\n\n### GET /api/v1/orders/\n\n" + sentence
    assert _pointed(parse, both_facts, under_get) == (["25"], ["200"])


def test_a_parameter_item_is_read_once(parse: ParsePage, both_facts: ProjectFacts) -> None:
    text = (
        "# Orders\n\n### GET /api/v1/orders/\n\n**Query Parameters:**\n"
        "- `page_size` (integer, optional): Orders per page. 25 per page by default, at most 500\n"
    )
    page = parse(text, dedent=False)
    assert [f.fix.applicability for f in run_rule(ParameterMaximumDiffers, page, both_facts)] == [Applicability.SAFE]
    assert pointed_texts(ParameterMaximumDiffers, page, both_facts) == ["500"]
