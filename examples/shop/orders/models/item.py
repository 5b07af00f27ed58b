from django.db import models

from orders.models.order import Order


class OrderItem(models.Model):
    """One product line of an order, priced when the order was placed."""

    order = models.ForeignKey(Order, on_delete=models.CASCADE, related_name="items")
    product = models.ForeignKey(
        "catalog.Product", on_delete=models.PROTECT, related_name="order_items"
    )
    quantity = models.PositiveIntegerField(default=1)
    unit_price_cents = models.PositiveIntegerField(
        help_text="The product's price when the order was placed."
    )

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["order", "product"], name="orders_item_unique_product"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.quantity} x {self.product_id}"

    @property
    def line_total_cents(self) -> int:
        return self.quantity * self.unit_price_cents
