"""FD601-FD606 on pages written the way teams write them, against the facts of a real
small project that reads its variables with os.environ, django-environ and decouple."""

from __future__ import annotations

import pytest

from featuredocs.model import ProjectFacts
from featuredocs.rules.fd6_config.fd602_stale_environment_default import StaleEnvironmentDefault
from featuredocs.rules.fd6_config.fd603_required_flag_mismatch import RequiredFlagMismatch
from tests.rules.fd6.test_real_project import FAMILY
from tests.support.rules import run_rule

# django-environ and decouple are read from the source: neither needs installing here.
CONF = """
import os

import environ
from decouple import Csv, config

env = environ.Env()

API_KEY = os.environ["ORDER_API_KEY"]
WINDOW_HOURS = int(os.getenv("ORDER_WINDOW_HOURS", "48"))
BATCH_SIZE = env.int("ORDER_BATCH_SIZE", default=200)
TIMEOUT = config("ORDER_TIMEOUT", default=30, cast=int)
REGIONS = config("ORDER_REGIONS", default="eu,us", cast=Csv())
DRY_RUN = config("ORDER_DRY_RUN", default=False, cast=bool)
"""

SETTINGS = """
ORDER_EXPIRY = {
    "enabled": True,
    "window_hours": 48,
    "notify": {"channel": "email", "template": "orders/expired.txt"},
}
"""

HEAD = """\
# Order Expiry

## Data Models

### Order

## Configuration

"""


@pytest.fixture
def facts(untidy_facts: ProjectFacts) -> ProjectFacts:
    return untidy_facts


def pointed(rule, page, facts):
    """(code, the text each finding points at) for ``rule`` on ``page``."""
    return [
        (f.code, page.line_text(f.span.line)[f.span.column - 1 : f.span.end_column - 1])
        for f in run_rule(rule, page, facts)
    ]


def silent(page, facts):
    for rule in FAMILY:
        assert run_rule(rule, page, facts) == [], rule.code


GROUPS_AS_HEADINGS = HEAD + """\
### Environment Variables

#### Required

```bash
ORDER_API_KEY=your_key
```

#### Optional

```bash
ORDER_WINDOW_HOURS=48
ORDER_BATCH_SIZE=200
ORDER_TIMEOUT=30
```

**Required:**

- `ORDER_API_KEY`: from the payment provider

**Optional:**

- `ORDER_REGIONS`: where orders are taken
- `ORDER_DRY_RUN`: change nothing
"""


def test_required_and_optional_named_by_headings_and_labels_are_silent_when_true(parse, facts):
    silent(parse(GROUPS_AS_HEADINGS), facts)


def test_required_and_optional_named_by_headings_and_labels_are_checked(parse, facts):
    page = parse(
        GROUPS_AS_HEADINGS.replace("ORDER_API_KEY=your_key\n", "ORDER_API_KEY=your_key\nORDER_TIMEOUT=30\n", 1)
        .replace("ORDER_BATCH_SIZE=200", "ORDER_BATCH_SIZE=500")
        .replace("- `ORDER_API_KEY`: from", "- `ORDER_DRY_RUN`: from")
        .replace("- `ORDER_REGIONS`: where", "- `ORDER_API_KEY`: where")
    )
    assert pointed(RequiredFlagMismatch, page, facts) == [
        ("FD603", "ORDER_TIMEOUT"), ("FD603", "`ORDER_DRY_RUN`"), ("FD603", "`ORDER_API_KEY`"),
    ]
    assert pointed(StaleEnvironmentDefault, page, facts) == [("FD602", "500")]


def test_a_heading_that_makes_a_feature_part_optional_names_no_group(parse, facts):
    page = parse(HEAD + "### SMS notifications (optional)\n\n```bash\nORDER_API_KEY=your_key\n```\n")
    assert run_rule(RequiredFlagMismatch, page, facts) == []


PER_ENVIRONMENT = HEAD + """\
### Environment Variables

```bash
# Required configuration
ORDER_API_KEY=your_key

# Optional configuration (with defaults)
ORDER_WINDOW_HOURS=48
ORDER_BATCH_SIZE=200
ORDER_TIMEOUT=30
ORDER_REGIONS=eu,us
ORDER_DRY_RUN=False
```

### Staging environment

```env
# Optional
ORDER_WINDOW_HOURS=1
ORDER_BATCH_SIZE=5
```

```bash
# .env.production (optional overrides)
ORDER_WINDOW_HOURS=24
```
"""


def test_values_of_one_deployment_environment_are_not_defaults(parse, facts):
    silent(parse(PER_ENVIRONMENT), facts)


def test_defaults_beside_per_environment_values_are_still_checked(parse, facts):
    page = parse(PER_ENVIRONMENT.replace("ORDER_BATCH_SIZE=200", "ORDER_BATCH_SIZE=100"))
    assert pointed(StaleEnvironmentDefault, page, facts) == [("FD602", "100")]


MEASURED = HEAD + """\
### Environment Variables

| Name | Default | Required | Description |
|------|---------|----------|-------------|
| `ORDER_API_KEY` | — | **Yes** | from the payment provider |
| `ORDER_TIMEOUT` | `30s` | No | request timeout |
| `ORDER_WINDOW_HOURS` | `48 hours` | No | payment window |
| `ORDER_REGIONS` | `eu, us` | No | where orders are taken |
| `ORDER_BATCH_SIZE` | 200 | optional | orders per batch |
| `ORDER_DRY_RUN` | `0` | | change nothing |
"""


def test_numbers_with_units_and_spaced_lists_are_the_codes_defaults(parse, facts):
    silent(parse(MEASURED), facts)


def test_numbers_with_units_and_spaced_lists_that_differ_are_reported(parse, facts):
    page = parse(MEASURED.replace("`30s`", "`45s`").replace("`eu, us`", "`eu, asia`"))
    found = run_rule(StaleEnvironmentDefault, page, facts)
    assert pointed(StaleEnvironmentDefault, page, facts) == [("FD602", "45s"), ("FD602", "eu, asia")]
    assert found[0].fix is not None and found[0].fix.edits[0].replacement == "30s"


def test_a_list_default_written_as_one_inline_code_per_item_is_the_whole_list(parse, facts):
    silent(parse(MEASURED.replace("`eu, us`", "`eu`, `us`")), facts)
    page = parse(MEASURED.replace("`eu, us`", "`eu`, `asia`"))
    assert pointed(StaleEnvironmentDefault, page, facts) == [("FD602", "eu`, `asia")]
    # a value with a note in code after it is still the value alone
    assert pointed(StaleEnvironmentDefault, parse(MEASURED.replace("`30s`", "`30` (`5` in tests)")), facts) == []
    # so in a list item and in a sentence
    for said in ("- `ORDER_REGIONS`: where orders are taken, default: `eu`, `us`\n",
                 "The `ORDER_REGIONS` environment variable defaults to `eu`, `us`.\n"):
        assert run_rule(StaleEnvironmentDefault, parse(HEAD + "### Environment Variables\n\n" + said), facts) == []
        page = parse(HEAD + "### Environment Variables\n\n" + said.replace("`us`", "`asia`"))
        assert pointed(StaleEnvironmentDefault, page, facts) == [("FD602", "eu`, `asia")], said


SHELL_FALLBACKS = HEAD + """\
### Environment Variables

```bash
# .env
export ORDER_API_KEY="your_key"   # required
export ORDER_WINDOW_HOURS=${ORDER_WINDOW_HOURS:-48}
export ORDER_BATCH_SIZE="${ORDER_BATCH_SIZE:-200}"   # orders per batch
ORDER_TIMEOUT=${ORDER_TIMEOUT-30}
ORDER_REGIONS=${ORDER_ZONES:-eu}
ORDER_DRY_RUN=${ORDER_DRY_RUN}
```

The cron wrapper runs with `${ORDER_TIMEOUT:-30}` seconds.
"""


def test_a_shell_fallback_is_the_pages_default_and_silent_when_it_matches(parse, facts):
    silent(parse(SHELL_FALLBACKS), facts)


def test_a_shell_fallback_that_differs_from_the_codes_default_is_reported(parse, facts):
    page = parse(SHELL_FALLBACKS.replace(":-200}", ":-100}").replace("`${ORDER_TIMEOUT:-30}`", "`${ORDER_TIMEOUT:-60}`"))
    found = run_rule(StaleEnvironmentDefault, page, facts)
    assert pointed(StaleEnvironmentDefault, page, facts) == [("FD602", "100"), ("FD602", "60")]
    assert [f.fix.edits[0].replacement for f in found if f.fix] == ["200", "30"]


BARE_DEFAULTS = HEAD + """\
### Environment variables

- `ORDER_API_KEY` (**required**): from the payment provider
- `ORDER_BATCH_SIZE` (optional, default: 200) — orders per batch
- `ORDER_DRY_RUN` (optional): defaults to **False**
- `ORDER_REGIONS` (optional): defaults to the regions the shop sells in
- `ORDER_TIMEOUT` (optional): seconds, default is 30.
- `ORDER_WINDOW_HOURS` (optional): the payment window, 48 by default
"""


def test_a_bare_number_or_boolean_default_in_a_list_is_silent_when_it_matches(parse, facts):
    silent(parse(BARE_DEFAULTS), facts)


def test_a_bare_number_or_boolean_default_in_a_list_is_checked(parse, facts):
    page = parse(BARE_DEFAULTS.replace("default: 200", "default: 500").replace("**False**", "**True**"))
    found = run_rule(StaleEnvironmentDefault, page, facts)
    assert pointed(StaleEnvironmentDefault, page, facts) == [("FD602", "500"), ("FD602", "True")]
    assert [f.fix.edits[0].replacement for f in found if f.fix] == ["200", "False"]


UPGRADE_NOTES = HEAD + """\
### Environment Variables

```bash
# Required configuration
ORDER_API_KEY=your_key

# Optional configuration (with defaults)
ORDER_WINDOW_HOURS=48
ORDER_BATCH_SIZE=200
ORDER_TIMEOUT=30
ORDER_REGIONS=eu,us
ORDER_DRY_RUN=False
```

The `ORDER_WINDOW` environment variable was renamed to `ORDER_WINDOW_HOURS`, and
`ORDER_EXPIRY["window"]` became `ORDER_EXPIRY["window_hours"]`; the `ORDER_EXPIRE`
setting is no longer read.

### Legacy configuration

```bash
# Required
ORDER_WINDOW=48
ORDER_TIMEOUT=45
```

```bash
# Optional
ORDER_BATCH_SIZE=500
```

```python
# settings.py
ORDER_EXPIRE = {"window": 48}
```
"""


def test_names_and_values_a_page_gives_as_past_or_replaced_are_not_drift(parse, facts):
    silent(parse(UPGRADE_NOTES), facts)


def test_names_and_values_beside_the_past_are_still_checked(parse, facts):
    page = parse(UPGRADE_NOTES.replace("### Legacy configuration", "### Worker configuration"))
    found = [(f.code, page.line_text(f.span.line)) for rule in FAMILY for f in run_rule(rule, page, facts)]
    assert sorted(found) == [
        ("FD601", "ORDER_WINDOW=48"),
        ("FD602", "ORDER_BATCH_SIZE=500"),
        ("FD603", "ORDER_TIMEOUT=45"),
        ("FD604", 'ORDER_EXPIRE = {"window": 48}'),
    ]
    # a sentence that tells of no change
    page = parse(UPGRADE_NOTES.replace("was renamed to", "is read with").replace("became", "and"))
    assert [f.code for rule in FAMILY for f in run_rule(rule, page, facts)] == ["FD601", "FD605"]
