"""FD506 on the values a sentence gives a query parameter ("`ordering` takes `created_at`
or `total_cents`"), for the GET endpoints of the section around it: against the real
small shop API of :mod:`tests.rules.fd5.project` (its ordering fields are `created_at`
and `total_cents`), and hand-built facts where `status` has choices."""

from __future__ import annotations

import dataclasses

import pytest

from featuredocs.model import ProjectFacts, QueryParamFact
from featuredocs.rules.fd5_endpoints.fd503_query_parameter_not_accepted import QueryParameterNotAccepted
from featuredocs.rules.fd5_endpoints.fd506_parameter_choices_differ import ParameterChoicesDiffer
from tests.conftest import ParsePage
from tests.rules.fd5.facts import FACTS, ORDER_LIST
from tests.support.rules import pointed_texts, run_rule

PAGE = """\
# Order API

## API

- **List orders** — `GET /api/v1/orders/?status=paid&ordering=-total_cents`
- **Create an order** — `POST /api/v1/orders/`
- **Pay** — `POST /api/v1/orders/{id}/pay/`

### Order response

| Field | Type |
|---|---|
| `id` | integer |

Filtering: `status` takes one of the statuses above; `ordering` takes `created_at` or
`total_cents`, with `-` for descending (newest first by default).
"""

STATUS = QueryParamFact("status", "filterset", "string", choices=("pending", "paid", "cancelled"))
WITH_CHOICES = dataclasses.replace(
    FACTS,
    endpoints=tuple(
        dataclasses.replace(e, query_params=(STATUS, *e.query_params[1:])) if e is ORDER_LIST else e
        for e in FACTS.endpoints
    ),
)


def test_silent_on_values_the_parameter_accepts(parse: ParsePage, both_facts: ProjectFacts) -> None:
    page = parse(PAGE, dedent=False)
    for rule in (ParameterChoicesDiffer, QueryParameterNotAccepted):
        assert run_rule(rule, page, both_facts) == [], rule.code


def test_a_value_the_ordering_filter_does_not_accept(parse: ParsePage, both_facts: ProjectFacts) -> None:
    page = parse(PAGE.replace("takes `created_at` or", "takes `updated_at` or"), dedent=False)
    (finding,) = run_rule(ParameterChoicesDiffer, page, both_facts)
    assert (finding.code, finding.span.line) == ("FD506", 15)
    assert pointed_texts(ParameterChoicesDiffer, page, both_facts) == ["updated_at"]
    assert finding.message == "`updated_at` is not a value `ordering` accepts on `/api/v1/orders/`"
    assert finding.hint.startswith("did you mean `created_at`?")
    assert finding.fix is None


def test_a_value_on_the_wrapped_line_and_a_descending_one(parse: ParsePage, both_facts: ProjectFacts) -> None:
    page = parse(PAGE.replace("`total_cents`, with", "`-total`, with"), dedent=False)
    assert pointed_texts(ParameterChoicesDiffer, page, both_facts) == ["-total"]
    assert run_rule(ParameterChoicesDiffer, page, both_facts)[0].span.line == 16


@pytest.mark.parametrize(
    "sentence",
    [
        "`ordering` accepts `created_at`, `total_cents` and `price`.",
        "`ordering` is one of `created_at`, `-total_cents` or `price`.",
        "Sort with `ordering`; `ordering` can be `price` or `-created_at`.",
    ],
)
def test_the_ways_a_sentence_gives_values(parse: ParsePage, both_facts: ProjectFacts, sentence: str) -> None:
    page = parse(PAGE + "\n" + sentence + "\n", dedent=False)
    assert pointed_texts(ParameterChoicesDiffer, page, both_facts) == ["price"]


def test_prose_names_some_values_and_leaves_none_out(parse: ParsePage) -> None:
    """"`status` is one of …" in a sentence is not held to every value, as a list item is."""
    page = parse(PAGE + "\n`status` is one of `pending` or `paid`.\n", dedent=False)
    assert run_rule(ParameterChoicesDiffer, page, WITH_CHOICES) == []
    page = parse(PAGE + "\n`status` is one of `pending` or `refunded`.\n", dedent=False)
    assert pointed_texts(ParameterChoicesDiffer, page, WITH_CHOICES) == ["refunded"]


@pytest.mark.parametrize(
    "sentence",
    [
        "`ordering` takes updated_at or `total_cents`, with `-` for descending.",  # a value not in code
        "`ordering` takes `-` or `+` before a field.",  # marks, not values
        "`number` takes `SO-1` or `XX-1`.",  # a response field, not a query parameter
        "`items` can be `bundle` or `single`.",
        "The default `ordering` is `-created_at`, not `updated_at` or `price`.",  # no verb of values
        "`ordering` takes a field name such as `updated_at` or `price`.",  # the list is further on
    ],
)
def test_sentences_that_give_no_query_parameter_values(parse: ParsePage, both_facts: ProjectFacts, sentence: str) -> None:
    page = parse(PAGE + "\n" + sentence + "\n", dedent=False)
    assert run_rule(ParameterChoicesDiffer, page, both_facts) == []
    assert run_rule(QueryParameterNotAccepted, page, both_facts) == []


def test_only_for_the_get_endpoints_of_the_section_around_it(parse: ParsePage, both_facts: ProjectFacts) -> None:
    """A sentence under a POST endpoint, or under a request body heading, speaks of the
    body; one in a section that documents no endpoint speaks of none."""
    sentence = "`ordering` takes `updated_at` or `total_cents`.\n"
    posted = "# Orders\n\n## API\n\n### POST /api/v1/orders/\n\nPlaces an order.\n\n" + sentence
    assert run_rule(ParameterChoicesDiffer, parse(posted, dedent=False), both_facts) == []
    body = PAGE.replace("### Order response", "### Order request body") + "\n" + sentence
    assert run_rule(ParameterChoicesDiffer, parse(body, dedent=False), both_facts) == []
    elsewhere = PAGE + "\n## Troubleshooting\n\n" + sentence
    assert run_rule(ParameterChoicesDiffer, parse(elsewhere, dedent=False), both_facts) == []
    under_get = "# Orders\n\n## API\n\n### GET /api/v1/orders/\n\n" + sentence
    assert pointed_texts(ParameterChoicesDiffer, parse(under_get, dedent=False), both_facts) == ["updated_at"]


def test_a_parameter_item_is_read_once(parse: ParsePage, both_facts: ProjectFacts) -> None:
    text = "# Orders\n\n### GET /api/v1/orders/\n\n**Query Parameters:**\n- `ordering` takes `updated_at` or `total_cents`\n"
    assert pointed_texts(ParameterChoicesDiffer, parse(text, dedent=False), both_facts) == ["updated_at"]
