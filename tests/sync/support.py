"""Hand-built facts of a small shop, and sync run the way the command runs it."""

from __future__ import annotations

from pathlib import Path

from featuredocs.fix.sync import sync_docs
from featuredocs.markdown import load_schema
from featuredocs.model import (
    AppFact,
    CacheKeyFact,
    CommandFact,
    DocSet,
    EndpointFact,
    EnvVarFact,
    FieldFact,
    Finding,
    IndexFact,
    ModelFact,
    OptionFact,
    Page,
    ProjectFacts,
    QueryParamFact,
    ResponseField,
    SourceLocation,
)
from featuredocs.rules.registry import rule_for
from tests.support.rules import context_for

MODELS = "orders/models.py"


def at(line: int, path: str = MODELS) -> SourceLocation:
    return SourceLocation(path, line)


def field(name: str, cls: str, line: int, **extra: object) -> FieldFact:
    return FieldFact(name=name, field_class=cls, internal_type=cls, column=name, location=at(line), **extra)  # type: ignore[arg-type]


ORDER = ModelFact(
    app_label="orders",
    name="Order",
    module="orders.models",
    fields=(
        FieldFact("id", "BigAutoField", "BigAutoField", column="id", primary_key=True, auto_created=True),
        field("number", "CharField", 10, unique=True),
        FieldFact(
            "customer", "ForeignKey", "ForeignKey", column="customer_id", related_model="auth.User",
            is_relation=True, location=at(11),
        ),
        field("status", "CharField", 12),
        field("total_cents", "PositiveIntegerField", 13),
        field("created_at", "DateTimeField", 14),
    ),
    indexes=(
        IndexFact("unique", ("number",), location=at(10)),
        IndexFact("db_index", ("customer",), location=at(11)),
        IndexFact("index", ("status", "created_at"), name="orders_status_created_idx", location=at(20)),
    ),
    location=at(8),
)

EXPIRE = CommandFact(
    name="expire_orders",
    app="orders",
    options=(
        OptionFact("verbosity", ("-v", "--verbosity"), default="1", type="int", base=True),
        OptionFact("older_than_hours", ("--older-than-hours",), default="48", type="int", help="Age in hours"),
        OptionFact("batch_size", ("--batch-size",), default="200", type="int", help="Orders per query"),
        OptionFact("channel", ("--channel",), default="'email'", help="Where to tell customers"),
        OptionFact("dry_run", ("--dry-run",), action="store_true", default="False", help="Change nothing"),
    ),
    location=at(1, "orders/management/commands/expire_orders.py"),
)

ORDERS_URL = EndpointFact(
    path="/api/orders/",
    methods=("GET", "POST"),
    view="orders.views.OrderViewSet",
    query_params=(
        QueryParamFact("status", "filterset", "string"),
        QueryParamFact("page", "pagination", "integer"),
    ),
    response=(
        ResponseField("id", type="integer"),
        ResponseField("number", type="string"),
        ResponseField("total_cents", type="integer"),
        ResponseField("items", (ResponseField("sku", type="string"), ResponseField("quantity", type="integer")), many=True),
    ),
    app="orders",
    framework="drf",
    location=at(5, "orders/views.py"),
)
PAY_URL = EndpointFact(
    path="/api/orders/{pk}/pay/",
    methods=("POST",),
    view="orders.views.OrderViewSet",
    response=(ResponseField("id", type="integer"), ResponseField("status", type="string")),
    app="orders",
    framework="drf",
    location=at(30, "orders/views.py"),
)

FACTS = ProjectFacts(
    root="/project",
    mode="live",
    apps=(
        AppFact("auth", "django.contrib.auth", "", False),
        AppFact("orders", "orders", "orders", True),
    ),
    models=(ORDER,),
    commands=(EXPIRE,),
    endpoints=(ORDERS_URL, PAY_URL),
    env_vars=(
        EnvVarFact("ORDER_WINDOW_HOURS", False, True, "48", locations=(at(3, "orders/conf.py"),)),
        EnvVarFact("ORDER_API_KEY", True, locations=(at(4, "orders/conf.py"),), secret=True),
        EnvVarFact("ORDER_NOTIFY", False, True, "True", locations=(at(5, "orders/conf.py"),)),
    ),
    cache_keys=(
        CacheKeyFact("orders:{}:summary", 'f"orders:{pk}:summary"', "set", 900, "900", at(7, "orders/views.py")),
    ),
)


def synced(page: Page, facts: ProjectFacts) -> str:
    """The page's text after ``featuredocs sync``."""
    docset = DocSet(page.path.parent.parent, (page,))
    result = sync_docs(docset, facts, load_schema())
    return result.docset.pages[0].text


def synced_page(page: Page, facts: ProjectFacts) -> Page:
    docset = DocSet(page.path.parent.parent, (page,))
    return sync_docs(docset, facts, load_schema()).docset.pages[0]


def findings(page: Page, facts: ProjectFacts, *codes: str) -> list[Finding]:
    """What the rules ``codes`` report on ``page``."""
    ctx = context_for([page], facts)
    found: list[Finding] = []
    for code in codes:
        rule = rule_for(code)
        assert rule is not None, code
        found.extend(rule().check(page, ctx))
    return found


def docs_root(page: Page) -> Path:
    return page.path.parent.parent
