from __future__ import annotations

from pathlib import Path

from featuredocs.model import Span
from featuredocs.rules.fd2_links.fd203_source_line_out_of_range import SourceLineOutOfRange
from tests.rules.fd2.helpers import docs_context, page_of
from tests.support.rules import run_rule


def make_source(tmp_path: Path, lines: int) -> None:
    (tmp_path / "orders").mkdir(exist_ok=True)
    (tmp_path / "orders" / "models.py").write_text("".join(f"x{i} = {i}\n" for i in range(lines)))


def test_line_anchors_within_the_file_are_silent(tmp_path: Path) -> None:
    make_source(tmp_path, 30)
    ctx = docs_context(
        tmp_path / "docs",
        {"a.md": "[m](../orders/models.py#L30) [r](../orders/models.py#L10-L30)\n"},
    )
    assert run_rule(SourceLineOutOfRange, page_of(ctx, "a.md"), ctx=ctx) == []


def test_line_and_range_past_the_end(tmp_path: Path) -> None:
    make_source(tmp_path, 30)
    ctx = docs_context(
        tmp_path / "docs",
        {"a.md": "[m](../orders/models.py#L31)\n[r](../orders/models.py#L20-L45)\n"},
    )
    first, second = run_rule(SourceLineOutOfRange, page_of(ctx, "a.md"), ctx=ctx)
    assert first.code == "FD203" and first.span == Span(1, 1, 1, 29)
    assert first.message == "`../orders/models.py` has 30 lines; `#L31` is past its end"
    assert second.span.line == 2 and "#L20-L45" in second.message


def test_missing_files_and_markdown_pages_are_not_line_checked(tmp_path: Path) -> None:
    ctx = docs_context(
        tmp_path / "docs",
        {"b.md": "# B\n", "a.md": "[x](../nowhere.py#L5) [b](b.md#L99)\n"},
    )
    assert run_rule(SourceLineOutOfRange, page_of(ctx, "a.md"), ctx=ctx) == []
