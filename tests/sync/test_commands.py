"""sync on a command's Options list, against hand-built facts."""

from __future__ import annotations

import dataclasses

from tests.conftest import ParsePage
from tests.sync import changes
from tests.sync.support import FACTS, findings, synced

PAGE = """\
# Order Expiry

> **Order Expiry** - Unpaid orders expire.

## Management Commands

### expire_orders

Expires unpaid orders.

```bash
python manage.py expire_orders --dry-run
```

**Options:**
- `--older-than-hours`: Expire orders older than this (default: 48)
- `--batch-size`: Orders loaded per query (default: `200`)
- `--channel`: Where customers are told (default: 'email')
- `--dry-run`: Change nothing, list what would change

**When to run:**
- Hourly
"""
CODES = ("FD402", "FD403", "FD405")


def test_a_correct_options_list_is_left_as_it_is(parse: ParsePage) -> None:
    page = parse(PAGE)
    assert findings(page, FACTS, *CODES) == []
    assert synced(page, FACTS) == page.text


def test_a_changed_default_is_corrected_in_the_pages_own_quoting(parse: ParsePage) -> None:
    facts = changes.set_option_default(FACTS, "expire_orders", "--batch-size", "500")
    facts = changes.set_option_default(facts, "expire_orders", "--channel", "'sms'")
    facts = changes.set_option_default(facts, "expire_orders", "--older-than-hours", "72")
    page = parse(PAGE)
    assert [f.code for f in findings(page, facts, "FD403")] == ["FD403"] * 3
    text = synced(page, facts)
    assert text == (
        PAGE.replace("(default: 48)", "(default: 72)")
        .replace("(default: `200`)", "(default: `500`)")
        .replace("(default: 'email')", "(default: 'sms')")
    )
    assert findings(parse(text), facts, *CODES) == []


def test_a_new_option_is_appended_with_its_help_and_default(parse: ParsePage) -> None:
    facts = changes.add_option(FACTS, "expire_orders", "--limit", "1000", "Expire at most this many orders")
    facts = changes.add_option(facts, "expire_orders", "--quiet", None, "")
    page = parse(PAGE)
    assert len(findings(page, facts, "FD405")) == 2
    text = synced(page, facts)
    assert text == PAGE.replace(
        "- `--dry-run`: Change nothing, list what would change\n",
        "- `--dry-run`: Change nothing, list what would change\n"
        "- `--limit`: Expire at most this many orders (default: 1000)\n"
        "- `--quiet`: [Description]\n",
    )
    assert findings(parse(text), facts, *CODES) == []


def test_a_new_option_with_choices_lists_them_as_fd406_reads_them(parse: ParsePage) -> None:
    facts = changes.add_option(FACTS, "expire_orders", "--order", "'oldest'", "Which orders go first")
    (command,) = facts.commands
    ordered = dataclasses.replace(command.options[-1], choices=("oldest", "newest"))
    facts = dataclasses.replace(facts, commands=(dataclasses.replace(command, options=(*command.options[:-1], ordered)),))
    text = synced(parse(PAGE), facts)
    assert "- `--order`: Which orders go first; one of `oldest` or `newest` (default: oldest)\n" in text
    assert findings(parse(text), facts, *CODES, "FD406") == []


def test_a_list_of_values_follows_the_parsers_choices(parse: ParsePage) -> None:
    (command,) = FACTS.commands
    options = tuple(
        dataclasses.replace(o, choices=("email", "sms", "push")) if o.dest == "channel" else o for o in command.options
    )
    facts = dataclasses.replace(FACTS, commands=(dataclasses.replace(command, options=options),))
    page = parse(PAGE.replace("Where customers are told", "Where customers are told, `email` or `sms`"))
    assert [f.code for f in findings(page, facts, "FD406")] == ["FD406"]
    text = synced(page, facts)
    assert "- `--channel`: Where customers are told, `email`, `sms` or `push` (default: 'email')\n" in text
    assert findings(parse(text), facts, *CODES, "FD406") == []


def test_a_removed_option_loses_its_item(parse: ParsePage) -> None:
    facts = changes.remove_option(FACTS, "expire_orders", "--channel")
    text = synced(parse(PAGE), facts)
    assert text == PAGE.replace("- `--channel`: Where customers are told (default: 'email')\n", "")
    assert findings(parse(text), facts, *CODES) == []


def test_a_renamed_option_keeps_its_description(parse: ParsePage) -> None:
    facts = changes.remove_option(FACTS, "expire_orders", "--batch-size")
    facts = changes.add_option(facts, "expire_orders", "--batch-sizes", "200", "Orders loaded per query")
    text = synced(parse(PAGE), facts)
    assert "- `--batch-sizes`: Orders loaded per query (default: `200`)\n" in text
    assert text.count("batch-size") == 1
    assert findings(parse(text), facts, *CODES) == []


def test_an_argparse_default_placeholder_in_help_is_filled(parse: ParsePage) -> None:
    facts = changes.add_option(FACTS, "expire_orders", "--limit", "1000", "At most %(default)s orders; defaults to %(default)s")
    text = synced(parse(PAGE), facts)
    assert "- `--limit`: At most 1000 orders; defaults to 1000\n" in text


def test_a_renamed_option_takes_the_new_default_and_keeps_the_rest(parse: ParsePage) -> None:
    facts = changes.remove_option(FACTS, "expire_orders", "--batch-size")
    facts = changes.add_option(facts, "expire_orders", "--chunk-size", "500", "Orders loaded per query")
    text = synced(parse(PAGE), facts)
    assert text == PAGE.replace(
        "- `--batch-size`: Orders loaded per query (default: `200`)",
        "- `--chunk-size`: Orders loaded per query (default: `500`)",
    )
    assert findings(parse(text), facts, *CODES) == []


def test_a_renamed_option_is_renamed_in_the_commands_examples_too(parse: ParsePage) -> None:
    facts = changes.remove_option(FACTS, "expire_orders", "--batch-size")
    facts = changes.add_option(facts, "expire_orders", "--chunk-size", "200", "Orders loaded per query")
    examples = PAGE.replace(
        "python manage.py expire_orders --dry-run\n",
        "python manage.py expire_orders --dry-run\npython manage.py expire_orders --batch-size 50\n"
        "python manage.py expire_orders --batch-size=50 --dry-run\n",
    ) + "\nRun `manage.py expire_orders --batch-size 10` on small machines.\n"
    page = parse(examples)
    assert [f.code for f in findings(page, facts, "FD404")] == ["FD404", "FD404", "FD404"]
    text = synced(page, facts)
    assert text == examples.replace("--batch-size 50", "--chunk-size 50").replace(
        "--batch-size=50", "--chunk-size=50").replace("--batch-size 10", "--chunk-size 10").replace(
        "- `--batch-size`: Orders", "- `--chunk-size`: Orders")
    assert findings(parse(text), facts, "FD404", *CODES) == []


def test_an_option_with_two_close_successors_is_not_guessed(parse: ParsePage) -> None:
    facts = changes.remove_option(FACTS, "expire_orders", "--batch-size")
    facts = changes.add_option(facts, "expire_orders", "--chunk-size", "200", "Orders per chunk")
    facts = changes.add_option(facts, "expire_orders", "--batch-sizes", "200", "Orders per batch")
    text = synced(parse(PAGE), facts)
    assert "--batch-size`" not in text
    assert (
        "- `--chunk-size`: Orders per chunk (default: 200)\n- `--batch-sizes`: Orders per batch (default: 200)\n"
    ) in text


def test_a_new_options_default_joins_the_helps_own_parenthesis(parse: ParsePage) -> None:
    facts = changes.add_option(FACTS, "expire_orders", "--limit", "0", "Expire at most this many orders (0: no limit).")
    facts = changes.add_option(facts, "expire_orders", "--pause", "2", "Seconds between batches.")
    text = synced(parse(PAGE), facts)
    assert "- `--limit`: Expire at most this many orders (0: no limit; default: 0)\n" in text
    assert "- `--pause`: Seconds between batches (default: 2)\n" in text
    assert findings(parse(text), facts, *CODES) == []
    later = changes.set_option_default(facts, "expire_orders", "--limit", "10")
    assert "(0: no limit; default: 10)" in synced(parse(text), later)


def test_a_new_option_goes_where_the_parser_declares_it(parse: ParsePage) -> None:
    facts = changes.add_option(FACTS, "expire_orders", "--limit", "5", "At most this many")
    facts = changes.add_option(facts, "expire_orders", "--region", "1", "Region")
    (command,) = facts.commands
    *options, limit, region = command.options
    after = [o.flags[0] for o in options].index("--older-than-hours") + 1
    reordered = (*options[:after], limit, region, *options[after:])
    facts = dataclasses.replace(facts, commands=(dataclasses.replace(command, options=reordered),))
    text = synced(parse(PAGE), facts)
    assert text == PAGE.replace(
        "(default: 48)\n",
        "(default: 48)\n- `--limit`: At most this many (default: 5)\n- `--region`: Region (default: 1)\n",
    )
    assert findings(parse(text), facts, *CODES) == []


TABLE = PAGE.replace(
    """**Options:**
- `--older-than-hours`: Expire orders older than this (default: 48)
- `--batch-size`: Orders loaded per query (default: `200`)
- `--channel`: Where customers are told (default: 'email')
- `--dry-run`: Change nothing, list what would change
""",
    """| Option | Default | Description |
| --- | --- | --- |
| `--older-than-hours HOURS` | `48` | Expire orders older than this |
| `--batch-size` | `200` | Orders loaded per query |
| `--channel` | `email` | Where customers are told |
| `--dry-run` | | Change nothing, list what would change |
""",
)


def test_an_options_table_takes_new_defaults_and_names_in_its_cells_and_keeps_its_rows(parse: ParsePage) -> None:
    facts = changes.set_option_default(FACTS, "expire_orders", "--older-than-hours", "72")
    facts = changes.remove_option(facts, "expire_orders", "--batch-size")
    facts = changes.add_option(facts, "expire_orders", "--chunk-size", "200", "Orders loaded per query")
    page = parse(TABLE)
    assert sorted(f.code for f in findings(page, facts, *CODES)) == ["FD402", "FD403", "FD405"]
    text = synced(page, facts)
    assert text == TABLE.replace("| `48` |", "| `72` |").replace("`--batch-size`", "`--chunk-size`")
    assert findings(parse(text), facts, *CODES) == []
    assert synced(parse(TABLE), FACTS) == TABLE  # a correct table is left as it is


def test_an_option_renamed_to_another_word_with_the_same_help_is_renamed_everywhere(parse: ParsePage) -> None:
    facts = changes.remove_option(FACTS, "expire_orders", "--batch-size")
    facts = changes.add_option(facts, "expire_orders", "--page-rows", "200", "Orders loaded per query.")
    page_text = (
        PAGE.replace("expire_orders --dry-run\n", "expire_orders --dry-run --batch-size 50\n")
        + "\n| Option | Default |\n| --- | --- |\n| `--batch-size N` | `200` |\n"
    )
    text = synced(parse(page_text), facts)
    assert text == page_text.replace("--batch-size", "--page-rows")  # the list, its example and the table
    assert findings(parse(text), facts, *CODES) == []
