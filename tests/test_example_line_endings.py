"""The bundled example's pages with CRLF (Windows) and lone-CR (old Mac) line ends: the
true docs still check clean, and the drifted docs give the findings they give with LF, at
the same lines and columns; a fix keeps the page's own line ends."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from tests.cli.support import featuredocs

SHOP = Path(__file__).resolve().parents[1] / "examples" / "shop"


@pytest.fixture(scope="module", params=["\r\n", "\r"], ids=["crlf", "cr"])
def shop(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("line-ends") / "shop"
    shutil.copytree(SHOP, root, ignore=shutil.ignore_patterns("__pycache__", ".featuredocs_cache"))
    for page in [*root.glob("docs/**/*.md"), *root.glob("docs-drifted/**/*.md")]:
        text = page.read_text(encoding="utf-8").replace("\r\n", "\n")
        page.write_bytes(text.replace("\n", request.param).encode("utf-8"))
    return root


def _findings(root: Path, *args: str) -> list[tuple[object, ...]]:
    run = featuredocs("check", "--no-cache", "--format", "json", *args, cwd=root)
    assert "Traceback" not in run.err, run.err
    return sorted((f["path"], f["line"], f["column"], f["code"]) for f in json.loads(run.out)["findings"])


@pytest.fixture(scope="module")
def with_lf() -> list[tuple[object, ...]]:
    return _findings(SHOP, "--docs", "docs-drifted")


def test_true_docs_check_clean(shop: Path) -> None:
    assert _findings(shop) == []


def test_drifted_docs_give_the_findings_they_give_with_lf(shop: Path, with_lf: list[tuple[object, ...]]) -> None:
    assert len(with_lf) > 30
    assert _findings(shop, "--docs", "docs-drifted") == with_lf


def test_a_fix_keeps_the_line_ends(shop: Path) -> None:
    docs = shop / "docs-fixed"
    shutil.copytree(shop / "docs-drifted", docs)
    page = docs / "features" / "order-lifecycle.md"
    before = page.read_bytes()
    ending = b"\r\n" if b"\r\n" in before else b"\r"
    featuredocs("check", "--no-cache", "--fix", "--docs", "docs-fixed", str(page), cwd=shop)
    after = page.read_bytes()
    assert after != before
    assert after.count(ending) == before.count(ending)
    assert after.replace(ending, b"").count(b"\r") + after.replace(ending, b"").count(b"\n") == 0
