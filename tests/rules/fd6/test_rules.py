"""FD601-FD606 on real parsed pages against hand-built facts: where each fires, and a
correct page on which all of them stay silent."""

from __future__ import annotations

import dataclasses

from featuredocs.model import Applicability, Span
from featuredocs.rules.fd6_config.fd601_unknown_environment_variable import UnknownEnvironmentVariable
from featuredocs.rules.fd6_config.fd602_stale_environment_default import StaleEnvironmentDefault
from featuredocs.rules.fd6_config.fd603_required_flag_mismatch import RequiredFlagMismatch
from featuredocs.rules.fd6_config.fd604_unknown_setting import UnknownSetting
from featuredocs.rules.fd6_config.fd605_unknown_setting_key import UnknownSettingKey
from featuredocs.rules.fd6_config.fd606_undocumented_environment_variable import (
    UndocumentedEnvironmentVariable,
)
from tests.support.rules import run_rule

from .facts import FACTS

FAMILY = (
    UnknownEnvironmentVariable, StaleEnvironmentDefault, RequiredFlagMismatch, UnknownSetting,
    UnknownSettingKey, UndocumentedEnvironmentVariable,
)

CLEAN = """\
# Order Expiry

> **Order expiry** - Cancels unpaid orders.

## Data Models

### Order

## Configuration

### Environment Variables

```bash
# Required configuration
ORDER_API_KEY=your_api_key_here

# Optional configuration (with defaults)
ORDER_TIMEOUT="30"  # seconds
ORDER_REGION=eu-west-1
ORDER_HOSTS=a,b
ORDER_BATCH_SIZE=500
DJANGO_SETTINGS_MODULE=project.settings
```

### Django Settings

```python
# settings.py
ORDER_CONFIG = {
    "window": 48,
    "notify": {"channel": "email"},
}
DEBUG = False
```

## Usage Examples

```python
from django.conf import settings

settings.ORDER_CONFIG["notify"]["channel"]
```
"""


def findings(rule, page, facts=FACTS):
    return [(f.code, f.span.line, f.span.column, f.message, f.hint) for f in run_rule(rule, page, facts)]


def test_a_correct_page_is_silent(parse):
    page = parse(CLEAN)
    for rule in FAMILY:
        assert run_rule(rule, page, FACTS) == [], rule.code


def test_fd601_unknown_variable_with_a_close_name(parse):
    page = parse(CLEAN.replace("ORDER_REGION=eu-west-1", "ORDER_REGON=eu-west-1"))
    assert findings(UnknownEnvironmentVariable, page) == [
        ("FD601", 19, 1, "environment variable `ORDER_REGON` is not read by the project",
         "did you mean `ORDER_REGION`? (orders/conf.py:5)"),
    ]


def test_fd602_stale_default_with_a_safe_fix(parse):
    page = parse(CLEAN.replace('ORDER_TIMEOUT="30"', 'ORDER_TIMEOUT="45"'))
    (finding,) = run_rule(StaleEnvironmentDefault, page, FACTS)
    assert (finding.code, finding.span) == ("FD602", Span(18, 16, 18, 18))
    assert finding.message == "`ORDER_TIMEOUT` defaults to `30` in code, not `45`"
    assert finding.hint == "the code's default is `30` (orders/conf.py:4)"
    assert finding.fix is not None and finding.fix.applicability == Applicability.SAFE
    assert [(e.span, e.replacement) for e in finding.fix.edits] == [(Span(18, 16, 18, 18), "30")]


def test_fd602_compares_lists_and_masks_secrets(parse):
    page = parse(CLEAN.replace("ORDER_HOSTS=a,b", "ORDER_HOSTS=a,c"))
    assert [f[:3] for f in findings(StaleEnvironmentDefault, page)] == [("FD602", 20, 13)]
    secret_facts = dataclasses.replace(
        FACTS, env_vars=FACTS.env_vars + (
            dataclasses.replace(FACTS.env_vars[1], name="ORDER_SIGNING_KEY", default="abc123"),
        ),
    )
    page = parse(CLEAN.replace("ORDER_HOSTS=a,b", "ORDER_HOSTS=a,b\nORDER_SIGNING_KEY=zzz999"))
    (finding,) = run_rule(StaleEnvironmentDefault, page, secret_facts)
    assert "abc123" not in finding.message and "zzz999" not in finding.message
    assert finding.fix is None


def test_fd602_ignores_values_not_given_as_defaults(parse):
    # a required group's value is an example, not a default
    page = parse(CLEAN.replace("# Optional configuration (with defaults)", "# Required too"))
    assert run_rule(StaleEnvironmentDefault, page, FACTS) == []


def test_fd603_required_in_docs_but_defaulted_in_code(parse):
    page = parse(CLEAN.replace("ORDER_API_KEY=your_api_key_here", "ORDER_API_KEY=x\nORDER_REGION=eu"))
    page_findings = findings(RequiredFlagMismatch, page)
    assert page_findings == [
        ("FD603", 16, 1, "`ORDER_REGION` is documented as required, but the code has a default",
         "read with default `eu-west-1` (orders/conf.py:5)"),
    ]


def test_fd603_optional_in_docs_but_required_in_code(parse):
    page = parse(CLEAN.replace(
        "ORDER_API_KEY=your_api_key_here\n\n# Optional configuration (with defaults)\n",
        "\n# Optional configuration (with defaults)\nORDER_API_KEY=\n",
    ))
    assert findings(RequiredFlagMismatch, page) == [
        ("FD603", 17, 1, "`ORDER_API_KEY` is documented as optional, but the code requires it",
         "read without a default (orders/conf.py:3)"),
    ]


def test_fd604_unknown_setting_in_a_settings_block_and_in_a_read(parse):
    page = parse(CLEAN.replace("ORDER_CONFIG = {", "ORDER_CONFG = {").replace(
        "settings.ORDER_CONFIG[", "settings.ORDER_LABEL[")
    )
    assert findings(UnknownSetting, page) == [
        ("FD604", 29, 1, "setting `ORDER_CONFG` is not defined by the project or Django",
         "did you mean `ORDER_CONFIG`? (project/settings.py:40)"),
        ("FD604", 41, 10, "setting `ORDER_LABEL` is not defined by the project or Django",
         "did you mean `ORDER_LABELS`? (project/settings.py:50)"),
    ]


def test_fd605_unknown_nested_key_reported_once_per_missing_level(parse):
    page = parse(CLEAN.replace('"notify": {"channel": "email"}', '"notice": {"channel": "email"}'))
    assert findings(UnknownSettingKey, page) == [
        ("FD605", 31, 5, "setting `ORDER_CONFIG` has no key `notice`",
         "did you mean `notify`? (project/settings.py:40)"),
    ]
    page = parse(CLEAN.replace('["notify"]["channel"]', '["notify"]["chanel"]'))
    assert findings(UnknownSettingKey, page) == [
        ("FD605", 41, 33, "setting `ORDER_CONFIG` has no key `notify.chanel`",
         "did you mean `notify.channel`? (project/settings.py:40)"),
    ]


def test_fd605_leaves_settings_whose_shape_is_unknown(parse):
    # ORDER_LABELS is a list: its "keys" cannot be judged
    page = parse(CLEAN.replace("DEBUG = False", 'ORDER_LABELS = {"x": 1}'))
    assert run_rule(UnknownSettingKey, page, FACTS) == []


def test_fd606_variable_read_by_the_feature_app_but_not_documented(parse):
    page = parse(CLEAN.replace("ORDER_BATCH_SIZE=500\n", ""))
    assert findings(UndocumentedEnvironmentVariable, page) == [
        ("FD606", 11, 1, "`ORDER_BATCH_SIZE` is read by the feature's code but not documented",
         "read at orders/tasks.py:7 (default `500`)"),
    ]


def test_fd606_a_page_without_declarations_covers_the_one_app_it_uses(parse):
    undeclared = CLEAN.replace("## Data Models\n\n### Order\n\n", "")
    page = parse(undeclared + "\n```bash\npython manage.py send_invoices\n```\n")
    assert [f[3] for f in findings(UndocumentedEnvironmentVariable, page)] == [
        "`BILLING_ENDPOINT` is read by the feature's code but not documented",
    ]
    page = parse(undeclared + "\n```python\nfrom billing.models import Invoice\n```\n")
    assert len(run_rule(UndocumentedEnvironmentVariable, page, FACTS)) == 1


def test_fd606_declared_models_outrank_what_the_page_merely_uses(parse):
    page = parse(CLEAN + "\n```python\nfrom billing.models import Invoice\n```\n")
    assert run_rule(UndocumentedEnvironmentVariable, page, FACTS) == []
    # a page using two apps without declaring either is about neither
    two = CLEAN.replace("## Data Models\n\n### Order\n\n", "").replace("ORDER_BATCH_SIZE=500\n", "")
    page = parse(two + "\n```python\nfrom billing.models import Invoice\nfrom orders.models import Order\n```\n")
    assert run_rule(UndocumentedEnvironmentVariable, page, FACTS) == []


def test_fd606_is_silent_when_mentioned_or_without_an_env_block(parse):
    mentioned = CLEAN.replace("ORDER_BATCH_SIZE=500\n", "") + "\nBatches use `ORDER_BATCH_SIZE`.\n"
    assert run_rule(UndocumentedEnvironmentVariable, parse(mentioned), FACTS) == []
    no_block = CLEAN.split("### Environment Variables")[0]
    assert run_rule(UndocumentedEnvironmentVariable, parse(no_block), FACTS) == []


def test_fd604_leaves_blocks_of_another_settings_module(parse):
    facts = dataclasses.replace(FACTS, settings_module="project.settings")
    other = CLEAN.replace("# settings.py\nORDER_CONFIG", "# settings/production.py\nORDER_CONFG")
    assert run_rule(UnknownSetting, parse(other), facts) == []
    same = CLEAN.replace("# settings.py\nORDER_CONFIG", "# project/settings.py\nORDER_CONFG")
    assert [f[:3] for f in findings(UnknownSetting, parse(same), facts)] == [("FD604", 29, 1)]
    other_module = CLEAN.replace("# settings.py\nORDER_CONFIG", "# project/settings/production.py\nORDER_CONFG")
    assert run_rule(UnknownSetting, parse(other_module), facts) == []


def test_fd602_cuts_long_values_in_the_message_but_not_in_the_fix(parse):
    long_default = "https://billing.example/api/v2/invoices"
    facts = dataclasses.replace(FACTS, env_vars=FACTS.env_vars + (
        dataclasses.replace(FACTS.env_vars[1], name="ORDER_BILLING_URL", default=long_default),
    ))
    page = parse(CLEAN.replace("ORDER_HOSTS=a,b", "ORDER_HOSTS=a,b\nORDER_BILLING_URL=https://old.example/api"))
    (finding,) = run_rule(StaleEnvironmentDefault, page, facts)
    assert len(finding.message) <= 85 and "…" in finding.message
    assert finding.fix is not None and finding.fix.edits[0].replacement == long_default


def test_fd601_hints_renamed_words_but_not_names_that_merely_share_a_prefix(parse):
    facts = dataclasses.replace(FACTS, env_vars=FACTS.env_vars + (
        dataclasses.replace(FACTS.env_vars[1], name="ORDER_EXPIRY_MAX_ROWS"),
        dataclasses.replace(FACTS.env_vars[1], name="ORDER_SMS_API_KEY"),
    ))
    renamed = parse(CLEAN.replace("ORDER_REGION=eu-west-1", "ORDER_IMPORT_MAX_ROWS=5"))
    assert [f[4] for f in findings(UnknownEnvironmentVariable, renamed, facts)] == [
        "did you mean `ORDER_EXPIRY_MAX_ROWS`? (orders/conf.py:4)",
    ]
    # spelled much like ORDER_SMS_API_KEY, but only the prefix words are shared
    unrelated = parse(CLEAN.replace("ORDER_REGION=eu-west-1", "ORDER_SMS_SENDER=x"))
    assert [f[4] for f in findings(UnknownEnvironmentVariable, unrelated, facts)] == [None]


PROSE = CLEAN + """
## Troubleshooting

Orders wait `ORDER_CONFIG["window"]` hours; customers hear on `ORDER_CONFIG["notify"]["channel"]`,
as `settings.ORDER_CONFIG` and `django.conf.settings.DEBUG` say. Django's `CACHES["default"]["TIMEOUT"]`
and a module's `STATUS_LABELS["paid"]` are no settings of this page; nor is `settings.py`.
"""


def test_prose_naming_real_settings_and_keys_is_silent(parse):
    page = parse(PROSE)
    for rule in (UnknownSetting, UnknownSettingKey):
        assert run_rule(rule, page, FACTS) == []


def test_fd604_unknown_setting_read_in_prose(parse):
    page = parse(PROSE.replace("as `settings.ORDER_CONFIG`", "as `settings.ORDER_CONFIGS`"))
    assert _pointed(UnknownSetting, page) == [
        ("ORDER_CONFIGS", "setting `ORDER_CONFIGS` is not defined by the project or Django",
         "did you mean `ORDER_CONFIG`? (project/settings.py:40)"),
    ]
    # a bare subscript is no claim that its name is a setting: a constant looks the same
    assert run_rule(UnknownSetting, parse(PROSE.replace('`ORDER_CONFIG["window"]`', '`ORDER_CONFG["window"]`')),
                    FACTS) == []


def test_fd605_misspelt_key_in_prose_but_not_a_key_prose_merely_recommends(parse):
    page = parse(PROSE.replace('`ORDER_CONFIG["notify"]["channel"]`', "`ORDER_CONFIG['notify']['chanel']`"))
    assert _pointed(UnknownSettingKey, page) == [
        ("'chanel'", "setting `ORDER_CONFIG` has no key `notify.chanel`",
         "did you mean `notify.channel`? (project/settings.py:40)"),
    ]
    # a missing parent is reported once, not again for the key below it
    parent = parse(PROSE.replace('["notify"]["channel"]`', '["notice"]["channel"]`'))
    assert [f[3] for f in findings(UnknownSettingKey, parent)] == ["setting `ORDER_CONFIG` has no key `notice`"]
    # nothing close: prose suggesting a key the project may add is no drift
    advice = parse(PROSE.replace('`ORDER_CONFIG["window"]`', '`ORDER_CONFIG["grace_period"]`'))
    assert run_rule(UnknownSettingKey, advice, FACTS) == []


def _spanned(page, found):
    """The page text each finding points at."""
    return [page.line_text(f.span.line)[f.span.column - 1 : f.span.end_column - 1] for f in found]


def _pointed(rule, page):
    """What each finding of ``rule`` points at, says and hints."""
    found = run_rule(rule, page, FACTS)
    return [(text, f.message, f.hint) for text, f in zip(_spanned(page, found), found, strict=True)]


ENV_PROSE = CLEAN + """
## Troubleshooting

Slow answers? Raise `ORDER_TIMEOUT=60`, check `$ORDER_REGION` and `os.getenv("ORDER_BATCH_SIZE")`;
the env `ORDER_HOSTS` lists hosts, and the `SITE_NAME` environment variable names the site.
Run with `DEBUG=True` and `GUNICORN_WORKERS=4`; `ORDER_TIMEOUTS` is a constant of `orders.limits`.
"""


def _env_findings(page, facts=FACTS):
    return [(f.message, f.hint) for f in run_rule(UnknownEnvironmentVariable, page, facts)]


def test_variables_named_in_prose_are_silent_when_read_or_not_the_projects(parse):
    assert _env_findings(parse(ENV_PROSE)) == []
    # DEBUG is a setting, however close SITE_DEBUG would be as a variable
    facts = dataclasses.replace(FACTS, env_vars=FACTS.env_vars + (dataclasses.replace(FACTS.env_vars[1], name="SITE_DEBUG"),))
    assert _env_findings(parse(ENV_PROSE), facts) == []


def test_fd601_misspelt_variable_in_prose_in_each_shape(parse):
    shapes = {  # right, wrong, the name the finding points at
        "`ORDER_TIMEOUT=60`": ("`ORDER_TIMEUOT=60`", "ORDER_TIMEUOT"),
        "`$ORDER_REGION`": ("`${ORDER_REGON}`", "ORDER_REGON"),
        '`os.getenv("ORDER_BATCH_SIZE")`': ('`os.getenv("ORDER_BATCH_SIZES")`', "ORDER_BATCH_SIZES"),
        "env `ORDER_HOSTS`": ("env `ORDER_HOST`", "ORDER_HOST"),
        "`SITE_NAME` environment variable": ("`SITE_NAMES` environment variable", "SITE_NAMES"),
    }
    for right, (wrong, name) in shapes.items():
        page = parse(ENV_PROSE.replace(right, wrong))
        found = run_rule(UnknownEnvironmentVariable, page, FACTS)
        assert _spanned(page, found) == [name], wrong
        assert found[0].message == f"environment variable `{name}` is not read by the project"
        assert found[0].hint is not None and found[0].hint.startswith("did you mean"), wrong


def test_a_bare_name_the_sentence_does_not_call_a_variable_is_no_claim(parse):
    page = parse(ENV_PROSE.replace("`ORDER_TIMEOUTS` is a constant", "`ORDER_TIMEOUTZ` is a constant"))
    assert _env_findings(page) == []
    called = parse(ENV_PROSE.replace("`ORDER_TIMEOUTS` is a constant", "the env var `ORDER_TIMEOUTZ` is a constant"))
    assert [m for m, _ in _env_findings(called)] == ["environment variable `ORDER_TIMEOUTZ` is not read by the project"]


def test_variables_named_in_prose_leave_the_anchor_of_undocumented_ones_in_place(parse):
    text = CLEAN.replace("ORDER_BATCH_SIZE=500\n", "").replace(
        "### Order\n", "### Order\n\nOrders time out after `ORDER_TIMEOUT=30` seconds.\n")
    page = parse(text)
    (finding,) = run_rule(UndocumentedEnvironmentVariable, page, FACTS)
    assert page.line_text(finding.span.line) == "### Environment Variables"


def test_fd604_a_setting_named_in_prose_with_nothing_close_may_be_read_with_a_default(parse):
    page = parse(PROSE.replace("as `settings.ORDER_CONFIG`", "as `settings.SHOP_BANNER_TEXT`"))
    assert run_rule(UnknownSetting, page, FACTS) == []


def test_fd602_a_default_a_sentence_gives_right_after_the_variable(parse):
    said = CLEAN + "\nRequests give up after the env `ORDER_TIMEOUT` (default `45`) seconds.\n"
    page = parse(said)
    (finding,) = run_rule(StaleEnvironmentDefault, page, FACTS)
    assert _spanned(page, [finding]) == ["45"]
    assert finding.message == "`ORDER_TIMEOUT` defaults to `30` in code, not `45`"
    assert finding.fix is not None and finding.fix.edits[0].replacement == "30"
    for right in ("(default `30`)", "defaults to `30`", ", default: `30`"):
        assert run_rule(StaleEnvironmentDefault, parse(said.replace("(default `45`)", right)), FACTS) == []
    # a value set, not a default; a placeholder; a default of something else further on
    for other in ("`ORDER_TIMEOUT=45`, default `45`", "env `ORDER_TIMEOUT` (default `<seconds>`)",
                  "env `ORDER_TIMEOUT` overrides the default `45`"):
        page = parse(CLEAN + f"\nRequests give up after {other} seconds.\n")
        assert run_rule(StaleEnvironmentDefault, page, FACTS) == [], other


def test_fd602_a_default_after_the_words_that_call_the_name_a_variable(parse):
    for said in ("`ORDER_TIMEOUT` environment variable defaults to `45`", "`ORDER_TIMEOUT` (env var, default `45`)",
                 "`ORDER_TIMEOUT` env var, with a default of `45`", "`ORDER_TIMEOUT` environment variable (default: `45`)"):
        page = parse(CLEAN + f"\nRequests give up after the {said} seconds.\n")
        (finding,) = run_rule(StaleEnvironmentDefault, page, FACTS)
        assert _spanned(page, [finding]) == ["45"], said
        right = parse(CLEAN + f"\nRequests give up after the {said.replace('45', '30')} seconds.\n")
        assert run_rule(StaleEnvironmentDefault, right, FACTS) == [], said
    # the words call the name a variable, then the sentence goes on to another default
    page = parse(CLEAN + "\nThe `ORDER_TIMEOUT` environment variable overrides the default `45`.\n")
    assert run_rule(StaleEnvironmentDefault, page, FACTS) == []


def test_fd602_a_default_the_sentence_wraps_onto_the_next_line(parse):
    for wrapped in ("`ORDER_TIMEOUT` (default\n`45`)", "`ORDER_TIMEOUT`,\ndefaults to `45`"):
        page = parse(CLEAN + f"\nRequests give up after the env {wrapped} seconds.\n")
        (finding,) = run_rule(StaleEnvironmentDefault, page, FACTS)
        assert _spanned(page, [finding]) == ["45"]
        assert "`ORDER_TIMEOUT`" in page.line_text(finding.span.line - 1)
        right = parse(CLEAN + f"\nRequests give up after the env {wrapped.replace('45', '30')} seconds.\n")
        assert run_rule(StaleEnvironmentDefault, right, FACTS) == []
    # a new paragraph, or a line that goes on with something else, gives no default
    for apart in ("`ORDER_TIMEOUT`.\n\nDefault `45`", "`ORDER_TIMEOUT`\nthen the default `45`"):
        page = parse(CLEAN + f"\nRequests give up after the env {apart} seconds.\n")
        assert run_rule(StaleEnvironmentDefault, page, FACTS) == [], apart


def test_fd604_a_bare_name_the_sentence_calls_a_setting(parse):
    said = CLEAN + (
        "\nThe `ORDER_CONFIG` setting holds the window; the Django setting `DEBUG` shows errors, and a\n"
        "planned `ORDER_BANNER_TEXT` setting will hold a banner. `ORDER_CONFIGS` is a typo no sentence\n"
        "calls a setting.\n"
    )
    assert run_rule(UnknownSetting, parse(said), FACTS) == []
    page = parse(said.replace("The `ORDER_CONFIG` setting", "The `ORDER_CONFIGS` setting"))
    (finding,) = run_rule(UnknownSetting, page, FACTS)
    assert _spanned(page, [finding]) == ["ORDER_CONFIGS"]
    assert finding.hint is not None and "`ORDER_CONFIG`" in finding.hint
