"""A small real shop API: a DRF router with a ViewSet, a filtered and paginated ListAPIView,
a plain function view reading its query string and answering a JsonResponse (an error one
with its own keys), and list views
whose filter backends and paginator are the project's own: one reads named parameters, one
hands every parameter of the query string to the queryset; and list views whose backend
or paginator comes from another installed package (``vendor`` under ``site-packages``)."""

from __future__ import annotations

from pathlib import Path

from tests.introspect.urls.driver import line_of
from tests.support.django_project import DjangoProject, make_project

ORDER_MODELS = """
from django.db import models


class Order(models.Model):
    number = models.CharField(max_length=20, unique=True)
    status = models.CharField(max_length=10, default="pending")
    total_cents = models.PositiveIntegerField(default=0)
    created_at = models.DateTimeField(auto_now_add=True)


class OrderItem(models.Model):
    order = models.ForeignKey(Order, related_name="items", on_delete=models.CASCADE)
    sku = models.CharField(max_length=20)
    quantity = models.PositiveIntegerField(default=1)
"""

ORDER_SERIALIZERS = """
from rest_framework import serializers

from orders.models import Order, OrderItem


class OrderItemSerializer(serializers.ModelSerializer):
    class Meta:
        model = OrderItem
        fields = ["id", "sku", "quantity"]


class OrderSerializer(serializers.ModelSerializer):
    items = OrderItemSerializer(many=True, read_only=True)

    class Meta:
        model = Order
        fields = ["id", "number", "status", "total_cents", "created_at", "items"]
"""

ORDER_VIEWS = """
from django_filters.rest_framework import DjangoFilterBackend
from rest_framework import filters, viewsets
from rest_framework.decorators import action
from rest_framework.pagination import PageNumberPagination
from rest_framework.response import Response

from orders.models import Order
from orders.serializers import OrderSerializer


class OrderPagination(PageNumberPagination):
    page_size = 20
    page_size_query_param = "page_size"
    max_page_size = 100


class OrderViewSet(viewsets.ModelViewSet):
    queryset = Order.objects.all()
    serializer_class = OrderSerializer
    http_method_names = ["get", "post", "head", "options"]
    pagination_class = OrderPagination
    filter_backends = [DjangoFilterBackend, filters.OrderingFilter]
    filterset_fields = ["status"]
    ordering_fields = ["created_at", "total_cents"]
    ordering = ["-created_at"]

    @action(detail=True, methods=["post"])
    def pay(self, request, pk=None):
        return Response({"detail": "paid"})
"""

ORDER_URLS = """
from rest_framework.routers import DefaultRouter

from orders.views import OrderViewSet

router = DefaultRouter()
router.register("orders", OrderViewSet, basename="order")

urlpatterns = router.urls
"""

CATALOG_MODELS = """
from django.db import models


class Product(models.Model):
    sku = models.CharField(max_length=20, unique=True)
    name = models.CharField(max_length=100)
    price_cents = models.PositiveIntegerField()
    stock = models.PositiveIntegerField(default=0)
"""

CATALOG_VIEWS = """
from django.http import JsonResponse
from django_filters.rest_framework import DjangoFilterBackend
from rest_framework import filters, generics, serializers
from rest_framework.pagination import LimitOffsetPagination, PageNumberPagination

from catalog.models import Product
from vendor import DistanceFilter, WindowPagination


class ProductSerializer(serializers.ModelSerializer):
    class Meta:
        model = Product
        fields = ["id", "sku", "name", "price_cents"]


class ProductPagination(LimitOffsetPagination):
    default_limit = 20
    max_limit = 50


class ProductListView(generics.ListAPIView):
    queryset = Product.objects.all()
    serializer_class = ProductSerializer
    pagination_class = ProductPagination
    filter_backends = [DjangoFilterBackend, filters.SearchFilter, filters.OrderingFilter]
    filterset_fields = {"price_cents": ["gte", "lte"]}
    search_fields = ["name", "sku"]
    ordering_fields = ["name", "price_cents"]


def stock_availability(request):
    sku = request.GET["sku"]
    quantity = int(request.GET.get("quantity", "1"))
    if sku.startswith("X-"):
        return JsonResponse({"error": f"No product with SKU {sku}."}, status=404)
    return JsonResponse({"sku": sku, "requested": quantity, "available": True})


def health(request):
    return JsonResponse({"ok": True})


class InStockFilter(filters.BaseFilterBackend):
    def filter_queryset(self, request, queryset, view):
        if request.query_params.get("in_stock") == "true":
            return queryset.filter(stock__gt=0)
        return queryset


class StockPagination(PageNumberPagination):
    page_size = 10
    page_query_param = "p"

    def get_page_number(self, request, paginator):
        if "last" in request.query_params:
            return "last"
        return request.query_params.get(self.page_query_param, 1)


class StockListView(generics.ListAPIView):
    queryset = Product.objects.all()
    serializer_class = ProductSerializer
    pagination_class = StockPagination
    filter_backends = [InStockFilter]


class AnyFieldFilter(filters.BaseFilterBackend):
    def filter_queryset(self, request, queryset, view):
        return queryset.filter(**{name: value for name, value in request.query_params.items()})


class ProductLookupView(generics.ListAPIView):
    queryset = Product.objects.all()
    serializer_class = ProductSerializer
    pagination_class = None
    filter_backends = [AnyFieldFilter]


class NearbyView(generics.ListAPIView):
    queryset = Product.objects.all()
    serializer_class = ProductSerializer
    pagination_class = None
    filter_backends = [DistanceFilter]


class FeaturedView(generics.ListAPIView):
    queryset = Product.objects.all()
    serializer_class = ProductSerializer
    pagination_class = WindowPagination
    filter_backends = []
"""

# Another package, as pip would install it: outside the project's own files.
VENDOR = """
from rest_framework.filters import BaseFilterBackend
from rest_framework.pagination import BasePagination


class DistanceFilter(BaseFilterBackend):
    def filter_queryset(self, request, queryset, view):
        return queryset if request.query_params.get("km") is None else queryset.none()


class WindowPagination(BasePagination):
    def paginate_queryset(self, queryset, request, view=None):
        return list(queryset[: int(request.query_params.get("window", 10))])
"""

VENDOR_PATH = """
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "site-packages"))
"""

URLS = """
from django.urls import include, path

from catalog.views import (
    ProductListView,
    FeaturedView,
    NearbyView,
    ProductLookupView,
    StockListView,
    health,
    stock_availability,
)

urlpatterns = [
    path("api/v1/", include("orders.urls")),
    path("api/v1/products/", ProductListView.as_view(), name="product-list"),
    path("api/v1/products/availability/", stock_availability, name="availability"),
    path("api/v1/products/in-stock/", StockListView.as_view(), name="in-stock"),
    path("api/v1/products/lookup/", ProductLookupView.as_view(), name="product-lookup"),
    path("api/v1/products/nearby/", NearbyView.as_view(), name="nearby"),
    path("api/v1/products/featured/", FeaturedView.as_view(), name="featured"),
    path("health/", health),
]
"""


def make_shop(root: Path) -> DjangoProject:
    project = make_project(
        root,
        apps={
            "orders": {
                "models.py": ORDER_MODELS,
                "serializers.py": ORDER_SERIALIZERS,
                "views.py": ORDER_VIEWS,
                "urls.py": ORDER_URLS,
            },
            "catalog": {"models.py": CATALOG_MODELS, "views.py": CATALOG_VIEWS},
        },
        urls=URLS,
        installed=("rest_framework", "django_filters"),
        settings=VENDOR_PATH,
    )
    project.write("site-packages/vendor.py", VENDOR)
    return project


def views_at(app: str, definition: str) -> str:
    """`` (orders/views.py:17)``: where hints place a view of the shop, found by the line
    that starts its ``definition`` (``class OrderViewSet``)."""
    source = {"orders": ORDER_VIEWS, "catalog": CATALOG_VIEWS}[app]
    return f" ({app}/views.py:{line_of(source, definition)})"
