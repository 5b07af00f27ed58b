"""FD401 CommandNotFound on hand-built facts."""

from __future__ import annotations

from dataclasses import replace

from featuredocs.model import Applicability, Span
from featuredocs.rules.fd4_commands.fd401_command_not_found import CommandNotFound
from tests.rules.fd4.facts import FACTS
from tests.support.rules import run_rule

DRIFTED = """\
# Order Expiry

## Management Commands

### expire_ordres

```bash
python manage.py expire_ordres --days 3
python manage.py export_orders out.csv
```
"""

CLEAN = """\
# Order Expiry

## Management Commands

### expire_orders

```bash
python manage.py expire_orders --days 3
python manage.py migrate --check
```

### command_name

```bash
python manage.py command_name [options]
```
"""


def test_fires_on_declaration_and_invocation(parse):
    findings = run_rule(CommandNotFound, parse(DRIFTED), FACTS)
    assert [(f.code, f.span) for f in findings] == [
        ("FD401", Span(5, 5, 5, 18)),
        ("FD401", Span(8, 18, 8, 31)),
    ]
    first, second = findings
    assert first.message == "command `expire_ordres` is documented but does not exist"
    assert first.hint == (
        "did you mean `expire_orders`? (orders/management/commands/expire_orders.py:8)"
    )
    assert second.message == "`manage.py expire_ordres` runs a command that does not exist"
    assert first.fix is not None and first.fix.applicability is Applicability.UNSAFE
    assert first.fix.edits[0].replacement == "expire_orders"


def test_silent_on_real_commands_and_template_placeholders(parse):
    assert run_rule(CommandNotFound, parse(CLEAN), FACTS) == []


def test_silent_without_facts(parse):
    assert run_rule(CommandNotFound, parse(DRIFTED), None) == []


def test_silent_when_facts_do_not_list_djangos_own_commands(parse):
    partial = replace(FACTS, commands=tuple(c for c in FACTS.commands if c.project))
    assert run_rule(CommandNotFound, parse(DRIFTED), partial) == []


HELP = """\
# Order Expiry

## Management Commands

```bash
python manage.py help expire_ordres
python manage.py help expire_orders
python manage.py help
```
"""


def test_help_for_a_missing_command_says_it_asks_for_help(parse):
    findings = run_rule(CommandNotFound, parse(HELP), FACTS)
    assert [(f.span, f.message) for f in findings] == [
        (Span(6, 23, 6, 36), "`manage.py help expire_ordres` asks for help on a command that does not exist"),
    ]
    assert findings[0].fix is not None and findings[0].fix.edits[0].replacement == "expire_orders"


def test_silent_on_a_line_that_says_it_needs_a_package(parse):
    text = DRIFTED.replace(
        "python manage.py export_orders out.csv",
        "python manage.py shell_plus  # needs django-extensions\npython manage.py export_orders out.csv",
    )
    page = parse(text)
    assert [f.span.line for f in run_rule(CommandNotFound, page, FACTS)] == [5, 8]
