"""Options written the untidy ways real pages write them, against a real project's parsers.

One project for the whole module: the commands' real argparse parsers, introspected in a
child process, decide which options exist and what their defaults are.
"""

from __future__ import annotations

import pytest

from featuredocs.model import ProjectFacts, Span
from featuredocs.rules.fd4_commands.fd402_option_not_accepted import OptionNotAccepted
from featuredocs.rules.fd4_commands.fd403_stale_option_default import StaleOptionDefault
from featuredocs.rules.fd4_commands.fd405_undocumented_option import UndocumentedOption
from tests.support.django_project import make_project
from tests.support.rules import run_rule

SEND_REMINDERS = '''\
from django.core.management.base import BaseCommand


class Command(BaseCommand):
    help = "Remind customers of unpaid orders."

    def add_arguments(self, parser):
        parser.add_argument("--channel", choices=["email", "sms"], default="email")
        parser.add_argument("--hours", type=int, default=24,
                            help="Remind about orders pending for this many hours.")
        parser.add_argument("--limit", type=int, default=100, help="Most reminders per run.")
        parser.add_argument("--dry-run", action="store_true")

    def handle(self, *args, **options):
        pass
'''

EXPIRE_ORDERS = '''\
from django.core.management.base import BaseCommand


class Command(BaseCommand):
    help = "Cancel unpaid orders."

    def add_arguments(self, parser):
        parser.add_argument("--older-than-hours", type=int, default=48)
        parser.add_argument("--batch-size", type=int, default=200)
        parser.add_argument("--no-notify", action="store_true")
        parser.add_argument("--timeout", type=int, default=300, help="Seconds to wait for the lock.")
        parser.add_argument("--retention", default="30d", help="How long to keep expired orders, in days.")

    def handle(self, *args, **options):
        pass
'''

IMPORT_PRODUCTS = '''\
from pathlib import Path

from django.core.management.base import BaseCommand


class Command(BaseCommand):
    help = "Import products from a CSV or JSON file."

    def add_arguments(self, parser):
        parser.add_argument("path", type=Path, help="The file to import.")
        parser.add_argument("--format", choices=["csv", "json"], default="csv")
        parser.add_argument("--batch-size", type=int, default=500)
        parser.add_argument("--dry-run", action="store_true")

    def handle(self, *args, **options):
        pass
'''

# The harness's default PostgreSQL backend needs a driver to even set up; never connected.
SQLITE = 'DATABASES = {"default": {"ENGINE": "django.db.backends.sqlite3", "NAME": ":memory:"}}'


@pytest.fixture(scope="module")
def facts(tmp_path_factory: pytest.TempPathFactory) -> ProjectFacts:
    project = make_project(
        tmp_path_factory.mktemp("shop"),
        settings=SQLITE,
        apps={
            "customers": {"management/commands/send_reminders.py": SEND_REMINDERS},
            "orders": {"management/commands/expire_orders.py": EXPIRE_ORDERS},
            "catalog": {"management/commands/import_products.py": IMPORT_PRODUCTS},
        },
    )
    return project.facts()


REMINDERS = """\
# Reminders

## Management Commands

### send_reminders

**Options:**
- `--channel`: where to send [default: "email"]
- `--hours`: age in hours [default: 24; x>=1]
- `--limit`: most reminders per run [default: 100]
- `--dry-run`: preview [default: False]
"""


def test_fd403_reads_a_bracketed_default(parse, facts):
    page = parse(REMINDERS.replace("[default: 100]", "[default: 50]"))
    (finding,) = run_rule(StaleOptionDefault, page, facts)
    assert (finding.span, finding.message) == (
        Span(10, 47, 10, 49),
        "`--limit` is documented to default to `50`, but defaults to `100`",
    )
    assert [edit.replacement for edit in finding.fix.edits] == ["100"]


def test_fd403_silent_on_bracketed_defaults_that_agree(parse, facts):
    assert run_rule(StaleOptionDefault, parse(REMINDERS), facts) == []


def test_fd403_reads_a_bold_default_and_stops_at_a_semicolon(parse, facts):
    bold = REMINDERS.replace("most reminders per run [default: 100]",
                             "most reminders per run (defaults to **100**; raise it for big sends)")
    assert run_rule(StaleOptionDefault, parse(bold), facts) == []
    page = parse(bold.replace("**100**", "**500**"))
    (finding,) = run_rule(StaleOptionDefault, page, facts)
    assert finding.message == "`--limit` is documented to default to `500`, but defaults to `100`"
    assert page.line_text(finding.span.line)[finding.span.column - 1 : finding.span.end_column - 1] == "500"
    assert [edit.replacement for edit in finding.fix.edits] == ["100"]
    plain = parse(bold.replace("**100**", "250"))
    assert [f.message for f in run_rule(StaleOptionDefault, plain, facts)] == [
        "`--limit` is documented to default to `250`, but defaults to `100`"]


DEFINITIONS = """\
# Catalog Import

## Management Commands

### import_products

**Options:**

`path`
: The file to import

`--format {csv,json}`
: File format (default: `csv`)

**`--batch-size N`**
: Products per round trip.
  Defaults to 500.

`--dry-run`
: Report without writing

`--fmt` (removed in 2.0)
: Use `--format` instead.
"""


def test_definition_list_options_are_read(parse, facts):
    page = parse(
        DEFINITIONS.replace("`--format {csv,json}`", "`--formats {csv,json}`")
        .replace("Defaults to 500", "Defaults to 1000")
        .replace("`--dry-run`\n: Report without writing\n\n", "")
    )
    assert [(f.code, f.span) for f in run_rule(OptionNotAccepted, page, facts)] == [
        ("FD402", Span(12, 2, 12, 11)),
    ]
    assert [(f.code, f.span) for f in run_rule(StaleOptionDefault, page, facts)] == [
        ("FD403", Span(17, 15, 17, 19)),
    ]
    assert [f.message for f in run_rule(UndocumentedOption, page, facts)] == [
        "option `--dry-run` of `import_products` is not in its Options list",
    ]


def test_definition_list_that_matches_the_parser_is_silent(parse, facts):
    page = parse(DEFINITIONS)
    for rule in (OptionNotAccepted, StaleOptionDefault, UndocumentedOption):
        assert run_rule(rule, page, facts) == [], rule.code



HEADED_DEFINITIONS = """\
# Catalog Import

## Management Commands

### import_products

#### Options

`path`
: The file to import

`--format`
: `csv` or `json` (default: `csv`)

`--batch-size`
: Products per round trip. Defaults to 500.

- **`--dry-run`**: validate only, write nothing
"""


def test_definition_list_next_to_a_bullet_list_under_an_options_heading(parse, facts):
    # A team writes some options as definitions and the later ones as a bullet list (or
    # ends the section with a list of notes): the definitions are still options.
    for rule in (OptionNotAccepted, StaleOptionDefault, UndocumentedOption):
        assert run_rule(rule, parse(HEADED_DEFINITIONS), facts) == [], rule.code
    page = parse(HEADED_DEFINITIONS.replace("`--format`", "`--formats`").replace("to 500", "to 250"))
    assert [f.message for f in run_rule(OptionNotAccepted, page, facts)] == [
        "option `--formats` is documented for `import_products`, which has no such option",
    ]
    assert [f.message for f in run_rule(StaleOptionDefault, page, facts)] == [
        "`--batch-size` is documented to default to `250`, but defaults to `500`",
    ]
    notes = HEADED_DEFINITIONS.replace("- **`--dry-run`**: validate only, write nothing\n",
                                       "Things to know:\n\n- The import is idempotent.\n- Rows are read in order.\n")
    page = parse(notes.replace("to 500", "to 250"))
    assert [f.message for f in run_rule(StaleOptionDefault, page, facts)] == [
        "`--batch-size` is documented to default to `250`, but defaults to `500`",
    ]
    assert [f.message for f in run_rule(UndocumentedOption, page, facts)] == [
        "option `--dry-run` of `import_products` is not in its Options list",
    ]

UNITS = """\
# Order Expiry

## Management Commands

### expire_orders

| Flag | Default | Meaning |
| --- | --- | --- |
| `--older-than-hours` | 48 hours | age |
| `--batch-size` | 200 rows | per query |
| `--timeout` | 5 minutes | lock wait |
| `--retention` | 30d | kept for |

### send_reminders

**Options:**
- `--hours`: age in hours (default: 24 hours)
- `--limit`: most per run; defaults to 100 reminders.
"""


def test_fd403_compares_a_default_followed_by_its_unit(parse, facts):
    page = parse(
        UNITS.replace("48 hours", "72 hours").replace("200 rows", "300 rows")
        .replace("(default: 24 hours)", "(default: 12 hours)")
        .replace("defaults to 100 reminders", "defaults to 50 reminders")
    )
    findings = run_rule(StaleOptionDefault, page, facts)
    assert [(f.span, f.message) for f in findings] == [
        (Span(9, 26, 9, 34),
         "`--older-than-hours` is documented to default to `72 hours`, but defaults to `48 hours`"),
        (Span(10, 20, 10, 28),
         "`--batch-size` is documented to default to `300 rows`, but defaults to `200 rows`"),
        (Span(17, 37, 17, 45), "`--hours` is documented to default to `12 hours`, but defaults to `24 hours`"),
        (Span(18, 40, 18, 52), "`--limit` is documented to default to `50 reminders`, but defaults to `100 reminders`"),
    ]
    assert [edit.replacement for edit in findings[0].fix.edits] == ["48 hours"]


def test_fd403_silent_where_the_unit_or_what_follows_makes_the_number_unsure(parse, facts):
    page = parse(
        UNITS.replace("(default: 24 hours)", "(default: 12 hours or the setting's value)")
        .replace("48 hours", "12-24 hours")
        .replace("defaults to 100 reminders", "defaults to 50 reminders or fewer")
    )
    # `5 minutes` for a --timeout in seconds is 300; `30d` is text the command parses
    assert run_rule(StaleOptionDefault, page, facts) == []
    assert run_rule(StaleOptionDefault, parse(UNITS), facts) == []


PROSE = """\
# Catalog Import

## Overview

Pass `--dryrun` to `import_products` to check a file first. The `--batchsize` option of
`python manage.py expire_orders` sets rows per query.

## Management Commands

### expire_orders

**Options:**
- `--batch-size`: rows per query; raise it for `expire_orders` on big tables
- `--no-notfy`: no mail when `expire_orders` cancels an order
"""


def test_fd402_reads_options_named_in_a_sentence_with_their_command(parse, facts):
    findings = run_rule(OptionNotAccepted, parse(PROSE), facts)
    assert [(f.span, f.message, f.hint.split("?")[0]) for f in findings] == [
        (Span(5, 7, 5, 15), "option `--dryrun` is named for `import_products`, which has no such option",
         "did you mean `--dry-run`"),
        (Span(5, 66, 5, 77), "option `--batchsize` is named for `expire_orders`, which has no such option",
         "did you mean `--batch-size`"),
        (Span(14, 4, 14, 14),  # reported once, by the Options list
         "option `--no-notfy` is documented for `expire_orders`, which has no such option",
         "did you mean `--no-notify`"),
    ]
    assert [edit.replacement for edit in findings[0].fix.edits] == ["--dry-run"]


@pytest.mark.parametrize(
    "sentence",
    [
        "Pass `--dry-run` to `import_products` to check a file first.",
        "Pass `--dry` to `import_products`: argparse takes a flag's unambiguous start.",
        "Pass `--bogus-prose-flag` to `import_products`: nothing like it, maybe still to come.",
        "Pass `--dryrun` to `import_products` or `expire_orders` to preview.",
        "Run `import_products` nightly. Pass `--dryrun` to preview.",
        "Run `hatch build` with `--no-verify` before `expire_orders` runs.",
        "Use git's `--no-verify` before `expire_orders` runs in CI.",
        "`--older-than-days` of `expire_orders` was renamed in 2.0.",
        "`expire_orders` takes `--older-than-hours`, not `--older-than-days`.",
    ],
)
def test_fd402_silent_on_sentences_that_do_not_misname_an_option(parse, facts, sentence):
    page = parse(f"# Catalog Import\n\n## Overview\n\n{sentence}\n")
    assert run_rule(OptionNotAccepted, page, facts) == []


def test_fd402_silent_on_sentences_in_a_section_about_other_times(parse, facts):
    page = parse("# Catalog Import\n\n## Future Enhancements\n\nPass `--dryrun` to `import_products`.\n")
    assert run_rule(OptionNotAccepted, page, facts) == []


EXPIRY_OPTIONS = """\
# Expiry

## Management Commands

### expire_orders

**Options:**
- `--older-than-hours`: age (default: 48)
- `--chunk-size`: orders per query (default: 200)
- `--no-notify`: stay quiet
- `--timeout`: seconds (default: 300)
- `--retention`: days (default: 30d)
"""


def test_fd402_renames_a_stale_option_to_the_one_close_flag_the_list_lacks(parse, facts):
    (finding,) = run_rule(OptionNotAccepted, parse(EXPIRY_OPTIONS), facts)
    assert finding.message == "option `--chunk-size` is documented for `expire_orders`, which has no such option"
    assert finding.fix is not None and [e.replacement for e in finding.fix.edits] == ["--batch-size"]
    # with --batch-size listed already, the stale item is no rename of it
    listed = parse(EXPIRY_OPTIONS + "- `--batch-size`: orders per query (default: 200)\n")
    (finding,) = run_rule(OptionNotAccepted, listed, facts)
    assert finding.fix is None


IN_ITS_SECTION = """\
# Expiry

## Management Commands

### expire_orders

Run it from cron every hour. Pass `--older-then-hours` to change the window,
and `--dry-run` to preview.

#### Scheduling

Big shops raise `--batchsize`; run the tests with `--reuse-db` first.

### import_products

Pass `--dryrun` to check a file. The expiry's `--no-notify` is not for imports.

## Overview

Pass `--older-then-hours` to change the window.
"""


def test_fd402_reads_a_flag_a_sentence_names_under_its_commands_heading(parse, facts):
    findings = run_rule(OptionNotAccepted, parse(IN_ITS_SECTION), facts)
    assert [(f.span.line, f.message) for f in findings] == [
        (7, "option `--older-then-hours` is named for `expire_orders`, which has no such option"),
        (12, "option `--batchsize` is named for `expire_orders`, which has no such option"),
        (16, "option `--dryrun` is named for `import_products`, which has no such option"),
    ]


def test_options_under_a_bold_title_without_a_colon(parse, facts):
    # `**Options**` on its own line is a title, as `#### Options` is.
    titled = REMINDERS.replace("**Options:**", "**Options**\n").replace("\n- `", "\n* `")
    assert run_rule(StaleOptionDefault, parse(titled), facts) == []
    assert run_rule(UndocumentedOption, parse(titled), facts) == []
    page = parse(titled.replace("[default: 24; x>=1]", "[default: 36]").replace("`--limit`", "`--max`"))
    assert [f.message for f in run_rule(StaleOptionDefault, page, facts)] == [
        "`--hours` is documented to default to `36`, but defaults to `24`",
    ]
    assert [f.message for f in run_rule(OptionNotAccepted, page, facts)] == [
        "option `--max` is documented for `send_reminders`, which has no such option",
    ]
    # Bold words that open a sentence introduce no list.
    prose = REMINDERS.replace("**Options:**", "**Options** are read once, at start:").replace("`--limit`", "`--max`")
    assert run_rule(OptionNotAccepted, parse(prose), facts) == []


QUALIFIED_LISTS = """\
# Orders

## Management Commands

### send_reminders

**Command Options**:
- `--channel`: `email` or `sms` (default: `email`)
- `--dry-run`: Report only

**Batch options:**
- `--hours`: Orders pending this long (default: {hours})

Throttling options:
- `--limit`: Most reminders per run (default: 100)

**Gunicorn options:**
- `--workers`: Worker processes behind the reminder webhook
"""


def test_options_a_qualified_label_lists_are_the_commands_when_all_are_real(parse, facts):
    page = parse(QUALIFIED_LISTS.format(hours=24))
    for rule in (UndocumentedOption, OptionNotAccepted, StaleOptionDefault):
        assert run_rule(rule, page, facts) == [], rule.code
    (stale,) = run_rule(StaleOptionDefault, parse(QUALIFIED_LISTS.format(hours=12)), facts)
    assert stale.message == "`--hours` is documented to default to `12`, but defaults to `24`"
    assert stale.span.line == 12
