"""How to reach a customer, and which payment reminders they already got."""

from django.conf import settings
from django.db import models

from core.models import TimeStampedModel


class CustomerProfile(TimeStampedModel):
    """Contact preferences of a shop user (one profile per user)."""

    class Channel(models.TextChoices):
        EMAIL = "email", "E-mail"
        SMS = "sms", "SMS"

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="profile"
    )
    phone = models.CharField(
        max_length=32, blank=True, help_text="E.164 format (+4915112345678); needed for SMS."
    )
    preferred_channel = models.CharField(
        max_length=8, choices=Channel.choices, default=Channel.EMAIL
    )
    reminders_enabled = models.BooleanField(
        default=True, help_text="Whether the customer wants payment reminders at all."
    )

    def __str__(self) -> str:
        return f"profile of {self.user}"

    @property
    def can_receive_sms(self) -> bool:
        return bool(self.phone)

    def address_for(self, channel: str) -> str | None:
        """The e-mail address or phone number to use on ``channel``, if there is one."""
        if channel == self.Channel.SMS:
            return self.phone or None
        return self.user.email or None


class Reminder(TimeStampedModel):
    """One payment reminder sent for one order on one channel."""

    profile = models.ForeignKey(
        CustomerProfile, on_delete=models.CASCADE, related_name="reminders"
    )
    order = models.ForeignKey("orders.Order", on_delete=models.CASCADE, related_name="reminders")
    channel = models.CharField(max_length=8, choices=CustomerProfile.Channel.choices)
    sent_at = models.DateTimeField(db_index=True)

    class Meta:
        ordering = ["-sent_at"]
        constraints = [
            # A customer hears about an unpaid order at most once per channel.
            models.UniqueConstraint(
                fields=["order", "channel"], name="customers_reminder_once_per_channel"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.channel} reminder for order {self.order_id}"
