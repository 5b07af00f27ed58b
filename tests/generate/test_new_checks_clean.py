"""The promise of ``featuredocs new``: a page written from the code, once a person has
replaced its placeholders with prose, checks with zero findings.

One copy of the example shop for the module: ``new`` writes a page for each app,
``index`` links them from the documentation index, and ``check`` judges the result.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.cli.support import featuredocs
from tests.generate.shop import APPS, copy_shop, fill_placeholders


@pytest.fixture(scope="module")
def shop(tmp_path_factory: pytest.TempPathFactory) -> Path:
    project = copy_shop(tmp_path_factory.mktemp("new"))
    for app in APPS:
        run = featuredocs("new", f"{app}-from-code", "--app", app, cwd=project)
        assert run.code == 0, run.err
        assert run.err.splitlines() == [
            f"featuredocs: wrote docs/features/{app}-from-code.md",
            "featuredocs: run `featuredocs index` to link it from the documentation index",
        ]
    run = featuredocs("index", cwd=project)
    assert run.code == 0, run.err
    return project


def _findings(project: Path, *paths: str) -> list[dict[str, object]]:
    run = featuredocs("check", "--format", "json", *paths, cwd=project)
    assert run.code in (0, 1), run.err
    return json.loads(run.out)["findings"]


def test_the_index_links_the_new_pages_without_their_placeholder_taglines(shop: Path) -> None:
    readme = (shop / "docs" / "README.md").read_text(encoding="utf-8")
    for app in APPS:
        title = f"{app.capitalize()} From Code"
        assert f"\n- [{title}](features/{app}-from-code.md)\n" in readme


def test_generated_pages_only_report_their_placeholders(shop: Path) -> None:
    pages = [f"docs/features/{app}-from-code.md" for app in APPS]
    findings = _findings(shop, *pages)
    assert {f["path"] for f in findings} == set(pages)  # every page has prose to write
    assert {f["code"] for f in findings} == {"FD103"}


@pytest.mark.parametrize("app", APPS)
def test_page_with_its_placeholders_written_checks_clean(shop: Path, app: str) -> None:
    page = shop / "docs" / "features" / f"{app}-from-code.md"
    page.write_text(fill_placeholders(page.read_text(encoding="utf-8")), encoding="utf-8")
    findings = _findings(shop, f"docs/features/{app}-from-code.md")
    assert findings == []


def test_whole_docs_tree_checks_clean_with_the_new_pages(shop: Path) -> None:
    for app in APPS:
        page = shop / "docs" / "features" / f"{app}-from-code.md"
        page.write_text(fill_placeholders(page.read_text(encoding="utf-8")), encoding="utf-8")
    run = featuredocs("check", cwd=shop)
    assert run.code == 0, run.out
    assert run.out.startswith("All checks passed: 10 pages")
