"""What the shop sells: categories and the products in them."""

from django.core.cache import cache
from django.db import models
from django.db.models import F

from core.models import TimeStampedModel


class Category(TimeStampedModel):
    """A shelf of the shop; every product sits in exactly one."""

    name = models.CharField(max_length=100)
    slug = models.SlugField(max_length=100, unique=True)
    is_active = models.BooleanField(default=True)

    class Meta:
        ordering = ["name"]
        verbose_name_plural = "categories"

    def __str__(self) -> str:
        return self.name


class Product(TimeStampedModel):
    """Something a customer can order, with its price and the units in stock."""

    category = models.ForeignKey(Category, on_delete=models.PROTECT, related_name="products")
    sku = models.CharField(
        max_length=32, unique=True, help_text="Stock keeping unit, as printed on the label."
    )
    name = models.CharField(max_length=200, db_index=True)
    description = models.TextField(blank=True)
    price_cents = models.PositiveIntegerField(
        help_text="Unit price in the smallest unit of the currency."
    )
    currency = models.CharField(max_length=3, default="EUR")
    stock = models.PositiveIntegerField(default=0, help_text="Units available to order.")
    is_active = models.BooleanField(default=True)

    class Meta:
        ordering = ["name"]
        indexes = [
            models.Index(fields=["category", "is_active"], name="catalog_category_active_idx"),
        ]

    def __str__(self) -> str:
        return f"{self.sku} {self.name}"

    def save(self, *args, **kwargs) -> None:
        super().save(*args, **kwargs)
        # The product detail endpoint serves a cached copy; drop it so the next
        # request sees the new price and stock.
        cache.delete(f"catalog:product:{self.pk}:summary")

    @property
    def price_display(self) -> str:
        return f"{self.price_cents / 100:.2f} {self.currency}"

    @property
    def in_stock(self) -> bool:
        return self.stock > 0

    def reserve(self, quantity: int) -> bool:
        """Take ``quantity`` units out of stock; False when there are not enough.

        One conditional UPDATE, so two checkouts cannot both take the last unit.
        """
        taken = Product.objects.filter(pk=self.pk, stock__gte=quantity).update(
            stock=F("stock") - quantity
        )
        if taken:
            self.refresh_from_db(fields=["stock"])
            cache.delete(f"catalog:product:{self.pk}:summary")
        return bool(taken)

    def release(self, quantity: int) -> None:
        """Put ``quantity`` units back, for an order that expired or was cancelled."""
        Product.objects.filter(pk=self.pk).update(stock=F("stock") + quantity)
        self.refresh_from_db(fields=["stock"])
        cache.delete(f"catalog:product:{self.pk}:summary")
