"""The drift matrix: realistic code changes to the example shop, the docs left as they are.

Each case is one change a team makes in the code (a rename, a new default, a dropped
index), and the one finding it must cause on a feature page: the rule code, and the page
line, named by a marker of that line's text. ``also`` lists the other codes the change
legitimately causes (a renamed field is also an undocumented one); any other finding is
noise, and fails the case.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

import pytest

from tests.drift.changes import Change, Edit, MoveFile, RenameWord
from tests.drift.snippets import (
    ADDRESS_FOR,
    ADD_ARGUMENTS,
    AVAILABILITY_ROUTE,
    DRY_RUN_OPTION,
    INLINE_TOTAL,
    ITEM_CONSTRAINT,
    LIMIT_OPTION,
    PRODUCT_STOCK_FIELD,
    PRODUCT_STOCK_ROUTE,
    PRODUCT_STOCK_VIEW,
    RECALCULATE_TOTAL,
    SKIP_INVALID_OPTION,
    TEMPLATE_ARGUMENT,
    WEIGHT_FIELD,
)


@dataclass(frozen=True)
class Expected:
    """The finding a change must cause: ``code`` on the line of ``docs/features/<page>``
    that holds ``marker``; with ``section``, only lines under that H2/H3 heading count."""

    code: str
    page: str
    marker: str
    section: str | None = None


@dataclass(frozen=True)
class Drift:
    id: str
    changes: tuple[Change, ...]
    expected: Expected
    also: frozenset[str] = frozenset()
    env: Mapping[str, str] = field(default_factory=dict)


ORDER = "orders/models/order.py"
ITEM = "orders/models/item.py"
CATALOG_MODELS = "catalog/models.py"
CUSTOMER_MODELS = "customers/models.py"
SETTINGS = "shop/settings.py"
EXPIRE = "orders/management/commands/expire_orders.py"
IMPORT = "catalog/management/commands/import_products.py"
REMIND = "customers/management/commands/send_reminders.py"

MODELS: list[Drift] = [
    Drift(
        "rename-field",
        (RenameWord(ORDER, "expired_at", "closed_at", count=3),
         RenameWord("orders/admin.py", "expired_at", "closed_at")),
        Expected("FD302", "order-lifecycle.md", "- `expired_at` (DateTimeField)"),
        also=frozenset({"FD305"}),
    ),
    Drift(
        "add-field-choice",
        (Edit(ORDER, 'CANCELLED = "cancelled", "Cancelled"',
              'CANCELLED = "cancelled", "Cancelled"\n        REFUNDED = "refunded", "Refunded"'),),
        Expected("FD307", "order-lifecycle.md", "- `status` (CharField): One of"),
        also=frozenset({"FD506"}),  # the API filters on the field: its list of values too
    ),
    Drift(
        "change-max-length",
        (Edit(CATALOG_MODELS, "name = models.CharField(max_length=200, db_index=True)",
              "name = models.CharField(max_length=255, db_index=True)"),),
        Expected("FD303", "product-catalog.md", "- `name` (CharField): Display name, up to 200 characters."),
    ),
    Drift(
        "change-field-default",
        (Edit(CATALOG_MODELS, 'slug = models.SlugField(max_length=100, unique=True)\n    is_active = models.BooleanField(default=True)',
              'slug = models.SlugField(max_length=100, unique=True)\n    is_active = models.BooleanField(default=False)'),),
        Expected("FD308", "product-catalog.md", "- `is_active` (BooleanField): When false"),
    ),
    Drift(
        "change-on-delete",
        (Edit(CATALOG_MODELS, "category = models.ForeignKey(Category, on_delete=models.PROTECT",
              "category = models.ForeignKey(Category, on_delete=models.CASCADE"),),
        Expected("FD309", "product-catalog.md", "- `category` (ForeignKey → Category)"),
    ),
    Drift(
        "change-field-type",
        (Edit(CATALOG_MODELS, "description = models.TextField(blank=True)",
              "description = models.CharField(max_length=500, blank=True)"),),
        Expected("FD303", "product-catalog.md", "- `description` (TextField)"),
    ),
    Drift(
        "drop-meta-index",
        (Edit(ORDER, '            # "My orders" in the API, filtered by status.\n'
                     '            models.Index(fields=["customer", "status"]),\n', ""),),
        Expected("FD304", "order-lifecycle.md", "- Composite index on (`customer`, `status`)"),
    ),
    Drift(
        "drop-db-index",
        (Edit(CATALOG_MODELS, "models.CharField(max_length=200, db_index=True)",
              "models.CharField(max_length=200)"),),
        Expected("FD304", "product-catalog.md", "- Index on `name`"),
    ),
    Drift(
        "drop-unique-constraint",
        (Edit(ITEM, ITEM_CONSTRAINT, ""),),
        Expected("FD304", "order-lifecycle.md", "`orders_item_unique_product` unique constraint"),
    ),
    Drift(
        "drop-unique-field",
        (Edit(CATALOG_MODELS, "models.SlugField(max_length=100, unique=True)",
              "models.SlugField(max_length=100)"),),
        Expected("FD304", "product-catalog.md", "- Unique index on `slug`"),
        also=frozenset({"FD303"}),  # the field's description opens with "Unique,"
    ),
    Drift(
        "rename-model-used-in-example",
        (RenameWord(CUSTOMER_MODELS, "Reminder", "PaymentReminder"),
         RenameWord("customers/admin.py", "Reminder", "PaymentReminder", count=2),
         RenameWord("customers/serializers.py", "Reminder", "PaymentReminder", count=2),
         RenameWord("customers/views.py", "Reminder", "PaymentReminder", count=2),
         RenameWord(REMIND, "Reminder", "PaymentReminder", count=2)),
        Expected("FD802", "payment-reminders.md", "from customers.models import Reminder"),
        also=frozenset({"FD301"}),
    ),
    Drift(
        "remove-model-method-used-in-example",
        (Edit(CUSTOMER_MODELS, ADDRESS_FOR, ""),
         Edit("customers/notifications.py", "profile.address_for(channel) if profile",
              "(profile.phone or None) if profile")),
        Expected("FD804", "payment-reminders.md", 'profile.address_for("email")'),
    ),
    Drift(
        "remove-model-method-used-after-custom-queryset",
        (Edit(ORDER, RECALCULATE_TOTAL, ""),
         Edit("orders/serializers.py", "        order.recalculate_total()\n", INLINE_TOTAL)),
        Expected("FD804", "order-lifecycle.md", "    order.recalculate_total()"),
    ),
    Drift(
        "rename-queryset-method-used-in-examples",
        (Edit(ORDER, "def unpaid_older_than(", "def unpaid_older_then("),
         Edit(EXPIRE, "Order.objects.unpaid_older_than(", "Order.objects.unpaid_older_then("),
         Edit(REMIND, "Order.objects.unpaid_older_than(", "Order.objects.unpaid_older_then(")),
        Expected("FD804", "order-lifecycle.md", "for order in Order.objects.unpaid_older_than(48)"),
    ),
    Drift(
        "rename-field-used-in-orm-lookup",
        (RenameWord(CUSTOMER_MODELS, "reminders_enabled", "wants_reminders"),
         RenameWord("customers/admin.py", "reminders_enabled", "wants_reminders", count=2),
         RenameWord("customers/serializers.py", "reminders_enabled", "wants_reminders"),
         Edit(REMIND, "customer__profile__reminders_enabled=True",
              "customer__profile__wants_reminders=True")),
        Expected("FD803", "payment-reminders.md", "customer__profile__reminders_enabled=True"),
        also=frozenset({"FD302", "FD305", "FD504"}),
    ),
    Drift(
        "rename-related-name",
        (Edit(ITEM, 'related_name="order_items"', 'related_name="order_lines"'),),
        Expected("FD803", "product-catalog.md", "filter(order_items__order__status"),
    ),
    Drift(
        "add-field",
        (Edit(CATALOG_MODELS, PRODUCT_STOCK_FIELD, PRODUCT_STOCK_FIELD + WEIGHT_FIELD),),
        Expected("FD305", "product-catalog.md", "**Fields:**", section="### Product"),
    ),
    Drift(
        "add-index",
        (Edit(ORDER, '            models.Index(fields=["customer", "status"]),\n',
              '            models.Index(fields=["customer", "status"]),\n'
              '            models.Index(fields=["paid_at"], name="orders_paid_at_idx"),\n'),),
        Expected("FD306", "order-lifecycle.md", "**Indexes:**", section="### Order"),
    ),
]

COMMANDS: list[Drift] = [
    Drift(
        "remove-option",
        (Edit(REMIND, LIMIT_OPTION, ""),
         Edit(REMIND, 'options["hours"], options["limit"], options["dry_run"]',
              'options["hours"], options["dry_run"]'),
         Edit(REMIND, "hours: int, limit: int, dry_run: bool", "hours: int, dry_run: bool"),
         Edit(REMIND, '.order_by("created_at")[:limit]', '.order_by("created_at")')),
        Expected("FD402", "payment-reminders.md", "- `--limit`: Send at most"),
        also=frozenset({"FD404"}),
    ),
    Drift(
        "change-option-default",
        (Edit(EXPIRE, "default=200,", "default=500,"),
         Edit(EXPIRE, "(default: 200)", "(default: 500)")),
        Expected("FD403", "order-lifecycle.md", "- `--batch-size`: Orders loaded per query"),
    ),
    Drift(
        "add-required-positional",
        (Edit(REMIND, ADD_ARGUMENTS, ADD_ARGUMENTS + TEMPLATE_ARGUMENT),),
        Expected("FD404", "payment-reminders.md", "python manage.py send_reminders"),
        also=frozenset({"FD405"}),
    ),
    Drift(
        "rename-command",
        (MoveFile(EXPIRE, "orders/management/commands/cancel_unpaid_orders.py"),),
        Expected("FD401", "order-lifecycle.md", "### expire_orders"),
        also=frozenset({"FD807"}),
    ),
    Drift(
        "change-option-choices",
        (Edit(IMPORT, 'choices=["csv", "json"]', 'choices=["csv", "jsonl"]'),),
        Expected("FD404", "product-catalog.md",
                 "python manage.py import_products supplier/products.json --format json"),
        also=frozenset({"FD406"}),  # the Options list still offers `json`
    ),
    Drift(
        "add-option-choice",
        (Edit(IMPORT, 'choices=["csv", "json"]', 'choices=["csv", "json", "xml"]'),),
        Expected("FD406", "product-catalog.md", "- `--format`: File format"),
    ),
    Drift(
        "add-option",
        (Edit(IMPORT, DRY_RUN_OPTION, DRY_RUN_OPTION + SKIP_INVALID_OPTION),),
        Expected("FD405", "product-catalog.md", "**Options:**", section="### import_products"),
    ),
]

ENDPOINTS: list[Drift] = [
    Drift(
        "move-url-prefix",
        (Edit("shop/urls.py", 'path("api/v1/customers/"', 'path("api/v1/profiles/"'),),
        Expected("FD501", "payment-reminders.md", "### GET /api/v1/customers/me/"),
        also=frozenset({"FD505"}),
    ),
    Drift(
        "move-route",
        (Edit("catalog/urls.py", 'path("products/availability/"', 'path("products/stock/"'),),
        Expected("FD501", "product-catalog.md", "### GET /api/v1/products/availability/"),
        also=frozenset({"FD505"}),
    ),
    Drift(
        "drop-method-http-method-names",
        (Edit("customers/views.py", 'http_method_names = ["get", "patch", "head", "options"]',
              'http_method_names = ["get", "head", "options"]'),),
        Expected("FD502", "payment-reminders.md", "### PATCH /api/v1/customers/me/"),
    ),
    Drift(
        "drop-method-action",
        (Edit("orders/views.py", '@action(detail=True, methods=["post"])',
              '@action(detail=True, methods=["patch"])'),
         Edit("orders/views.py", 'http_method_names = ["get", "post", "head", "options"]',
              'http_method_names = ["get", "post", "patch", "head", "options"]')),
        Expected("FD502", "order-lifecycle.md", "### POST /api/v1/orders/{id}/pay/"),
    ),
    Drift(
        "rename-filter-field",
        (Edit("catalog/views.py", '"category__slug": ["exact"]', '"category": ["exact"]'),),
        Expected("FD503", "product-catalog.md", "- `category__slug` (string, optional)"),
    ),
    Drift(
        "rename-pagination-query-parameter",
        (Edit("core/pagination.py", 'page_size_query_param = "page_size"',
              'page_size_query_param = "per_page"'),),
        Expected("FD503", "order-lifecycle.md", "- `page_size` (integer, optional)"),
        also=frozenset({"FD510"}),  # `per_page` reads like no name the lists give
    ),
    Drift(
        "add-filter-field",
        (Edit("orders/views.py", 'filterset_fields = ["status"]', 'filterset_fields = ["status", "customer"]'),),
        Expected("FD510", "order-lifecycle.md", "**Query Parameters:**", section="### GET /api/v1/orders/"),
    ),
    Drift(
        "change-default-ordering",
        (Edit("orders/views.py", 'ordering = ["-created_at"]', 'ordering = ["-total_cents"]'),),
        Expected("FD507", "order-lifecycle.md", "- `ordering` (string, optional)"),
    ),
    Drift(
        "change-page-size-cap",
        (Edit("core/pagination.py", "max_page_size = 100", "max_page_size = 50"),),
        Expected("FD508", "order-lifecycle.md", "- `page_size` (integer, optional)"),
        also=frozenset({"FD508"}),  # every paginated list of the example gives the cap
    ),
    Drift(
        "rename-serializer-field",
        (Edit("orders/serializers.py", '"total_display",', '"total_formatted",'),
         Edit("orders/serializers.py", "total_display = serializers.CharField(read_only=True)",
              'total_formatted = serializers.CharField(source="total_display", read_only=True)')),
        Expected("FD504", "order-lifecycle.md", '"total_display": "21.90 EUR"',
                 section="### GET /api/v1/orders/"),
    ),
    Drift(
        "drop-pagination",
        (Edit("customers/views.py", "    serializer_class = ReminderSerializer\n",
              "    serializer_class = ReminderSerializer\n    pagination_class = None\n"),),
        Expected("FD503", "payment-reminders.md", "- `page` (integer, optional)",
                 section="### GET /api/v1/customers/me/reminders/"),
        also=frozenset({"FD504"}),
    ),
    Drift(
        "rename-query-parameter-of-function-view",
        (Edit("catalog/views.py", 'GET.get("quantity", "1")', 'GET.get("qty", "1")'),),
        Expected("FD503", "product-catalog.md", "- `quantity` (integer, optional)"),
        also=frozenset({"FD510"}),  # `qty` reads like no name the list gives
    ),
    Drift(
        "rename-json-response-key",
        (Edit("catalog/views.py", '"available": stock', '"orderable": stock'),),
        Expected("FD504", "product-catalog.md", '"available": true'),
    ),
    Drift(
        "add-endpoint",
        (Edit("catalog/urls.py", AVAILABILITY_ROUTE, AVAILABILITY_ROUTE + PRODUCT_STOCK_ROUTE),
         Edit("catalog/views.py", "@require_GET\n", PRODUCT_STOCK_VIEW + "@require_GET\n")),
        Expected("FD505", "product-catalog.md", "## API Endpoints"),
    ),
]

CONFIGURATION: list[Drift] = [
    Drift(
        "rename-env-variable",
        (Edit(SETTINGS, '"SHOP_IMPORT_MAX_ROWS"', '"SHOP_CATALOG_MAX_ROWS"'),),
        Expected("FD601", "product-catalog.md", "SHOP_IMPORT_MAX_ROWS=50000"),
        also=frozenset({"FD606"}),
    ),
    Drift(
        "change-env-default",
        (Edit(SETTINGS, 'os.getenv("SHOP_ORDER_WINDOW_HOURS", "48")',
              'os.getenv("SHOP_ORDER_WINDOW_HOURS", "72")'),),
        Expected("FD602", "order-lifecycle.md", "SHOP_ORDER_WINDOW_HOURS=48"),
    ),
    Drift(
        "make-env-variable-required",
        (Edit(SETTINGS,
              'os.getenv("SHOP_SMS_GATEWAY_URL", "https://sms.shop.example/v1/messages")',
              'os.environ["SHOP_SMS_GATEWAY_URL"]'),),
        Expected("FD603", "payment-reminders.md", "SHOP_SMS_GATEWAY_URL=https://"),
        # The project's own environment sets it, or its settings would not import.
        env={"SHOP_SMS_GATEWAY_URL": "https://sms.example.net/v2/messages"},
    ),
    Drift(
        "remove-nested-settings-key",
        (Edit(SETTINGS, '        "template": "orders/expired.txt",\n', ""),
         Edit(EXPIRE, 'config["template"],', '"orders/expired.txt",')),
        Expected("FD605", "order-lifecycle.md", '"template": "orders/expired.txt",'),
    ),
    Drift(
        "rename-settings-key-named-in-prose",
        (Edit(SETTINGS, '    "enabled": os.getenv("SHOP_ORDER_EXPIRY_ENABLED"',
              '    "is_enabled": os.getenv("SHOP_ORDER_EXPIRY_ENABLED"'),
         Edit(EXPIRE, 'expiry["enabled"]', 'expiry["is_enabled"]')),
        Expected("FD605", "order-lifecycle.md", 'Does nothing when `ORDER_EXPIRY["enabled"]` is false.'),
    ),
    Drift(
        "rename-setting",
        (Edit(SETTINGS, "CATALOG_IMPORT = {", "PRODUCT_IMPORT = {"),
         Edit(IMPORT, "settings.CATALOG_IMPORT[", "settings.PRODUCT_IMPORT[", count=2)),
        Expected("FD604", "product-catalog.md", "CATALOG_IMPORT = {"),
    ),
    Drift(
        "change-cache-key",
        (Edit(REMIND, 'f"customers:reminders:{channel}:lock"', 'f"reminders:{channel}:lock"',
              count=2),),
        Expected("FD701", "payment-reminders.md", 'lock_key = f"customers:reminders:'),
    ),
    Drift(
        "change-cache-ttl",
        (Edit("catalog/views.py", "TTL = 60 * 15", "TTL = 60 * 5"),),
        Expected("FD702", "product-catalog.md", "**TTL**: 15 minutes"),
    ),
    Drift(
        "cache-entries-never-expire",
        (Edit("catalog/views.py", "timeout=PRODUCT_SUMMARY_TTL", "timeout=None"),),
        Expected("FD702", "product-catalog.md", "**TTL**: 15 minutes"),
    ),
    Drift(
        "rename-module-in-dotted-path",
        (MoveFile("customers/notifications.py", "customers/messaging.py"),
         Edit(EXPIRE, "from customers.notifications import", "from customers.messaging import"),
         Edit(REMIND, "from customers.notifications import", "from customers.messaging import")),
        Expected("FD806", "order-lifecycle.md", "go through `customers.notifications.notify`"),
        also=frozenset({"FD802"}),
    ),
    Drift(
        "read-new-env-variable",
        (Edit("customers/notifications.py", 'timeout=config["timeout_seconds"]',
              'timeout=int(os.getenv("SHOP_SMS_TIMEOUT_SECONDS", "10"))'),),
        Expected("FD606", "payment-reminders.md", "### Environment Variables"),
    ),
]

ALL: list[Drift] = MODELS + COMMANDS + ENDPOINTS + CONFIGURATION


def params(drifts: list[Drift], known_misses: Mapping[str, str]) -> list[object]:
    """One pytest param per case, with readable ids; a known miss of featuredocs is a strict
    xfail carrying its diagnosis, so fixing it turns the case red until the mark goes."""
    return [
        pytest.param(
            drift,
            id=drift.id,
            marks=[pytest.mark.xfail(strict=True, reason=known_misses[drift.id])]
            if drift.id in known_misses
            else [],
        )
        for drift in drifts
    ]
