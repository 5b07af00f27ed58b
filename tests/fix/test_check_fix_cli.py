"""``featuredocs check --fix``, ``--diff`` and ``--unsafe-fixes`` on a copy of the drifted
example docs, run as a user runs them."""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

import pytest

from tests.cli.support import featuredocs
from tests.generate.shop import copy_shop

CATALOG = "docs-drifted/features/product-catalog.md"
ORDERS = "docs-drifted/features/order-lifecycle.md"


def snapshot(project: Path) -> dict[str, tuple[bytes, int]]:
    return {
        str(path.relative_to(project)): (path.read_bytes(), path.stat().st_mtime_ns)
        for path in sorted((project / "docs-drifted").rglob("*"))
        if path.is_file()
    }


def codes(run_out: str) -> list[str]:
    return [f["code"] for f in json.loads(run_out)["findings"]]


@pytest.fixture
def project(tmp_path: Path) -> Path:
    root = copy_shop(tmp_path)
    catalog = root / CATALOG
    # A near-miss flag: FD402 offers an unsafe rename for it.
    catalog.write_text(
        catalog.read_text(encoding="utf-8").replace("- `--batch-size`: Products", "- `--batch-sise`: Products"),
        encoding="utf-8",
    )
    # One page stored with a byte-order mark and CRLF newlines, no final newline.
    orders = root / ORDERS
    text = orders.read_text(encoding="utf-8").rstrip("\n").replace("\n", "\r\n")
    orders.write_bytes(b"\xef\xbb\xbf" + text.encode("utf-8"))
    return root


def test_plain_check_and_diff_write_nothing(project: Path) -> None:
    before = snapshot(project)
    plain = featuredocs("check", "--docs", "docs-drifted", cwd=project)
    assert plain.code == 1
    assert "fixable with --fix" in plain.out
    assert snapshot(project) == before

    diff = featuredocs("check", "--docs", "docs-drifted", "--diff", cwd=project)
    assert diff.code == 1, diff.err
    assert snapshot(project) == before
    assert f"--- a/{ORDERS}\n+++ b/{ORDERS}\n" in diff.out
    assert "-**TTL**: 30 minutes\n+**TTL**: 15 minutes\n" in diff.out
    assert "--batch-sise" not in diff.out  # unsafe: not without --unsafe-fixes


def test_fix_applies_the_safe_fixes_and_reports_what_remains(project: Path) -> None:
    before = featuredocs("check", "--docs", "docs-drifted", "--format", "json", cwd=project)
    fixed = featuredocs("check", "--docs", "docs-drifted", "--fix", "--format", "json", cwd=project)
    assert fixed.code == 1, fixed.err  # findings without a fix remain
    assert "featuredocs: applied 11 fixes in 3 pages" in fixed.err
    remaining = Counter(codes(fixed.out))
    settled = Counter(codes(before.out)) - remaining
    # Eleven fixes settle twelve findings: `total` renamed to `total_cents` was also the
    # field FD305 missed in the list.
    assert settled == Counter({"FD202": 1, "FD302": 1, "FD303": 1, "FD305": 1, "FD308": 1, "FD403": 1, "FD507": 1, "FD508": 1, "FD602": 2, "FD701": 1, "FD702": 1})
    assert "FD402" in remaining  # the unsafe rename was not applied

    orders = (project / ORDERS).read_bytes()
    assert orders.startswith(b"\xef\xbb\xbf")
    assert b"\n" not in orders.replace(b"\r\n", b"")  # still CRLF only
    assert not orders.endswith(b"\n")
    assert b"- `total_cents` (PositiveIntegerField): Sum" in orders
    assert b"(default: 48)" in orders
    assert 'cache_key = f"catalog:product:{pk}:summary"' in (project / CATALOG).read_text(encoding="utf-8")

    again = featuredocs("check", "--docs", "docs-drifted", "--diff", cwd=project)
    assert again.code == 0 and again.out == ""


def test_unsafe_fixes_are_applied_only_when_asked(project: Path) -> None:
    run = featuredocs("check", "--docs", "docs-drifted", "--fix", "--unsafe-fixes", cwd=project)
    assert "featuredocs: applied 15 fixes in 3 pages" in run.err  # FD307, FD406 and FD506 rewrite their lists
    assert "- `--batch-size`: Products written per database round trip" in (project / CATALOG).read_text(encoding="utf-8")
