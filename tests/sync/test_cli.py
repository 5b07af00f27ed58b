"""``featuredocs sync`` tried as a new user would: copy the example, change the code, sync,
check. Also: ``--check`` and ``--diff`` write nothing, and a second sync changes nothing."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.cli.support import featuredocs
from tests.generate.shop import copy_shop, replace_in

PAGE = "docs/features/order-lifecycle.md"


def snapshot(project: Path) -> dict[str, tuple[bytes, int]]:
    """Every docs file's bytes and modification time."""
    return {
        str(path.relative_to(project)): (path.read_bytes(), path.stat().st_mtime_ns)
        for path in sorted((project / "docs").rglob("*"))
        if path.is_file()
    }


@pytest.fixture(scope="module")
def project(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The shop after a commit: ``Order.expired_at`` renamed, a command default changed."""
    root = copy_shop(tmp_path_factory.mktemp("sync-cli"))
    model = root / "orders/models/order.py"
    model.write_text(model.read_text(encoding="utf-8").replace("expired_at", "expired_on"), encoding="utf-8")
    replace_in(root / "orders/admin.py", '"expired_at"', '"expired_on"')
    command = root / "orders/management/commands/expire_orders.py"
    replace_in(command, "default=200,", "default=250,")
    replace_in(command, "(default: 200)", "(default: 250)")
    return root


def test_a_new_user_changes_the_code_syncs_and_checks_clean(project: Path) -> None:
    before = featuredocs("check", cwd=project)
    assert before.code == 1, before.err
    assert "FD302" in before.out and "FD403" in before.out

    untouched = snapshot(project)
    for flag in ("--check", "--diff"):
        run = featuredocs("sync", flag, cwd=project)
        assert run.code == 1, run.err
        assert snapshot(project) == untouched, f"sync {flag} wrote something"
        if flag == "--check":
            assert run.out == f"would update {PAGE}\n"
        else:
            assert f"--- a/{PAGE}\n+++ b/{PAGE}\n" in run.out
            assert "-- `expired_at` (DateTimeField)" in run.out
            assert "+- `expired_on` (DateTimeField)" in run.out
            assert "+- `--batch-size`: Orders loaded per query (default: 250)" in run.out

    run = featuredocs("sync", cwd=project)
    assert run.code == 0, run.err
    assert run.out == f"updated {PAGE}\n"
    text = (project / PAGE).read_text(encoding="utf-8")
    assert "- `expired_on` (DateTimeField): When `expire_orders` gave up on the order; empty otherwise.\n" in text

    # The commands reference's hand-written option list is no feature page: sync leaves
    # it, check reports its stale default, and its safe fix mends it.
    after = featuredocs("check", cwd=project)
    assert after.code == 0, after.out
    assert after.out.startswith("docs/commands.md:25:53: FD403 `--batch-size` is documented to default to `200`")
    assert "1 warning in 1 of 7 pages" in after.out
    fixed = featuredocs("check", "--fix", cwd=project)
    assert fixed.code == 0, fixed.out + fixed.err
    assert "- `--batch-size`: Orders loaded per query (default: 250)" in (
        project / "docs" / "commands.md").read_text(encoding="utf-8")
    after = featuredocs("check", cwd=project)
    assert after.code == 0, after.out
    assert after.out.startswith("All checks passed")

    synced = snapshot(project)
    again = featuredocs("sync", cwd=project)
    assert again.code == 0 and again.out == ""
    assert "every page is in sync" in again.err
    assert snapshot(project) == synced
    assert featuredocs("sync", "--check", cwd=project).code == 0


def test_sync_of_a_path_that_is_not_a_page_is_a_usage_error(project: Path) -> None:
    run = featuredocs("sync", "docs/nowhere.md", cwd=project)
    assert run.code == 2
    assert "not a Markdown page under the docs folder" in run.err


def test_many_pages_sync_the_same_on_every_core_count(tmp_path: Path) -> None:
    """Past a few dozen pages the pages are looked at in worker processes: the diff, and
    the order of its pages, stay the same."""
    shop = copy_shop(tmp_path)
    features = shop / "docs-drifted" / "features"
    originals = sorted(features.glob("*.md"))
    for copy in range(30):
        for page in originals:
            (features / f"{page.stem}-{copy:02d}.md").write_text(page.read_text(encoding="utf-8"), encoding="utf-8")
    diffs = {
        workers: featuredocs("sync", "--diff", "--docs", "docs-drifted", cwd=shop, env={"FEATUREDOCS_WORKERS": workers})
        for workers in ("1", "2")
    }
    assert diffs["1"].code == 1 and diffs["1"].out.count("+++ ") == len(originals) * 31
    assert (diffs["2"].code, diffs["2"].out) == (diffs["1"].code, diffs["1"].out)
