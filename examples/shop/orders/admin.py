from django.contrib import admin

from orders.models import Order, OrderItem


class OrderItemInline(admin.TabularInline):
    model = OrderItem
    extra = 0
    raw_id_fields = ["product"]


@admin.register(Order)
class OrderAdmin(admin.ModelAdmin):
    list_display = ["number", "customer", "status", "total_cents", "currency", "created_at"]
    list_filter = ["status"]
    search_fields = ["number", "customer__email"]
    readonly_fields = ["number", "paid_at", "expired_at"]
    inlines = [OrderItemInline]
