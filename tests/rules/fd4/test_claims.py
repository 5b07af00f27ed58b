"""Command claims read from real pages: declarations, option lists, defaults, mentions."""

from __future__ import annotations

import pytest

from featuredocs.model import Span
from featuredocs.rules.fd4_commands.claims import extract, template_examples
from featuredocs.markdown import load_schema

PAGE = """\
# Order Expiry

## Management Commands

### expire_orders

```bash
python manage.py expire_orders --days 3
```

**Options:**
- `--days`: Age in days (default: 5)
- `-n`, `--dry-run`: Only report
- **`--batch-size N`** - Rows per batch. Defaults to `500`.
- Use `--verbose` for details

### `export_orders`

**Arguments:**
- `path`: where to write

### command_name

**Options:**
- `--option-name`: Description (default: value)

### Scheduling

Run it from cron.
"""


@pytest.fixture
def claims(parse):
    return extract(parse(PAGE))


def test_declarations_are_named_headings_under_commands(claims):
    assert [(d.name, d.span) for d in claims.declarations] == [
        ("expire_orders", Span(5, 5, 5, 18)),
        ("export_orders", Span(17, 6, 17, 19)),
    ]


def test_option_lists_belong_to_their_command_and_skip_prose_items(claims):
    lists = {found.command: found for found in claims.option_lists}
    assert set(lists) == {"expire_orders", "export_orders"}
    expire = lists["expire_orders"]
    assert expire.span == Span(11, 1, 11, 13)
    assert [[flag.text for flag in o.flags] for o in expire.options] == [
        ["--days"], ["-n", "--dry-run"], ["--batch-size"],
    ]
    assert expire.options[1].flags[1].span == Span(13, 10, 13, 19)
    (path,) = lists["export_orders"].options
    assert path.positional is not None and path.positional.text == "path"


def test_defaults_are_read_with_their_exact_span(claims):
    days, dry_run, batch = claims.option_lists[0].options
    assert (days.default.text, days.default.span) == ("5", Span(12, 35, 12, 36))
    assert dry_run.default is None
    assert (batch.default.text, batch.default.span) == ("500", Span(14, 55, 14, 58))


@pytest.mark.parametrize(
    ("item", "expected"),
    [
        ("- `--days`: Age (default: `30`)", "30"),
        ("- `--days`: Age (defaults to 30)", "30"),
        ("- `--days`: Age. Default: 30.", "30"),
        ("- `--format`: Output (default: 'csv')", "'csv'"),
        ("- `--days`: Age (default: all of them)", "all of them"),
        ("- `--days`: Age. Defaults to the current setting", None),
        ("- `--days`: Age", None),
    ],
)
def test_default_shapes(parse, item, expected):
    page = parse(f"# T\n\n## Commands\n\n### expire_orders\n\n**Options:**\n{item}\n")
    (option,) = extract(page).options
    assert (option.default.text if option.default else None) == expected


def test_wrapped_item_default_on_its_second_line(parse):
    page = parse(
        "# T\n\n## Commands\n\n### expire_orders\n\n**Command Options**:\n"
        "- `--days`: Age of the orders to cancel,\n  in days (default: 3)\n"
    )
    (option,) = extract(page).options
    assert option.default.span == Span(9, 21, 9, 22)


def test_options_table_with_default_column(parse):
    page = parse(
        """\
        # T

        ## CLI

        ### expire_orders

        | Option | Meaning | Default |
        | --- | --- | --- |
        | `--days` | age | `3` |
        | `--dry-run` | only report | — |
        """
    )
    (found,) = extract(page).option_lists
    assert [o.flags[0].text for o in found.options] == ["--days", "--dry-run"]
    assert found.options[0].default.span == Span(9, 21, 9, 22)
    assert found.options[1].default is None


def test_definition_lists_under_an_options_heading_or_in_the_labels_paragraph(parse):
    page = parse(
        """\
        # T

        ## Commands

        ### expire_orders

        #### Options

        These apply to every run.

        `--days N`
        : Age in days
        (default: 3)

        ### export_orders

        **Options:**
        `-f`, `--format`
        : Output format
        `--since`
        : Only newer orders

        Run it nightly.
        : not a definition: the paragraph does not open with a term
        """
    )
    expire, export = extract(page).option_lists
    assert (expire.command, expire.span.line) == ("expire_orders", 7)
    (days,) = expire.options
    assert days.flags[0].span == Span(11, 2, 11, 8)
    assert (days.default.text, days.default.span) == ("3", Span(13, 11, 13, 12))
    assert (export.command, export.span.line) == ("export_orders", 17)
    assert [[flag.text for flag in o.flags] for o in export.options] == [["-f", "--format"], ["--since"]]
    assert export.options[1].flags[0].span == Span(20, 2, 20, 9)


def test_section_without_heading_name_takes_its_single_invoked_command(parse):
    page = parse(
        """\
        # T

        ## Usage

        ```bash
        python manage.py expire_orders --days 3
        ```

        **Options:**
        - `--days`: Age
        """
    )
    (found,) = extract(page).option_lists
    assert found.command == "expire_orders"


def test_block_nested_in_a_list_also_names_the_sections_command(parse):
    page = parse(
        """\
        # T

        ## Usage

        1. Preview:
           ```bash
           python manage.py expire_orders --dry-run
           ```

        **Options:**
        - `--days`: Age
        """
    )
    (found,) = extract(page).option_lists
    assert (found.command, found.declared) == ("expire_orders", False)


def test_section_running_two_commands_attributes_no_list(parse):
    page = parse(
        """\
        # T

        ## Usage

        ```bash
        python manage.py expire_orders
        python manage.py export_orders out.csv
        ```

        **Options:**
        - `--days`: Age
        """
    )
    assert extract(page).option_lists == ()


@pytest.mark.parametrize(
    "heading",
    ["### command_name", "### [Command Name]", "### `<command>`", "### Scheduling",
     "### usage"],
)
def test_template_shapes_and_prose_headings_declare_nothing(parse, heading):
    page = parse(f"# T\n\n## Management Commands\n\n{heading}\n\nText.\n")
    assert extract(page).declarations == ()


@pytest.mark.parametrize(
    ("title", "declared"),
    [("Management Commands", True), ("Invoice Commands", True), ("CLI", True),
     ("Command Line Interface", True), ("Command Bus Architecture", False), ("Usage", False)],
)
def test_which_sections_hold_commands(parse, title, declared):
    page = parse(f"# T\n\n## {title}\n\n### handle_invoices\n\nText.\n")
    names = [d.name for d in extract(page).declarations]
    assert names == (["handle_invoices"] if declared else [])


def test_heading_with_manage_py_declares_anywhere(parse):
    page = parse("# T\n\n## Maintenance\n\n### `python manage.py expire_orders`\n")
    (declared,) = extract(page).declarations
    assert (declared.name, declared.span) == ("expire_orders", Span(5, 23, 5, 36))


@pytest.mark.parametrize(
    "heading", ["`python manage.py help`", "`manage.py --help`", "Running manage.py expire_orders."]
)
def test_headings_that_name_no_command_or_end_a_sentence(parse, heading):
    page = parse(f"# T\n\n## Maintenance\n\n### {heading}\n")
    names = [d.name for d in extract(page).declarations]
    assert names == (["expire_orders"] if "expire" in heading else [])


def test_prose_heading_with_manage_py_and_a_plain_word_declares_nothing(parse):
    page = parse("# T\n\n## Setup\n\n### Using manage.py to import\n")
    assert extract(page).declarations == ()


def test_mentions_in_inline_code_and_prose(parse):
    page = parse(
        """\
        # T

        Run `python manage.py expire_orders --days 3` or manage.py export_orders.
        Use manage.py to run commands; see `manage.py help` and `manage.py sync_stock`.

        ```bash
        python manage.py not_a_mention
        ```
        """
    )
    assert [(m.value, m.span) for m in extract(page).mentions] == [
        ("expire_orders", Span(3, 23, 3, 36)),
        ("export_orders", Span(3, 60, 3, 73)),
        ("sync_stock", Span(4, 68, 4, 78)),
    ]


def test_template_filler_commands_and_options_are_placeholders(parse):
    examples = template_examples(load_schema())
    assert {"command_name", "command_setup", "command1"} <= examples.commands
    page = parse(
        "# T\n\n## Management Commands\n\n### expire_orders\n\n**Options:**\n"
        "- `--option-name`: Description (default: value)\n- `--days`: Age\n\n"
        "## Common Workflows\n\n```bash\npython manage.py command_verify\n```\n"
    )
    claims = extract(page, examples)
    assert claims.invocations == ()
    assert [o.flags[0].text for o in claims.options] == ["--days"]
