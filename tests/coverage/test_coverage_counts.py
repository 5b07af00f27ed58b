"""Coverage numbers against counts made independently (see :mod:`tests.coverage.independent`),
on the example's clean docs, its drifted docs, and a copy with parts cut out."""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path
from typing import Any

import pytest

from tests.cli.support import featuredocs
from tests.coverage.independent import documented, expected_counts, project_items
from tests.generate.shop import copy_shop, facts_json


def _cut(text: str, pattern: str) -> str:
    changed = re.sub(pattern, "", text, count=1, flags=re.M | re.S)
    assert changed != text, pattern
    return changed


def _trimmed_docs(project: Path) -> None:
    """``docs-trimmed``: the clean docs with a model, an endpoint and list items removed."""
    source, target = project / "docs", project / "docs-trimmed"
    shutil.copytree(source, target)
    features = target / "features"
    cuts = {
        "order-lifecycle.md": [r"^### OrderItem\n.*?(?=^## Management Commands)"],
        "payment-reminders.md": [r"^- `--limit`:.*?\n", r"^### PATCH /api/v1/customers/me/\n.*?(?=^### GET)"],
        "product-catalog.md": [r"^- `price_cents__gte`.*?\n", r"^SHOP_IMPORT_MAX_ROWS=.*?\n"],
    }
    for name, patterns in cuts.items():
        page = features / name
        text = page.read_text(encoding="utf-8")
        for pattern in patterns:
            text = _cut(text, pattern)
        page.write_text(text, encoding="utf-8")


@pytest.fixture(scope="module")
def shop(tmp_path_factory: pytest.TempPathFactory) -> Path:
    project = copy_shop(tmp_path_factory.mktemp("coverage"))
    _trimmed_docs(project)
    return project


@pytest.fixture(scope="module")
def facts(shop: Path) -> dict[str, Any]:
    return facts_json(shop)


def _report(shop: Path, tree: str) -> dict[str, Any]:
    run = featuredocs("coverage", "--format", "json", "--docs", tree, cwd=shop)
    assert run.code == 0, run.err
    return json.loads(run.out)


@pytest.fixture(scope="module")
def reports(shop: Path) -> dict[str, dict[str, Any]]:
    return {tree: _report(shop, tree) for tree in ("docs", "docs-drifted", "docs-trimmed")}


def _expected(shop: Path, tree: str, facts: dict[str, Any]) -> dict[str, Any]:
    pages = [p.read_text(encoding="utf-8") for p in sorted((shop / tree / "features").glob("*.md"))]
    return expected_counts(project_items(facts, shop), documented(pages, facts))


@pytest.mark.parametrize("tree", ["docs", "docs-drifted", "docs-trimmed"])
def test_counts_per_kind_match(shop: Path, facts: dict[str, Any], reports: dict[str, Any], tree: str) -> None:
    expected = _expected(shop, tree, facts)
    got = {
        kind: (count["documented"], count["total"])
        for kind, count in reports[tree]["totals"]["kinds"].items()
        if count["total"]
    }
    assert got == expected["kinds"]


@pytest.mark.parametrize("tree", ["docs", "docs-drifted", "docs-trimmed"])
def test_counts_per_app_match(shop: Path, facts: dict[str, Any], reports: dict[str, Any], tree: str) -> None:
    expected = _expected(shop, tree, facts)
    got = {
        app: (counts["documented"], counts["total"])
        for app, counts in reports[tree]["apps"].items()
        if counts["total"]
    }
    assert got == expected["apps"]


def test_totals_and_the_undocumented_list(shop: Path, facts: dict[str, Any], reports: dict[str, Any]) -> None:
    expected = _expected(shop, "docs-trimmed", facts)
    report = reports["docs-trimmed"]
    total = sum(t for _, t in expected["kinds"].values())
    done = sum(d for d, _ in expected["kinds"].values())
    assert (report["totals"]["documented"], report["totals"]["total"]) == (done, total)
    assert report["totals"]["percent"] == round(100 * done / total, 2)
    listed = sum(len(items) for items in report["undocumented"].values())
    assert listed == len(expected["missing"]) == total - done
    assert {"app": "orders", "name": "orders.OrderItem"} in report["undocumented"]["models"]
    assert {"app": "customers", "name": "PATCH /api/v1/customers/me/"} in report["undocumented"]["endpoints"]
    assert {"app": "customers", "name": "send_reminders --limit"} in report["undocumented"]["options"]
    assert {"app": "catalog", "name": "SHOP_IMPORT_MAX_ROWS"} in report["undocumented"]["env_vars"]


def test_the_clean_example_is_fully_documented(reports: dict[str, Any]) -> None:
    report = reports["docs"]
    assert report["version"] == 1 and report["pages"] == 3
    assert report["totals"]["documented"] == report["totals"]["total"] > 0
    assert all(not items for items in report["undocumented"].values())


def test_drift_renaming_a_field_leaves_the_real_field_undocumented(reports: dict[str, Any]) -> None:
    assert reports["docs-drifted"]["undocumented"]["fields"] == [
        {"app": "orders", "name": "orders.Order.total_cents"}
    ]


def test_only_the_projects_own_things_count(reports: dict[str, Any], facts: dict[str, Any]) -> None:
    apps = set(reports["docs"]["apps"])
    assert apps == {a["label"] for a in facts["apps"] if a["project"]}
    assert "auth" not in apps and "admin" not in apps
