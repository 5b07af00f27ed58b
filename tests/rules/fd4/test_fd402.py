"""FD402 OptionNotAccepted on hand-built facts."""

from __future__ import annotations

import dataclasses

from featuredocs.model import Span
from featuredocs.rules.fd4_commands.fd402_option_not_accepted import OptionNotAccepted
from tests.rules.fd4.facts import FACTS
from tests.support.rules import run_rule

PAGE = """\
# Order Expiry

## Management Commands

### expire_orders

**Options:**
- `--days`: Age in days (default: 3)
- `-n`, `--dry-runn`: Only report
- `--verbosity`: Django's own option

### migrate

**Options:**
- `--check`: Exit non-zero when migrations are unapplied
- `--noinput`, `--no-input`: Never prompt

### unknown_command

**Options:**
- `--anything`: not checked here; FD401 reports the command
"""


def test_fires_on_each_unknown_flag(parse):
    findings = run_rule(OptionNotAccepted, parse(PAGE), FACTS)
    assert [(f.code, f.span) for f in findings] == [
        ("FD402", Span(9, 4, 9, 6)),
        ("FD402", Span(9, 10, 9, 20)),
    ]
    assert findings[1].message == (
        "option `--dry-runn` is documented for `expire_orders`, which has no such option"
    )
    assert findings[1].hint == (
        "did you mean `--dry-run`? (orders/management/commands/expire_orders.py:8)"
    )
    assert findings[1].fix.edits[0].replacement == "--dry-run"


def test_no_hint_from_the_shared_dashes_alone(parse):
    page = parse(PAGE.replace("`--verbosity`", "`--encoding`"))
    (finding,) = [f for f in run_rule(OptionNotAccepted, page, FACTS) if "encoding" in f.message]
    assert finding.hint is None


def test_flags_match_on_flags_not_dest(parse):
    page = parse(PAGE.replace("`-n`, `--dry-runn`", "`--dry-run`"))
    assert run_rule(OptionNotAccepted, page, FACTS) == []


def test_silent_on_a_command_whose_options_are_not_all_known(parse):
    # static mode could not follow every add_argument: `--dry-runn` may be a real flag
    facts = dataclasses.replace(FACTS, commands=tuple(
        dataclasses.replace(c, options_complete=c.name != "expire_orders") for c in FACTS.commands
    ))
    assert run_rule(OptionNotAccepted, parse(PAGE), facts) == []
    findings = run_rule(OptionNotAccepted, parse(PAGE.replace("`--check`", "`--chek`")), facts)
    assert [(f.code, f.span.line, f.span.column) for f in findings] == [("FD402", 15, 4)]
