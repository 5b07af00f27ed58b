"""Writing a page keeps what the file is: a symbolic link stays a link (the file it points
to is written), a read-only page is refused in one line with exit 2, and a new file gets
the mode the user's umask gives."""

from __future__ import annotations

import os
import shutil
import stat
from pathlib import Path

import pytest

from tests.cli.support import featuredocs

SHOP = Path(__file__).resolve().parents[2] / "examples" / "shop"

pytestmark = pytest.mark.skipif(os.name != "posix", reason="file modes and symbolic links")


@pytest.fixture
def shop(tmp_path: Path) -> Path:
    """The example project with one drift ``sync`` repairs: a changed option default."""
    project = tmp_path / "shop"
    shutil.copytree(SHOP, project, ignore=shutil.ignore_patterns(".featuredocs_cache", "__pycache__"))
    command = project / "orders" / "management" / "commands" / "expire_orders.py"
    command.write_text(command.read_text(encoding="utf-8").replace("default=200,", "default=300,"), encoding="utf-8")
    return project


def test_a_linked_index_and_page_are_written_through_their_links(shop: Path) -> None:
    shared = shop / "shared"
    shared.mkdir()
    (shop / "docs" / "README.md").rename(shared / "README.md")
    (shop / "docs" / "README.md").symlink_to("../shared/README.md")
    (shared / "extra.md").write_text("# Extra\n", encoding="utf-8")
    (shop / "docs" / "features" / "extra.md").symlink_to("../../shared/extra.md")
    (shop / "docs" / "api.md").unlink()  # index writes it anew
    assert featuredocs("index", "--no-cache", cwd=shop).code == 0
    assert featuredocs("new", "extra", "--app", "orders", "--force", "--no-cache", cwd=shop).code == 0
    assert (shop / "docs" / "README.md").is_symlink() and (shop / "docs" / "features" / "extra.md").is_symlink()
    assert "featuredocs:begin" in (shared / "README.md").read_text(encoding="utf-8")
    assert (shared / "extra.md").read_text(encoding="utf-8").startswith("# Extra\n\n> **Extra**")
    mask = os.umask(0)
    os.umask(mask)
    assert stat.S_IMODE((shop / "docs" / "api.md").stat().st_mode) == 0o666 & ~mask


def test_a_read_only_page_is_refused_and_left_as_it_is(shop: Path) -> None:
    page = shop / "docs" / "features" / "order-lifecycle.md"
    before = page.read_bytes()
    page.chmod(0o444)
    try:
        run = featuredocs("sync", "--no-cache", cwd=shop)
        assert run.code == 2, run.err
        assert "Traceback" not in run.err
        lines = [line for line in run.err.splitlines() if "order-lifecycle.md" in line]
        assert lines == ["featuredocs: docs/features/order-lifecycle.md: cannot write: the file is read-only"]
        assert page.read_bytes() == before
    finally:
        page.chmod(0o644)


def test_a_page_linked_under_two_names_is_written_once(shop: Path) -> None:
    features = shop / "docs" / "features"
    (features / "alias.md").symlink_to("order-lifecycle.md")
    before = (features / "order-lifecycle.md").read_text(encoding="utf-8")
    run = featuredocs("sync", "--no-cache", cwd=shop)
    assert run.code == 0, run.err
    after = (features / "order-lifecycle.md").read_text(encoding="utf-8")
    assert after != before and (features / "alias.md").is_symlink()
    assert featuredocs("sync", "--check", "--no-cache", cwd=shop).code == 0
