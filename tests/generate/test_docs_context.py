"""The docs tree as a new page sees it: the anchors of a page are read from its text when
first asked, and only then; the feature pages it may relate to come from what each page
documents."""

from __future__ import annotations

from pathlib import Path

from featuredocs.coverage.claimed import Claimed
from featuredocs.generate.docs_context import PageAnchors, docs_context
from featuredocs.generate.render_base import live_links


class CountingTexts(dict[str, str]):
    """Page texts that count how often each is read."""

    def __init__(self, texts: dict[str, str]) -> None:
        super().__init__(texts)
        self.reads: dict[str, int] = {}

    def __getitem__(self, rel: str) -> str:
        self.reads[rel] = self.reads.get(rel, 0) + 1
        return super().__getitem__(rel)


def _texts() -> CountingTexts:
    pages = {f"features/page-{n}.md": f"# Page {n}\n\n## Part {n}\n" for n in range(50)}
    return CountingTexts({**pages, "commands.md": "# Commands\n\n## send_invoices\n\n### `--dry-run`\n"})


def test_anchors_are_read_only_for_the_pages_asked_about(tmp_path: Path) -> None:
    texts = _texts()
    anchors = PageAnchors(tmp_path, texts)
    assert len(anchors) == 51 and "features/page-7.md" in anchors and "missing.md" not in anchors
    assert anchors["commands.md"] == {"commands", "send_invoices", "--dry-run"}
    assert anchors["commands.md"] == anchors["commands.md"]
    assert anchors["features/page-7.md"] == {"page-7", "part-7"}
    assert texts.reads == {"commands.md": 1, "features/page-7.md": 1}


def test_a_new_page_links_what_resolves_and_relates_to_the_pages_of_its_apps(tmp_path: Path) -> None:
    texts = _texts()
    claimed = [
        Claimed("features/page-1.md", "Page 1", apps={"billing"}),
        Claimed("features/page-2.md", "Page 2"),
        Claimed("features/new.md", "New", apps={"billing"}),  # the page being written again
    ]
    docs = docs_context("features/new.md", tmp_path, frozenset(texts), texts, claimed)
    assert [(f.rel, f.title, f.apps) for f in docs.features] == [
        ("features/page-1.md", "Page 1", frozenset({"billing"})),
        ("features/page-2.md", "Page 2", frozenset()),
    ]
    lines = live_links(
        [
            "- [Send](../commands.md#send_invoices) - ref",
            "- [Gone](../commands.md#expire_invoices) - ref",
            "- [Missing](../missing.md) - ref",
        ],
        docs,
    )
    assert lines == [
        "- [Send](../commands.md#send_invoices) - ref",
        "- [Gone](../commands.md) - ref",
        "- [Missing] - ref",
    ]
    assert texts.reads == {"commands.md": 1}
