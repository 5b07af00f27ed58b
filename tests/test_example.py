"""The bundled example: its true docs check clean, its drifted docs give exactly the drifts
its manifest lists, at the listed lines — nothing missed, nothing extra."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.cli.support import featuredocs

SHOP = Path(__file__).resolve().parents[1] / "examples" / "shop"


def findings(*args: str) -> tuple[int, list[dict[str, object]], str]:
    run = featuredocs("check", "--format", "json", *args, cwd=SHOP)
    assert "Traceback" not in run.err, run.err
    return run.code, json.loads(run.out)["findings"], run.err


@pytest.fixture(scope="module")
def drifted() -> list[dict[str, object]]:
    code, found, err = findings("--docs", "docs-drifted")
    assert code == 1, err
    return found


def test_true_docs_check_clean_with_no_flags_and_no_configuration() -> None:
    assert not (SHOP / "pyproject.toml").exists()  # everything is found by itself
    code, found, err = findings()
    assert found == []
    assert code == 0
    assert "featuredocs:" not in err  # facts were read live: no fallback note


def test_every_listed_drift_is_found_at_its_line(drifted: list[dict[str, object]]) -> None:
    manifest = json.loads((SHOP / "drifts.json").read_text(encoding="utf-8"))
    expected = {(d["page"], d["line"], d["code"]) for d in manifest}
    got = {(str(f["path"]).removeprefix("docs-drifted/"), f["line"], f["code"]) for f in drifted}
    assert sorted(expected - got) == [], "missed drifts"
    assert sorted(got - expected) == [], "findings the manifest does not list"
    assert len(manifest) >= 20
    assert len({d["code"] for d in manifest}) >= 15
