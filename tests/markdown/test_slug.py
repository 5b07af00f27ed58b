from __future__ import annotations

import json
from pathlib import Path

import pytest

from featuredocs.markdown import GithubSlugger, github_slug

SHARED_FIXTURES = Path("/work/shared/data/github-slugger-fixtures.json")
LOCAL_FIXTURES = Path(__file__).parent / "data" / "github-slugger-fixtures.json"


def _cases(path: Path) -> list[dict[str, str]]:
    if not path.exists():
        pytest.skip(f"{path} not present")
    return json.loads(path.read_text(encoding="utf-8"))


@pytest.mark.parametrize("path", [SHARED_FIXTURES, LOCAL_FIXTURES], ids=["shared", "local"])
def test_one_slugger_reproduces_every_github_anchor_in_order(path: Path) -> None:
    cases = _cases(path)
    slugger = GithubSlugger()
    wrong = [
        (case["name"], got, case["expected"])
        for case in cases
        if (got := slugger.slug(case["input"])) != case["expected"]
    ]
    assert len(cases) == 78
    assert wrong == []


@pytest.mark.parametrize(
    ("heading", "slug"),
    [
        ("Data Models", "data-models"),
        ("GET /api/orders/{id}/", "get-apiordersid"),
        ("`expire_orders` command", "expire_orders-command"),
        ("Q&A  time", "qa--time"),
        ("Ünïcödé Überschrift", "ünïcödé-überschrift"),
        ("🚀 Launch", "-launch"),
    ],
)
def test_github_slug_shapes(heading: str, slug: str) -> None:
    assert github_slug(heading) == slug


def test_duplicates_are_numbered_per_base_slug() -> None:
    slugger = GithubSlugger()
    assert [slugger.slug(t) for t in ("Usage", "Usage", "Other", "Usage")] == [
        "usage",
        "usage-1",
        "other",
        "usage-2",
    ]


def test_a_literal_numbered_heading_does_not_collide_with_a_generated_one() -> None:
    slugger = GithubSlugger()
    assert [slugger.slug(t) for t in ("a", "a", "a-1")] == ["a", "a-1", "a-1-1"]
