"""Settings read from source: run statement by statement, environment reads at their defaults."""

from __future__ import annotations

from pathlib import Path

from featuredocs.introspect.static import collect_static
from featuredocs.model import ProjectFacts, SettingFact
from featuredocs.secrets import MASK
from tests.introspect.static.trees import project_tree

BASE = '''
import os
from pathlib import Path

import environ
from decouple import config

env = environ.Env(FEATURE_FLAGS=(list, ["a"]))
BASE_DIR = Path(__file__).resolve().parent.parent
SECRET_KEY = os.environ["APP_SECRET_KEY"]
TIMEOUT = int(os.getenv("APP_TIMEOUT", "30")) * 2
DEBUG = config("APP_DEBUG", default="yes", cast=bool)
WORKERS = env.int("APP_WORKERS", default=4)
FLAGS = env("FEATURE_FLAGS")
BROKER_URL = "redis://worker:hunter2@broker:6379/0"
STATIC_URL = "assets/"
CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
CACHES["reports"] = {"TIMEOUT": TIMEOUT, "OPTIONS": {"MAX_ENTRIES": 10}}
DATABASES = {"default": {"ENGINE": "django.db.backends.sqlite3", "NAME": BASE_DIR / "db.sqlite3"}}
PAYMENTS = {"provider": "stripe", "api_key": "sk_live_123", "retries": 3}
'''

SETTINGS = '''
import sys

from .base import *  # noqa
from .plugins import load_plugins

INSTALLED_APPS += ["extra"]
MIDDLEWARE = []
MIDDLEWARE.append("django.middleware.common.CommonMiddleware")

if DEBUG:
    DEBUG_ONLY = True
else:
    PRODUCTION_ONLY = True

if os.environ.get("APP_REGION"):
    REGION_SETTING = "only with APP_REGION set"

if sys.platform.startswith("linux") or load_plugins():
    PLUGIN_SETTING = "a test that cannot be decided: both branches count"
else:
    NO_PLUGIN_SETTING = True
'''


def _facts(tmp_path: Path) -> ProjectFacts:
    files = {"project/base.py": BASE, "project/plugins.py": "def load_plugins():\n    return []\n"}
    root = project_tree(tmp_path, files, ("extra",), settings="")
    settings = root / "project" / "settings.py"
    settings.write_text(settings.read_text() + SETTINGS)
    return collect_static(root)


def _setting(facts: ProjectFacts, name: str) -> SettingFact:
    found = facts.setting(name)
    assert found is not None, name
    return found


def test_values_are_what_an_empty_environment_gives(tmp_path: Path) -> None:
    facts = _facts(tmp_path)
    assert _setting(facts, "TIMEOUT").value == "60"
    assert _setting(facts, "DEBUG").value == "True"  # decouple casts "yes" to True
    assert _setting(facts, "WORKERS").value == "4"
    assert _setting(facts, "FLAGS").value == "['a']"  # django-environ's scheme default
    assert _setting(facts, "BASE_DIR").value == repr(tmp_path.resolve())
    assert _setting(facts, "STATIC_URL").value == "'/assets/'"  # Django adds the script prefix


def test_star_imports_augmented_assignments_and_method_calls(tmp_path: Path) -> None:
    facts = _facts(tmp_path)
    installed = _setting(facts, "INSTALLED_APPS")
    assert installed.value.endswith("'extra', 'extra']")  # the list as written, then += ["extra"]
    assert installed.location is not None and installed.location.path == "project/settings.py"
    assert _setting(facts, "MIDDLEWARE").value == "['django.middleware.common.CommonMiddleware']"
    timeout = _setting(facts, "TIMEOUT")
    assert timeout.location is not None and timeout.location.path == "project/base.py"


def test_branches_decided_by_known_values_and_both_taken_when_unknown(tmp_path: Path) -> None:
    facts = _facts(tmp_path)
    assert facts.setting("DEBUG_ONLY") is not None
    assert facts.setting("PRODUCTION_ONLY") is None
    assert facts.setting("REGION_SETTING") is None  # as an empty environment configures it
    assert facts.setting("PLUGIN_SETTING") is not None
    assert facts.setting("NO_PLUGIN_SETTING") is not None


def test_nested_keys_including_ones_set_by_subscript(tmp_path: Path) -> None:
    facts = _facts(tmp_path)
    assert _setting(facts, "CACHES").keys == (
        "default", "default.BACKEND", "reports", "reports.TIMEOUT", "reports.OPTIONS",
        "reports.OPTIONS.MAX_ENTRIES",
    )
    database = _setting(facts, "DATABASES").keys
    assert {"default.NAME", "default.CONN_MAX_AGE", "default.TEST.NAME"} <= set(database)


def test_secrets_are_masked(tmp_path: Path) -> None:
    facts = _facts(tmp_path)
    secret = _setting(facts, "SECRET_KEY")
    assert (secret.value, secret.secret) == (f"'{MASK}'", True)
    broker = _setting(facts, "BROKER_URL")
    assert "hunter2" not in broker.value and broker.secret
    payments = _setting(facts, "PAYMENTS")
    assert "sk_live_123" not in payments.value and payments.keys == ("provider", "api_key", "retries")


def test_djangos_defaults_are_listed_but_not_as_the_projects(tmp_path: Path) -> None:
    facts = _facts(tmp_path)
    language = _setting(facts, "LANGUAGE_CODE")
    assert (language.value, language.project, language.location) == ("'en-us'", False, None)
    assert _setting(facts, "SETTINGS_MODULE").value == "'project.settings'"


def test_a_settings_module_that_is_not_there_is_a_warning(tmp_path: Path) -> None:
    root = project_tree(tmp_path, {}, ())
    (root / "manage.py").write_text(
        'import os\nos.environ.setdefault("DJANGO_SETTINGS_MODULE", "elsewhere.settings")\n')
    facts = collect_static(root)
    assert "settings module `elsewhere.settings` not found under the project root" in facts.warnings
