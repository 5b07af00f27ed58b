"""Dotted names of the project's own code: modules, top-level names, class members."""

from __future__ import annotations

from pathlib import Path

from featuredocs.introspect.sources import import_roots_for, module_name_for
from featuredocs.introspect.symbols import collect_symbols
from tests.introspect.source_tree import source_tree


def test_symbols_and_modules(tmp_path: Path) -> None:
    sources = source_tree(tmp_path, {
        "manage.py": "import os\n",
        "billing/__init__.py": "from billing.tasks import send_reminders\n",
        "billing/tasks.py": '''
            import logging
            RETRIES: int = 3
            log = logging.getLogger(__name__)

            def send_reminders():
                pass

            class Reminder:
                LIMIT = 5
                def mark_sent(self):
                    pass
                class Kind:
                    EMAIL = "email"

            if True:
                def conditional():
                    pass
        ''',
        "billing/migrations/0001_initial.py": "class Migration:\n    pass\n",
        "node_modules/pkg/x.py": "def y(): pass\n",
        "venv/lib/x.py": "def y(): pass\n",
    })
    (tmp_path / "venv" / "pyvenv.cfg").write_text("home = /usr\n")
    symbols, modules = collect_symbols(sources)
    assert modules == {"manage", "billing", "billing.tasks"}
    for name in ("billing.tasks.send_reminders", "billing.tasks.Reminder",
                 "billing.tasks.Reminder.mark_sent", "billing.tasks.Reminder.LIMIT",
                 "billing.tasks.Reminder.Kind", "billing.tasks.RETRIES", "billing.tasks.log",
                 "billing.tasks.conditional", "billing.send_reminders"):
        assert name in symbols, name
    assert "billing.tasks.Reminder.Kind.EMAIL" not in symbols
    assert not any("migrations" in s or s.startswith(("venv", "node_modules")) for s in symbols)


def test_star_imports_re_export_names(tmp_path: Path) -> None:
    sources = source_tree(tmp_path, {
        "orders/__init__.py": "",
        "orders/models/__init__.py": """
            from .order import *
            from orders.models.item import *
            from django.db.models import *
            try:
                from .legacy import *
            except ImportError:
                pass
        """,
        "orders/models/order.py": """
            from django.db import models
            from .base import *

            __all__ = ["Order", "OrderQuerySet"]
            __all__ += ["STATUSES"]

            class OrderQuerySet(models.QuerySet):
                pass

            class Order(models.Model):
                pass

            STATUSES = ("pending", "paid")

            def _number():
                pass

            def helper():
                pass
        """,
        "orders/models/base.py": "class TimeStamped:\n    pass\n",
        "orders/models/item.py": """
            from .order import Order

            class OrderItem:
                pass

            _PRIVATE = 1
        """,
        "orders/models/legacy.py": "from orders.models.cycle import *\nOLD = 1\n",
        "orders/models/cycle.py": "from orders.models.legacy import *\nNEW = 2\n",
    })
    symbols, _ = collect_symbols(sources)
    for name in ("orders.models.Order", "orders.models.OrderQuerySet", "orders.models.STATUSES",
                 "orders.models.OrderItem", "orders.models.Order", "orders.models.OLD",
                 "orders.models.NEW", "orders.models.legacy.NEW", "orders.models.cycle.OLD",
                 "orders.models.order.TimeStamped"):
        assert name in symbols, name
    # __all__ decides what a star import takes; without it, every public name
    for name in ("orders.models.helper", "orders.models.TimeStamped", "orders.models._number",
                 "orders.models._PRIVATE", "orders.models.models"):
        assert name not in symbols, name


def test_module_names_follow_the_deepest_import_root(tmp_path: Path) -> None:
    src = tmp_path / "src"
    path = src / "shop" / "orders" / "models.py"
    assert module_name_for(path, [tmp_path, src]) == "shop.orders.models"
    assert module_name_for(src / "shop" / "__init__.py", [tmp_path, src]) == "shop"
    assert module_name_for(tmp_path / "manage.py", [tmp_path]) == "manage"


def test_a_package_folder_on_sys_path_is_no_import_root(tmp_path: Path) -> None:
    (tmp_path / "shop").mkdir()
    (tmp_path / "shop" / "__init__.py").write_text("")
    (tmp_path / "src").mkdir()
    roots = import_roots_for(tmp_path, [str(tmp_path / "shop"), str(tmp_path / "src"), ""])
    assert roots == [tmp_path.resolve(), (tmp_path / "src").resolve()]
