"""Hand-built facts of a small shop project, shaped as introspection reports them."""

from __future__ import annotations

from featuredocs.model import CommandFact, OptionFact, ProjectFacts, SourceLocation

BASE_OPTIONS = (
    OptionFact("help", ("-h", "--help"), action="help", nargs="0", base=True),
    OptionFact("version", ("--version",), action="version", nargs="0", base=True),
    OptionFact(
        "verbosity", ("-v", "--verbosity"), default="1", type="int",
        choices=("0", "1", "2", "3"), base=True,
    ),
    OptionFact("settings", ("--settings",), base=True),
    OptionFact("pythonpath", ("--pythonpath",), base=True),
    OptionFact("traceback", ("--traceback",), action="store_true", default="False", base=True),
    OptionFact("no_color", ("--no-color",), action="store_true", default="False", base=True),
    OptionFact("force_color", ("--force-color",), action="store_true", default="False", base=True),
    OptionFact("skip_checks", ("--skip-checks",), action="store_true", default="False", base=True),
)

EXPIRE_ORDERS = CommandFact(
    "expire_orders",
    "shop.orders",
    options=BASE_OPTIONS + (
        OptionFact("days", ("--days",), default="3", type="int", help="Age in days"),
        OptionFact("dry_run", ("--dry-run",), action="store_true", default="False",
                   help="Only report"),
        OptionFact("batch_size", ("--batch-size",), default="500", type="int",
                   help="Rows per batch"),
    ),
    location=SourceLocation("orders/management/commands/expire_orders.py", 8),
)

EXPORT_ORDERS = CommandFact(
    "export_orders",
    "shop.orders",
    options=BASE_OPTIONS + (
        OptionFact("path", (), metavar="path", help="Where to write"),
        OptionFact("format", ("-f", "--format"), default="'csv'", choices=("csv", "json"),
                   type="str"),
        OptionFact("since", ("--since",), help="Only orders placed after this date"),
    ),
    location=SourceLocation("orders/management/commands/export_orders.py", 11),
)

MIGRATE = CommandFact(
    "migrate",
    "django.core",
    project=False,
    options=BASE_OPTIONS + (
        OptionFact("app_label", (), nargs="?"),
        OptionFact("migration_name", (), nargs="?"),
        OptionFact("check_unapplied", ("--check",), action="store_true", default="False"),
        OptionFact("interactive", ("--noinput", "--no-input"), action="store_false",
                   default="True"),
        OptionFact("database", ("--database",), default="'default'"),
    ),
)

FACTS = ProjectFacts(
    root="/srv/shop",
    mode="live",
    commands=(EXPIRE_ORDERS, EXPORT_ORDERS, MIGRATE),
)
