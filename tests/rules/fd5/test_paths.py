"""Paths as pages write them, and documented JSON bodies read for their shape."""

from __future__ import annotations

import pytest

from featuredocs.rules.fd5_endpoints import json_shape
from featuredocs.rules.fd5_endpoints.json_shape import Kind, read_json
from featuredocs.rules.fd5_endpoints.paths import (
    common_prefix,
    is_placeholder,
    looks_like_file,
    match_score,
    parse_heading,
    parse_methods,
    parse_request,
    parse_request_line,
    shape,
)


@pytest.mark.parametrize(
    "written",
    ["/api/v1/orders/{id}/", "/api/v1/orders/<int:pk>/", "/api/v1/orders/<pk>/",
     "/api/v1/orders/:id/"],
)
def test_every_parameter_spelling_is_one_wildcard(written: str) -> None:
    assert shape(written) == shape("/api/v1/orders/{pk}/")
    assert shape(written).text == "/api/v1/orders/{}/"


def test_trailing_slash_is_kept_apart() -> None:
    assert shape("/api/v1/orders").trailing_slash is False
    assert shape("/api/v1/orders/").trailing_slash is True
    assert shape("/").text == "/"


def test_request_line_gives_method_path_and_query_names_with_offsets() -> None:
    line = "GET /api/v1/orders/?status=paid&page=2 HTTP/1.1"
    target = parse_request_line(line)
    assert target is not None
    assert [(m.text, m.start) for m in target.methods] == [("GET", 0)]
    assert (target.path.text, target.path.start) == ("/api/v1/orders/", 4)
    assert [(q.text, line[q.start : q.start + len(q.text)]) for q in target.query] == [
        ("status", "status"), ("page", "page"),
    ]


def test_absolute_url_keeps_only_its_path() -> None:
    target = parse_request_line("POST https://shop.example.com:8443/api/v1/orders/ HTTP/1.1")
    assert target is not None and target.absolute
    assert target.path.text == "/api/v1/orders/"
    assert target.path.start == len("POST https://shop.example.com:8443")


def test_several_methods_in_one_heading() -> None:
    target = parse_heading("GET, POST /api/v1/orders/ — list and create")
    assert target is not None
    assert [m.text for m in target.methods] == ["GET", "POST"]
    assert target.path.text == "/api/v1/orders/"


@pytest.mark.parametrize(
    "heading",
    ["Paying an order answers 409", "Workflow 1: Scheduled expiry", "GET the list of orders"],
)
def test_prose_headings_are_not_endpoints(heading: str) -> None:
    assert parse_heading(heading) is None


def test_bare_heading_path_only_when_allowed() -> None:
    assert parse_heading("/api/v1/orders/") is None
    bare = parse_heading("/api/v1/orders/", bare=True)
    assert bare is not None and bare.methods == () and bare.path.text == "/api/v1/orders/"


def test_methods_cell() -> None:
    assert [m.text for m in parse_methods(" GET / PATCH ") or ()] == ["GET", "PATCH"]
    assert parse_methods("Get a list") is None


def test_inline_request_and_not_a_request() -> None:
    target = parse_request("DELETE /api/v1/orders/{id}/")
    assert target is not None and target.methods[0].text == "DELETE"
    assert parse_request("GET orders") is None
    assert parse_request("/api/v1/orders/") is None
    assert parse_request("/api/v1/orders/", bare=True) is not None


def test_placeholders_and_files() -> None:
    assert is_placeholder("/api/feature/resource/")
    assert is_placeholder("/api/[resource]/")
    assert is_placeholder("/api/v1/.../items/")
    assert not is_placeholder("/api/v1/orders/")
    assert looks_like_file("/var/log/shop.log")
    assert not looks_like_file("/api/v1/orders/")


def test_literal_matches_parameter_but_parameter_does_not_match_literal() -> None:
    real = shape("/api/v1/orders/{pk}/")
    assert match_score(shape("/api/v1/orders/7/"), real) == 3
    assert match_score(shape("/api/v1/orders/{id}/"), real) == 3
    assert match_score(shape("/api/v1/orders/{id}/"), shape("/api/v1/orders/latest/")) is None
    assert match_score(shape("/api/v1/orders/7"), real) is None


def test_catch_all_only_when_asked_and_scores_lowest() -> None:
    real = shape("/files/{path}")
    assert match_score(shape("/files/a/b/c"), real) is None
    assert match_score(shape("/files/a/b/c"), real, catch_all=True) == -1


def test_common_prefix_is_segment_wise() -> None:
    prefix = common_prefix([shape("/api/v1/orders/"), shape("/api/v1/orders/{pk}/pay/")])
    assert prefix is not None and prefix.segments == ("api", "v1", "orders")
    other = common_prefix([shape("/api/v1/orders/"), shape("/api/v1/order-items/")])
    assert other is not None and other.segments == ("api", "v1")


# --- JSON bodies ----------------------------------------------------------------------------


def test_lenient_json_keeps_keys_nesting_and_positions() -> None:
    text = (
        "{\n"
        '  "count": 2, // total\n'
        '  "next": "https://shop.example.com/api/v1/orders/?page=2",\n'
        '  "results": [\n'
        '    {"id": 7, "items": [{"sku": "TEA-001", ...}, ...]},\n'
        "    ...\n"
        "  ],\n"
        "}\n"
    )
    body = read_json(text)
    assert body is not None and body.kind is Kind.OBJECT
    placed = [(k.name, k.line, k.column, k.length) for k in body.walk_keys()]
    assert placed == [
        ("count", 1, 2, 7), ("next", 2, 2, 6), ("results", 3, 2, 9),
        ("id", 4, 5, 4), ("items", 4, 14, 7), ("sku", 4, 25, 5),
    ]
    for name, line, column, length in placed:
        assert text.splitlines()[line][column : column + length] == f'"{name}"'
    results = body.keys[2].value
    assert results.kind is Kind.ARRAY and len(results.items) == 1


def test_strict_json_places_keys_as_the_lenient_reader_does() -> None:
    text = '{\n  "a": {"b": [1, {"c": "b"}]},\n  "d\\u00e9": 1, "b": 2\n}'
    body = read_json(text)
    lenient = json_shape._read_lenient(text)
    assert body is not None and lenient is not None
    placed = [(k.name, k.line, k.column, k.length) for k in body.walk_keys()]
    assert placed == [(k.name, k.line, k.column, k.length) for k in lenient.walk_keys()]
    assert [name for name, *_ in placed] == ["a", "b", "c", "d\u00e9", "b"]
    assert placed[3][1:] == (2, 2, 9) and placed[4][1:] == (2, 16, 3)


@pytest.mark.parametrize(
    "text",
    ["{id: 1}", "{'id': 1}", '{"id": 1} {"id": 2}', '{"id": 1,, "b": 2}', '{"id": <id>}', ""],
)
def test_what_is_still_not_json_gives_nothing(text: str) -> None:
    assert read_json(text) is None
