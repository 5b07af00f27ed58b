"""Hand-built facts of a small orders project, shaped as introspection reports them."""

from __future__ import annotations

from featuredocs.model import AppFact, CommandFact, EnvVarFact, ModelFact, ProjectFacts, SettingFact, SourceLocation


def env(name: str, default: str | None = None, *, required: bool = False, path: str = "orders/conf.py",
        line: int = 1, secret: bool = False) -> EnvVarFact:
    return EnvVarFact(
        name=name,
        required=required,
        has_default=default is not None,
        default=default,
        secret=secret,
        locations=(SourceLocation(path, line),),
    )


FACTS = ProjectFacts(
    root="/project",
    mode="live",
    apps=(
        AppFact("auth", "django.contrib.auth", "", False),
        AppFact("orders", "orders", "orders", True),
        AppFact("billing", "billing", "billing", True),
    ),
    models=(ModelFact("orders", "Order", "orders.models"), ModelFact("billing", "Invoice", "billing.models")),
    commands=(CommandFact("expire_orders", "orders"), CommandFact("send_invoices", "billing")),
    settings=(
        SettingFact("DEBUG", "False", project=False),
        SettingFact(
            "ORDER_CONFIG", "{'window': 48, 'notify': {'channel': 'email'}}",
            keys=("window", "notify", "notify.channel"), location=SourceLocation("project/settings.py", 40),
        ),
        SettingFact("ORDER_LABELS", "['a', 'b']", location=SourceLocation("project/settings.py", 50)),
    ),
    env_vars=(
        env("ORDER_API_KEY", required=True, line=3, secret=True),
        env("ORDER_TIMEOUT", "30", line=4),
        env("ORDER_REGION", "eu-west-1", line=5),
        env("ORDER_HOSTS", "['a', 'b']", line=6),
        env("ORDER_BATCH_SIZE", "500", line=7, path="orders/tasks.py"),
        env("BILLING_ENDPOINT", "https://billing.example", path="billing/client.py", line=9),
        env("SITE_NAME", "shop", path="project/settings.py", line=12),
    ),
)
