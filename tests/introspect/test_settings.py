"""Settings read live: project or default, nested keys, secrets masked, source lines."""

from __future__ import annotations

import pytest

from featuredocs.model import ProjectFacts, SettingFact, SourceLocation
from tests.introspect.projects import RECORDING_DATABASES, make_live_project

BASE = '''
from datetime import timedelta

SECRET_KEY = "django-insecure-real-looking-key"
DEBUG = False
ROOT_URLCONF = "project.urls"
INSTALLED_APPS = ["django.contrib.auth", "django.contrib.contenttypes", "billing"]
USE_TZ = True
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"
FEATURE_CONFIG = {
    "option1": True,
    "nested": {"sub_option": 3, "api_token": "tok-123"},
}
STRIPE_API_KEY = "sk_live_abc"
EMAIL_HOST_PASSWORD = ""
BROKER_URL = "amqp://shop:s3cret@rabbit:5672/shop"
PASSWORD_RESET_TIMEOUT = 3600
REPORT_TTL = timedelta(minutes=5)
'''

DEV = '''
from .base import *  # noqa: F403

DEBUG = True
try:
    from .local import *  # noqa: F403
except ImportError:
    pass
'''

LOCAL = '''
INVOICE_PREFIX = "INV"
'''


@pytest.fixture(scope="module")
def facts(tmp_path_factory: pytest.TempPathFactory) -> ProjectFacts:
    project = make_live_project(tmp_path_factory.mktemp("settings"), {"billing": {}})
    (project.root / "project" / "settings.py").unlink()
    project.write("project/settings/__init__.py", "")
    project.write("project/settings/base.py", BASE + RECORDING_DATABASES)
    project.write("project/settings/dev.py", DEV)
    project.write("project/settings/local.py", LOCAL)
    project.settings_module = "project.settings.dev"
    return project.facts()


def setting(facts: ProjectFacts, name: str) -> SettingFact:
    found = facts.setting(name)
    assert found is not None, name
    return found


def test_settings_module_and_locations_across_star_imports(facts: ProjectFacts) -> None:
    assert facts.settings_module == "project.settings.dev"
    assert setting(facts, "DEBUG").value == "True"
    assert setting(facts, "DEBUG").location == SourceLocation("project/settings/dev.py", 3)
    assert setting(facts, "USE_TZ").location == SourceLocation("project/settings/base.py", 7)
    assert setting(facts, "INVOICE_PREFIX").location == SourceLocation("project/settings/local.py", 1)


def test_project_settings_and_django_defaults(facts: ProjectFacts) -> None:
    assert setting(facts, "INVOICE_PREFIX").project
    assert setting(facts, "PASSWORD_RESET_TIMEOUT").project
    default = setting(facts, "DATA_UPLOAD_MAX_NUMBER_FIELDS")
    assert not default.project and default.location is None and default.value == "1000"
    assert not any(s.name.startswith("_") or not s.name.isupper() for s in facts.settings)


def test_nested_keys_as_dotted_paths(facts: ProjectFacts) -> None:
    config = setting(facts, "FEATURE_CONFIG")
    assert config.keys == ("option1", "nested", "nested.sub_option", "nested.api_token")


def test_secrets_are_masked(facts: ProjectFacts) -> None:
    secret_key = setting(facts, "SECRET_KEY")
    assert secret_key.secret and secret_key.value == "'********'"
    assert setting(facts, "STRIPE_API_KEY").value == "'********'"
    config = setting(facts, "FEATURE_CONFIG")
    assert config.secret and "tok-123" not in config.value and "'sub_option': 3" in config.value
    broker = setting(facts, "BROKER_URL")
    assert broker.secret and broker.value == "'amqp://shop:********@rabbit:5672/shop'"
    assert setting(facts, "PASSWORD_RESET_TIMEOUT").value == "3600"
    assert not setting(facts, "PASSWORD_RESET_TIMEOUT").secret
    assert setting(facts, "EMAIL_HOST_PASSWORD").value == "''"
    every_value = " ".join(s.value for s in facts.settings)
    for leaked in ("django-insecure-real-looking-key", "sk_live_abc", "s3cret", "tok-123"):
        assert leaked not in every_value
