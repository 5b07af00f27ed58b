"""Settings the code reads with a default (``getattr(settings, "NAME", 20)``), live and static."""

from __future__ import annotations

from pathlib import Path

import pytest

from featuredocs.introspect.static import collect_static
from featuredocs.model import ProjectFacts, SettingFact, SourceLocation
from featuredocs.rules.fd6_config.fd604_unknown_setting import UnknownSetting
from featuredocs.rules.fd6_config.fd605_unknown_setting_key import UnknownSettingKey
from tests.support.django_project import make_project
from tests.support.rules import run_rule

VIEWS = '''
from django.conf import settings
from django.conf import settings as conf


class Limits:
    size = 5


def page_size():
    return getattr(settings, "ORDERS_PAGE_SIZE", 20)


def options():
    token = getattr(conf, "ORDERS_API_TOKEN", "tok-abc123")
    region = getattr(settings, "ORDER_REGION", "us")  # defined: the settings' value holds
    quiet = getattr(settings, "ORDERS_EXPORT", {"format": "csv"})
    return token, region, quiet, getattr(Limits, "SIZE", 1), getattr(settings, "lower_case", 1)
'''


def _project(root: Path):
    return make_project(root, apps={"orders": {"views.py": VIEWS}}, settings='ORDER_REGION = "eu"\n')


@pytest.fixture(scope="module", params=["live", "static"])
def facts(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> ProjectFacts:
    project = _project(tmp_path_factory.mktemp(request.param))
    return project.facts() if request.param == "live" else collect_static(project.root)


def _named(facts: ProjectFacts, name: str) -> SettingFact | None:
    return next((setting for setting in facts.settings if setting.name == name), None)


def test_settings_read_with_a_default_are_facts_of_their_own(facts):
    assert _named(facts, "ORDERS_PAGE_SIZE") == SettingFact(
        "ORDERS_PAGE_SIZE", "20", project=False, location=SourceLocation("orders/views.py", 10),
    )
    token = _named(facts, "ORDERS_API_TOKEN")
    assert token is not None and token.secret and "tok-abc123" not in token.value
    assert _named(facts, "ORDERS_EXPORT").value == '{"format": "csv"}'  # as written
    names = [setting.name for setting in facts.settings]
    assert names == sorted(names) and names.count("ORDER_REGION") == 1
    assert _named(facts, "ORDER_REGION").project and "eu" in _named(facts, "ORDER_REGION").value
    assert _named(facts, "SIZE") is None and _named(facts, "lower_case") is None


PAGE = """\
# Orders

## Configuration

```python
from django.conf import settings

size = settings.ORDERS_PAGE_SIZE
fmt = settings.ORDERS_EXPORT["delimiter"]
```
"""


def test_a_page_documenting_them_is_right(parse, facts):
    page = parse(PAGE)
    assert run_rule(UnknownSetting, page, facts) == []
    # the default is the code's fallback, not the shape a project gives the setting
    assert run_rule(UnknownSettingKey, page, facts) == []
    misspelt = parse(PAGE.replace("ORDERS_PAGE_SIZE", "ORDERS_PAGESIZE"))
    assert [f.hint for f in run_rule(UnknownSetting, misspelt, facts)] == [
        "did you mean `ORDERS_PAGE_SIZE`? (orders/views.py:10)",
    ]
