"""A heading that calls its code a command ("## The `expire_orders` command"), and the
flags listed right under it with no label, against a real project's parsers."""

from __future__ import annotations

import pytest

from featuredocs.rules.fd4_commands.fd401_command_not_found import CommandNotFound
from featuredocs.rules.fd4_commands.fd402_option_not_accepted import OptionNotAccepted
from featuredocs.rules.fd4_commands.fd403_stale_option_default import StaleOptionDefault
from featuredocs.rules.fd4_commands.fd405_undocumented_option import UndocumentedOption
from featuredocs.model import ProjectFacts
from tests.rules.fd4.test_untidy_pages import EXPIRE_ORDERS, SQLITE
from tests.support.django_project import make_project
from tests.support.rules import run_rule



@pytest.fixture(scope="module")
def facts(tmp_path_factory: pytest.TempPathFactory) -> ProjectFacts:
    apps = {"orders": {"management/commands/expire_orders.py": EXPIRE_ORDERS}}
    return make_project(tmp_path_factory.mktemp("expiry"), settings=SQLITE, apps=apps).facts()


RULES = (CommandNotFound, OptionNotAccepted, StaleOptionDefault, UndocumentedOption)

DEFINITIONS = """\
# Expiry runbook

## {heading}

`--older-than-hours N`
: expire orders unpaid for N hours (default: 48)

`--batch-size N`
: orders per transaction (default: 200)

`--no-notify`
: do not tell customers

`--timeout S`
: seconds to wait for the lock (default: 300)

`--retention D`
: how long expired orders are kept (default: `30d`)
"""

BULLETS = """\
# Expiry runbook

### {heading}

- `--older-than-hours`: expire orders unpaid this long (default: 48)
- `--batch-size`: orders per transaction (default: 200)
- `--no-notify`: do not tell customers
- `--timeout`: seconds to wait for the lock (default: 300)
- `--retention`: how long expired orders are kept (default: `30d`)
"""

HEADINGS = ["The `expire_orders` command", "`expire_orders` command", "The `expire_orders` management command"]


def _found(page, facts):
    return [(f.code, page.line_text(f.span.line)[f.span.column - 1 : f.span.end_column - 1])
            for rule in RULES for f in run_rule(rule, page, facts)]


@pytest.mark.parametrize("shape", [DEFINITIONS, BULLETS])
@pytest.mark.parametrize("heading", HEADINGS)
def test_a_true_list_under_a_heading_naming_the_command_is_silent(parse, facts, shape, heading):
    assert _found(parse(shape.format(heading=heading)), facts) == []


@pytest.mark.parametrize("shape", [DEFINITIONS, BULLETS])
@pytest.mark.parametrize("heading", HEADINGS)
def test_drift_in_the_list_is_reported(parse, facts, shape, heading):
    page = parse(shape.format(heading=heading).replace("(default: 200)", "(default: 100)"))
    assert _found(page, facts) == [("FD403", "100")]
    page = parse(shape.format(heading=heading).replace("`--no-notify`", "`--no-notice`"))
    assert sorted(code for code, _ in _found(page, facts)) == ["FD402", "FD405"]  # misspelt, and so missing


def test_a_heading_naming_an_unknown_command_is_reported(parse, facts):
    page = parse(DEFINITIONS.format(heading="The `expire_order` command"))
    assert [code for code, _ in _found(page, facts)] == ["FD401"]


@pytest.mark.parametrize("heading", ["The `celery` command", "Running `expire_orders` nightly", "The expire_orders command"])
def test_a_heading_that_does_not_say_whose_command_it_is_declares_none(parse, facts, heading):
    page = parse(DEFINITIONS.format(heading=heading).replace("(default: 200)", "(default: 100)"))
    assert _found(page, facts) == []


def test_a_list_a_colon_line_introduces_as_a_selection_is_not_read_as_every_option(parse, facts):
    page = parse(BULLETS.format(heading="The `expire_orders` command").replace(
        "\n- `--older-than-hours`", "\nFlags worth knowing:\n\n- `--older-than-hours`").replace(
        "- `--retention`: how long expired orders are kept (default: `30d`)\n", ""))
    assert _found(page, facts) == []


@pytest.mark.parametrize("shape", [DEFINITIONS, BULLETS])
@pytest.mark.parametrize("label", ["Options:", "Command options:"])
def test_a_list_a_plain_options_line_introduces_is_read(parse, facts, shape, label):
    text = shape.format(heading="The `expire_orders` command").replace("\n`--older-than-hours", f"\n{label}\n\n`--older-than-hours")
    text = text.replace("\n- `--older-than-hours`", f"\n{label}\n\n- `--older-than-hours`")
    assert _found(parse(text), facts) == []
    assert _found(parse(text.replace("(default: 200)", "(default: 100)")), facts) == [("FD403", "100")]


RUN_ELSEWHERE = """\
# Expiry runbook

## Schedule

Cron runs `python manage.py expire_orders --batch-size 500` every 15 minutes.

## {heading}

**Command Options**:
- `--older-than-hours`: expire orders unpaid this long (default: 48)
- `--batch-size`: orders per transaction (default: 200)
- `--no-notify`: do not tell customers
- `--timeout`: seconds to wait for the lock (default: 300)
- `--retention`: how long expired orders are kept (default: `30d`)
"""


def test_a_heading_that_is_a_command_the_page_runs_declares_it(parse, facts):
    assert _found(parse(RUN_ELSEWHERE.format(heading="expire_orders")), facts) == []
    page = parse(RUN_ELSEWHERE.format(heading="expire_orders").replace("(default: 200)", "(default: 100)"))
    assert _found(page, facts) == [("FD403", "100")]


@pytest.mark.parametrize("heading", ["expire_order_rows", "Expire orders", "send_receipt"])
def test_a_snake_case_heading_the_page_does_not_run_declares_nothing(parse, facts, heading):
    page = parse(RUN_ELSEWHERE.format(heading=heading).replace("(default: 200)", "(default: 100)"))
    assert _found(page, facts) == []
