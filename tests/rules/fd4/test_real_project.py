"""Every FD4 rule and FD807 against facts read from a real Django project.

One project for the whole module: its commands' real parsers, introspected in a child
process, decide what is accepted, what the defaults are and which options exist.
"""

from __future__ import annotations

import pytest

from featuredocs.model import ProjectFacts, Span
from featuredocs.rules.fd4_commands.fd401_command_not_found import CommandNotFound
from featuredocs.rules.fd4_commands.fd402_option_not_accepted import OptionNotAccepted
from featuredocs.rules.fd4_commands.fd403_stale_option_default import StaleOptionDefault
from featuredocs.rules.fd4_commands.fd404_invalid_invocation import InvalidInvocation
from featuredocs.rules.fd4_commands.fd405_undocumented_option import UndocumentedOption
from featuredocs.rules.fd4_commands.fd807_unknown_command_mention import UnknownCommandMention
from tests.support.django_project import make_project
from tests.support.rules import context_for, run_rule

EXPIRE_ORDERS = '''\
from django.core.management.base import BaseCommand


class Command(BaseCommand):
    help = "Cancel unpaid orders."

    def add_arguments(self, parser):
        parser.add_argument("--days", type=int, default=3, help="Age in days")
        parser.add_argument("--dry-run", action="store_true", help="Only report")
        parser.add_argument("--batch-size", type=int, default=500, help="Rows per batch")

    def handle(self, *args, **options):
        pass
'''

EXPORT_ORDERS = '''\
from pathlib import Path

from django.core.management.base import BaseCommand


class Command(BaseCommand):
    help = "Export orders."

    def add_arguments(self, parser):
        parser.add_argument("path", type=Path)
        parser.add_argument("-f", "--format", choices=["csv", "json"], default="csv")
        parser.add_argument("--since", help="Only orders placed after this date")

    def handle(self, *args, **options):
        pass
'''


# The harness's default PostgreSQL backend needs a driver to even set up; never connected.
SQLITE = 'DATABASES = {"default": {"ENGINE": "django.db.backends.sqlite3", "NAME": ":memory:"}}'


@pytest.fixture(scope="module")
def facts(tmp_path_factory: pytest.TempPathFactory) -> ProjectFacts:
    root = tmp_path_factory.mktemp("shop")
    project = make_project(
        root,
        settings=SQLITE,
        apps={
            "orders": {
                "management/commands/expire_orders.py": EXPIRE_ORDERS,
                "management/commands/export_orders.py": EXPORT_ORDERS,
            }
        },
    )
    return project.facts()


CLEAN = """\
# Order Expiry

> **Order expiry** - Cancels unpaid orders.

## Overview

Runs nightly as `python manage.py expire_orders`.

## Management Commands

### expire_orders

Cancels unpaid orders.

```bash
# Basic usage
python manage.py expire_orders [options]

# Preview a week's worth
$ python manage.py expire_orders --days 7 \\
    --dry-run --batch-size 100
```

**Options:**
- `--days`: Age in days (default: 3)
- `--dry-run`: Only report (default: false)
- `--batch-size`: Rows per batch. Defaults to `500`.

### export_orders

```bash
python manage.py export_orders exports/orders.csv --format json
```

**Arguments:**
- `path`: Where to write

**Options:**
- `-f`, `--format`: `csv` or `json` (default: csv)
- `--since`: Only orders placed after this date

## Common Workflows

```bash
python manage.py migrate --check && python manage.py expire_orders
python manage.py command_setup
```
"""

DRIFTED = """\
# Order Expiry

## Management Commands

### expire_orders

```bash
python manage.py expire_orders --days three
python manage.py expire_unpaid
```

**Options:**
- `--days`: Age in days (default: 5)
- `--dryrun`: Only report
"""


def test_clean_page_is_silent_under_every_rule(parse, facts):
    page = parse(CLEAN)
    for rule in (CommandNotFound, OptionNotAccepted, StaleOptionDefault, InvalidInvocation,
                 UndocumentedOption, UnknownCommandMention):
        assert run_rule(rule, page, facts) == [], rule.code


def test_fd401_fires_on_a_missing_command(parse, facts):
    (finding,) = run_rule(CommandNotFound, parse(DRIFTED), facts)
    assert (finding.code, finding.span) == ("FD401", Span(9, 18, 9, 31))
    assert finding.hint == (
        "did you mean `expire_orders`? (orders/management/commands/expire_orders.py:4)"
    )


def test_fd402_fires_on_an_unknown_flag(parse, facts):
    (finding,) = run_rule(OptionNotAccepted, parse(DRIFTED), facts)
    assert (finding.code, finding.span) == ("FD402", Span(14, 4, 14, 12))
    assert finding.hint.startswith("did you mean `--dry-run`?")


def test_fd403_fires_on_a_stale_default(parse, facts):
    (finding,) = run_rule(StaleOptionDefault, parse(DRIFTED), facts)
    assert (finding.code, finding.span) == ("FD403", Span(13, 35, 13, 36))
    assert [edit.replacement for edit in finding.fix.edits] == ["3"]


def test_fd404_fires_on_a_rejected_value(parse, facts):
    (finding,) = run_rule(InvalidInvocation, parse(DRIFTED), facts)
    assert (finding.code, finding.span) == ("FD404", Span(8, 39, 8, 44))
    assert finding.message.endswith("argument --days: invalid int value: 'three'")


def test_fd405_fires_on_options_missing_from_the_list(parse, facts):
    findings = run_rule(UndocumentedOption, parse(DRIFTED), facts)
    assert [(f.code, f.span, f.message) for f in findings] == [
        ("FD405", Span(12, 1, 12, 13),
         "option `--batch-size` of `expire_orders` is not in its Options list"),
        ("FD405", Span(12, 1, 12, 13),
         "option `--dry-run` of `expire_orders` is not in its Options list"),
    ]


def test_fd807_fires_on_other_pages(parse, facts):
    readme = parse("# Shop\n\nNightly: `python manage.py expire_unpaid`.\n", rel="README.md")
    findings = run_rule(UnknownCommandMention, readme, facts, ctx=context_for([readme], facts))
    assert [(f.code, f.span) for f in findings] == [("FD807", Span(3, 28, 3, 41))]


def test_django_flags_match_on_flags_not_dest(parse, facts):
    page = parse(
        "# T\n\n## Management Commands\n\n### migrate\n\n**Options:**\n"
        "- `--check`: Exit non-zero when migrations are unapplied\n"
        "- `--noinput`: Never prompt\n\n"
        "```bash\npython manage.py migrate --check --noinput -v 2\n```\n"
    )
    assert run_rule(OptionNotAccepted, page, facts) == []
    assert run_rule(InvalidInvocation, page, facts) == []
    assert run_rule(UndocumentedOption, page, facts) == []  # not one of the project's own


def test_fd404_reads_invocations_in_inline_code(parse, facts):
    prose = CLEAN + "\nRun `python manage.py export_orders --format json` on demand.\n"
    assert run_rule(InvalidInvocation, parse(prose), facts) == []
    page = parse(prose.replace("--format json` on demand", "--format xml` on demand"))
    (finding,) = run_rule(InvalidInvocation, page, facts)
    line = len(prose.splitlines())
    column = page.line_text(line).index("xml") + 1
    assert finding.span == Span(line, column, line, column + 3)
    assert "invalid choice: 'xml'" in finding.message
