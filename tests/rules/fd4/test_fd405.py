"""FD405 UndocumentedOption on hand-built facts."""

from __future__ import annotations

import dataclasses

from featuredocs.coverage.claimed import page_claims
from featuredocs.model import Span
from featuredocs.rules.fd4_commands.fd405_undocumented_option import UndocumentedOption
from tests.rules.fd4.facts import FACTS
from tests.support.rules import context_for, run_rule

PAGE = """\
# Orders

## Management Commands

### expire_orders

**Options:**
- `--days`: Age in days (default: 3)
- `--dry-run`: Only report

### export_orders

**Options:**
- `-f`, `--format`: Output format
- `--since`: Only newer orders

### migrate

**Options:**
- `--check`: Exit non-zero when migrations are unapplied
"""


def test_fires_on_options_and_positionals_missing_from_the_list(parse):
    findings = run_rule(UndocumentedOption, parse(PAGE), FACTS)
    assert [(f.code, f.span, f.message) for f in findings] == [
        ("FD405", Span(7, 1, 7, 13),
         "option `--batch-size` of `expire_orders` is not in its Options list"),
        ("FD405", Span(13, 1, 13, 13),
         "argument `path` of `export_orders` is not in its Options list"),
    ]
    assert findings[0].hint == "help: Rows per batch"


def test_silent_when_every_option_is_listed(parse):
    listed = PAGE.replace("- `--dry-run`: Only report", "- `--dry-run`: x\n- `--batch-size`: y")
    listed = listed.replace(
        "**Options:**\n- `-f`", "**Arguments:**\n- `path`: where\n\n**Options:**\n- `-f`"
    )
    page = parse(listed)
    assert run_rule(UndocumentedOption, page, FACTS) == []


def test_an_argument_the_prose_around_the_list_describes_is_documented(parse):
    described = PAGE.replace("- `--dry-run`: Only report", "- `--dry-run`: x\n- `--batch-size`: y")
    by_name = described.replace("### export_orders\n", "### export_orders\n\nWrites the orders to the file at `path`.\n")
    assert run_rule(UndocumentedOption, parse(by_name), FACTS) == []
    export = next(c for c in FACTS.commands if c.name == "export_orders")
    kinds = dataclasses.replace(export, options=tuple(
        dataclasses.replace(o, dest="kind", metavar=None, choices=("daily", "monthly")) if o.dest == "path" else o
        for o in export.options
    ))
    facts = dataclasses.replace(FACTS, commands=tuple(kinds if c is export else c for c in FACTS.commands))
    by_choices = described.replace("### export_orders\n", "### export_orders\n\nThe first argument is `daily` or `monthly`.\n")
    assert run_rule(UndocumentedOption, parse(by_choices), facts) == []
    one_choice = by_choices.replace("`daily` or `monthly`", "`daily` for now")
    assert [f.message for f in run_rule(UndocumentedOption, parse(one_choice), facts)] == [
        "argument `kind` of `export_orders` is not in its Options list",
    ]
    # coverage counts what FD405 asks for
    for text, counted in ((by_choices, True), (one_choice, False)):
        page = parse(text)
        claimed = page_claims(page, context_for([page], facts))
        assert (("export_orders", "kind") in claimed.options) is counted


def test_an_unlabelled_list_of_flags_beside_an_options_table_is_the_options_too(parse):
    page = parse("""\
# Orders

## Management Commands

### expire_orders

- `--days`: Age in days (default: 3)
- `--dry-run`: Only report
- `--batch-size`: Rows per batch

| Option | Default | Description |
| --- | --- | --- |
| `--days` | `3` | The one most people change |
""")
    assert run_rule(UndocumentedOption, page, FACTS) == []
    fewer = parse(page.text.replace("- `--dry-run`: Only report\n", ""))
    assert [f.message for f in run_rule(UndocumentedOption, fewer, FACTS)] == [
        "option `--dry-run` of `expire_orders` is not in its Options list",
    ]


def test_silent_when_the_command_has_no_options_list(parse):
    page = parse("# Orders\n\n## Management Commands\n\n### expire_orders\n\nCancels orders.\n")
    assert run_rule(UndocumentedOption, page, FACTS) == []


def test_the_options_read_of_an_incomplete_list_are_still_expected(parse):
    # static mode read `--days`, `--dry-run` and `--batch-size` and missed others: the
    # three are real, and nothing beyond them is asked for
    facts = dataclasses.replace(FACTS, commands=tuple(
        dataclasses.replace(c, options_complete=False) for c in FACTS.commands
    ))
    findings = run_rule(UndocumentedOption, parse(PAGE), facts)
    assert [(f.code, f.span, f.message) for f in findings] == [
        ("FD405", Span(7, 1, 7, 13),
         "option `--batch-size` of `expire_orders` is not in its Options list"),
        ("FD405", Span(13, 1, 13, 13),
         "argument `path` of `export_orders` is not in its Options list"),
    ]
