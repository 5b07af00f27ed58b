"""FD404 InvalidInvocation on hand-built facts."""

from __future__ import annotations

import dataclasses

from featuredocs.model import Span
from featuredocs.rules.fd4_commands.fd404_invalid_invocation import InvalidInvocation
from tests.rules.fd4.facts import FACTS
from tests.support.rules import run_rule

PAGE = """\
# Order Expiry

## Management Commands

### expire_orders

```bash
python manage.py expire_orders --days three
python manage.py expire_orders --dry-rum
python manage.py export_orders out.csv --format xml
python manage.py export_orders
python manage.py migrate orders 0002 extra
```
"""

CLEAN = """\
# Order Expiry

## Usage

```bash
python manage.py expire_orders --days 3 --dry-run
python manage.py expire_orders --dry  # argparse accepts a unique prefix
python manage.py export_orders out.csv -f json --since 2024-01-01 -v 2
python manage.py migrate orders 0002 --check --noinput
python manage.py expire_orders --days N
python manage.py export_orders PATH --format FORMAT
python manage.py migrate -v N APP_LABEL
python manage.py export_orders <path> [options]
python manage.py export_orders (--format csv | --format json)
```
"""


def test_fires_with_argparses_reason_at_the_culprit(parse):
    findings = run_rule(InvalidInvocation, parse(PAGE), FACTS)
    assert [(f.code, f.span) for f in findings] == [
        ("FD404", Span(8, 39, 8, 44)),
        ("FD404", Span(9, 32, 9, 41)),
        ("FD404", Span(10, 49, 10, 52)),
        ("FD404", Span(11, 18, 11, 31)),
        ("FD404", Span(12, 38, 12, 43)),
    ]
    days, flag, choice, missing, extra = findings
    assert days.message == (
        "`manage.py expire_orders` rejects this: argument --days: invalid int value: 'three'"
    )
    assert flag.message.endswith("unrecognized arguments: --dry-rum")
    assert flag.hint == "did you mean `--dry-run`? (orders/management/commands/expire_orders.py:8)"
    assert "invalid choice: 'xml'" in choice.message
    assert missing.message.endswith("the following arguments are required: path")
    assert extra.message.endswith("unrecognized arguments: extra")


def test_silent_on_valid_and_illustrative_invocations(parse):
    assert run_rule(InvalidInvocation, parse(CLEAN), FACTS) == []


def test_no_parsing_for_a_command_whose_options_are_not_all_known(parse):
    facts = dataclasses.replace(FACTS, commands=tuple(
        dataclasses.replace(c, options_complete=c.name != "expire_orders") for c in FACTS.commands
    ))
    findings = run_rule(InvalidInvocation, parse(PAGE), facts)
    assert [(f.code, f.span.line) for f in findings] == [("FD404", 10), ("FD404", 11), ("FD404", 12)]


PROSE = """\
# Order Expiry

## Overview

Run `python manage.py expire_orders --days 3` nightly, `./manage.py export_orders` weekly
and `manage.py export_orders --format json` on demand.
"""


def test_inline_invocations_are_parsed_but_may_leave_arguments_out(parse):
    # export_orders needs a path: a sentence naming the command and one option need not give it
    assert run_rule(InvalidInvocation, parse(PROSE), FACTS) == []
    page = parse(PROSE.replace("--days 3", "--dais 3").replace("--format json", "--format xml"))
    findings = run_rule(InvalidInvocation, page, FACTS)
    assert [page.line_text(f.span.line)[f.span.column - 1 : f.span.end_column - 1] for f in findings] == [
        "--dais", "xml",
    ]
    assert findings[0].message.endswith("unrecognized arguments: --dais 3")
    assert findings[0].hint == "did you mean `--days`? (orders/management/commands/expire_orders.py:8)"
    assert "invalid choice: 'xml'" in findings[1].message
    # the left-out path hides nothing the sentence does write
    unknown = parse(PROSE.replace("--format json", "--formatt"))
    (finding,) = run_rule(InvalidInvocation, unknown, FACTS)
    assert finding.message.endswith("unrecognized arguments: --formatt")
    assert finding.hint is not None and finding.hint.startswith("did you mean `--format`?")
