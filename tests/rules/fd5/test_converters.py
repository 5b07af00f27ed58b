"""FD501 on values a path parameter's converter rejects, against the facts (live and
static) of a real small project whose routes use Django's converters, a ``re_path()``
group, a registered converter, a ``path`` converter and a DRF router's lookup regex."""

from __future__ import annotations

import pytest

from featuredocs.introspect.static import collect_static
from featuredocs.model import ProjectFacts
from featuredocs.rules.fd5_endpoints.fd501_endpoint_not_found import EndpointNotFound
from tests.conftest import ParsePage
from tests.introspect.static.tricky_project import API_CONVERTERS
from tests.support.django_project import make_project
from tests.support.rules import run_rule

VIEWS = """
from django.http import JsonResponse
from rest_framework import viewsets
from rest_framework.response import Response


def anything(request, **kwargs):
    return JsonResponse(kwargs)


class BatchViewSet(viewsets.ViewSet):
    lookup_value_regex = "B[0-9]+"

    def retrieve(self, request, pk=None):
        return Response({})
"""


URLS = """
from django.urls import include, path, re_path, register_converter
from rest_framework.routers import SimpleRouter

from catalog.converters import FourDigitYear
from catalog.views import BatchViewSet, anything

register_converter(FourDigitYear, "yyyy")
router = SimpleRouter()
router.register("batches", BatchViewSet, basename="batch")

urlpatterns = [
    path("api/products/<int:pk>/", anything, name="product"),
    path("api/tokens/<uuid:token>/", anything, name="token"),
    path("api/tags/<slug:tag>/", anything, name="tag"),
    path("api/notes/<str:title>/", anything, name="note"),
    path("api/archive/<yyyy:year>/", anything, name="archive"),
    path("api/files/<path:location>/", anything, name="file"),
    re_path(r"^api/legacy/(?P<year>[0-9]{4})/$", anything, name="legacy"),
    path("api/", include(router.urls)),
]
"""


@pytest.fixture(scope="module", params=["live", "static"])
def facts(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> ProjectFacts:
    project = make_project(
        tmp_path_factory.mktemp("converters"),
        apps={"catalog": {"views.py": VIEWS, "converters.py": API_CONVERTERS}},
        urls=URLS,
        installed=("rest_framework",),
    )
    return project.facts() if request.param == "live" else collect_static(project.root)


def test_fd501_values_a_converter_rejects(parse: ParsePage, facts: ProjectFacts) -> None:
    page = parse(
        """
        # Catalog

        ```http
        GET /api/products/TEA-001/ HTTP/1.1
        ```

        ```http
        GET /api/tokens/abc/ HTTP/1.1
        ```

        ```http
        GET /api/legacy/19x9/ HTTP/1.1
        ```

        ```http
        GET /api/batches/7/ HTTP/1.1
        ```

        ### GET /api/tags/tea+2/
        """
    )
    found = [(f.span.line, f.message, f.hint) for f in run_rule(EndpointNotFound, page, facts)]
    assert found == [
        (4, "path `/api/products/TEA-001/` does not resolve to any endpoint",
         "`TEA-001` is not an int: the route is `/api/products/{pk}/` (`<int:pk>`) (catalog/views.py:6)"),
        (8, "path `/api/tokens/abc/` does not resolve to any endpoint",
         "`abc` is not a uuid: the route is `/api/tokens/{token}/` (`<uuid:token>`) (catalog/views.py:6)"),
        (12, "path `/api/legacy/19x9/` does not resolve to any endpoint",
         "`19x9` does not match `[0-9]{4}`: the route is `/api/legacy/{year}/` "
         "(`(?P<year>[0-9]{4})`) (catalog/views.py:6)"),
        (16, "path `/api/batches/7/` does not resolve to any endpoint",
         "`7` does not match `B[0-9]+`: the route is `/api/batches/{pk}/` "
         "(`(?P<pk>B[0-9]+)`) (catalog/views.py:10)"),
        (19, "path `/api/tags/tea+2/` does not resolve to any endpoint",
         "`tea+2` is not a slug: the route is `/api/tags/{tag}/` (`<slug:tag>`) (catalog/views.py:6)"),
    ]


@pytest.mark.parametrize(
    "path",
    [
        # placeholders stand for any value
        "/api/products/{id}/", "/api/products/<pk>/", "/api/products/:id/", "/api/products/<int:pk>/",
        "/api/products/{product_id}/", "/api/products/ID/", "/api/products/PRODUCT_ID/",
        "/api/products/<id>/", "/api/products/pk/", "/api/products/product_id/",
        "/api/products/…/", "/api/products/.../", "/api/tokens/TOKEN/", "/api/legacy/YYYY/",
        # values the converter accepts
        "/api/products/42/", "/api/tags/green-tea_2/", "/api/notes/TEA-001.v2/",
        "/api/tokens/7f1c2d3e-0000-4000-8000-1234567890ab/", "/api/legacy/2019/", "/api/batches/B7/",
        # a registered converter's regex is not in the facts: anything goes
        "/api/archive/nineteen99/",
    ],
)
def test_fd501_placeholders_and_accepted_values_resolve(
    parse: ParsePage, facts: ProjectFacts, path: str
) -> None:
    page = parse(f"# Catalog\n\n```http\nGET {path} HTTP/1.1\n```\n\n### GET {path}\n")
    assert run_rule(EndpointNotFound, page, facts) == []


def test_fd501_a_path_converter_takes_the_rest_of_the_url(parse: ParsePage, facts: ProjectFacts) -> None:
    page = parse("# Files\n\n```http\nGET /api/files/reports/2024/summary/ HTTP/1.1\n```\n")
    assert run_rule(EndpointNotFound, page, facts) == []
