"""The bundled example's pages hard-wrapped at 72 columns, as many teams keep their
Markdown, and at 40: the true docs still check clean, and the drifted docs still give every drift
the manifest lists, each on its page — a sentence or a list broken over lines reads as
it did on one."""

from __future__ import annotations

import json
import re
import shutil
import textwrap
from collections import Counter
from pathlib import Path

import pytest

from tests.cli.support import featuredocs

SHOP = Path(__file__).resolve().parents[1] / "examples" / "shop"
_ITEM = re.compile(r"\s*(?:[-*+]|\d+\.)\s+")
_KEPT = ("|", "#", ">", "<")


def wrapped(text: str, width: int = 72) -> str:
    """``text`` with its long prose lines and list items wrapped, their continuation
    lines indented under the item's text; code, tables and headings as they are, and
    inline code never broken."""
    out: list[str] = []
    fenced = False
    for line in text.replace("\r\n", "\n").split("\n"):
        if line.lstrip().startswith(("```", "~~~")):
            fenced = not fenced
        if fenced or line.lstrip().startswith(("```", "~~~", *_KEPT)) or len(line) <= width or line.startswith("    "):
            out.append(line)
            continue
        item = _ITEM.match(line)
        lead = item.group(0) if item else line[: len(line) - len(line.lstrip())]
        kept = re.sub(r"`[^`]*`", lambda code: code.group(0).replace(" ", "\0"), line[len(lead):])
        lines = textwrap.wrap(kept, width, initial_indent=lead, subsequent_indent=" " * len(lead),
                              break_long_words=False, break_on_hyphens=False)
        out.extend(part.replace("\0", " ") for part in lines)
    return "\n".join(out)


@pytest.fixture(scope="module", params=[72, 40])
def shop(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp(f"wrapped-{request.param}") / "shop"
    shutil.copytree(SHOP, root, ignore=shutil.ignore_patterns("__pycache__", ".featuredocs_cache"))
    for page in [*root.glob("docs/features/*.md"), *root.glob("docs-drifted/features/*.md")]:
        text = page.read_text(encoding="utf-8-sig")
        page.write_text(wrapped(text, request.param), encoding="utf-8")
    return root


def _findings(root: Path, *args: str) -> list[dict[str, object]]:
    run = featuredocs("check", "--no-cache", "--format", "json", *args, cwd=root)
    assert "Traceback" not in run.err, run.err
    return json.loads(run.out)["findings"]


def test_the_pages_were_wrapped(shop: Path) -> None:
    for folder in ("docs", "docs-drifted"):
        text = (shop / folder / "features" / "order-lifecycle.md").read_text(encoding="utf-8")
        before = (SHOP / folder / "features" / "order-lifecycle.md").read_text(encoding="utf-8-sig")
        assert len(text.splitlines()) > len(before.splitlines()) + 50
        assert "- `customer` (ForeignKey → User): Who placed the order; a user with orders cannot be deleted." not in text


def test_wrapped_true_docs_check_clean(shop: Path) -> None:
    assert _findings(shop) == []


def test_wrapped_drifted_docs_give_every_listed_drift_on_its_page(shop: Path) -> None:
    manifest = json.loads((SHOP / "drifts.json").read_text(encoding="utf-8"))
    expected = Counter((d["page"], d["code"]) for d in manifest)
    found = Counter((str(f["path"]).removeprefix("docs-drifted/"), f["code"]) for f in _findings(shop, "--docs", "docs-drifted"))
    assert expected - found == Counter(), "missed drifts"
    assert found - expected == Counter(), "findings the manifest does not list"
