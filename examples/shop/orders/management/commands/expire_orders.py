from django.conf import settings
from django.core.management.base import BaseCommand, CommandParser
from django.template.loader import render_to_string

from customers.notifications import notify
from orders.models import Order


class Command(BaseCommand):
    help = "Expire pending orders that were not paid in time and release their stock."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--older-than-hours",
            type=int,
            default=48,
            help="Expire pending orders created more than this many hours ago (default: 48).",
        )
        parser.add_argument(
            "--batch-size",
            type=int,
            default=200,
            help="Orders loaded per query (default: 200).",
        )
        parser.add_argument(
            "--dry-run",
            action="store_true",
            help="List the orders that would expire without changing them.",
        )
        parser.add_argument(
            "--no-notify",
            action="store_false",
            dest="notify",
            help="Do not tell customers that their order expired.",
        )

    def handle(self, *args, **options) -> None:
        expiry = settings.ORDER_EXPIRY
        if not expiry["enabled"]:
            self.stdout.write("Order expiry is disabled in ORDER_EXPIRY; nothing to do.")
            return
        hours = options["older_than_hours"]
        stale = Order.objects.unpaid_older_than(hours).select_related("customer")
        expired = 0
        for order in stale.order_by("created_at").iterator(chunk_size=options["batch_size"]):
            if options["dry_run"]:
                placed = f"{order.created_at:%Y-%m-%d %H:%M}"
                self.stdout.write(f"would expire {order.number} (placed {placed})")
                continue
            order.expire()
            expired += 1
            if options["notify"]:
                self._notify(order, expiry["notify"])
        if not options["dry_run"]:
            message = f"Expired {expired} orders older than {hours} hours"
            self.stdout.write(self.style.SUCCESS(message))

    def _notify(self, order: Order, config: dict[str, str]) -> None:
        body = render_to_string(
            config["template"],
            {"order": order, "window_hours": settings.ORDER_EXPIRY["window_hours"]},
        )
        if not notify(order.customer, config["channel"], f"Order {order.number} expired", body):
            self.stderr.write(f"{order.number}: customer has no {config['channel']} address")
