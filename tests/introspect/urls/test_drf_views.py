"""DRF projects: ViewSets behind a router, generic views with django-filter, search,
ordering and pagination, ``@api_view`` functions, serializer response shapes."""

from __future__ import annotations

from pathlib import Path

import pytest

from featuredocs.model import QueryParamFact, ResponseField, SourceLocation
from tests.introspect.urls.driver import SQLITE_SETTINGS, Collected, collect, line_of
from tests.support.django_project import make_project

SETTINGS = SQLITE_SETTINGS + """
REST_FRAMEWORK = {
    "DEFAULT_PAGINATION_CLASS": "rest_framework.pagination.LimitOffsetPagination",
    "PAGE_SIZE": 20,
    "SEARCH_PARAM": "q",
    "DEFAULT_FILTER_BACKENDS": ["django_filters.rest_framework.DjangoFilterBackend"],
}
"""

ROOT_URLS = """
from django.urls import include, path
from rest_framework.urlpatterns import format_suffix_patterns
from orders import views
from orders.routers import router

urlpatterns = [
    path("api/v2/", include((router.urls, "orders"), namespace="api")),
    path("api/v2/search/", views.OrderSearch.as_view(), name="order-search"),
    path("api/v2/filtered/", views.FilteredOrders.as_view(), name="filtered"),
    path("api/v2/stats/", views.stats, name="stats"),
    path("api/v2/plain/", views.Ping.as_view(), name="ping"),
    path("api/v2/feed/", views.Feed.as_view(), name="feed"),
    path("api/v2/batches/", views.Batches.as_view(), name="batches"),
]
urlpatterns = format_suffix_patterns(urlpatterns)
"""

ROUTERS = """
from rest_framework.routers import DefaultRouter
from orders.views import OrderViewSet

router = DefaultRouter()
router.register("orders", OrderViewSet, basename="order")
"""

MODELS = """
from django.db import models


class Customer(models.Model):
    name = models.CharField(max_length=100)
    email = models.EmailField()


class Order(models.Model):
    STATUS = [("new", "New"), ("paid", "Paid")]
    customer = models.ForeignKey(Customer, on_delete=models.CASCADE)
    status = models.CharField(max_length=10, choices=STATUS)
    total = models.DecimalField(max_digits=10, decimal_places=2)
    quantity = models.PositiveIntegerField(default=1)
    created = models.DateTimeField(auto_now_add=True)


class Line(models.Model):
    order = models.ForeignKey(Order, related_name="lines", on_delete=models.CASCADE)
    sku = models.CharField(max_length=20)
"""

SERIALIZERS = """
from rest_framework import serializers
from orders.models import Customer, Line, Order


class CustomerSerializer(serializers.ModelSerializer):
    class Meta:
        model = Customer
        fields = ["id", "name"]


class LineSerializer(serializers.ModelSerializer):
    class Meta:
        model = Line
        fields = ["sku"]


class OrderSerializer(serializers.ModelSerializer):
    customer = CustomerSerializer(read_only=True)
    lines = LineSerializer(many=True, read_only=True)
    label = serializers.SerializerMethodField()
    coupon = serializers.CharField(write_only=True, required=False)

    class Meta:
        model = Order
        fields = ["id", "status", "total", "quantity", "customer", "lines", "label", "coupon"]

    def get_label(self, obj):
        return str(obj.pk)


class RefundSerializer(serializers.Serializer):
    amount = serializers.IntegerField()
    reason = serializers.CharField(write_only=True)
"""

FILTERS = """
import django_filters
from orders.models import Order


class OrderFilter(django_filters.FilterSet):
    min_total = django_filters.NumberFilter(field_name="total", lookup_expr="gte")
    state = django_filters.ChoiceFilter(field_name="status", choices=Order.STATUS, required=True)

    class Meta:
        model = Order
        fields = ["customer"]
"""

VIEWS = """
from django_filters.rest_framework import DjangoFilterBackend
from rest_framework import filters, generics, status, viewsets
from rest_framework.decorators import action, api_view
from rest_framework.pagination import CursorPagination, PageNumberPagination
from rest_framework.response import Response
from rest_framework.views import APIView
from orders.filters import OrderFilter
from orders.models import Order
from orders.serializers import OrderSerializer, RefundSerializer


class OrderViewSet(viewsets.ModelViewSet):
    queryset = Order.objects.all()
    serializer_class = OrderSerializer
    http_method_names = ["get", "post", "put", "delete", "head", "options"]
    filterset_fields = ["status"]

    def get_queryset(self):
        queryset = super().get_queryset()
        if self.request.query_params.get("mine"):
            queryset = queryset.filter(customer__email="x")
        return queryset

    @action(detail=True, methods=["post"], serializer_class=RefundSerializer)
    def refund(self, request, pk=None):
        return Response({})

    @action(detail=False)
    def recent(self, request):
        return Response([])


class Pages(PageNumberPagination):
    page_size = 10
    page_size_query_param = "per_page"


class OrderSearch(generics.ListAPIView):
    queryset = Order.objects.all()
    serializer_class = OrderSerializer
    pagination_class = Pages
    filter_backends = [DjangoFilterBackend, filters.SearchFilter, filters.OrderingFilter]
    filterset_fields = {"status": ["exact"], "total": ["gte", "lte"]}
    search_fields = ["customer__name"]
    ordering_fields = ["created", "total"]


class FilteredOrders(generics.ListCreateAPIView):
    queryset = Order.objects.all()
    serializer_class = OrderSerializer
    filter_backends = [DjangoFilterBackend]
    filterset_class = OrderFilter
    pagination_class = None


@api_view(["GET", "POST"])
def stats(request):
    days = request.query_params.get("days", 7)
    if request.method == "POST":
        return Response({"detail": "read only"}, status=status.HTTP_405_METHOD_NOT_ALLOWED)
    return Response({"days": days})


class FeedPages(CursorPagination):
    ordering = "-created"
    page_size_query_param = "size"


class Feed(generics.ListAPIView):
    queryset = Order.objects.all()
    serializer_class = OrderSerializer
    pagination_class = FeedPages
    filter_backends = []


class Envelope(PageNumberPagination):
    page_size = 5

    def get_paginated_response(self, data):
        return Response({"total": self.page.paginator.count, "items": data})


class Batches(generics.ListAPIView):
    queryset = Order.objects.all()
    serializer_class = OrderSerializer
    pagination_class = Envelope


class Ping(APIView):
    def get(self, request):
        return Response({"pong": True})
"""


@pytest.fixture(scope="module")
def collected(tmp_path_factory: pytest.TempPathFactory) -> Collected:
    root: Path = tmp_path_factory.mktemp("drf")
    make_project(
        root,
        apps={"orders": {
            "models.py": MODELS, "serializers.py": SERIALIZERS, "filters.py": FILTERS,
            "views.py": VIEWS, "routers.py": ROUTERS,
        }},
        urls=ROOT_URLS,
        settings=SETTINGS,
        installed=("rest_framework", "django_filters"),
    )
    return collect(root)


ORDER_FIELDS = (
    ResponseField("id", type="integer"),
    ResponseField("status", type="string", choices=("new", "paid")),  # the model field's choices
    ResponseField("total", type="string"),  # decimals render as strings by default
    ResponseField("quantity", type="integer"),
    ResponseField("customer", (ResponseField("id", type="integer"),
                               ResponseField("name", type="string")), type="object"),
    ResponseField("lines", (ResponseField("sku", type="string"),), many=True, type="array"),
    ResponseField("label"),
)


def test_router_routes_without_format_suffixes(collected: Collected) -> None:
    assert collected.paths == [
        "/api/v2/",
        "/api/v2/batches/",
        "/api/v2/feed/",
        "/api/v2/filtered/",
        "/api/v2/orders/",
        "/api/v2/orders/recent/",
        "/api/v2/orders/{pk}/",
        "/api/v2/orders/{pk}/refund/",
        "/api/v2/plain/",
        "/api/v2/search/",
        "/api/v2/stats/",
    ]
    assert collected.prefixes == ("/api/v2/",)
    assert collected.connections == ()


def test_viewset_methods_come_from_router_actions(collected: Collected) -> None:
    methods = {e.path: e.methods for e in collected.endpoints}
    assert methods["/api/v2/orders/"] == ("GET", "POST")
    # ``patch`` is routed but not in the ViewSet's http_method_names
    assert methods["/api/v2/orders/{pk}/"] == ("GET", "PUT", "DELETE")
    assert methods["/api/v2/orders/{pk}/refund/"] == ("POST",)
    assert methods["/api/v2/orders/recent/"] == ("GET",)
    detail = collected.endpoint("/api/v2/orders/{pk}/")
    assert detail.name == "api:order-detail"
    assert detail.view == "orders.views.OrderViewSet"
    assert detail.framework == "drf"
    assert detail.app == "orders"
    assert detail.location == SourceLocation("orders/views.py", line_of(VIEWS, "class OrderViewSet"))


def test_viewset_list_is_paginated_by_the_default_class(collected: Collected) -> None:
    listing = collected.endpoint("/api/v2/orders/")
    assert listing.paginated
    assert listing.pagination_keys == ("count", "next", "previous", "results")
    # DEFAULT_FILTER_BACKENDS applies: the ViewSet only names its fields
    assert [p.name for p in listing.query_params] == ["status", "limit", "offset", "mine"]
    assert listing.response == ORDER_FIELDS
    detail = collected.endpoint("/api/v2/orders/{pk}/")
    assert not detail.paginated
    assert detail.query_params == (QueryParamFact("mine", "request"),)
    assert detail.response == ORDER_FIELDS


def test_custom_actions(collected: Collected) -> None:
    refund = collected.endpoint("/api/v2/orders/{pk}/refund/")
    assert refund.response == (ResponseField("amount", type="integer"),)
    recent = collected.endpoint("/api/v2/orders/recent/")
    assert recent.response is None  # returns whatever it builds: unknown
    assert not recent.paginated


def test_list_view_with_filters_search_ordering_and_pages(collected: Collected) -> None:
    search = collected.endpoint("/api/v2/search/")
    assert search.methods == ("GET",)
    assert search.query_params == (
        QueryParamFact("status", "filterset", "string", choices=("new", "paid")),
        QueryParamFact("total__gte", "filterset", "number"),
        QueryParamFact("total__lte", "filterset", "number"),
        QueryParamFact("q", "search", "string"),
        QueryParamFact("ordering", "ordering", "string", choices=("created", "total")),
        QueryParamFact("page", "pagination", "integer"),
        QueryParamFact("per_page", "pagination", "integer", default="10"),
    )
    assert search.paginated
    assert search.pagination_keys == ("count", "next", "previous", "results")
    assert search.response == ORDER_FIELDS


def test_filterset_class_declared_and_generated_filters(collected: Collected) -> None:
    filtered = collected.endpoint("/api/v2/filtered/")
    assert filtered.methods == ("GET", "POST")
    by_name = {p.name: p for p in filtered.query_params}
    assert list(by_name) == ["customer", "min_total", "state"]
    assert by_name["customer"].type is None  # a primary key of a related model
    assert by_name["min_total"].type == "number"
    assert by_name["state"] == QueryParamFact(
        "state", "filterset", "string", required=True, choices=("new", "paid")
    )
    assert not filtered.paginated and filtered.pagination_keys == ()


def test_api_view_function(collected: Collected) -> None:
    stats = collected.endpoint("/api/v2/stats/")
    assert stats.methods == ("GET", "POST")
    assert stats.view == "orders.views.stats"
    assert stats.framework == "drf"
    assert stats.location == SourceLocation("orders/views.py", line_of(VIEWS, "@api_view"))
    assert stats.query_params == (QueryParamFact("days", "request", default="7"),)
    assert stats.response == (ResponseField("days"),)  # the success body, not the error


def test_plain_api_view_and_router_root(collected: Collected) -> None:
    ping = collected.endpoint("/api/v2/plain/")
    assert ping.methods == ("GET",)
    assert ping.response == (ResponseField("pong", type="boolean"),)
    assert ping.query_params == ()
    root = collected.endpoint("/api/v2/")
    assert root.methods == ("GET",)
    assert root.name == "api:api-root"
    assert root.location is None


def test_cursor_and_custom_envelopes(collected: Collected) -> None:
    feed = collected.endpoint("/api/v2/feed/")
    assert feed.query_params == (
        QueryParamFact("cursor", "pagination", "string"),
        QueryParamFact("size", "pagination", "integer", default="20"),
    )
    assert feed.paginated and feed.pagination_keys == ("next", "previous", "results")
    batches = collected.endpoint("/api/v2/batches/")
    assert batches.paginated and batches.pagination_keys == ("total", "items")
    # the default backend applies, but this view declares no filters
    assert [p.name for p in batches.query_params] == ["page"]
