"""Minimal edits from rewritten lines, and unified diffs of them."""

from __future__ import annotations

from featuredocs.fix.diff import unified_diff
from featuredocs.fix.edits import apply_edits
from featuredocs.fix.regions import delete_lines, line_edit, region_edits
from featuredocs.model import Edit, Span
from tests.conftest import ParsePage

PAGE = """\
# Orders

**Fields:**
- `id` (BigAutoField): Primary key.
- `total` (integer): Order total.
- `paid_at` (DateTimeField): When it was paid.

After the list.
"""


def test_a_renamed_word_is_one_insertion() -> None:
    assert line_edit(5, "- `total` (integer): x", "- `total_cents` (integer): x") == Edit(Span(5, 9, 5, 9), "_cents")


def test_unchanged_lines_get_no_edit(parse: ParsePage) -> None:
    page = parse(PAGE)
    lines = [page.line_text(n) for n in range(4, 7)]
    assert region_edits(page, 4, lines, 6) == []


def test_region_edits_touch_only_what_changed(parse: ParsePage) -> None:
    page = parse(PAGE)
    new = [
        "- `id` (BigAutoField): Primary key.",
        "- `total_cents` (PositiveIntegerField): Order total.",
        "- `status` (CharField): [Description]",
    ]
    edits = region_edits(page, 4, new, 6)
    result = apply_edits(page.text, edits).text
    assert result.splitlines()[3:6] == new
    assert result.endswith("\nAfter the list.\n")
    assert all(e.span.line >= 5 for e in edits)
    diff = unified_diff("x.md", page.text, result)
    assert "-- `id`" not in diff and "+- `status` (CharField): [Description]" in diff


def test_deleting_the_last_line_of_a_page_without_final_newline(parse: ParsePage) -> None:
    page = parse("- a\n- b", dedent=False)
    assert apply_edits(page.text, [delete_lines(page, 2, 2)]).text == "- a"


def test_inserting_and_deleting_lines(parse: ParsePage) -> None:
    page = parse(PAGE)
    new = ["- `id` (BigAutoField): Primary key.", "- `paid_at` (DateTimeField): When it was paid.", "- `new` (X): y"]
    result = apply_edits(page.text, region_edits(page, 4, new, 6)).text
    assert result == PAGE.replace("- `total` (integer): Order total.\n", "").replace(
        "When it was paid.\n", "When it was paid.\n- `new` (X): y\n"
    )


def test_a_diff_marks_a_missing_final_newline() -> None:
    diff = unified_diff("docs/x.md", "a\nb", "a\nc")
    assert diff.splitlines() == [
        "--- a/docs/x.md",
        "+++ b/docs/x.md",
        "@@ -1,2 +1,2 @@",
        " a",
        "-b",
        "\\ No newline at end of file",
        "+c",
        "\\ No newline at end of file",
    ]


def test_no_diff_for_equal_texts() -> None:
    assert unified_diff("x.md", "same\n", "same\n") == ""
