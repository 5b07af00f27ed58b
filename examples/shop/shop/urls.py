"""URL map: the admin, and version 1 of the JSON API under ``/api/v1/``."""

from django.contrib import admin
from django.urls import include, path

urlpatterns = [
    path("admin/", admin.site.urls),
    path("api/v1/", include("catalog.urls")),
    path("api/v1/", include("orders.urls")),
    path("api/v1/customers/", include("customers.urls")),
]
