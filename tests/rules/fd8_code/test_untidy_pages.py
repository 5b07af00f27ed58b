"""Untidy pages never crash the configuration, cache and code rules, and every finding
points inside the page."""

from __future__ import annotations

from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from featuredocs.markdown import parse_page
from featuredocs.model import (
    AppFact,
    CacheKeyFact,
    EnvVarFact,
    ModelFact,
    ProjectFacts,
    SettingFact,
)
from featuredocs.rules.registry import all_rules
from tests.support.rules import context_for

FACTS = ProjectFacts(
    root="/project",
    mode="live",
    settings_module="shop.settings",
    apps=(AppFact("orders", "orders", "orders", True),),
    models=(ModelFact("orders", "Order", "orders.models"),),
    settings=(SettingFact("ORDER_EXPIRY", "{'notify': {'channel': 'email'}}",
                          keys=("notify", "notify.channel")),),
    env_vars=(EnvVarFact("SHOP_DEBUG", False, True, "False"),
              EnvVarFact("SHOP_KEY", True, secret=True)),
    cache_keys=(CacheKeyFact("orders:{}:summary", 'f"orders:{pk}:summary"', "set", 900),),
    modules=frozenset({"orders", "orders.models", "shop", "shop.settings"}),
    symbols=frozenset({"orders.models.Order"}),
)

RULES = [r for r in all_rules() if r.code.startswith(("FD6", "FD7", "FD801", "FD802", "FD806"))]

PIECES = [
    "## Configuration\n", "### Environment Variables\n", "### Django Settings\n", "## Caching\n",
    "**Cache Keys:**\n", "**TTL**: 15 minutes\n", "TTL 2h\n", "```bash\n", "```python\n", "```\n",
    "```env\n", "```pycon\n", "# Required\n", "# Optional\n", "SHOP_DEBUG=1\n",
    "export X_Y='a'  # c\n", 'SHOP_KEY="x\n', "A=\n", "| Variable | Required | Default |\n",
    "| --- | --- |\n", "| `SHOP_DEBUG` | yes | `1` | extra |\n", "| a |\n",
    "- `SHOP_DEBUG` (optional) default `x`\n", "- `orders:{id}:x` TTL 1 hour\n",
    'ORDER_EXPIRY = {"a": {"b": 1}, **X}\n', 'settings.ORDER_EXPIRY["notify"]["x"]\n',
    ">>> import orders.modelz\n", "... x)\n", "In [1]: import orders.modelz\n", "   ...: x)\n",
    "Out[1]: 3\n", "from orders.models import Nope\n",
    "`orders.foo.bar`\n", 'cache.set(f"a:{b}", 1, 60*5)\n', "    indented\n",
    "> quote ```python\n", "1. item\n   ```python\n   x = (\n   ```\n", "\n", "é😀 `x`\n",
    "\t\tX=1\n", '"orders.nope.x"\n', "def f(:\n", "[X]\n", "# settings.py\n", "# orders/conf.py\n",
]


@settings(max_examples=150, deadline=None, suppress_health_check=list(HealthCheck))
@given(st.lists(st.sampled_from(PIECES), max_size=30))
def test_findings_stay_inside_the_page(parts: list[str]) -> None:
    page = parse_page("".join(parts), path=Path("/docs/features/x.md"), rel="features/x.md")
    ctx = context_for([page], FACTS)
    for rule in RULES:
        for finding in rule().check(page, ctx):
            span = finding.span
            assert 1 <= span.line <= max(len(page.lines), 1) and span.column >= 1
            if span.end_line == span.line:
                assert span.column <= span.end_column <= len(page.line_text(span.line)) + 1
