import secrets
from datetime import datetime, timedelta

from django.conf import settings
from django.db import models, transaction
from django.utils import timezone

from core.models import TimeStampedModel


def new_order_number() -> str:
    """``SO-20250301-4F2A1C``: the day, then six random hex digits (unique per order)."""
    return f"SO-{timezone.now():%Y%m%d}-{secrets.token_hex(3).upper()}"


class OrderQuerySet(models.QuerySet):
    def unpaid_older_than(self, hours: int) -> "OrderQuerySet":
        """Pending orders created more than ``hours`` ago: the ones to expire or remind."""
        cutoff = timezone.now() - timedelta(hours=hours)
        return self.filter(status=Order.Status.PENDING, created_at__lt=cutoff)


class Order(TimeStampedModel):
    """A customer's order: placed as *pending*, then paid, or expired when left unpaid."""

    class Status(models.TextChoices):
        PENDING = "pending", "Pending payment"
        PAID = "paid", "Paid"
        SHIPPED = "shipped", "Shipped"
        EXPIRED = "expired", "Expired"
        CANCELLED = "cancelled", "Cancelled"

    number = models.CharField(
        max_length=20,
        unique=True,
        editable=False,
        help_text="Human-readable order number printed on invoices, e.g. SO-20250301-4F2A1C.",
    )
    customer = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="orders"
    )
    status = models.CharField(max_length=16, choices=Status.choices, default=Status.PENDING)
    total_cents = models.PositiveIntegerField(
        default=0, help_text="Sum of the line totals, in the smallest unit of the currency."
    )
    currency = models.CharField(max_length=3, default="EUR")
    paid_at = models.DateTimeField(null=True, blank=True)
    expired_at = models.DateTimeField(null=True, blank=True)

    objects = OrderQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at"]
        indexes = [
            # The expiry and reminder scans: status = 'pending' AND created_at < cutoff.
            models.Index(fields=["status", "created_at"], name="orders_status_created_idx"),
            # "My orders" in the API, filtered by status.
            models.Index(fields=["customer", "status"]),
        ]

    def __str__(self) -> str:
        return self.number

    def save(self, *args, **kwargs) -> None:
        if not self.number:
            self.number = new_order_number()
        super().save(*args, **kwargs)

    @property
    def total_display(self) -> str:
        return f"{self.total_cents / 100:.2f} {self.currency}"

    @property
    def payment_deadline(self) -> datetime | None:
        """When an unpaid order expires, from the ``ORDER_EXPIRY`` payment window."""
        if self.created_at is None:
            return None
        return self.created_at + timedelta(hours=settings.ORDER_EXPIRY["window_hours"])

    def recalculate_total(self) -> None:
        self.total_cents = sum(item.line_total_cents for item in self.items.all())
        self.save(update_fields=["total_cents", "updated_at"])

    def mark_paid(self, when: datetime | None = None) -> None:
        """Record the payment; only a pending order can be paid."""
        if self.status != self.Status.PENDING:
            raise ValueError(f"order {self.number} is {self.status}, not pending")
        self.status = self.Status.PAID
        self.paid_at = when or timezone.now()
        self.save(update_fields=["status", "paid_at", "updated_at"])

    @transaction.atomic
    def expire(self) -> None:
        """Give up on an unpaid order and put its items back in stock."""
        if self.status != self.Status.PENDING:
            raise ValueError(f"order {self.number} is {self.status}, not pending")
        for item in self.items.select_related("product"):
            item.product.release(item.quantity)
        self.status = self.Status.EXPIRED
        self.expired_at = timezone.now()
        self.save(update_fields=["status", "expired_at", "updated_at"])
