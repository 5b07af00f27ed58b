"""The subcommands answer the same situation the same way: a missing docs folder, a diff
to show, a path that is not a feature page."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from tests.cli.support import featuredocs

SHOP = Path(__file__).resolve().parents[2] / "examples" / "shop"


@pytest.fixture
def shop(tmp_path: Path) -> Path:
    project = tmp_path / "shop"
    shutil.copytree(SHOP, project, ignore=shutil.ignore_patterns(".featuredocs_cache", "__pycache__"))
    return project


@pytest.mark.parametrize(
    "command",
    [("check",), ("sync",), ("index",), ("coverage",)],
    ids=" ".join,
)
def test_missing_docs_folder_stops_every_command_that_reads_the_docs(shop: Path, command: tuple[str, ...]) -> None:
    (shop / "pyproject.toml").write_text('[tool.featuredocs]\ndocs = "nodocs"\n', encoding="utf-8")
    run = featuredocs(*command, cwd=shop)
    assert run.code == 2
    assert run.err.splitlines()[-1].startswith("featuredocs: nodocs: docs folder not found")
    assert "Traceback" not in run.err
    assert not (shop / "nodocs").exists()


def test_index_diff_exits_1_when_there_is_a_diff(shop: Path) -> None:
    page = shop / "docs" / "features" / "order-lifecycle.md"
    page.rename(page.with_name("order-flow.md"))
    run = featuredocs("index", "--diff", cwd=shop)
    assert "+- [Order Lifecycle](features/order-flow.md)" in run.out
    assert run.code == 1, run.err


def test_index_reads_dot_slash_links_as_linked(shop: Path) -> None:
    readme = shop / "docs" / "README.md"
    text = readme.read_text(encoding="utf-8")
    readme.write_text(text.replace("(features/order-lifecycle.md)", "(./features/order-lifecycle.md)")
                      .replace("(features/product-catalog.md)", "(features/../features/product-catalog.md)"),
                      encoding="utf-8")
    assert featuredocs("index", cwd=shop).code == 0
    after = readme.read_text(encoding="utf-8")
    assert after.count("order-lifecycle.md)") == 1
    assert after.count("product-catalog.md)") == 1
    assert after.count("## Features") == 1


def test_index_tagline_links_point_from_the_readme(shop: Path) -> None:
    readme = shop / "docs" / "README.md"
    readme.write_text("\n".join(line for line in readme.read_text(encoding="utf-8").splitlines()
                                if "(features/order-lifecycle.md)" not in line) + "\n", encoding="utf-8")
    page = shop / "docs" / "features" / "order-lifecycle.md"
    lines = page.read_text(encoding="utf-8").splitlines(keepends=True)
    assert lines[2].startswith("> **Order Lifecycle** - ")
    lines[2] = ("> **Order Lifecycle** - Handles [reminders](payment-reminders.md), "
                "[the API](../api.md) and [https](https://example.com/x.md).\n")
    page.write_text("".join(lines), encoding="utf-8")
    assert featuredocs("index", cwd=shop).code == 0
    entry = next(line for line in readme.read_text(encoding="utf-8").splitlines() if "[Order Lifecycle]" in line)
    assert entry == (
        "- [Order Lifecycle](features/order-lifecycle.md) - Handles [reminders](features/payment-reminders.md), "
        "[the API](api.md) and [https](https://example.com/x.md)."
    )
    run = featuredocs("check", "docs/README.md", "--select", "FD201", cwd=shop)
    assert run.code == 0, run.out


def test_coverage_leaves_out_archived_pages(shop: Path) -> None:
    before = json.loads(featuredocs("coverage", "--format", "json", cwd=shop).out)
    assert (before["pages"], before["totals"]["percent"]) == (3, 100.0)
    page = shop / "docs" / "features" / "order-lifecycle.md"
    page.write_text("---\nstatus: archived\n---\n" + page.read_text(encoding="utf-8"), encoding="utf-8")
    after = json.loads(featuredocs("coverage", "--format", "json", cwd=shop).out)
    assert after["pages"] == 2
    assert after["totals"]["percent"] < 100.0


def test_sync_of_a_page_that_is_not_a_feature_page(shop: Path) -> None:
    run = featuredocs("sync", "docs/architecture.md", cwd=shop)
    assert run.code == 2
    assert run.err.startswith("featuredocs: docs/architecture.md: not a feature page")
    assert "in sync" not in run.err
    run = featuredocs("sync", "docs/commands.md", cwd=shop)
    assert (run.code, run.err.strip()) == (
        2, "featuredocs: docs/commands.md: written by `featuredocs index`, which refreshes it; sync refreshes feature pages",
    )
    assert featuredocs("sync", "docs/features/order-lifecycle.md", cwd=shop).code == 0
