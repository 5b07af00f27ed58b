"""Query parameters an endpoints table names in a column of their own (``| GET |
`/api/v1/orders/` | `status`, `ordering` |``), against the real small shop API of
:mod:`tests.rules.fd5.project`, its facts read live and statically."""

from __future__ import annotations

import pytest

from featuredocs.model import ProjectFacts
from featuredocs.rules.fd5_endpoints.fd503_query_parameter_not_accepted import QueryParameterNotAccepted
from featuredocs.rules.fd5_endpoints.fd506_parameter_choices_differ import ParameterChoicesDiffer
from tests.conftest import ParsePage
from tests.support.rules import pointed_texts, run_rule

TABLE = """\
# Orders

## API Endpoints

| Method | Path | {title} | Notes |
|---|---|---|---|
| GET | `/api/v1/orders/` | `status`, `ordering=-created_at`, `page_size` | the customer's orders |
| GET | `/api/v1/products/availability/` | `sku`, `quantity` | stock check |
| POST | `/api/v1/orders/` | {post} | places an order |
"""


@pytest.mark.parametrize("title", ["Query", "Query parameters", "**Filters**", "Params"])
def test_a_right_query_column_is_silent(parse: ParsePage, both_facts: ProjectFacts, title: str) -> None:
    page = parse(TABLE.format(title=title, post="—"), dedent=False)
    for rule in (QueryParameterNotAccepted, ParameterChoicesDiffer):
        assert run_rule(rule, page, both_facts) == [], rule.code


@pytest.mark.parametrize("title", ["Query", "Query string", "Filters", "Parameters"])
def test_fd503_a_parameter_the_endpoint_does_not_take(parse: ParsePage, both_facts: ProjectFacts, title: str) -> None:
    page = parse(TABLE.format(title=title, post="—").replace("`sku`, `quantity`", "`sku`, `qty`"), dedent=False)
    assert pointed_texts(QueryParameterNotAccepted, page, both_facts) == ["qty"]
    page = parse(TABLE.format(title=title, post="—").replace("`page_size` |", "`per_page` |"), dedent=False)
    assert pointed_texts(QueryParameterNotAccepted, page, both_facts) == ["per_page"]


def test_fd503_a_value_the_column_gives_must_be_accepted(parse: ParsePage, both_facts: ProjectFacts) -> None:
    page = parse(TABLE.format(title="Query", post="—").replace("`ordering=-created_at`", "`ordering=-updated_at`"),
                 dedent=False)
    assert pointed_texts(QueryParameterNotAccepted, page, both_facts) == ["updated_at"]


@pytest.mark.parametrize("title", ["Parameters", "Params"])
def test_a_parameters_column_of_a_post_row_is_its_body(parse: ParsePage, both_facts: ProjectFacts, title: str) -> None:
    """``customer`` and ``items`` are the POST body's fields, no query parameters."""
    page = parse(TABLE.format(title=title, post="`customer`, `items`"), dedent=False)
    assert run_rule(QueryParameterNotAccepted, page, both_facts) == []


def test_a_column_of_anything_else_names_no_parameter(parse: ParsePage, both_facts: ProjectFacts) -> None:
    page = parse(TABLE.format(title="Fields", post="—").replace("`sku`, `quantity`", "`sku`, `qty`"), dedent=False)
    assert run_rule(QueryParameterNotAccepted, page, both_facts) == []
