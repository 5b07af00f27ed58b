"""``check --fix`` on a value in a table cell keeps the table's columns aligned when the
cell has spaces to give, and edits an unaligned table as it stands."""

from __future__ import annotations

from pathlib import Path

from featuredocs.fix.table_cells import aligned_fix
from featuredocs.model import Applicability, Edit, Fix, Span
from tests.cli.support import featuredocs
from tests.generate.shop import copy_shop

PAGE = "docs/features/order-lifecycle.md"
OPTIONS = """\
- `--older-than-hours`: Expire pending orders created more than this many hours ago (default: 48)
- `--batch-size`: Orders loaded per query (default: 200)
- `--dry-run`: List the orders that would expire without changing them
- `--no-notify`: Do not tell customers that their order expired
"""
ALIGNED = """\
| Option               | Default | Description                      |
|----------------------|---------|----------------------------------|
| `--older-than-hours` | `48`    | Age in hours                     |
| `--batch-size`       | `200`   | Orders loaded per query          |
| `--dry-run`          |         | List the orders, change nothing  |
| `--no-notify`        |         | Do not tell customers            |
"""


def fixed(tmp_path: Path, table: str) -> str:
    root = copy_shop(tmp_path)
    page = root / PAGE
    text = page.read_text(encoding="utf-8")
    assert OPTIONS in text
    page.write_text(text.replace(OPTIONS, table), encoding="utf-8")
    command = root / "orders/management/commands/expire_orders.py"
    source = command.read_text(encoding="utf-8")
    command.write_text(source.replace("default=200,", "default=1000,"), encoding="utf-8")
    run = featuredocs("check", "--fix", "--no-cache", PAGE, cwd=root)
    assert run.code == 0, run.out + run.err
    return page.read_text(encoding="utf-8")


def test_a_longer_default_takes_the_cells_padding(tmp_path: Path) -> None:
    text = fixed(tmp_path, ALIGNED)
    assert ALIGNED.replace("| `200`   |", "| `1000`  |") in text


def test_an_unaligned_table_is_edited_as_it_stands(tmp_path: Path) -> None:
    table = "| Option | Default |\n| --- | --- |\n| `--batch-size` | `200` |\n| `--dry-run` | |\n"
    text = fixed(tmp_path, table)
    assert table.replace("`200`", "`1000`") in text


def test_a_shorter_value_pads_its_cell_and_a_full_cell_is_left_to_widen() -> None:
    text = "| a     | b |\n|-------|---|\n| `200` | x |\n"
    shorter = aligned_fix(text, Fix("", (Edit(Span(3, 4, 3, 7), "5"),), Applicability.SAFE))
    assert shorter.edits == (Edit(Span(3, 4, 3, 9), "5`   "),)  # the pipe stays where it was
    full = Fix("", (Edit(Span(3, 4, 3, 7), "1000"),), Applicability.SAFE)
    assert aligned_fix(text, full) is full
