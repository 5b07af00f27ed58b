"""The bundled example's pages with every section's content inside an MkDocs content tab
(``=== "Details"`` and a body indented by four spaces), as MkDocs Material sites write
them: the true docs still check clean, and the drifted docs give every finding they give
as plain Markdown, each at the same text, four columns to the right."""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import pytest

from tests.cli.support import featuredocs

SHOP = Path(__file__).resolve().parents[1] / "examples" / "shop"
#: Where each line of a page went: its new line number and how far right it moved.
Moves = dict[int, tuple[int, int]]


def in_tabs(text: str) -> tuple[str, Moves]:
    """``text`` with the content under each heading but the title put in a content tab."""
    out: list[str] = []
    moves: Moves = {}
    fenced = False
    for number, line in enumerate(text.split("\n"), start=1):
        if line.lstrip().startswith(("```", "~~~")):
            fenced = not fenced
        if not fenced and re.match(r"#{2,6} ", line):
            out.append(line)
            moves[number] = (len(out), 0)
            out.extend(("", '=== "Details"', ""))
            continue
        indented = bool(line.strip()) and number > 3  # the title and its tagline stay as they are
        out.append(f"    {line}" if indented else line)
        moves[number] = (len(out), 4 if indented else 0)
    return "\n".join(out), moves


@pytest.fixture(scope="module")
def shop(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, Moves]]:
    root = tmp_path_factory.mktemp("mkdocs-tabs") / "shop"
    shutil.copytree(SHOP, root, ignore=shutil.ignore_patterns("__pycache__", ".featuredocs_cache"))
    moved: dict[str, Moves] = {}
    for page in root.glob("docs-drifted/features/*.md"):
        text, moves = in_tabs(page.read_text(encoding="utf-8"))
        page.write_text(text, encoding="utf-8")
        moved[f"docs-drifted/features/{page.name}"] = moves
    for page in root.glob("docs/features/*.md"):
        page.write_text(in_tabs(page.read_text(encoding="utf-8"))[0], encoding="utf-8")
    return root, moved


def _findings(root: Path, *args: str) -> list[tuple[str, int, int, str]]:
    run = featuredocs("check", "--no-cache", "--format", "json", *args, cwd=root)
    assert "Traceback" not in run.err, run.err
    return sorted((f["path"], f["line"], f["column"], f["code"]) for f in json.loads(run.out)["findings"])


def test_the_pages_are_in_tabs(shop: tuple[Path, dict[str, Moves]]) -> None:
    text = (shop[0] / "docs" / "features" / "order-lifecycle.md").read_text(encoding="utf-8")
    assert text.count('=== "Details"') > 10
    assert "\n    | Variable |" in text or "\n    - `customer` (ForeignKey" in text


def test_true_docs_in_tabs_check_clean(shop: tuple[Path, dict[str, Moves]]) -> None:
    assert _findings(shop[0]) == []


def test_drifted_docs_in_tabs_give_every_finding_at_its_moved_place(shop: tuple[Path, dict[str, Moves]]) -> None:
    root, moved = shop
    plain = _findings(SHOP, "--docs", "docs-drifted")
    assert len(plain) > 30
    expected = []
    for path, line, column, code in plain:
        moves = moved.get(path)
        if moves is None:  # a reference page, left as it is
            expected.append((path, line, column, code))
            continue
        new_line, right = moves[line]
        expected.append((path, new_line, column + right, code))
    assert _findings(root, "--docs", "docs-drifted") == sorted(expected)
