"""FD403 StaleOptionDefault on hand-built facts."""

from __future__ import annotations

from featuredocs.model import Applicability, Span
from featuredocs.rules.fd4_commands.fd403_stale_option_default import StaleOptionDefault
from tests.rules.fd4.facts import FACTS
from tests.support.rules import run_rule

PAGE = """\
# Order Expiry

## Management Commands

### expire_orders

**Options:**
- `--days`: Age in days (default: `7`)
- `--dry-run`: Only report (default: off)
- `--batch-size`: Rows per batch. Defaults to 500.

### export_orders

**Options:**
- `-f`, `--format`: Output format (default: 'json')
- `--since`: Only newer orders (default: yesterday)
"""


def test_fires_with_a_safe_fix_on_the_value(parse):
    findings = run_rule(StaleOptionDefault, parse(PAGE), FACTS)
    assert [(f.code, f.span) for f in findings] == [
        ("FD403", Span(8, 36, 8, 37)),
        ("FD403", Span(15, 45, 15, 51)),
    ]
    days, fmt = findings
    assert days.message == "`--days` is documented to default to `7`, but defaults to `3`"
    assert days.fix.applicability is Applicability.SAFE
    assert [e.replacement for e in days.fix.edits] == ["3"]
    assert fmt.message == (
        "`--format` is documented to default to `'json'`, but defaults to `'csv'`"
    )
    assert [e.replacement for e in fmt.fix.edits] == ["'csv'"]


def test_silent_when_defaults_agree(parse):
    page = parse(PAGE.replace("`7`", "`3`").replace("'json'", "csv"))
    assert run_rule(StaleOptionDefault, page, FACTS) == []


SIBLING_OPTIONS = """\
# Order Expiry

## Management Commands

### expire_orders

```bash
python manage.py expire_orders --dry-run
python manage.py migrate --check
```

### Options

- `--days`: Age in days (default: 7)
- `--batch-size`: Rows per batch (default: 500)

### Scheduling

- `--days`: shorter on sale days (default: 1)
"""


def test_an_options_heading_a_level_too_high_belongs_to_the_command_before_it(parse):
    # `### Options` right after `### expire_orders`, where `#### Options` was meant.
    (finding,) = run_rule(StaleOptionDefault, parse(SIBLING_OPTIONS), FACTS)
    assert (finding.span.line, finding.message) == (
        14, "`--days` is documented to default to `7`, but defaults to `3`")
    # Not after a heading that declares no command, nor when the list names none of its options.
    assert run_rule(StaleOptionDefault, parse(SIBLING_OPTIONS.replace("### expire_orders", "### Expiry")), FACTS) == []
    other = SIBLING_OPTIONS.replace("`--days`: Age", "`--workers`: Threads").replace("`--batch-size`", "`--queue`")
    assert run_rule(StaleOptionDefault, parse(other), FACTS) == []


def test_a_default_written_by_default_in_parentheses(parse):
    agreeing = PAGE.replace("`7`", "`3`").replace("'json'", "csv")
    page = parse(agreeing.replace("Rows per batch. Defaults to 500.", "Rows per batch (250 by default)"))
    (finding,) = run_rule(StaleOptionDefault, page, FACTS)
    assert finding.message == "`--batch-size` is documented to default to `250`, but defaults to `500`"
    page = parse(agreeing.replace("Rows per batch. Defaults to 500.", "Rows per batch (500 by default)"))
    assert run_rule(StaleOptionDefault, page, FACTS) == []
