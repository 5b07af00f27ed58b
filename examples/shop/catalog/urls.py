from django.urls import path

from catalog import views

app_name = "catalog"

urlpatterns = [
    path("products/", views.ProductListView.as_view(), name="product-list"),
    path("products/<int:pk>/", views.ProductDetailView.as_view(), name="product-detail"),
    path("products/availability/", views.stock_availability, name="stock-availability"),
]
