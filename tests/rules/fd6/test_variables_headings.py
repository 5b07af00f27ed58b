"""FD601-FD603 on variables documented under headings that do not say "environment"
(``### Configuration variables``, ``#### Required`` under ``## Configuration``), against
the facts of a real small project."""

from __future__ import annotations

import pytest

from featuredocs.model import ProjectFacts
from featuredocs.rules.fd6_config.fd601_unknown_environment_variable import UnknownEnvironmentVariable
from featuredocs.rules.fd6_config.fd602_stale_environment_default import StaleEnvironmentDefault
from featuredocs.rules.fd6_config.fd603_required_flag_mismatch import RequiredFlagMismatch
from featuredocs.rules.fd6_config.fd606_undocumented_environment_variable import (
    UndocumentedEnvironmentVariable,
)
from tests.rules.fd6.test_untidy_pages import HEAD, pointed, silent

UNTITLED = HEAD + """\
#### Required

```
ORDER_API_KEY=your_key
```

#### Optional

```bash
ORDER_WINDOW_HOURS=48
```

### Configuration variables

```bash
ORDER_BATCH_SIZE=200  # orders per batch
```

### Optional variables

| Variable | Default | Description |
|----------|---------|-------------|
| `ORDER_TIMEOUT` | `30` | seconds |

### Variables

- `ORDER_REGIONS`: where orders are taken (default: `eu,us`)
- `ORDER_DRY_RUN` (optional): defaults to **False**

### Receipt

The receipt template fills in:

| Variable | Meaning |
|----------|---------|
| `ORDER_NUMBER` | printed on the receipt |

| Variable | Meaning |
|----------|---------|
| `{{ order.total }}` | the total |
| `ORDER_CURRENCY` | its currency |

| Setting | Variable |
|---------|----------|
| `ORDER_EXPIRY` | `ORDER_WINDOW_HOURS` |

A one-off run with a short timeout:

```bash
ORDER_TIMEOUT=5 python manage.py expire_orders
export ORDER_LOG_LEVEL=debug
python manage.py expire_orders
```

```
ORDER_EXPIRY = {"window_hours": 48}
```

### Email templates

| Variable | Meaning |
|----------|---------|
| `CUSTOMER_NAME` | who the order is for |
"""


@pytest.fixture
def facts(untidy_facts: ProjectFacts) -> ProjectFacts:
    return untidy_facts


def test_correct_variables_under_untitled_headings_are_silent(parse, facts):
    silent(parse(UNTITLED), facts)


def test_drift_under_untitled_headings_is_reported(parse, facts):
    page = parse(
        UNTITLED.replace("ORDER_API_KEY=your_key", "ORDER_API_KEYS=your_key")
        .replace("ORDER_WINDOW_HOURS=48", "ORDER_WINDOW_HOURS=24")
        .replace("ORDER_BATCH_SIZE=200", "ORDER_BATCH_SIZE=200\nORDER_API_KEY=")
        .replace("| `ORDER_TIMEOUT` | `30`", "| `ORDER_TIMEOUTS` | `30`")
        .replace("**False**", "**True**")
    )
    assert pointed(UnknownEnvironmentVariable, page, facts) == [
        ("FD601", "ORDER_API_KEYS"), ("FD601", "`ORDER_TIMEOUTS`"),
    ]
    assert pointed(StaleEnvironmentDefault, page, facts) == [("FD602", "24"), ("FD602", "True")]
    assert pointed(RequiredFlagMismatch, page, facts) == []  # the block names no group
    headed = parse(UNTITLED.replace("ORDER_WINDOW_HOURS=48", "ORDER_WINDOW_HOURS=48\nORDER_API_KEY="))
    assert pointed(RequiredFlagMismatch, headed, facts) == [("FD603", "ORDER_API_KEY")]


def test_a_variable_missing_from_an_untitled_section_is_reported_on_its_heading(parse, facts):
    page = parse(UNTITLED.replace("ORDER_BATCH_SIZE=200  # orders per batch\n", "ORDER_TIMEOUT=30\n"))
    assert pointed(UndocumentedEnvironmentVariable, page, facts) == [("FD606", "## Configuration")]


def test_a_settings_table_under_an_environment_heading_names_no_variables(parse, facts):
    page = parse(HEAD + "### Environment Variables\n\n| Setting name | Default |\n|---|---|\n| `ORDER_EXPIRY` | `{}` |\n")
    assert pointed(UnknownEnvironmentVariable, page, facts) == []


SETTINGS_SECTION = HEAD + """\
## Settings

| Setting | Default |
|---------|---------|
| `ORDER_EXPIRY` | see below |

| Variable | Default | Required |
|----------|---------|----------|
| `ORDER_TIMEOUT` | `30` | no |
| `ORDER_API_KEY` | — | yes |
| `ORDER_WINDOW_HOURS` | `48` | no |
| `ORDER_REGIONS` | `eu,us` | no |
| `ORDER_DRY_RUN` | `False` | no |

| Variable | Default |
|----------|---------|
| `ORDER_BATCH_SIZE` | `200` |

## Template context

| Variable | Default | Required |
|----------|---------|----------|
| `ORDER_NUMBER` | `SO-1` | yes |
"""


def test_a_variables_table_under_a_settings_heading_is_silent_when_right(parse, facts):
    silent(parse(SETTINGS_SECTION), facts)


def test_a_variables_table_under_a_settings_heading_is_read(parse, facts):
    page = parse(
        SETTINGS_SECTION.replace("| `ORDER_TIMEOUT` | `30`", "| `ORDER_TIMEOUT` | `45`")
        .replace("`ORDER_API_KEY` | — | yes", "`ORDER_API_KEYS` | — | yes")
        .replace("| `ORDER_BATCH_SIZE` | `200` |", "| `ORDER_BATCH_SIZE` | `100` |\n| `ORDER_BATCH` | `1` |")
        .replace("`ORDER_NUMBER` | `SO-1` | yes", "`ORDER_NUMBERS` | `SO-1` | no")
    )
    # The table with a Required column lists the environment's variables; the one without
    # may list settings by another name, so only a default of a variable the code reads is
    # compared; the template's placeholders are nobody's variables.
    assert pointed(UnknownEnvironmentVariable, page, facts) == [("FD601", "`ORDER_API_KEYS`")]
    assert pointed(StaleEnvironmentDefault, page, facts) == [("FD602", "45"), ("FD602", "100")]


def test_a_variables_table_under_a_settings_heading_gives_the_required_flag(parse, facts):
    page = parse(SETTINGS_SECTION.replace("`ORDER_API_KEY` | — | yes", "`ORDER_API_KEY` | — | no"))
    assert pointed(RequiredFlagMismatch, page, facts) == [("FD603", "`ORDER_API_KEY`")]


BEHIND_SETTINGS = HEAD + """\
| Setting | Env var | Default |
|---------|---------|---------|
| `ORDER_EXPIRY["window_hours"]` | `ORDER_WINDOW_HOURS` | `48` |
| `ORDER_EXPIRY["enabled"]` | — | `True` |

## Deployment

| Setting | Environment |
|---------|-------------|
| `ORDER_EXPIRY` | `production` |
"""


def test_a_settings_tables_env_var_column_names_variables(parse, facts):
    assert pointed(UnknownEnvironmentVariable, parse(BEHIND_SETTINGS), facts) == []
    page = parse(BEHIND_SETTINGS.replace("| `ORDER_WINDOW_HOURS` |", "| `ORDER_WINDOW` |"))
    assert pointed(UnknownEnvironmentVariable, page, facts) == [("FD601", "`ORDER_WINDOW`")]
    # the row's Default is the setting's: the variable's own default is not compared
    assert pointed(StaleEnvironmentDefault, parse(BEHIND_SETTINGS.replace("`48` |", "`24` |")), facts) == []


def test_under_an_environment_heading_a_variables_default_beside_its_setting_is_compared(parse, facts):
    table = "### Environment Variables\n\n| Variable | Setting | Default |\n|---|---|---|\n"
    page = parse(HEAD + table + '| `ORDER_WINDOW_HOURS` | `ORDER_EXPIRY["window_hours"]` | `24` |\n')
    assert pointed(StaleEnvironmentDefault, page, facts) == [("FD602", "24")]
