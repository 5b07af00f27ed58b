"""Path normalisation of route and regex fragments, without a project (no settings read)."""

from __future__ import annotations

import pytest
from django.urls.resolvers import RegexPattern, RoutePattern

from featuredocs.introspect.urls.walk import normalised_path


def route(text: str, *, endpoint: bool = False) -> RoutePattern:
    return RoutePattern(text, is_endpoint=endpoint)


@pytest.mark.parametrize(
    ("patterns", "expected"),
    [
        ([route("api/v2/"), route("orders/<int:pk>/", endpoint=True)],
         ("/api/v2/orders/{pk}/", ("pk",), ("int",))),
        ([route("files/<path:rest>", endpoint=True)], ("/files/{rest}", ("rest",), ("path",))),
        ([route("<slug>/", endpoint=True)], ("/{slug}/", ("slug",), ("str",))),
        ([route("<slug:code>/<uuid:id>/", endpoint=True)],
         ("/{code}/{id}/", ("code", "id"), ("slug", "uuid"))),
        ([RegexPattern(r"^api/"), RegexPattern(r"^orders/(?P<pk>[^/.]+)/$")],
         ("/api/orders/{pk}/", ("pk",), ("[^/.]+",))),
        ([RegexPattern(r"^archive/(\d{4})/(\d{2})/$")],
         ("/archive/{arg1}/{arg2}/", ("arg1", "arg2"), (r"\d{4}", r"\d{2}"))),
        # unnamed groups are numbered across the whole path, not per fragment
        ([RegexPattern(r"^(\w+)/"), RegexPattern(r"^(\d+)$")],
         ("/{arg1}/{arg2}", ("arg1", "arg2"), (r"\w+", r"\d+"))),
        ([RegexPattern(r"^orders/?$")], ("/orders/", (), ())),  # optional slash kept as one
        ([RegexPattern(r"^$")], ("/", (), ())),
        ([RegexPattern(r"^reports/(?P<kind>daily|weekly)\.csv$")],
         ("/reports/{kind}.csv", ("kind",), ("daily|weekly",))),
        ([RegexPattern(r"^list/(?:page-(?P<page>\d+)/)?$")],
         ("/list/page-{page}/", ("page",), (r"\d+",))),
        ([RegexPattern(r"^(?P<day>[0-9]{2}(?:-(\d))?)/$")], ("/{day}/", ("day",), (r"[0-9]{2}(?:-(\d))?",))),
        ([route("discount/100%/", endpoint=True)], ("/discount/100%/", (), ())),
        ([route("orders.<format>", endpoint=True)], ("/orders.{format}", ("format",), ("str",))),
    ],
)
def test_fragments_join_into_one_normalised_path(
    patterns: list[object], expected: tuple[str, tuple[str, ...], tuple[str, ...]]
) -> None:
    assert normalised_path(patterns) == expected


def test_a_prefix_of_unknown_kind_is_taken_literally() -> None:
    class LanguagePrefix:
        def __str__(self) -> str:
            return "en/"

    assert normalised_path([LanguagePrefix(), route("about/")]) == ("/en/about/", (), ())
