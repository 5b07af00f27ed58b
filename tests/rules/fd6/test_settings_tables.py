"""FD604/FD605 on settings a page lists in a table, against the facts of a real small project."""

from __future__ import annotations

import pytest

from featuredocs.model import ProjectFacts
from featuredocs.rules.fd6_config.fd604_unknown_setting import UnknownSetting
from featuredocs.rules.fd6_config.fd605_unknown_setting_key import UnknownSettingKey
from tests.rules.fd6.test_real_project import MODELS
from tests.rules.fd6.test_untidy_pages import HEAD, pointed, silent
from tests.support.django_project import make_project
from tests.support.rules import run_rule

CONF = """
import os

API_KEY = os.environ["ORDER_API_KEY"]
"""

SETTINGS = """
ORDER_EXPIRY = {
    "enabled": True,
    "window_hours": 48,
    "notify": {"channel": "email", "template": "orders/expired.txt"},
}
ORDER_LABELS = ["new", "paid"]
"""

TABLES = HEAD + """\
### Settings

| Setting | Default | Description |
|---------|---------|-------------|
| `ORDER_EXPIRY` | `{...}` | when unpaid orders expire |
| `ORDER_EXPIRY["window_hours"]` | `48` | hours to pay |
| `ORDER_EXPIRY.notify.channel` | `email` | how customers hear |
| ORDER_LABELS | `["new", "paid"]` | labels shown in the admin |
| `settings.ORDER_LABELS` | | read by the admin |
| `TIME_ZONE` | `UTC` | Django's own |
| `CELERY_BEAT_SCHEDULE` | `{}` | the scheduler's, set by the deployment |

**Django settings:**

| Name | Used for |
|------|----------|
| `ORDER_LABELS` | the admin |

### Environment Variables

| Name | Required |
|------|----------|
| `ORDER_API_KEY` | yes |

## Troubleshooting

| Symptom | Setting |
|---------|---------|
| orders never expire | `ORDER_EXPIRY` |
"""


@pytest.fixture(scope="module")
def facts(tmp_path_factory: pytest.TempPathFactory) -> ProjectFacts:
    project = make_project(
        tmp_path_factory.mktemp("fd6-tables"),
        apps={"orders": {"models.py": MODELS, "conf.py": CONF}},
        settings=SETTINGS,
    )
    return project.facts()


def test_a_settings_table_naming_real_settings_is_silent(parse, facts):
    silent(parse(TABLES), facts)


def test_misspelt_settings_in_a_settings_table_are_reported(parse, facts):
    page = parse(
        TABLES.replace("| `ORDER_EXPIRY` | `{...}`", "| `ORDER_EXPIRY_CONF` | `{...}`")
        .replace("| ORDER_LABELS | `[", "| ORDER_LABEL | `[")
        .replace('`ORDER_EXPIRY["window_hours"]`', '`ORDER_EXPRIY["window_hours"]`')
        .replace("| `ORDER_LABELS` | the admin |", "| `ORDERS_LABELS` | the admin |")
        .replace("| orders never expire | `ORDER_EXPIRY` |", "| orders never expire | `ORDER_EXPIRES` |")
    )
    assert pointed(UnknownSetting, page, facts) == [
        ("FD604", "ORDER_EXPIRY_CONF"), ("FD604", "ORDER_EXPRIY"), ("FD604", "ORDER_LABEL"),
        ("FD604", "ORDERS_LABELS"), ("FD604", "ORDER_EXPIRES"),
    ]
    [finding] = [f for f in run_rule(UnknownSetting, page, facts) if "ORDER_EXPIRY_CONF" in f.message]
    assert finding.hint is not None and finding.hint.startswith("did you mean `ORDER_EXPIRY`?")


def test_a_misspelt_key_in_a_settings_table_is_reported(parse, facts):
    page = parse(TABLES.replace('["window_hours"]', '["window_hour"]'))
    assert pointed(UnknownSettingKey, page, facts) == [("FD605", '"window_hour"')]


def test_a_name_column_is_a_setting_only_where_a_heading_or_label_says_settings(parse, facts):
    elsewhere = HEAD + "### Shipping\n\n| Name | Used for |\n|---|---|\n| `ORDER_LABEL` | ... |\n"
    silent(parse(elsewhere), facts)
    labelled = elsewhere.replace("| Name |", "**Settings:**\n\n| Name |")
    assert pointed(UnknownSetting, parse(labelled), facts) == [("FD604", "ORDER_LABEL")]
