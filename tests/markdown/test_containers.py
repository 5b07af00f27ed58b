"""MkDocs admonitions and content tabs: their bodies are read as Markdown, at the
positions they are written."""

from __future__ import annotations

from featuredocs.markdown.containers import dedented
from featuredocs.model import BlockKind, Span


def test_bodies_lose_their_containers_indentation_and_nothing_else() -> None:
    text = (
        '!!! note "Window"\n'
        "    Set `SHOP_X`.\n"
        "\n"
        "        indented code stays indented\n"
        '    ??? tip "Nested"\n'
        "        Inner `x`.\n"
        "    Back in the note.\n"
        "Outside.\n"
        "    Not in a body: a paragraph's continuation.\n"
        '=== "Tab"\n'
        "\t| a |\n"
    )
    moved, removed = dedented(text)
    assert moved.split("\n") == [
        '!!! note "Window"',
        "Set `SHOP_X`.",
        "",
        "    indented code stays indented",
        '??? tip "Nested"',
        "Inner `x`.",
        "Back in the note.",
        "Outside.",
        "    Not in a body: a paragraph's continuation.",
        '=== "Tab"',
        "| a |",
        "",
    ]
    assert removed == {1: 4, 3: 4, 4: 4, 5: 8, 6: 4, 10: 1}


def test_a_page_without_containers_is_left_as_it_is() -> None:
    text = "Title\n===\n\nWow!!! big news\n\n    code\n\n!!!\n\n    code\n"
    assert dedented(text) == (text, {})


def test_a_table_in_a_tab_is_a_table_at_its_written_columns(parse) -> None:
    page = parse(
        '# T\n\n## Options\n\n=== "Options"\n\n    | Option | Default |\n    |---|---|\n    | `--batch-size` | `200` |\n',
        dedent=False,
    )
    (section,) = page.sections
    table = next(block for block in section.blocks if block.kind is BlockKind.TABLE)
    assert table.rows[1].cells[0] == "`--batch-size`"
    assert [(code.text, code.span) for code in page.codes] == [
        ("--batch-size", Span(9, 7, 9, 21)), ("200", Span(9, 24, 9, 29)),
    ]
    assert page.lines[8] == "    | `--batch-size` | `200` |"
