from __future__ import annotations

from pathlib import Path

from featuredocs.model import Span
from featuredocs.rules.fd2_links.fd204_unreachable_page import UnreachablePage
from tests.rules.fd2.helpers import docs_context, page_of
from tests.support.rules import run_rule


def test_pages_reached_directly_through_pages_and_folders_are_silent(tmp_path: Path) -> None:
    ctx = docs_context(
        tmp_path / "docs",
        {
            "README.md": "# Docs\n\n- [Features](features/)\n- [API](api.md#top)\n",
            "api.md": "# API\n",
            "features/README.md": "# Features\n\n[Expiry](order-expiry.md)\n",
            "features/order-expiry.md": "# Expiry\n\n[Refunds](refunds.md)\n",
            "features/refunds.md": "# Refunds\n",
            "features/_TEMPLATE.md": "# [Feature Name]\n",
        },
    )
    index = page_of(ctx, "README.md")
    assert run_rule(UnreachablePage, index, ctx=ctx) == []


def test_orphan_page_is_reported_at_its_title(tmp_path: Path) -> None:
    ctx = docs_context(
        tmp_path / "docs",
        {
            "index.md": "# Docs\n\n[A](a.md)\n",
            "a.md": "# A\n",
            "features/orphan.md": "Intro.\n\n# Orphan\n",
            "features/untitled.md": "no title\n",
        },
    )
    findings = run_rule(UnreachablePage, page_of(ctx, "index.md"), ctx=ctx)
    assert [(f.code, f.path, f.span) for f in findings] == [
        ("FD204", "features/orphan.md", Span(3, 1, 3, 9)),
        ("FD204", "features/untitled.md", Span.at(1)),
    ]
    assert findings[0].message == "page is not linked from `index.md`, directly or through other pages"


def test_no_index_no_findings(tmp_path: Path) -> None:
    ctx = docs_context(tmp_path / "docs", {"a.md": "# A\n", "b.md": "# B\n"})
    assert run_rule(UnreachablePage, page_of(ctx, "a.md"), ctx=ctx) == []
