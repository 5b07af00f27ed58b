"""Indexes documented in a table (``| Name | Fields | Kind |``) count as documented for
``sync`` as for ``check``: a list elsewhere in the model's section is not made to repeat
them. Runs on copies of the example shop."""

from __future__ import annotations

from pathlib import Path

from tests.cli.support import featuredocs
from tests.generate.shop import copy_shop, replace_in

PAGE = "docs/features/order-lifecycle.md"
LIST = (
    "**Indexes:**\n- Unique index on `number`\n- Index on `customer`\n"
    "- `orders_status_created_idx` on (`status`, `created_at`)\n- Composite index on (`customer`, `status`)\n"
)
SPLIT = (
    "**Constraints:**\n- Composite index on (`customer`, `status`)\n\n**Indexes:**\n\n"
    "| Name | Fields | Kind |\n|---|---|---|\n| (auto) | `number` | unique |\n| (auto) | `customer` | index |\n"
    "| `orders_status_created_idx` | `status`, `created_at` | index |\n"
)


def test_indexes_in_a_table_are_not_repeated_in_a_list(tmp_path: Path) -> None:
    root = copy_shop(tmp_path)
    replace_in(root / PAGE, LIST, SPLIT)
    assert featuredocs("check", "--no-cache", PAGE, cwd=root).code == 0
    run = featuredocs("sync", "--check", "--no-cache", cwd=root)
    assert run.code == 0, run.err + run.out
