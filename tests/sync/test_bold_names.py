"""A Fields list that names its fields in bold (``- **paid_at** (DateTimeField): …``) is
read like one that names them in code: ``check`` judges it, and ``sync`` renames inside
the bold and writes new items in bold. Runs on copies of the example shop."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from tests.cli.support import featuredocs
from tests.generate.shop import copy_shop, rename_expired_at_and_add_gift_note

PAGE = "docs/features/order-lifecycle.md"


def bold_shop(tmp_path: Path) -> Path:
    root = copy_shop(tmp_path)
    page = root / PAGE
    text = page.read_text(encoding="utf-8")
    head, fields, rest = re.split(r"(?<=\*\*Fields:\*\*\n)(.*?)(?=\n\n)", text, maxsplit=1, flags=re.S)
    page.write_text(head + re.sub(r"^- `(\w+)`", r"- **\1**", fields, flags=re.M) + rest, encoding="utf-8")
    assert "- **paid_at** (DateTimeField)" in page.read_text(encoding="utf-8")
    return root


def test_a_bold_list_of_the_right_fields_is_left_alone(tmp_path: Path) -> None:
    root = bold_shop(tmp_path)
    assert featuredocs("check", "--no-cache", PAGE, cwd=root).code == 0
    assert featuredocs("sync", "--check", "--no-cache", cwd=root).code == 0


@pytest.fixture(scope="module")
def renamed(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """``expired_at`` renamed to ``expired_on`` and ``gift_note`` added to ``Order``."""
    root = bold_shop(tmp_path_factory.mktemp("bold-list"))
    rename_expired_at_and_add_gift_note(root)
    return root


def test_check_reports_the_stale_bold_name(renamed: Path) -> None:
    run = featuredocs("check", "--no-cache", PAGE, cwd=renamed)
    assert "FD302 field `expired_at`" in run.out, run.out


def test_sync_renames_inside_the_bold_and_appends_in_bold(renamed: Path) -> None:
    assert featuredocs("sync", "--no-cache", cwd=renamed).code == 0
    text = (renamed / PAGE).read_text(encoding="utf-8")
    assert "- **expired_on** (DateTimeField): When `expire_orders` gave up on the order" in text
    assert "- **gift_note** (TextField): Printed on the packing slip.\n\n**Indexes:**" in text
    assert featuredocs("sync", "--check", "--no-cache", cwd=renamed).code == 0
