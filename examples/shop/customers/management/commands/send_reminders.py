import os

from django.conf import settings
from django.core.cache import cache
from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.template.loader import render_to_string
from django.utils import timezone

from customers.models import CustomerProfile, Reminder
from customers.notifications import NotificationError, notify
from orders.models import Order


class Command(BaseCommand):
    help = "Remind customers of orders that are still waiting for payment."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--channel",
            choices=["email", "sms"],
            default="email",
            help="Remind the customers who prefer this channel (default: email).",
        )
        parser.add_argument(
            "--hours",
            type=int,
            default=24,
            help="Remind about orders pending for at least this many hours (default: 24).",
        )
        parser.add_argument(
            "--limit",
            type=int,
            default=100,
            help="Send at most this many reminders in one run (default: 100).",
        )
        parser.add_argument(
            "--dry-run",
            action="store_true",
            help="List who would be reminded without sending anything.",
        )

    def handle(self, *args, **options) -> None:
        channel = options["channel"]
        # Two overlapping runs (a slow SMS gateway, a manual run next to cron) would
        # remind the same customers twice; the first run holds the lock.
        if not cache.add(f"customers:reminders:{channel}:lock", os.getpid(), timeout=600):
            raise CommandError(f"another send_reminders --channel {channel} is running")
        try:
            sent = self._send(channel, options["hours"], options["limit"], options["dry_run"])
        finally:
            cache.delete(f"customers:reminders:{channel}:lock")
        if not options["dry_run"]:
            self.stdout.write(self.style.SUCCESS(f"Sent {sent} {channel} reminders"))

    def _send(self, channel: str, hours: int, limit: int, dry_run: bool) -> int:
        orders = (
            Order.objects.unpaid_older_than(hours)
            .filter(
                customer__profile__reminders_enabled=True,
                customer__profile__preferred_channel=channel,
            )
            .exclude(reminders__channel=channel)
            .select_related("customer__profile")
            .order_by("created_at")[:limit]
        )
        sent = 0
        for order in orders:
            if dry_run:
                self.stdout.write(f"would remind {order.customer} about {order.number}")
                continue
            if self._remind(order, order.customer.profile, channel):
                sent += 1
        return sent

    def _remind(self, order: Order, profile: CustomerProfile, channel: str) -> bool:
        template = settings.REMINDERS[channel]["template"]
        body = render_to_string(template, {"order": order})
        try:
            subject = f"Order {order.number} awaits payment"
            delivered = notify(order.customer, channel, subject, body)
        except NotificationError as error:
            self.stderr.write(f"{order.number}: {error}")
            return False
        if delivered:
            Reminder.objects.create(
                profile=profile, order=order, channel=channel, sent_at=timezone.now()
            )
        return delivered
