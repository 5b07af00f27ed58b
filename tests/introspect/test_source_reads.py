"""The readings of a view's own source that live and static mode share: query parameters
and literal JSON bodies, from real parsed Python."""

from __future__ import annotations

import ast

import pytest

from featuredocs.introspect.source_reads import QueryReads, json_response_fields, query_reads
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
    reads = query_reads([ast.parse(VIEW), None])
    assert reads == QueryReads((
        QueryParamFact("page", "request", "integer", True),
        QueryParamFact("status", "request", None, False),
    ), complete=True)


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


CACHED = '''
def summary(request, slug):
    data = cache.get(f"venues:{slug}")
    if data is None:
        venue = load(slug)
        data = {"slug": venue.slug, "capacity": venue.capacity}
        cache.set(f"venues:{slug}", data)
    return JsonResponse(data)
'''


def test_a_body_built_in_a_variable_and_kept_in_the_cache_is_read() -> None:
    assert json_response_fields(ast.parse(CACHED)) == (ResponseField("slug"), ResponseField("capacity"))
    other = CACHED.replace("    return JsonResponse(data)", "    data = build(slug)\n    return JsonResponse(data)")
    assert json_response_fields(ast.parse(other)) is None  # a body that is not a literal
    twice = CACHED.replace('data = cache.get(f"venues:{slug}")', 'data = {"slug": slug}')
    assert json_response_fields(ast.parse(twice)) is None  # two shapes
    grown = CACHED.replace("        cache.set(", '        data["rooms"] = venue.rooms\n        cache.set(')
    assert json_response_fields(ast.parse(grown)) is None  # a key the literal does not show


def test_a_list_given_a_name_before_the_body_puts_it_under_a_key_is_read() -> None:
    view = (
        "def export(request):\n    rows = [{\"username\": m.username, \"tier\": m.tier} for m in members()]\n"
        "    return JsonResponse({\"members\": rows})\n"
    )
    assert json_response_fields(ast.parse(view)) == (
        ResponseField("members", (ResponseField("username"), ResponseField("tier")), many=True, type="array"),
    )


CONSTANT_READS = '''
def orders(request):
    params = request.GET
    page = params.get("page")
    tags = request.GET.getlist("tag")
    if "status" in params and "q" not in request.GET:
        return request.GET["status"]
    return request.GET.__getitem__("sort")
'''


def test_reads_of_named_keys_only_are_complete() -> None:
    reads = query_reads([ast.parse(CONSTANT_READS)])
    assert reads.complete
    assert [p.name for p in reads.params] == ["page", "tag", "status", "q", "sort"]
    assert query_reads([ast.parse("def v(request):\n    return 1\n")]) == QueryReads((), True)


@pytest.mark.parametrize("use", [
    "for name, value in request.GET.items():\n        pass",
    "return dict(request.GET)",
    "return SearchForm(request.GET)",
    "return SearchForm(data=request.query_params)",
    "return Product.objects.filter(**request.GET)",
    "return request.GET.dict()",
    "return request.GET.get(key)",
    "return request.GET[key]",
    "params = request.GET\n    return params.items()",
])
def test_a_use_that_names_no_key_makes_the_reads_incomplete(use: str) -> None:
    source = f'def view(request, key):\n    page = request.GET.get("page")\n    {use}\n'
    reads = query_reads([ast.parse(source)])
    assert not reads.complete
    assert [p.name for p in reads.params] == ["page"]


PAGINATOR = '''
class Pages:
    def get_page_number(self, request):
        return request.query_params.get(self.page_query_param, 1)
'''


def test_a_key_held_by_an_attribute_of_self_is_looked_up() -> None:
    attributes = {"page_query_param": "p"}
    reads = query_reads([ast.parse(PAGINATOR)], lambda name: attributes.get(name, ...))
    assert reads == QueryReads((QueryParamFact("p", "request", default="1"),), True)
    # None switches the parameter off (``page_size_query_param = None``): nothing is read
    assert query_reads([ast.parse(PAGINATOR)], lambda name: None) == QueryReads((), True)
    # an attribute that cannot be read may name any parameter
    assert not query_reads([ast.parse(PAGINATOR)], lambda name: ...).complete
    assert not query_reads([ast.parse(PAGINATOR)]).complete
