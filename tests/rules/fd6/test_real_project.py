"""FD601-FD606 against the facts of a real small Django project, read in a child process."""

from __future__ import annotations

import pytest

from featuredocs.model import ProjectFacts
from featuredocs.rules.fd6_config.fd601_unknown_environment_variable import UnknownEnvironmentVariable
from featuredocs.rules.fd6_config.fd602_stale_environment_default import StaleEnvironmentDefault
from featuredocs.rules.fd6_config.fd603_required_flag_mismatch import RequiredFlagMismatch
from featuredocs.rules.fd6_config.fd604_unknown_setting import UnknownSetting
from featuredocs.rules.fd6_config.fd605_unknown_setting_key import UnknownSettingKey
from featuredocs.rules.fd6_config.fd606_undocumented_environment_variable import (
    UndocumentedEnvironmentVariable,
)
from tests.support.django_project import make_project
from tests.support.rules import run_rule

FAMILY = (
    UnknownEnvironmentVariable, StaleEnvironmentDefault, RequiredFlagMismatch, UnknownSetting,
    UnknownSettingKey, UndocumentedEnvironmentVariable,
)

MODELS = """
from django.db import models


class Order(models.Model):
    total = models.DecimalField(max_digits=10, decimal_places=2)
"""

CONF = """
import os

API_KEY = os.environ["ORDER_API_KEY"]
TIMEOUT = int(os.environ.get("ORDER_TIMEOUT", "30"))
"""

TASKS = """
import os

BATCH_SIZE = int(os.getenv("ORDER_BATCH_SIZE", 500))
"""

SETTINGS = """
ORDER_REGION = os.getenv("ORDER_REGION", "eu-west-1")
ORDER_CONFIG = {
    "window": 48,
    "notify": {"channel": "email"},
}
"""

CLEAN = """\
# Order Expiry

## Data Models

### Order

## Configuration

### Environment Variables

```bash
# Required configuration
ORDER_API_KEY=your_api_key_here

# Optional configuration (with defaults)
ORDER_TIMEOUT=30  # seconds
ORDER_REGION=eu-west-1
ORDER_BATCH_SIZE=500
```

### Django Settings

```python
# settings.py
ORDER_CONFIG = {
    "window": 48,
    "notify": {"channel": "email"},
}
```
"""


@pytest.fixture(scope="module")
def facts(tmp_path_factory: pytest.TempPathFactory) -> ProjectFacts:
    project = make_project(
        tmp_path_factory.mktemp("fd6"),
        apps={"orders": {"models.py": MODELS, "conf.py": CONF, "tasks.py": TASKS}},
        settings=SETTINGS,
    )
    return project.facts()


def codes(rule, page, facts):
    return [(f.code, f.span.line, f.span.column) for f in run_rule(rule, page, facts)]


def test_the_correct_page_is_silent(parse, facts):
    page = parse(CLEAN)
    for rule in FAMILY:
        assert run_rule(rule, page, facts) == [], rule.code


def test_fd601_fires_on_a_variable_the_project_does_not_read(parse, facts):
    page = parse(CLEAN.replace("ORDER_REGION=", "ORDER_ZONE="))
    (finding,) = run_rule(UnknownEnvironmentVariable, page, facts)
    assert (finding.code, finding.span.line, finding.span.column) == ("FD601", 17, 1)
    assert "`ORDER_ZONE`" in finding.message


def test_fd602_fires_on_a_stale_default(parse, facts):
    page = parse(CLEAN.replace("ORDER_BATCH_SIZE=500", "ORDER_BATCH_SIZE=200"))
    (finding,) = run_rule(StaleEnvironmentDefault, page, facts)
    assert (finding.code, finding.span.line, finding.span.column) == ("FD602", 18, 18)
    assert finding.hint == "the code's default is `500` (orders/tasks.py:3)"
    assert finding.fix is not None and finding.fix.edits[0].replacement == "500"


def test_fd602_reads_the_default_a_comment_gives_beside_an_override(parse, facts):
    # `export NAME=1000  # default 500` sets another value: the comment gives the default
    override = "ORDER_BATCH_SIZE=1000  # default 500"
    assert run_rule(StaleEnvironmentDefault, parse(CLEAN.replace("ORDER_BATCH_SIZE=500", override)), facts) == []
    stale = override.replace("default 500", "defaults to `200`")
    (finding,) = run_rule(StaleEnvironmentDefault, parse(CLEAN.replace("ORDER_BATCH_SIZE=500", stale)), facts)
    assert (finding.span.line, finding.span.column) == (18, stale.index("200") + 1)
    assert finding.fix is not None and finding.fix.edits[0].replacement == "500"
    # a comment may give the default in many words; only a value that says what it is is compared
    for right in ("# 500 by default", "# default is 500, set more only for imports", "# default: 500",
                  "# not the default", "# override the default (500)", "# default 0.5k", "# default: the size"):
        page = parse(CLEAN.replace("ORDER_BATCH_SIZE=500", f"ORDER_BATCH_SIZE=1000  {right}"))
        assert run_rule(StaleEnvironmentDefault, page, facts) == [], right
    page = parse(CLEAN.replace("ORDER_BATCH_SIZE=500", "ORDER_BATCH_SIZE=1000  # 200 by default"))
    assert [f.span.column for f in run_rule(StaleEnvironmentDefault, page, facts)] == [26]
    # a comment that only says it is the default keeps the line's value as the default
    (finding,) = run_rule(StaleEnvironmentDefault, parse(CLEAN.replace("ORDER_BATCH_SIZE=500", "ORDER_BATCH_SIZE=200  # the default")), facts)
    assert (finding.span.line, finding.span.column) == (18, 18)


def test_fd603_fires_on_required_and_optional_swapped(parse, facts):
    page = parse(CLEAN.replace("ORDER_API_KEY=your_api_key_here\n", "").replace(
        "ORDER_BATCH_SIZE=500", "ORDER_BATCH_SIZE=500\nORDER_API_KEY="))
    assert codes(RequiredFlagMismatch, page, facts) == [("FD603", 18, 1)]


def test_fd604_fires_on_an_unknown_setting(parse, facts):
    page = parse(CLEAN.replace("ORDER_CONFIG = {", "ORDERS_CONFIG = {"))
    (finding,) = run_rule(UnknownSetting, page, facts)
    assert (finding.code, finding.span.line, finding.span.column) == ("FD604", 25, 1)
    assert finding.hint is not None and finding.hint.startswith("did you mean `ORDER_CONFIG`?")


def test_fd605_fires_on_an_unknown_key(parse, facts):
    page = parse(CLEAN.replace('"window": 48', '"windows": 48'))
    assert codes(UnknownSettingKey, page, facts) == [("FD605", 26, 5)]


def test_fd606_fires_on_an_undocumented_variable_of_the_feature(parse, facts):
    page = parse(CLEAN.replace("ORDER_BATCH_SIZE=500\n", ""))
    (finding,) = run_rule(UndocumentedEnvironmentVariable, page, facts)
    assert (finding.code, finding.span.line, finding.span.column) == ("FD606", 9, 1)
    assert "`ORDER_BATCH_SIZE`" in finding.message and finding.hint == "read at orders/tasks.py:3 (default `500`)"


def test_settings_named_in_prose_are_checked_against_the_project(parse, facts):
    prose = CLEAN + (
        '\nOrders wait `ORDER_CONFIG["window"]` hours, `settings.ORDER_REGION` picks the region, and\n'
        'customers hear on `ORDER_CONFIG["notify"]["channel"]`; `CACHES["default"]["TIMEOUT"]` is Django\'s.\n'
    )
    for rule in FAMILY:
        assert run_rule(rule, parse(prose), facts) == [], rule.code
    drifted = parse(prose.replace('["window"]', '["windows"]').replace("settings.ORDER_REGION", "settings.ORDER_ZONE"))
    line = len(CLEAN.splitlines()) + 2
    text = drifted.line_text(line)
    assert codes(UnknownSettingKey, drifted, facts) == [("FD605", line, text.index('"windows"') + 1)]
    assert codes(UnknownSetting, drifted, facts) == [("FD604", line, text.index("ORDER_ZONE") + 1)]


def test_variables_named_in_prose_are_checked_against_the_project(parse, facts):
    prose = CLEAN + "\nRaise `ORDER_TIMEOUT=60` for slow partners; the env `ORDER_REGION` picks the region.\n"
    for rule in FAMILY:
        assert run_rule(rule, parse(prose), facts) == [], rule.code
    drifted = parse(prose.replace("env `ORDER_REGION`", "env `ORDER_REGIONS`"))
    line = len(CLEAN.splitlines()) + 2
    assert codes(UnknownEnvironmentVariable, drifted, facts) == [
        ("FD601", line, drifted.line_text(line).index("ORDER_REGIONS") + 1),
    ]


def test_a_default_given_in_prose_under_the_projects_prefix_is_held_to_the_project(parse, facts):
    prose = CLEAN + (
        "\nLarge imports stop at `ORDER_TIMEOUT` (default `30`); logging follows `LOG_LEVEL` (default `INFO`)\n"
        "and `ORDER_REGION` (default `eu-west-1`).\n"
    )
    for rule in FAMILY:
        assert run_rule(rule, parse(prose), facts) == [], rule.code
    drifted = parse(prose.replace("stop at `ORDER_TIMEOUT`", "stop at `ORDER_ROW_LIMIT`"))
    line = len(CLEAN.splitlines()) + 2
    assert codes(UnknownEnvironmentVariable, drifted, facts) == [
        ("FD601", line, drifted.line_text(line).index("ORDER_ROW_LIMIT") + 1),
    ]


def test_a_default_a_sentence_gives_a_variable_a_few_words_on_is_compared(parse, facts):
    prose = CLEAN + "\n`ORDER_BATCH_SIZE` sets how many orders one pass takes (default `500`); `ORDER_TIMEOUT` – 30 by default.\n"
    for rule in FAMILY:
        assert run_rule(rule, parse(prose), facts) == [], rule.code
    drifted = parse(prose.replace("(default `500`)", "(default `200`)").replace("– 30 by", "– 60 by"))
    line = len(CLEAN.splitlines()) + 2
    text = drifted.line_text(line)
    assert codes(StaleEnvironmentDefault, drifted, facts) == [
        ("FD602", line, text.index("200") + 1), ("FD602", line, text.index("60 by") + 1),
    ]


DEPLOYMENT = '''
```yaml
# docker-compose.yml
services:
  web:
    environment:
      ORDER_TIMEOUT: "60"
      "ORDER_REGION": eu-central-1
  db:
    environment:
      - POSTGRES_PASSWORD=secret
      - ORDER_BATCH_SIZE=100
    healthcheck:
      test: ["CMD", "pg_isready"]
      ORDER_TIMEOUTS: not an environment
```

```yaml
env:
- name: ORDER_API_KEY
  valueFrom:
    secretKeyRef: {name: orders, key: api-key}
```

```dockerfile
ENV ORDER_REGION=eu-west-1 DJANGO_SETTINGS_MODULE=shop.settings
ENV ORDER_TIMEOUT 30
```
'''


SHELL = '''
## Usage Examples

```bash
ORDER_TIMEOUT=60 python manage.py expire_orders
env ORDER_REGION=eu-central-1 PGPASSWORD=secret ./manage.py expire_orders
export ORDER_BATCH_SIZE=100 LANG=C.UTF-8
echo "ORDER_TIMEOUTS is not set here"
```
'''


@pytest.mark.parametrize(
    ("shown", "renames", "reported"),
    [
        (DEPLOYMENT, [('ORDER_TIMEOUT: "60"', 'ORDER_TIMEOUTS: "60"'), ("ORDER_BATCH_SIZE=100", "ORDER_BATCHSIZE=100"),
                      ("- name: ORDER_API_KEY", "- name: ORDER_API_KEYS"),
                      ("ENV ORDER_REGION=eu-west-1", "ENV ORDER_REGIONS=eu-west-1"),
                      ("ENV ORDER_TIMEOUT 30", "ENV ORDER_TIMOUT 30")],
         ["ORDER_TIMEOUTS", "ORDER_BATCHSIZE", "ORDER_API_KEYS", "ORDER_REGIONS", "ORDER_TIMOUT"]),
        (SHELL, [("ORDER_TIMEOUT=60", "ORDER_TIMOUT=60"), ("env ORDER_REGION=", "env ORDER_REGIONS="),
                 ("export ORDER_BATCH_SIZE=", "export ORDER_BATCHSIZE=")],
         ["ORDER_TIMOUT", "ORDER_REGIONS", "ORDER_BATCHSIZE"]),
    ],
    ids=["deployment files", "shell commands"],
)
def test_variables_set_for_other_programs_are_checked_against_the_project(parse, facts, shown, renames, reported):
    """A deployment file's or a shell command's variables: a name the project reads
    misspelt is reported; their values are one deployment's or one run's choice."""
    page = CLEAN + shown
    for rule in FAMILY:
        assert run_rule(rule, parse(page), facts) == [], rule.code
    for old, new in renames:
        page = page.replace(old, new)
    drifted = parse(page)
    found = [drifted.line_text(f.span.line)[f.span.column - 1 : f.span.end_column - 1]
             for f in run_rule(UnknownEnvironmentVariable, drifted, facts)]
    assert found == reported
    assert run_rule(StaleEnvironmentDefault, drifted, facts) == []


READS = '''
## Usage Examples

How `orders/conf.py` reads its variables:

```python
import os

API_KEY = os.environ["ORDER_API_KEY"]
TIMEOUT = int(os.environ.get("ORDER_TIMEOUT", "30"))
BATCH_SIZE = int(os.getenv("ORDER_BATCH_SIZE", 500))
REGION = env("ORDER_REGION", default="eu-west-1")
TRACE = os.getenv("OTEL_EXPORTER_OTLP_ENDPOINT", "http://localhost:4317")
```
'''


def test_variables_a_python_example_reads_are_checked_against_the_project(parse, facts):
    page = CLEAN + READS
    for rule in FAMILY:
        assert run_rule(rule, parse(page), facts) == [], rule.code
    drifted = parse(page.replace('"ORDER_TIMEOUT", "30"', '"ORDER_TIMEOUT", "60"').replace(
        'getenv("ORDER_BATCH_SIZE"', 'getenv("ORDER_BATCHSIZE"'))
    [default] = run_rule(StaleEnvironmentDefault, drifted, facts)
    line = drifted.line_text(default.span.line)
    assert line[default.span.column - 1 : default.span.end_column - 1] == "60"
    assert default.fix is not None and [e.replacement for e in default.fix.edits] == ["30"]
    [name] = run_rule(UnknownEnvironmentVariable, drifted, facts)
    assert drifted.line_text(name.span.line)[name.span.column - 1 : name.span.end_column - 1] == "ORDER_BATCHSIZE"


def test_fd602_reads_a_list_of_values_joined_by_and(parse, facts):
    table = CLEAN.replace(
        "### Django Settings",
        "| Variable | Default |\n|---|---|\n| `ORDER_REGION` | `eu-west-1` and `eu-central-1` |\n\n### Django Settings",
    )
    [finding] = run_rule(StaleEnvironmentDefault, parse(table), facts)
    assert finding.message.startswith("`ORDER_REGION` defaults to `eu-west-1` in code, not `eu-west-1,eu-ce")


def test_fd602_reads_a_fallback_column_as_the_default(parse, facts):
    table = CLEAN.replace(
        "### Django Settings",
        "| Variable | Fallback | Meaning |\n|---|---|---|\n| `ORDER_BATCH_SIZE` | `500` | rows per batch |\n\n### Django Settings",
    )
    assert run_rule(StaleEnvironmentDefault, parse(table), facts) == []
    [finding] = run_rule(StaleEnvironmentDefault, parse(table.replace("| `500` |", "| `200` |")), facts)
    assert finding.message.startswith("`ORDER_BATCH_SIZE` defaults to `500` in code, not `200`")
