"""Changes that keep the example shop's behaviour, and so its docs true: the same values
written another way. With all of them applied the docs must still check clean (a finding
is a false positive), and a drift written the refactored way must still be caught."""

from __future__ import annotations

from dataclasses import dataclass

from tests.drift.cases import Drift, Expected
from tests.drift.changes import Change, Edit, MoveFile, WriteFile

SETTINGS = "shop/settings.py"
REMIND = "customers/management/commands/send_reminders.py"


@dataclass(frozen=True)
class Refactor:
    id: str
    changes: tuple[Change, ...]


LOCK_CALLS = """\
        if not cache.add(f"customers:reminders:{channel}:lock", os.getpid(), timeout=600):
"""

LOCK_IN_A_VARIABLE = """\
        lock = f"customers:reminders:{channel}:lock"
        if not cache.add(lock, os.getpid(), timeout=LOCK_TTL):
"""

PRODUCT_FILTER = """\
class ProductFilter(FilterSet):
    class Meta:
        model = Product
        fields = {"category__slug": ["exact"], "price_cents": ["gte", "lte"]}


class ProductListView"""

FILTERSET_FIELDS = """\
    filterset_fields = {
        "category__slug": ["exact"],
        "price_cents": ["gte", "lte"],
    }
"""

PRODUCT_DETAIL_AS_REGEX = 're_path(r"^products/(?P<pk>[0-9]+)/$"'

SETTINGS_PACKAGE = """\
\"\"\"The shop's settings: one module today, split per environment when needed.\"\"\"

from shop.settings.base import *  # noqa: F403
"""


#: Applied in this order to one copy: the settings edits come before the settings move.
REFACTORS: list[Refactor] = [
    Refactor(
        "ttl-as-timedelta",
        (Edit("catalog/views.py", "PRODUCT_SUMMARY_TTL = 60 * 15",
              "PRODUCT_SUMMARY_TTL = int(timedelta(minutes=15).total_seconds())"),
         Edit("catalog/views.py", "from django.core.cache import cache\n",
              "from datetime import timedelta\n\nfrom django.core.cache import cache\n")),
    ),
    Refactor(
        "cache-key-and-ttl-in-variables",
        (Edit(REMIND, LOCK_CALLS, LOCK_IN_A_VARIABLE),
         Edit(REMIND, 'cache.delete(f"customers:reminders:{channel}:lock")',
              "cache.delete(lock)"),
         Edit(REMIND, "\n\nclass Command(BaseCommand):",
              "\n\nLOCK_TTL = 10 * 60  # seconds\n\n\nclass Command(BaseCommand):")),
    ),
    Refactor(
        "env-read-through-django-environ",
        (Edit(SETTINGS, 'int(os.getenv("SHOP_ORDER_WINDOW_HOURS", "48"))',
              'env.int("SHOP_ORDER_WINDOW_HOURS", default=48)'),
         Edit(SETTINGS, "import os\n", "import os\n\nimport environ\n\nenv = environ.Env()\n")),
    ),
    Refactor(
        "filterset-class",
        (Edit("catalog/views.py", FILTERSET_FIELDS, "    filterset_class = ProductFilter\n"),
         Edit("catalog/views.py", "class ProductListView", PRODUCT_FILTER),
         Edit("catalog/views.py", "from django_filters.rest_framework import DjangoFilterBackend",
              "from django_filters.rest_framework import DjangoFilterBackend, FilterSet")),
    ),
    Refactor(
        "route-as-regex",
        (Edit("catalog/urls.py", 'path("products/<int:pk>/"', PRODUCT_DETAIL_AS_REGEX),
         Edit("catalog/urls.py", "import path\n", "import path, re_path\n")),
    ),
    Refactor(
        "option-help-reworded",
        (Edit("orders/management/commands/expire_orders.py",
              'help="Orders loaded per query (default: 200).",',
              'help="How many orders to load per database query (default: 200).",'),),
    ),
    Refactor(
        "settings-module-becomes-a-package",
        (MoveFile(SETTINGS, "shop/settings/base.py"),
         WriteFile("shop/settings/__init__.py", SETTINGS_PACKAGE),
         Edit("shop/settings/base.py", "Path(__file__).resolve().parent.parent",
              "Path(__file__).resolve().parent.parent.parent")),
    ),
]


def _refactor(refactor_id: str) -> tuple[Change, ...]:
    return next(refactor.changes for refactor in REFACTORS if refactor.id == refactor_id)


#: Drift in code written the refactored way: still caught.
REFACTORED_DRIFTS: list[Drift] = [
    Drift(
        "cache-key-in-a-variable-changed",
        (*_refactor("cache-key-and-ttl-in-variables"),
         Edit(REMIND, 'lock = f"customers:reminders:{channel}:lock"',
              'lock = f"reminders:{channel}:lock"')),
        Expected("FD701", "payment-reminders.md", 'lock_key = f"customers:reminders:'),
    ),
    Drift(
        "ttl-in-a-constant-changed",
        (*_refactor("cache-key-and-ttl-in-variables"),
         Edit(REMIND, "LOCK_TTL = 10 * 60", "LOCK_TTL = 5 * 60")),
        Expected("FD702", "payment-reminders.md", "**TTL**: 10 minutes"),
    ),
    Drift(
        "django-environ-default-changed",
        (*_refactor("env-read-through-django-environ"),
         Edit(SETTINGS, "default=48)", "default=72)")),
        Expected("FD602", "order-lifecycle.md", "SHOP_ORDER_WINDOW_HOURS=48"),
    ),
    Drift(
        "filterset-class-field-renamed",
        (*_refactor("filterset-class"),
         Edit("catalog/views.py", '{"category__slug": ["exact"]', '{"category": ["exact"]')),
        Expected("FD503", "product-catalog.md", "- `category__slug` (string, optional)"),
    ),
    Drift(
        "regex-route-moved",
        (*_refactor("route-as-regex"),
         Edit("catalog/urls.py", 'r"^products/(?P<pk>', 'r"^items/(?P<pk>')),
        Expected("FD501", "product-catalog.md", "### GET /api/v1/products/{id}/"),
        also=frozenset({"FD505"}),
    ),
    Drift(
        "settings-package-env-variable-renamed",
        (*_refactor("settings-module-becomes-a-package"),
         Edit("shop/settings/base.py", '"SHOP_IMPORT_MAX_ROWS"', '"SHOP_CATALOG_MAX_ROWS"')),
        Expected("FD601", "product-catalog.md", "SHOP_IMPORT_MAX_ROWS=50000"),
        also=frozenset({"FD606"}),
    ),
]
