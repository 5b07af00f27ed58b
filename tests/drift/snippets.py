"""Code of the example shop as it is written, and the code the drift cases put in its
place: blocks too long for one line of a case table."""

LIMIT_OPTION = """\
        parser.add_argument(
            "--limit",
            type=int,
            default=100,
            help="Send at most this many reminders in one run (default: 100).",
        )
"""

ITEM_CONSTRAINT = """\

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["order", "product"], name="orders_item_unique_product"
            ),
        ]
"""

DRY_RUN_OPTION = """\
        parser.add_argument(
            "--dry-run",
            action="store_true",
            help="Validate the file and report what would change, without writing.",
        )
"""

SKIP_INVALID_OPTION = """\
        parser.add_argument(
            "--skip-invalid",
            action="store_true",
            help="Import the valid rows and list the invalid ones instead of stopping.",
        )
"""

PRODUCT_STOCK_VIEW = """\
@require_GET
def product_stock(request: HttpRequest, pk: int) -> JsonResponse:
    stock = storefront_products().filter(pk=pk).values_list("stock", flat=True).first()
    return JsonResponse({"id": pk, "stock": stock or 0})


"""

ADDRESS_FOR = """\
    def address_for(self, channel: str) -> str | None:
        \"\"\"The e-mail address or phone number to use on ``channel``, if there is one.\"\"\"
        if channel == self.Channel.SMS:
            return self.phone or None
        return self.user.email or None
"""

RECALCULATE_TOTAL = """\
    def recalculate_total(self) -> None:
        self.total_cents = sum(item.line_total_cents for item in self.items.all())
        self.save(update_fields=["total_cents", "updated_at"])

"""

PRODUCT_STOCK_FIELD = """\
    stock = models.PositiveIntegerField(default=0, help_text="Units available to order.")
"""

WEIGHT_FIELD = """\
    weight_grams = models.PositiveIntegerField(null=True, blank=True)
"""

INLINE_TOTAL = """\
        order.total_cents = sum(item.line_total_cents for item in order.items.all())
        order.save(update_fields=["total_cents", "updated_at"])
"""

ADD_ARGUMENTS = """\
    def add_arguments(self, parser: CommandParser) -> None:
"""

TEMPLATE_ARGUMENT = """\
        parser.add_argument("template", help="The reminder template to render.")
"""

AVAILABILITY_ROUTE = """\
    path("products/availability/", views.stock_availability, name="stock-availability"),
"""

PRODUCT_STOCK_ROUTE = """\
    path("products/<int:pk>/stock/", views.product_stock, name="product-stock"),
"""
