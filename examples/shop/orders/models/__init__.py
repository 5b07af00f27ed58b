"""The orders app keeps one model per module; import them from here."""

from orders.models.item import OrderItem
from orders.models.order import Order, OrderQuerySet

__all__ = ["Order", "OrderItem", "OrderQuerySet"]
