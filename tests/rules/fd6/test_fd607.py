"""FD607 on the Default column of settings tables, against a real small project whose
settings read environment variables: live facts collected while those variables are set,
static facts read from the source."""

from __future__ import annotations

import pytest

from featuredocs.introspect.static.collect import collect_static
from featuredocs.model import ProjectFacts
from featuredocs.rules.fd6_config.fd607_stale_setting_default import StaleSettingDefault
from tests.rules.fd6.test_untidy_pages import HEAD, pointed
from tests.support.django_project import make_project
from tests.support.rules import run_rule

SETTINGS = """
DEFAULT_FROM_EMAIL = os.environ.get("SHOP_FROM_EMAIL", "orders@shop.example")
CATALOG_IMPORT = {
    "max_rows": int(os.getenv("SHOP_IMPORT_MAX_ROWS", "50000")),
    "currency": "EUR",
}
ORDER_EXPIRY = {
    "enabled": os.getenv("SHOP_ORDER_EXPIRY_ENABLED", "True") == "True",
    "window_hours": 48,
    "notify": {"channel": "email"},
    "timeout": 900,
}
ORDER_REGIONS = ["eu", "us"]
PAYMENT_API_KEY = os.getenv("PAYMENT_API_KEY", "dev-only")
ORDER_LOG = os.path.join(os.path.dirname(__file__), "orders.log")
"""

TABLE = HEAD + """\
## Settings

| Setting | Default | Meaning |
|---------|---------|---------|
| `DEFAULT_FROM_EMAIL` | `orders@shop.example` | sender |
| `CATALOG_IMPORT["max_rows"]` | 50,000 | rows per file |
| `CATALOG_IMPORT.currency` | `EUR` | prices without one |
| `ORDER_EXPIRY["enabled"]` | `true` | expiry runs |
| `ORDER_EXPIRY["window_hours"]` | `48h` | time to pay |
| `ORDER_EXPIRY["notify"]["channel"]` | `email` | how customers hear |
| `ORDER_EXPIRY["timeout"]` | `15min` | per run |
| `ORDER_REGIONS` | `eu`, `us` | where orders are taken |
| `PAYMENT_API_KEY` | `your-key-here` | the provider's key |
| `ORDER_LOG` | `orders.log` | next to the settings |
| `DEBUG` | — | Django's own |
"""

#: Each row of TABLE with a value the settings module does not give, and what FD607
#: must point at.
DRIFTED = (
    ("`orders@shop.example` | sender", "`noreply@shop.example` | sender", "noreply@shop.example"),
    ("| 50,000 |", "| 10,000 |", "10,000"),
    ("`EUR` | prices", "`USD` | prices", "USD"),
    ("`true` | expiry", "`false` | expiry", "false"),
    ("`48h`", "`24h`", "24h"),
    ("`email` | how", "`sms` | how", "sms"),
    ("`15min` |", "`900` |\n| `ORDER_EXPIRY.timeout` | `600` |", "600"),
    ("`eu`, `us` |", "`eu`, `us`, `apac` |", "eu`, `us`, `apac"),
)


@pytest.fixture(scope="module")
def project_root(tmp_path_factory: pytest.TempPathFactory):
    return make_project(tmp_path_factory.mktemp("fd607"), settings=SETTINGS).root


@pytest.fixture(scope="module")
def live_facts(project_root) -> ProjectFacts:
    from tests.support.django_project import collect_facts

    # The run's environment changes the live values; the documented defaults stay right.
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("SHOP_IMPORT_MAX_ROWS", "10")
        patch.setenv("SHOP_FROM_EMAIL", "ops@shop.example")
        patch.setenv("SHOP_ORDER_EXPIRY_ENABLED", "False")
        return collect_facts(project_root, "project.settings")


@pytest.fixture(params=["live", "static"])
def facts(request, live_facts, project_root) -> ProjectFacts:
    return live_facts if request.param == "live" else collect_static(project_root, "project.settings")


def test_the_live_values_are_this_runs_and_the_defaults_the_settings_modules(live_facts):
    setting = live_facts.setting("CATALOG_IMPORT")
    assert setting is not None and "'max_rows': 10" in setting.value
    assert setting.default_at("max_rows") == "50000"
    assert live_facts.setting("PAYMENT_API_KEY").defaults == ()  # may be a secret
    assert live_facts.setting("ORDER_LOG").defaults == ()  # computed from a path


def test_the_fix_writes_the_settings_modules_value_with_the_pages_unit(parse, facts):
    page = parse(TABLE.replace("`48h`", "`24h`").replace("| 50,000 |", "| 10,000 |"))
    found = run_rule(StaleSettingDefault, page, facts)
    assert [edit.replacement for f in found for edit in f.fix.edits] == ["50,000", "48h"]
    assert "(project/settings.py:" in found[0].hint


def test_values_of_other_times_secrets_and_other_columns_are_not_compared(parse, facts):
    # the variable a setting is read from is where its value comes from, not its value
    read_from = TABLE.replace("`orders@shop.example` | sender", "`SHOP_FROM_EMAIL`, else `orders@shop.example` | sender")
    assert run_rule(StaleSettingDefault, parse(read_from), facts) == []
    legacy = TABLE.replace("## Settings", "## Legacy settings").replace("`48h`", "`24h`")
    secret = TABLE.replace("`your-key-here`", "`live-key`")
    other_column = TABLE.replace("| Default |", "| Example |").replace("`48h`", "`24h`")
    for text in (legacy, secret, other_column):
        assert run_rule(StaleSettingDefault, parse(text), facts) == []


@pytest.mark.parametrize("header", ["| Setting / key | Fallback | Meaning |", "| Setting (key) | Fallback value | Meaning |"])
def test_a_fallback_column_and_a_setting_and_key_column_are_read_too(parse, facts, header):
    renamed = TABLE.replace("| Setting | Default | Meaning |", header)
    assert run_rule(StaleSettingDefault, parse(renamed), facts) == []
    page = parse(renamed.replace("`48h`", "`24h`"))
    assert pointed(StaleSettingDefault, page, facts) == [("FD607", "24h")]


PROSE = HEAD + """\
## Business rules

An order expires `ORDER_EXPIRY["window_hours"]` hours after it was placed (48 hours by default).
Large files are cut off at `CATALOG_IMPORT["max_rows"]` rows
(50,000 unless `SHOP_IMPORT_MAX_ROWS` says otherwise). Mail comes from `DEFAULT_FROM_EMAIL`
(default `orders@shop.example`); `settings.ORDER_REGIONS`, which defaults to `eu`, `us`,
Reminders go out `ORDER_EXPIRY["window_hours"]` and `ORDER_REMINDER_HOURS` (12 by default)
hours after an order is placed. `PAYMENT_API_KEY` (default `live-key`) is the provider's.
Receipts come from `ORDER_EXPIRY["notify"]["channel"]` (defaults to `DEFAULT_FROM_EMAIL`),
and `CATALOG_IMPORT.currency` defaults to `settings.ORDER_EXPIRY["currency"]`.
The row limit is `CATALOG_IMPORT["max_rows"]` – 50,000 by default; `DEFAULT_FROM_EMAIL` is
`orders@shop.example` by default.
"""

PROSE_DRIFTED = (
    ("(48 hours by default)", "(24 hours by default)", "24"),
    ("(50,000 unless", "(10,000 unless", "10,000"),
    ("(default `orders@shop.example`)", "(default `noreply@shop.example`)", "noreply@shop.example"),
    ("defaults to `eu`, `us`,", "defaults to `eu`,", "eu"),
    ("– 50,000 by default", "– 5000 by default", "5000"),
    ("is\n`orders@shop.example` by default", "is\n`shop@shop.example` by default", "shop@shop.example"),
)


@pytest.mark.parametrize("text", [TABLE, PROSE], ids=["table", "sentences"])
def test_the_settings_modules_defaults_are_silent(parse, facts, text):
    assert run_rule(StaleSettingDefault, parse(text), facts) == []


@pytest.mark.parametrize(
    ("text", "right", "wrong", "pointed_at"),
    [(TABLE, *case) for case in DRIFTED] + [(PROSE, *case) for case in PROSE_DRIFTED],
)
def test_a_default_the_settings_module_does_not_give_is_reported(parse, facts, text, right, wrong, pointed_at):
    assert right in text
    page = parse(text.replace(right, wrong))
    assert pointed(StaleSettingDefault, page, facts) == [("FD607", pointed_at)]


def test_a_default_on_a_line_that_starts_a_block_of_its_own_is_not_the_sentences(parse, facts):
    page = parse(HEAD + '## Rules\n\nOrders expire `ORDER_EXPIRY["window_hours"]` hours on\n- (24 by default) in the old shop\n')
    assert run_rule(StaleSettingDefault, page, facts) == []
    wrapped = parse(HEAD + '## Rules\n\nOrders expire `ORDER_EXPIRY["window_hours"]` hours on\n(24 by default) in the shop\n')
    assert pointed(StaleSettingDefault, wrapped, facts) == [("FD607", "24")]


def test_a_default_after_another_name_is_not_the_settings(parse, facts):
    # "(12 by default)" follows `ORDER_REMINDER_HOURS`, not the key named before it
    page = parse(PROSE.replace("(12 by default)", "(24 by default)"))
    assert run_rule(StaleSettingDefault, page, facts) == []


def test_sync_writes_the_settings_modules_values_and_a_second_run_changes_nothing(parse, facts):
    from tests.sync.support import synced

    drifted = TABLE.replace("`48h`", "`24h`").replace("| 50,000 |", "| 10,000 |")
    drifted = drifted.replace("`orders@shop.example` | sender", "`noreply@shop.example` | sender")
    text = synced(parse(drifted), facts)
    assert text == TABLE
    assert synced(parse(text), facts) == TABLE
    assert synced(parse(PROSE.replace("(48 hours by default)", "(24 hours by default)")), facts) == PROSE


DJANGOS_OWN = HEAD + """\
## Sessions

| Setting | Default | Meaning |
|---------|---------|---------|
| `SESSION_COOKIE_AGE` | 1,209,600 | seconds a login lasts |
| `CSRF_COOKIE_NAME` | `csrftoken` | the cookie's name |
| `SESSION_COOKIE_SECURE` | `False` | HTTPS only |
"""


def test_a_setting_the_project_leaves_alone_is_held_to_djangos_default(parse, facts):
    assert run_rule(StaleSettingDefault, parse(DJANGOS_OWN), facts) == []
    for right, wrong in (("1,209,600", "3,600"), ("`csrftoken`", "`csrf`"), ("`False` |", "`True` |")):
        page = parse(DJANGOS_OWN.replace(right, wrong))
        assert pointed(StaleSettingDefault, page, facts) == [("FD607", wrong.strip("`| "))]


BLOCK = HEAD + """\
## Configuration

### Django Settings

```python
# settings.py
DEFAULT_FROM_EMAIL = os.environ.get("SHOP_FROM_EMAIL", "orders@shop.example")
CATALOG_IMPORT = {
    "max_rows": int(os.getenv("SHOP_IMPORT_MAX_ROWS", "50000")),
    "currency": "EUR",
}
ORDER_EXPIRY = {
    "window_hours": 48,
    "notify": {"channel": "email"},
}
SESSION_COOKIE_AGE = 3600
```
"""


def test_a_settings_block_gives_its_literal_values_as_the_settings_module_must(parse, facts):
    assert run_rule(StaleSettingDefault, parse(BLOCK), facts) == []
    page = parse(BLOCK.replace('"window_hours": 48', '"window_hours": 24').replace('"EUR"', '"USD"'))
    found = run_rule(StaleSettingDefault, page, facts)
    assert [(f.span.line, f.message) for f in found] == [
        (18, '`CATALOG_IMPORT["currency"]` is `EUR` in the settings module, not `USD`'),
        (21, '`ORDER_EXPIRY["window_hours"]` is `48` in the settings module, not `24`'),
    ]
    # The fix writes Python: a string in the block's quotes.
    assert [edit.replacement for f in found for edit in f.fix.edits] == ['"EUR"', "48"]


def test_a_settings_block_of_another_environment_or_a_djangos_default_is_not_compared(parse, facts):
    drifted = BLOCK.replace('"window_hours": 48', '"window_hours": 24')
    for text in (
        drifted.replace("### Django Settings", "### Production settings"),
        drifted.replace("# settings.py", "# settings/production.py"),
        drifted.replace("```python\n# settings.py", "```python\n# orders/conf.py"),  # not a settings block
    ):
        assert run_rule(StaleSettingDefault, parse(text), facts) == []
    # The project leaves SESSION_COOKIE_AGE to Django: the block shows how to set it.
    assert run_rule(StaleSettingDefault, parse(BLOCK.replace("= 3600", "= 60")), facts) == []
