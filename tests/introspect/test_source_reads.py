"""The readings of a view's own source that live and static mode share: query parameters
and literal JSON bodies, from real parsed Python."""

from __future__ import annotations

import ast

from featuredocs.introspect.source_reads import json_response_fields, request_query_params
from featuredocs.model import QueryParamFact, ResponseField

VIEW = '''
def orders(request):
    params = request.GET
    page = int(request.GET["page"])
    if "status" in params:
        status = params.get("status")
    limit = request.GET.get("page")
    if not page:
        return JsonResponse({"error": "no page"}, status=400)
    return JsonResponse({"count": 1, "results": [{"id": 1}], "meta": {"next": None}})
'''


def test_query_parameters_in_reading_order_with_type_and_requirement() -> None:
    params = request_query_params([ast.parse(VIEW), None])
    assert params == (
        QueryParamFact("page", "request", "integer", True),
        QueryParamFact("status", "request", None, False),
    )


def test_the_success_body_of_json_responses() -> None:
    assert json_response_fields(ast.parse(VIEW)) == (
        ResponseField("count", type="integer"),
        ResponseField("results", (ResponseField("id", type="integer"),), many=True, type="array"),
        ResponseField("meta", (ResponseField("next"),), type="object"),
    )


def test_bodies_that_disagree_or_are_not_literal_are_unknown() -> None:
    disagree = VIEW.replace('return JsonResponse({"count"', 'return JsonResponse({"total"').replace(
        "if not page:\n        return JsonResponse({\"error\": \"no page\"}, status=400)",
        'if not page:\n        return JsonResponse({"count": 0})',
    )
    assert json_response_fields(ast.parse(disagree)) is None
    assert json_response_fields(ast.parse("def v(r):\n    return JsonResponse(payload)\n")) is None
    assert json_response_fields(None) is None
    assert json_response_fields(ast.parse(VIEW), frozenset({"Response"})) is None
