"""Hand-built endpoint facts of a small shop, shaped as URL introspection reports them."""

from __future__ import annotations

from featuredocs.model import (
    AppFact,
    EndpointFact,
    ProjectFacts,
    QueryParamFact,
    ResponseField,
    SourceLocation,
)

ORDER_VIEWS = SourceLocation("orders/views.py", 16)

ORDER_FIELDS = (
    ResponseField("id", type="integer"),
    ResponseField("number", type="string"),
    ResponseField("status", type="string"),
    ResponseField("total_cents", type="integer"),
    ResponseField(
        "items",
        (
            ResponseField("id", type="integer"),
            ResponseField("sku", type="string"),
            ResponseField("quantity", type="integer"),
        ),
        many=True,
        type="array",
    ),
)

API_ROOT = EndpointFact("/api/v1/", ("GET",), view="rest_framework.routers.APIRootView",
                        app="rest_framework", framework="drf")

ORDER_LIST = EndpointFact(
    "/api/v1/orders/",
    ("GET", "POST"),
    name="order-list",
    view="orders.views.OrderViewSet",
    query_params=(
        QueryParamFact("status", "filterset", "string"),
        QueryParamFact("ordering", "ordering", "string", choices=("created_at", "total_cents")),
        QueryParamFact("page", "pagination", "integer"),
        QueryParamFact("page_size", "pagination", "integer"),
    ),
    response=ORDER_FIELDS,
    paginated=True,
    pagination_keys=("count", "next", "previous", "results"),
    app="orders",
    framework="drf",
    location=ORDER_VIEWS,
)

ORDER_DETAIL = EndpointFact(
    "/api/v1/orders/{pk}/", ("GET",), name="order-detail", view="orders.views.OrderViewSet",
    path_params=("pk",), response=ORDER_FIELDS, app="orders", framework="drf",
    location=ORDER_VIEWS,
)

ORDER_PAY = EndpointFact(
    "/api/v1/orders/{pk}/pay/", ("POST",), name="order-pay", view="orders.views.OrderViewSet",
    path_params=("pk",), app="orders", framework="drf", location=ORDER_VIEWS,
)

ORDER_REFUND = EndpointFact(
    "/api/v1/orders/{pk}/refund/", ("POST",), name="order-refund",
    view="orders.views.OrderViewSet", path_params=("pk",), app="orders", framework="drf",
    location=ORDER_VIEWS,
)

AVAILABILITY = EndpointFact(
    "/api/v1/products/availability/",
    None,
    view="catalog.views.stock_availability",
    query_params=(
        QueryParamFact("sku", "request", required=True),
        QueryParamFact("quantity", "request", "int"),
    ),
    response=(ResponseField("sku"), ResponseField("available", type="boolean")),
    app="catalog",
    location=SourceLocation("catalog/views.py", 29),
)

PRODUCT_DETAIL = EndpointFact(
    "/api/v1/products/{pk}/", ("GET",), view="catalog.views.ProductDetailView",
    path_params=("pk",), response=(ResponseField("id"), ResponseField("sku")), app="catalog",
    framework="drf", location=SourceLocation("catalog/views.py", 40),
)

DAILY_REPORT = EndpointFact(
    "/api/v1/reports/daily/", None, view="reports.views.daily", app="reports",
    location=SourceLocation("reports/views.py", 4),
)

SHIPMENT = EndpointFact(
    "/api/v2/shipments/{pk}/", ("GET",), view="shipping.views.ShipmentView",
    path_params=("pk",), response=(ResponseField("id"), ResponseField("carrier")),
    app="shipping", framework="drf", location=SourceLocation("shipping/views.py", 9),
)

ADMIN_CATCH_ALL = EndpointFact("/admin/{url}", None, app="admin",
                               view="django.contrib.admin.sites.AdminSite.catch_all_view")

APPS = (
    AppFact("admin", "django.contrib.admin", "", False),
    AppFact("rest_framework", "rest_framework", "", False),
    AppFact("orders", "orders", "orders", True),
    AppFact("catalog", "catalog", "catalog", True),
    AppFact("reports", "reports", "reports", True),
    AppFact("shipping", "shipping", "shipping", True),
)

FACTS = ProjectFacts(
    root="/srv/shop",
    mode="live",
    apps=APPS,
    endpoints=(
        ADMIN_CATCH_ALL, API_ROOT, ORDER_LIST, ORDER_DETAIL, ORDER_PAY, ORDER_REFUND,
        AVAILABILITY, PRODUCT_DETAIL, DAILY_REPORT, SHIPMENT,
    ),
    url_prefixes=("/api/v1/", "/api/v2/", "/admin/"),
)
