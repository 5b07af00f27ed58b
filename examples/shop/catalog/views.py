from django.core.cache import cache
from django.db.models import QuerySet
from django.http import HttpRequest, JsonResponse
from django.views.decorators.http import require_GET
from django_filters.rest_framework import DjangoFilterBackend
from rest_framework import filters, generics
from rest_framework.permissions import AllowAny
from rest_framework.request import Request
from rest_framework.response import Response

from catalog.models import Product
from catalog.serializers import ProductSerializer

# A product page is read far more often than a product changes, and every change
# (save, reserve, release) deletes the cached copy.
PRODUCT_SUMMARY_TTL = 60 * 15


def storefront_products() -> QuerySet[Product]:
    """What customers may see and order: active products in active categories."""
    return Product.objects.filter(is_active=True, category__is_active=True)


class ProductListView(generics.ListAPIView):
    """The storefront listing: active products, filterable, searchable, sortable."""

    queryset = storefront_products().select_related("category")
    serializer_class = ProductSerializer
    permission_classes = [AllowAny]
    filter_backends = [DjangoFilterBackend, filters.SearchFilter, filters.OrderingFilter]
    filterset_fields = {
        "category__slug": ["exact"],
        "price_cents": ["gte", "lte"],
    }
    search_fields = ["name", "sku", "description"]
    ordering_fields = ["name", "price_cents", "created_at"]
    ordering = ["name"]


class ProductDetailView(generics.RetrieveAPIView):
    """One product, served from the cache when possible."""

    queryset = storefront_products().select_related("category")
    serializer_class = ProductSerializer
    permission_classes = [AllowAny]

    def retrieve(self, request: Request, *args, **kwargs) -> Response:
        pk = kwargs["pk"]
        data = cache.get(f"catalog:product:{pk}:summary")
        if data is None:
            data = self.get_serializer(self.get_object()).data
            cache.set(f"catalog:product:{pk}:summary", data, timeout=PRODUCT_SUMMARY_TTL)
        return Response(data)


@require_GET
def stock_availability(request: HttpRequest) -> JsonResponse:
    """Whether ``quantity`` units of ``sku`` can be ordered right now.

    A plain Django view so the basket widget can call it without the REST framework's
    authentication round trip.
    """
    sku = request.GET.get("sku", "").strip()
    if not sku:
        return JsonResponse({"error": "The `sku` query parameter is required."}, status=400)
    try:
        quantity = int(request.GET.get("quantity", "1"))
    except ValueError:
        return JsonResponse({"error": "`quantity` must be a whole number."}, status=400)
    stock = storefront_products().filter(sku=sku).values_list("stock", flat=True).first()
    if stock is None:
        return JsonResponse({"error": f"No active product with SKU {sku}."}, status=404)
    return JsonResponse(
        {"sku": sku, "requested": quantity, "stock": stock, "available": stock >= quantity}
    )
