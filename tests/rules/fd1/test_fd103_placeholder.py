from __future__ import annotations

from pathlib import Path

from featuredocs.markdown import parse_page
from featuredocs.model import Span
from featuredocs.rules.fd1_template.fd103_template_placeholder import TemplatePlaceholder
from tests.support.rules import run_rule

TEMPLATE = Path(__file__).parents[3] / "src" / "featuredocs" / "templates" / "feature-template.md"


def messages(findings) -> list[tuple[int, int, str]]:
    return [(f.span.line, f.span.column, f.message) for f in findings]


def test_bracketed_placeholders_are_reported_where_they_are(parse) -> None:
    page = parse(
        """
        # Orders

        **Key Capabilities:**
        - [Capability 1]: Description

        **TTL**: [X] minutes

        ### **[Name]** details
        """
    )
    findings = run_rule(TemplatePlaceholder, page)
    assert messages(findings) == [
        (4, 3, "template placeholder `[Capability 1]` left in the page"),
        (6, 10, "template placeholder `[X]` left in the page"),
        (8, 7, "template placeholder `[Name]` left in the page"),
    ]
    assert findings[1].span == Span(6, 10, 6, 13)
    assert findings[0].code == "FD103"


def test_links_tasks_code_and_definitions_are_not_placeholders(parse) -> None:
    page = parse(
        """
        # Orders

        See [the API](../api.md), [the index][idx] and [idx].

        - [ ] open task
        - [x] done task

        Inline `[not this]` and a footnote[^1] and an array [1, 2].

        > [!NOTE]
        > Useful.

        :::tip[Payment window]
        Orders show a deadline.
        :::

        [Not a title] :::tip

        ```bash
        python manage.py expire_orders [--days N]
        ```

        [idx]: ../README.md
        [^1]: A footnote.
        """
    )
    assert [f.message for f in run_rule(TemplatePlaceholder, page)] == [
        "template placeholder `[Not a title]` left in the page",
    ]


def test_brackets_between_and_inside_code_spans_and_around_images(parse) -> None:
    page = parse(
        """
        # Orders

        `a` then `[in code]` then [Outside] then `b`
        `multi
        [line code]` and [Last]

        [![badge](b.png) [Inside link]](../x.md) and [After]
        """
    )
    assert messages(run_rule(TemplatePlaceholder, page)) == [
        (3, 27, "template placeholder `[Outside]` left in the page"),
        (5, 18, "template placeholder `[Last]` left in the page"),
        (7, 46, "template placeholder `[After]` left in the page"),
    ]


def test_template_example_values_left_unchanged(parse) -> None:
    page = parse(
        """
        # Orders

        > **Brief tagline** - Cancels unpaid orders.

        **Key Components:**
        - **Expirer**: Purpose and responsibility

        **Fields:**
        - `field_name` (Type): Description
        - `status` (CharField): Order state

        ```python
        # Basic usage
        result = Model.objects.do_something()
        ```
        """
    )
    assert messages(run_rule(TemplatePlaceholder, page)) == [
        (3, 3, "template example text left unchanged: `**Brief tagline**`"),
        (6, 3, "template example text left unchanged: `Purpose and responsibility`"),
        (9, 3, "template example text left unchanged: `field_name (Type): Description`"),
        (14, 1, "template example text left unchanged: `result = Model.objects.do_something()`"),
    ]


def test_labels_comments_and_closing_line_are_not_fillers(parse) -> None:
    page = parse(
        """
        # Orders

        > **Order expiry** - Cancels unpaid orders.

        **Fields:**
        - `status` (CharField): Order state

        ```python
        # Basic usage
        Order.objects.expire()
        ```

        ---

        **Questions?** Check the [Documentation Index](../README.md) or create a GitHub issue.
        """
    )
    assert run_rule(TemplatePlaceholder, page) == []


def test_the_seed_template_is_full_of_placeholders() -> None:
    page = parse_page(TEMPLATE.read_text(), path=TEMPLATE, rel="features/template.md")
    findings = run_rule(TemplatePlaceholder, page)
    texts = {f.message.split("`")[1] for f in findings}
    assert {"[Feature Name]", "[Capability 1]", "[X]", "[ModelName]"} <= texts
    assert "Purpose and responsibility" in " ".join(texts)
    assert "python manage.py command_name [options]" in texts
    assert len(findings) > 50


def test_command_line_help_notes_are_not_placeholders(parse) -> None:
    page = parse(
        """
        # Orders

        **Options:**
        - `--limit`: max [default: 50]
        - `--channel`: where to send [default: "email"]
        - `--path`: the file [required]
        - `--token`: API token [env var: SHOP_TOKEN; required]
        - `--format`: output format [csv|json]
        - `--ratio`: share to keep [default: 0.5; 0<=x<=1]
        - `--days`: age [Number of days]
        - `--hours`: age [default: 24] and [X] more
        """
    )
    assert messages(run_rule(TemplatePlaceholder, page)) == [
        (10, 17, "template placeholder `[Number of days]` left in the page"),
        (11, 36, "template placeholder `[X]` left in the page"),
    ]
