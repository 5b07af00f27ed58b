"""``SettingFact.default_at``: the default a page may give a setting."""

from __future__ import annotations

import pytest

from featuredocs.model import SettingFact


@pytest.mark.parametrize(("shown", "default"), [
    ("1209600", "1209600"), ("'csrftoken'", "csrftoken"), ("False", "False"), ("0.5", "0.5"),
    ("['a', 'b']", None), ("None", None), ("<function f>", None),
])
def test_a_setting_the_project_does_not_set_defaults_to_its_plain_value(shown, default):
    assert SettingFact(name="SOME_SETTING", value=shown, project=False).default_at("") == default


def test_a_project_setting_has_only_the_defaults_its_module_writes():
    written = SettingFact(name="ORDER_EXPIRY", value="{'window_hours': 24}", defaults=(("window_hours", "48"),))
    assert (written.default_at("window_hours"), written.default_at("")) == ("48", None)
    assert SettingFact(name="DEBUG", value="True").default_at("") is None


def test_a_secret_or_a_key_of_a_setting_the_project_does_not_set_has_none():
    assert SettingFact(name="SECRET_KEY", value="'********'", secret=True, project=False).default_at("") is None
    assert SettingFact(name="CACHES", value="{'default': {}}", project=False).default_at("default") is None
