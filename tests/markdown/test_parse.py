from __future__ import annotations

from pathlib import Path

from featuredocs.markdown import parse_page
from featuredocs.model import BlockKind, Span

TEMPLATE = Path(__file__).parents[2] / "src" / "featuredocs" / "templates" / "feature-template.md"


def test_title_tagline_and_section_tree(parse) -> None:
    page = parse(
        """
        # Order Expiry

        > **Order expiry** - Cancels unpaid orders.

        Intro paragraph.

        ## Overview

        Text.

        ## Data Models

        ### Order

        #### Notes

        ## Configuration
        """
    )
    assert page.title is not None and page.title.plain == "Order Expiry"
    assert page.title.span == Span(1, 1, 1, 15)
    assert page.tagline is not None and page.tagline.kind is BlockKind.QUOTE
    assert [b.plain for b in page.preamble] == ["Intro paragraph."]
    assert [s.title for s in page.sections] == ["Overview", "Data Models", "Configuration"]
    models = page.sections[1]
    assert [s.title for s in models.walk()] == ["Data Models", "Order", "Notes"]
    assert models.heading.span.line == 11
    assert models.end_line == 15
    assert [s.title for s in page.section_at(15)] == ["Data Models", "Order", "Notes"]


def test_headings_get_github_slugs_with_duplicates(parse) -> None:
    page = parse("# T\n\n## Overview\n\n### Overview\n\n## `cache_key` & TTL\n")
    assert [h.slug for h in page.headings] == ["t", "overview", "overview-1", "cache_key--ttl"]
    assert page.headings[-1].source == "`cache_key` & TTL"
    assert page.headings[-1].plain == "cache_key & TTL"
    assert page.anchors == {"t", "overview", "overview-1", "cache_key--ttl"}


def test_headings_inside_fenced_code_are_not_headings(parse) -> None:
    page = parse("# T\n\n## Real\n\n```bash\n# not a heading\n## nor this\n```\n")
    assert [h.plain for h in page.headings] == ["T", "Real"]
    assert page.code_blocks[0].text == "# not a heading\n## nor this\n"
    assert page.code_blocks[0].first_line == 6
    assert page.code_blocks[0].language == "bash"


def test_list_items_keep_source_plain_codes_and_children(parse) -> None:
    page = parse(
        """
        ## Data Models

        **Fields:**
        - `status` (CharField): Order state
          - nested `child` item
        - `total` (DecimalField): Sum with [docs](../x.md)
        """
    )
    section = page.sections[0]
    fields = section.labelled_block("Fields")
    assert fields is not None
    first, second = fields.items
    assert first.source == "`status` (CharField): Order state"
    assert first.plain == "status (CharField): Order state"
    assert first.span == Span(4, 3, 4, 36)
    assert [c.text for c in first.codes] == ["status"]
    assert first.codes[0].span == Span(4, 3, 4, 11)
    assert [c.source for c in first.children] == ["nested `child` item"]
    assert second.links[0].target == "../x.md"
    assert second.links[0].span == Span(6, 36, 6, 51)


def test_link_reference_definition_items_keep_their_source(parse) -> None:
    page = parse("## Overview\n\n**Key Capabilities:**\n- [Capability 1]: Description\n- Real one\n")
    items = page.sections[0].labelled_block("Key Capabilities").items
    assert [i.source for i in items] == ["[Capability 1]: Description", "Real one"]
    assert items[0].span == Span(4, 3, 4, 30)


def test_labels_values_and_following_blocks(parse) -> None:
    page = parse(
        """
        ## Caching

        **Cache Keys:**
        ```python
        key = f"orders:{pk}"
        ```

        **TTL**: 15 minutes

        **Command Options**:
        - `--days`: Days

        **Chosen**: Redis
        **Alternative**: Memcached

        **See** [Commands](../commands.md) for more.
        """
    )
    labelled = page.sections[0].labelled
    assert [b.label for b in labelled] == [
        "Cache Keys", "TTL", "Command Options", "Chosen", "Alternative",
    ]
    cache_keys, ttl, options, chosen, alternative = labelled
    assert cache_keys.code is not None and "orders:" in cache_keys.code.text
    assert (ttl.value, ttl.value_span) == ("15 minutes", Span(8, 10, 8, 20))
    assert [i.plain for i in options.items] == ["--days: Days"]
    assert (chosen.value, alternative.value) == ("Redis", "Memcached")
    assert chosen.items == () and alternative.span.line == 14


def test_inline_code_spans_include_backticks_and_columns_count_characters(parse) -> None:
    page = parse("é ü `x_y` and ``a`b``\n")
    assert [(c.text, c.span) for c in page.codes] == [
        ("x_y", Span(1, 5, 1, 10)),
        ("a`b", Span(1, 15, 1, 22)),
    ]


def test_links_and_images_but_not_links_in_code(parse) -> None:
    page = parse(
        """
        See [api](../api.md#orders) and ![shot](img/a.png) or [ref][r].

        `[not](a.md)`

        ```
        [nor](b.md)
        ```

        [r]: other.md#x
        """
    )
    assert [(l.text, l.target, l.image) for l in page.links] == [
        ("api", "../api.md#orders", False),
        ("shot", "img/a.png", True),
        ("ref", "other.md#x", False),
    ]
    assert page.links[0].span == Span(1, 5, 1, 28)
    assert any(b.kind is BlockKind.DEFINITION for b in page.preamble)


def test_tables_rows_cells_and_codes(parse) -> None:
    page = parse("## S\n\n| Name | Type |\n|---|---|\n| `status` | CharField |\n")
    table = page.sections[0].blocks[0]
    assert table.kind is BlockKind.TABLE
    header, row = table.rows
    assert header.header and header.cells == ("Name", "Type")
    assert row.cells == ("`status`", "CharField")
    assert row.spans[1] == Span(5, 14, 5, 23)
    assert [c.text for c in row.codes] == ["status"]


def test_front_matter_is_read_and_not_parsed_as_markdown(parse) -> None:
    page = parse("---\nstatus: archived\ntags:\n  - a\n  - 'b'\n---\n# Title\n")
    assert dict(page.front_matter) == {"status": "archived", "tags": ("a", "b")}
    assert page.title is not None and page.title.span.line == 7
    assert page.sections == ()


def test_a_rule_and_setext_heading_are_not_front_matter(parse) -> None:
    page = parse("---\nSome words here.\n---\n")
    assert dict(page.front_matter) == {}
    assert [h.plain for h in page.headings] == ["Some words here."]


def test_suppressions(parse) -> None:
    page = parse(
        """
        <!-- featuredocs: ignore-file FD3 -->
        # T

        <!-- featuredocs: ignore FD202 fd203 -->
        [x](#nowhere)

        Text <!-- featuredocs: ignore --> more
        """
    )
    assert [(s.line, s.codes, s.whole_page) for s in page.suppressions] == [
        (1, ("FD3",), True),
        (4, ("FD202", "FD203"), False),
        (7, (), False),
    ]


def test_lines_and_crlf_positions(parse) -> None:
    page = parse("# T\r\n\r\n## Usage\r\n\r\nuse `x`\r\n", dedent=False)
    assert page.lines == ("# T", "", "## Usage", "", "use `x`")
    assert page.codes[0].span == Span(5, 5, 5, 8)
    assert page.sections[0].end_line == 5


def test_lone_cr_line_ends_read_like_lf(parse) -> None:
    text = "# T\r\r## Usage\r\r```python\rx = `y`\r```\r\rafter `z`\r"
    page = parse(text, dedent=False)
    (code,) = page.code_blocks
    assert (code.language, code.text, code.first_line) == ("python", "x = `y`\n", 6)
    assert [(c.text, c.span) for c in page.codes] == [("z", Span(9, 7, 9, 10))]
    assert page.text == text


def test_myst_directive_options_are_not_code(parse) -> None:
    page = parse(
        """\
        ```{code-block} python
        :caption: shop/settings.py
        :emphasize-lines: 2

        DEBUG = False
        ```

        ```{code-block} python
        ---
        caption: one
        ---
        x = 1
        ```

        ```python
        :not: an option
        ```
        """
    )
    assert [(c.language, c.text, c.first_line) for c in page.code_blocks] == [
        ("python", "\nDEBUG = False\n", 4),
        ("python", "x = 1\n", 12),
        ("python", ":not: an option\n", 16),
    ]


def test_bom_is_dropped(parse) -> None:
    page = parse("\ufeff# Title\n", dedent=False)
    assert page.title is not None and page.title.span == Span(1, 1, 1, 8)


def test_empty_page(parse) -> None:
    page = parse("")
    assert (page.title, page.sections, page.lines) == (None, (), ())


def test_ordered_and_task_lists(parse) -> None:
    page = parse("1. first\n2. [x] done\n\n- [ ] open\n")
    ordered, tasks = page.preamble
    assert [(i.source, i.ordered) for i in ordered.items] == [("first", True), ("[x] done", True)]
    assert tasks.items[0].source == "[ ] open" and not tasks.items[0].ordered


def test_code_blocks_inside_list_items_are_collected(parse) -> None:
    page = parse("1. Run:\n\n   ```bash\n   python manage.py migrate\n   ```\n")
    (code,) = page.code_blocks
    assert code.text == "python manage.py migrate\n"
    assert code.first_line == 4


def test_seed_template_parses_into_its_sections() -> None:
    text = TEMPLATE.read_text(encoding="utf-8")
    page = parse_page(text, path=TEMPLATE, rel="feature-template.md")
    assert [s.title for s in page.sections][:3] == ["Overview", "Architecture", "Data Models"]
    assert len(page.sections) == 12
    fields = page.find_sections("[ModelName]")[0].labelled_block("Fields")
    assert [i.source for i in fields.items][0] == "`field_name` (Type): Description"


def test_tagline_is_the_quote_right_after_the_title_even_after_badges(parse) -> None:
    page = parse("[![build](b.svg)](ci)\n\n# Orders\n\n> **Orders** - Sells things.\n\nIntro.\n")
    assert page.tagline is not None and page.tagline.span.line == 5
    assert [b.span.line for b in page.preamble] == [1, 7]


def test_a_quote_after_other_text_is_not_a_tagline(parse) -> None:
    page = parse("# Orders\n\nIntro.\n\n> A quote.\n")
    assert page.tagline is None and len(page.preamble) == 2


def test_plain_text_puts_nested_blocks_on_their_own_lines(parse) -> None:
    page = parse(
        """
        ## Notes

        - loose *item* with `code`

          second paragraph with [a link](x.md)

          - nested `inner`
        - tight
        > quoted **bold**
        >
        > ```python
        > skipped = True
        > ```
        > after
        """
    )
    items = page.sections[0].blocks[0].items
    assert items[0].plain == "loose item with code\nsecond paragraph with a link"
    assert [c.text for c in items[0].codes] == ["code"]
    assert [link.text for link in items[0].links] == ["a link"]
    assert [c.text for c in items[0].children[0].codes] == ["inner"]
    quote = page.sections[0].blocks[1]
    assert quote.kind is BlockKind.QUOTE
    assert quote.plain == "quoted bold\nafter"
    assert quote.code is None and page.code_blocks[0].text == "skipped = True\n"


def test_links_hold_their_own_text_and_come_before_inner_images(parse) -> None:
    page = parse("[![logo](logo.png) *home*](index.md) and [`api`](api.md)\n")
    assert [(link.text, link.target, link.image) for link in page.links] == [
        ("logo home", "index.md", False),
        ("logo", "logo.png", True),
        ("api", "api.md", False),
    ]
    assert [c.text for c in page.codes] == ["api"]
    assert page.preamble[0].plain == "logo home and api"


def test_spans_over_several_lines_count_characters(parse) -> None:
    page = parse("## Über\n\nSchön `grün`\nnächste Zeile\n\n---\n")
    paragraph, rule = page.sections[0].blocks
    assert paragraph.span == Span(3, 1, 4, 14)
    assert paragraph.codes[0].span == Span(3, 7, 3, 13)
    assert page.headings[0].span == Span(1, 1, 1, 8)
    assert rule.kind is BlockKind.RULE and rule.span == Span(6, 1, 6, 4)


def test_deeply_nested_containers_keep_their_text_in_the_deepest_one_kept(parse) -> None:
    text = "".join("  " * depth + "- level `c" + str(depth) + "`\n" for depth in range(100))
    page = parse(text + "\n## After\n", dedent=False)
    assert len(page.codes) == 100
    assert [s.title for s in page.sections] == ["After"]
    deepest = page.preamble[0].items[0]
    while deepest.children:
        deepest = deepest.children[0]
    assert "level c99" in deepest.plain


def test_a_list_interrupted_only_by_html_comments_is_one_labelled_list(parse) -> None:
    page = parse(
        """
        ## Models

        **Fields:**
        - `paid_at`: When it was paid.
        <!-- expiry is set by expire_orders -->
        - `expired_at`: When it expired.

        <!-- a closing note -->

        **Indexes:**
        - Index on `status`
        <!-- not a list after this one -->
        1. An ordered list is another list
        """
    )
    fields = page.sections[0].labelled_block("Fields")
    assert [item.span.line for item in fields.items] == [4, 6]
    indexes = page.sections[0].labelled_block("Indexes")
    assert [item.span.line for item in indexes.items] == [11]


def test_a_fenced_block_indented_in_a_tab_or_admonition_is_read_as_fenced(parse) -> None:
    page = parse(
        '# T\n\n=== "Python"\n\n    ```python\n    Order.objects.all()\n    ```\n\n'
        "!!! note\n\n    ~~~\n    plain\n    ~~~\n\nThen:\n\n    a real indented block\n"
    )
    tab, admonition, indented = page.code_blocks
    assert (tab.language, tab.text, tab.first_line, tab.fenced) == ("python", "Order.objects.all()\n", 6, True)
    assert (admonition.language, admonition.text, admonition.first_line) == ("", "plain\n", 12)
    assert (indented.language, indented.text, indented.fenced) == ("", "a real indented block\n", False)


def test_the_language_of_myst_and_pandoc_info_strings(parse) -> None:
    page = parse(
        "# T\n\n```{code-block} python\nx = 1\n```\n\n```{.bash}\nls\n```\n\n"
        '```Python title="orders/models.py"\ny = 2\n```\n\n```{mermaid}\ngraph TD\n```\n'
    )
    assert [code.language for code in page.code_blocks] == ["python", "bash", "python", "{mermaid}"]


def test_html_links_unclosed_tags_and_comments(parse) -> None:
    page = parse(
        '# T\n\n<a href="one.md">one</a> <a href="two.md" <a href="three.md">three</a>\n\n'
        '<!-- <a href="hidden.md"> --> <img alt="x" src="shot.png"> <!-- <a href="never.md">\n'
    )
    assert [(link.target, link.image) for link in page.links] == [
        ("one.md", False), ("three.md", False), ("shot.png", True),
    ]
