from django.db import transaction
from rest_framework import serializers

from catalog.models import Product
from orders.models import Order, OrderItem


class OrderItemSerializer(serializers.ModelSerializer):
    product = serializers.SlugRelatedField(
        slug_field="sku",
        queryset=Product.objects.filter(is_active=True, category__is_active=True),
    )
    line_total_cents = serializers.IntegerField(read_only=True)

    class Meta:
        model = OrderItem
        fields = ["id", "product", "quantity", "unit_price_cents", "line_total_cents"]
        read_only_fields = ["unit_price_cents"]


class OrderSerializer(serializers.ModelSerializer):
    """An order with its items; creating one reserves stock for every item."""

    items = OrderItemSerializer(many=True)
    total_display = serializers.CharField(read_only=True)
    payment_deadline = serializers.DateTimeField(read_only=True)

    class Meta:
        model = Order
        fields = [
            "id",
            "number",
            "status",
            "currency",
            "total_cents",
            "total_display",
            "created_at",
            "paid_at",
            "payment_deadline",
            "items",
        ]
        read_only_fields = ["status", "currency", "total_cents", "paid_at"]

    def validate_items(self, items: list[dict]) -> list[dict]:
        if not items:
            raise serializers.ValidationError("An order needs at least one item.")
        products = [item["product"].pk for item in items]
        if len(set(products)) != len(products):
            raise serializers.ValidationError("List each product once, with its quantity.")
        return items

    @transaction.atomic
    def create(self, validated_data: dict) -> Order:
        items = validated_data.pop("items")
        order = Order.objects.create(customer=self.context["request"].user, **validated_data)
        for item in items:
            product: Product = item["product"]
            if not product.reserve(item["quantity"]):
                raise serializers.ValidationError(
                    {"items": [f"Only {product.stock} of {product.sku} left in stock."]}
                )
            OrderItem.objects.create(
                order=order,
                product=product,
                quantity=item["quantity"],
                unit_price_cents=product.price_cents,
            )
        order.recalculate_total()
        return order
