"""A Fields list with an HTML comment on its own line above an item is still one list:
``check`` reads the items after the comment and ``sync`` edits the list as a whole, the
comment staying above the item it is about. Runs on copies of the example shop."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.cli.support import featuredocs
from tests.generate.shop import copy_shop, rename_expired_at_and_add_gift_note, replace_in

PAGE = "docs/features/order-lifecycle.md"
EXPIRED_AT = "- `expired_at` (DateTimeField): When `expire_orders` gave up on the order; empty otherwise.\n"
COMMENT = "<!-- expiry is set by expire_orders -->\n"


def commented_shop(tmp_path: Path) -> Path:
    root = copy_shop(tmp_path)
    replace_in(root / PAGE, EXPIRED_AT, COMMENT + EXPIRED_AT)
    return root


def test_a_commented_list_of_the_right_fields_is_left_alone(tmp_path: Path) -> None:
    root = commented_shop(tmp_path)
    assert featuredocs("check", "--no-cache", PAGE, cwd=root).code == 0
    assert featuredocs("sync", "--check", "--no-cache", cwd=root).code == 0


@pytest.fixture(scope="module")
def renamed(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """``expired_at`` renamed to ``expired_on`` and ``gift_note`` added to ``Order``."""
    root = commented_shop(tmp_path_factory.mktemp("commented-list"))
    rename_expired_at_and_add_gift_note(root)
    return root


def test_check_reads_the_items_after_the_comment(renamed: Path) -> None:
    run = featuredocs("check", "--no-cache", PAGE, cwd=renamed)
    assert "FD302 field `expired_at`" in run.out, run.out


def test_sync_renames_after_the_comment_and_appends_at_the_end(renamed: Path) -> None:
    assert featuredocs("sync", "--no-cache", cwd=renamed).code == 0
    text = (renamed / PAGE).read_text(encoding="utf-8")
    assert (
        COMMENT
        + EXPIRED_AT.replace("expired_at", "expired_on")
        + "- `gift_note` (TextField): Printed on the packing slip.\n\n**Indexes:**"
    ) in text
    assert featuredocs("sync", "--check", "--no-cache", cwd=renamed).code == 0
