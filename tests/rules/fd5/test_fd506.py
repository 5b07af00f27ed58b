"""FD506 ParameterChoicesDiffer on parsed pages against hand-built facts, where `status`
is filtered on a field whose choices are `pending`, `paid` and `cancelled`."""

from __future__ import annotations

import dataclasses

from featuredocs.model import Applicability, QueryParamFact, Span
from featuredocs.rules.fd5_endpoints.fd506_parameter_choices_differ import ParameterChoicesDiffer
from tests.conftest import ParsePage
from tests.rules.fd5.facts import FACTS, ORDER_LIST
from tests.support.rules import run_rule

STATUS = QueryParamFact("status", "filterset", "string", choices=("pending", "paid", "cancelled"))
LISTED = dataclasses.replace(
    ORDER_LIST, query_params=tuple(STATUS if p.name == "status" else p for p in ORDER_LIST.query_params)
)
WITH_CHOICES = dataclasses.replace(FACTS, endpoints=tuple(LISTED if e is ORDER_LIST else e for e in FACTS.endpoints))


def _page(parse: ParsePage, params: str):
    return parse("# Orders\n\n### GET /api/v1/orders/\n\n**Query Parameters:**\n" + params, dedent=False)


def test_a_value_the_filter_does_not_accept(parse: ParsePage) -> None:
    item = "- `status` (string, optional): `pending`, `paid` or `refunded`"
    (finding,) = run_rule(ParameterChoicesDiffer, _page(parse, item + "\n"), WITH_CHOICES)
    column = item.index("refunded") + 1
    assert (finding.code, finding.span) == ("FD506", Span(6, column, 6, column + 8))
    assert finding.message == "`refunded` is not a value `status` accepts on `/api/v1/orders/`"
    assert finding.hint == "`status` accepts `pending`, `paid`, `cancelled` (orders/views.py:16)"
    assert finding.fix.applicability is Applicability.UNSAFE
    assert finding.fix.edits[0].replacement == "`pending`, `paid` or `cancelled`"


def test_a_complete_list_that_leaves_a_value_out(parse: ParsePage) -> None:
    page = _page(parse, "- `status` (string, optional): One of `pending` or `paid`\n")
    (finding,) = run_rule(ParameterChoicesDiffer, page, WITH_CHOICES)
    assert finding.message == "the values listed for `status` leave out `cancelled`"


def test_ordering_fields_may_sort_descending_and_need_not_all_be_listed(parse: ParsePage) -> None:
    page = _page(parse, "- `ordering` (string, optional): `created_at` or `total`, with `-` for descending\n")
    (finding,) = run_rule(ParameterChoicesDiffer, page, WITH_CHOICES)
    assert finding.message == "`total` is not a value `ordering` accepts on `/api/v1/orders/`"
    assert finding.hint.startswith("did you mean `total_cents`?") and finding.fix is None
    page = _page(parse, "- `ordering` (string, optional): `created_at` or `created_at`\n")
    assert run_rule(ParameterChoicesDiffer, page, WITH_CHOICES) == []


def test_silent_on_the_right_values_and_where_no_values_are_known(parse: ParsePage) -> None:
    page = _page(parse, "- `status` (string, optional): `pending`, `paid` or `cancelled`\n"
                        "- `page` (integer, optional): `1` or `2`\n")
    assert run_rule(ParameterChoicesDiffer, page, WITH_CHOICES) == []
    page = _page(parse, "- `status` (string, optional): `pending`, `paid` or `refunded`\n")
    assert run_rule(ParameterChoicesDiffer, page, FACTS) == []  # a filter without choices takes any value


def test_ordering_values_written_descending_are_read(parse: ParsePage) -> None:
    # Teams list sort values as a client sends them, the default first: `-created_at`.
    item = "- `ordering` (string, optional): one of `-created_at`, `created_at`, `-updated_at`"
    (finding,) = run_rule(ParameterChoicesDiffer, _page(parse, item + "\n"), WITH_CHOICES)
    column = item.index("-updated_at") + 1
    assert finding.span == Span(6, column, 6, column + len("-updated_at"))
    assert finding.message == "`updated_at` is not a value `ordering` accepts on `/api/v1/orders/`"
    page = _page(parse, "- `ordering` (string, optional): `-created_at`, `created_at`, `-total_cents` or `total_cents`\n")
    assert run_rule(ParameterChoicesDiffer, page, WITH_CHOICES) == []


def test_descending_ordering_values_in_a_values_column_and_in_a_sub_list(parse: ParsePage) -> None:
    table = (
        "| Name | Values | Description |\n|------|--------|-------------|\n"
        "| `ordering` | `-total`, `created_at` | Sort order |\n"
    )
    (finding,) = run_rule(ParameterChoicesDiffer, _page(parse, "\n" + table), WITH_CHOICES)
    assert finding.message == "`total` is not a value `ordering` accepts on `/api/v1/orders/`"
    sub_list = "- `ordering` (string): one of:\n  - `-created_at`: newest first\n  - `-popularity`: best sellers first\n"
    (finding,) = run_rule(ParameterChoicesDiffer, _page(parse, sub_list), WITH_CHOICES)
    assert finding.message == "`popularity` is not a value `ordering` accepts on `/api/v1/orders/`"
    assert finding.span.line == 8



def test_a_path_with_a_parameter_is_named_as_it_is(parse: ParsePage) -> None:
    from tests.rules.fd5.facts import ORDER_DETAIL

    detail = dataclasses.replace(ORDER_DETAIL, query_params=(STATUS,))
    facts = dataclasses.replace(FACTS, endpoints=tuple(detail if e is ORDER_DETAIL else e for e in FACTS.endpoints))
    page = parse("# Orders\n\n### GET /api/v1/orders/{id}/\n\n**Query Parameters:**\n"
                 "- `status` (string, optional): `pending` or `refunded`\n", dedent=False)
    (finding,) = run_rule(ParameterChoicesDiffer, page, facts)
    assert finding.message == "`refunded` is not a value `status` accepts on `/api/v1/orders/{pk}/`"
