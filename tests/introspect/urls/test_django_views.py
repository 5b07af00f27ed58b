"""Plain Django projects: the walk, path normalisation and method detection.

The project here has neither DRF nor ninja in INSTALLED_APPS; collecting its endpoints
must work and must not import them.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from featuredocs.introspect.static import collect_static
from featuredocs.model import QueryParamFact, ResponseField, SourceLocation
from tests.introspect.urls.driver import SQLITE_SETTINGS, Collected, collect, line_of
from tests.support.django_project import make_project

ROOT_URLS = """
from django.urls import include, path, re_path
from shop import views

urlpatterns = [
    path("api/v2/", include(("shop.urls", "shop"), namespace="api")),
    re_path(r"^legacy/(?P<year>[0-9]{4})/(\\d+)/$", views.legacy, name="legacy"),
    path("health", views.health),
]
"""

SHOP_URLS = """
from django.urls import path, re_path
from django.views.decorators.http import require_GET
from django.views.generic import TemplateView
from shop import views

urlpatterns = [
    path("orders/", views.order_list, name="order-list"),
    path("orders/<int:pk>/", views.OrderDetail.as_view(), name="order-detail"),
    path("orders/<int:pk>/", views.health, name="shadowed"),
    path("orders/<slug:slug>/lines/<uuid:line>/", views.line, name="line"),
    re_path(r"^reports/(?P<kind>daily|weekly)/$", views.report, name="report"),
    path("about/", TemplateView.as_view(template_name="about.html"), name="about"),
    path("safe/", views.safe_only, name="safe"),
    path("checkout/", views.Checkout.as_view(), name="checkout"),
    path("status/", views.StatusView.as_view(), name="status"),
    path("receipt/<int:pk>/", require_GET(views.OrderDetail.as_view()), name="receipt"),
    path("catalog/", views.Catalog.as_view(), name="catalog"),
    path("catalog/all/", views.Catalog.as_view(paginate_by=None), name="catalog-all"),
    path("archive/", views.Archive.as_view(), name="archive"),
]
"""

SHOP_VIEWS = """
from django.http import HttpResponse, JsonResponse
from django.views.generic import ListView
from django.utils.decorators import method_decorator
from django.views import View
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_GET, require_http_methods, require_POST, require_safe


@require_http_methods(["GET", "POST"])
def order_list(request):
    status = request.GET.get("status")
    limit = int(request.GET["limit"])
    if "verbose" in request.GET:
        pass
    return JsonResponse({"count": 0, "orders": [{"id": 1, "total": "9.99"}], "meta": {"page": 1}})


class OrderDetail(View):
    def get(self, request, pk):
        return HttpResponse()

    def delete(self, request, pk):
        return HttpResponse(status=204)


@method_decorator([csrf_exempt, require_POST], name="dispatch")
class Checkout(View):
    def get(self, request):
        return HttpResponse()

    def post(self, request):
        return HttpResponse()


class FormatMixin:
    def render_format(self):
        return self.request.GET.get("fmt", "json")


class StatusView(FormatMixin, View):
    def get(self, request):
        return JsonResponse({"status": "ok", "format": self.render_format()})


@csrf_exempt
@require_GET
def line(request, slug, line):
    return HttpResponse()


def report(request, kind):
    return HttpResponse()


@require_safe
def safe_only(request):
    return HttpResponse()


def legacy(request, year, number):
    return HttpResponse()


class Catalog(ListView):
    paginate_by = 25
    template_name = "catalog.html"

    def get_queryset(self):
        return [self.request.GET.get("genre")]


class Archive(ListView):
    page_kwarg = "p"
    paginate_by = 50
    template_name = "archive.html"

    def get_queryset(self):
        return []


def health(request):
    params = request.GET
    if "fail" in params:
        return JsonResponse({"error": "failing on request"}, status=503)
    return JsonResponse({"ok": True, "echo": params.get("echo")})
"""


@pytest.fixture(scope="module")
def project_root(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root: Path = tmp_path_factory.mktemp("plain")
    make_project(
        root,
        apps={"shop": {"urls.py": SHOP_URLS, "views.py": SHOP_VIEWS}},
        urls=ROOT_URLS,
        settings=SQLITE_SETTINGS,
    )
    return root


@pytest.fixture(scope="module")
def collected(project_root: Path) -> Collected:
    return collect(project_root)


def test_paths_are_joined_and_normalised(collected: Collected) -> None:
    assert collected.paths == [
        "/api/v2/about/",
        "/api/v2/archive/",
        "/api/v2/catalog/",
        "/api/v2/catalog/all/",
        "/api/v2/checkout/",
        "/api/v2/orders/",
        "/api/v2/orders/{pk}/",
        "/api/v2/orders/{slug}/lines/{line}/",
        "/api/v2/receipt/{pk}/",
        "/api/v2/reports/{kind}/",
        "/api/v2/safe/",
        "/api/v2/status/",
        "/health",
        "/legacy/{year}/{arg1}/",
    ]
    assert collected.endpoint("/api/v2/orders/{slug}/lines/{line}/").path_params == ("slug", "line")
    assert collected.endpoint("/legacy/{year}/{arg1}/").path_params == ("year", "arg1")


def test_include_prefixes_and_namespaced_names(collected: Collected) -> None:
    assert collected.prefixes == ("/api/v2/",)
    assert collected.endpoint("/api/v2/orders/").name == "api:order-list"
    assert collected.endpoint("/legacy/{year}/{arg1}/").name == "legacy"
    assert collected.endpoint("/health").name is None


def test_first_pattern_wins_for_a_path(collected: Collected) -> None:
    detail = collected.endpoint("/api/v2/orders/{pk}/")
    assert detail.name == "api:order-detail"
    assert detail.view == "shop.views.OrderDetail"


def test_methods_from_decorators_and_class_views(collected: Collected) -> None:
    methods = {e.path: e.methods for e in collected.endpoints}
    assert methods == {
        "/api/v2/about/": ("GET",),
        "/api/v2/archive/": ("GET",),
        "/api/v2/catalog/": ("GET",),
        "/api/v2/catalog/all/": ("GET",),
        "/api/v2/checkout/": ("POST",),  # method_decorator on dispatch
        "/api/v2/orders/": ("GET", "POST"),
        "/api/v2/orders/{pk}/": ("GET", "DELETE"),
        "/api/v2/orders/{slug}/lines/{line}/": ("GET",),  # through csrf_exempt
        "/api/v2/receipt/{pk}/": ("GET",),  # require_GET around as_view()
        "/api/v2/reports/{kind}/": None,  # undecorated: unknown, never guessed
        "/api/v2/safe/": ("GET",),  # require_safe: HEAD comes with GET
        "/api/v2/status/": ("GET",),
        "/health": None,
        "/legacy/{year}/{arg1}/": None,
    }


def test_view_identity_location_and_app(collected: Collected) -> None:
    orders = collected.endpoint("/api/v2/orders/")
    assert orders.view == "shop.views.order_list"
    assert orders.app == "shop"
    assert orders.framework == "django"
    # the decorator line is where the function's source starts
    assert orders.location == SourceLocation("shop/views.py", line_of(SHOP_VIEWS, "@require_http_methods"))
    about = collected.endpoint("/api/v2/about/")
    assert about.view == "django.views.generic.base.TemplateView"
    assert about.location is None  # outside the project


def test_query_params_read_from_the_view_source(collected: Collected) -> None:
    assert collected.endpoint("/api/v2/orders/").query_params == (
        QueryParamFact("status", "request"),
        QueryParamFact("limit", "request", "integer", required=True),
        QueryParamFact("verbose", "request"),
    )
    assert collected.endpoint("/health").query_params == (
        QueryParamFact("fail", "request"), QueryParamFact("echo", "request"),
    )


def test_a_list_view_that_paginates_reads_its_page_in_both_modes(project_root: Path, collected: Collected) -> None:
    static = {endpoint.path: endpoint for endpoint in collect_static(project_root).endpoints}
    for endpoints in ({path: collected.endpoint(path) for path in static}, static):
        assert endpoints["/api/v2/catalog/"].query_params == (
            QueryParamFact("genre", "request"), QueryParamFact("page", "pagination", "integer"),
        )
        assert endpoints["/api/v2/catalog/all/"].query_params == (QueryParamFact("genre", "request"),)
        assert endpoints["/api/v2/archive/"].query_params == (QueryParamFact("p", "pagination", "integer"),)


def test_class_views_read_their_project_bases_and_get_handler(collected: Collected) -> None:
    status = collected.endpoint("/api/v2/status/")
    assert status.query_params == (QueryParamFact("fmt", "request", default="'json'"),)
    assert status.response == (ResponseField("status", type="string"), ResponseField("format"))
    assert collected.endpoint("/api/v2/orders/{pk}/").response is None  # not JSON


def test_literal_json_response_keys(collected: Collected) -> None:
    assert collected.endpoint("/api/v2/orders/").response == (
        ResponseField("count", type="integer"),
        ResponseField("orders", (ResponseField("id", type="integer"),
                                 ResponseField("total", type="string")), many=True, type="array"),
        ResponseField("meta", (ResponseField("page", type="integer"),), type="object"),
    )
    # the error answer (status=503) is not the documented body
    assert collected.endpoint("/health").response == (
        ResponseField("ok", type="boolean"), ResponseField("echo"),
    )
    assert collected.endpoint("/api/v2/reports/{kind}/").response is None


def test_no_database_and_no_api_frameworks_loaded(collected: Collected) -> None:
    assert collected.connections == ()
    assert collected.modules == ()


def test_works_where_drf_and_ninja_cannot_be_imported(project_root: Path, collected: Collected) -> None:
    without = collect(project_root, unavailable=("rest_framework", "ninja", "django_filters"))
    assert without.endpoints == collected.endpoints
    assert without.prefixes == collected.prefixes
