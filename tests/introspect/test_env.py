"""Environment variable reads of every style, found in the AST of the project's code."""

from __future__ import annotations

from pathlib import Path

from featuredocs.introspect.env import collect_env_vars
from featuredocs.model import EnvVarFact, SourceLocation
from tests.introspect.source_tree import source_tree

SETTINGS = '''
import os
from os import environ, getenv

import environ as django_environ
from decouple import Csv, config

env = django_environ.Env(DEBUG=(bool, False), WORKERS=(int, 4), UNUSED_FLAG=(bool, True))

SECRET_KEY = os.environ["SECRET_KEY"]
REGION = os.environ.get("AWS_REGION", "eu-west-1")
OPTIONAL = os.environ.get("OPTIONAL_THING")
PAGE_SIZE = int(os.getenv("PAGE_SIZE", 20))
TIMEOUT = getenv("HTTP_TIMEOUT", default="2.5")
HOME = environ["APP_HOME"]
DEBUG = env("DEBUG")
WORKERS = env.int("WORKERS")
SENTRY_DSN = env.str("SENTRY_DSN", default="https://abc123@sentry.io/42")
HOSTS = env.list("ALLOWED_HOSTS", default=["localhost", "127.0.0.1"])
FLAG = env.bool("FEATURE_FLAG", False)
RATIO = env("RATIO", cast=float, default=0.5)
DATABASES = {"default": env.db()}
CACHES = {"default": env.cache_url("REDIS_CACHE_URL", default="redis://localhost:6379/1")}
ORIGINS = config("CORS_ORIGINS", default="", cast=Csv())
STRIPE_KEY = config("STRIPE_SECRET_KEY")
USE_S3 = config("USE_S3", default=False, cast=bool)
BROKER = config("BROKER_URL", default="amqp://guest:guest@localhost//")
'''

TASKS = '''
import os

from project.settings import env


def region():
    return os.environ.get("AWS_REGION", "us-east-1")


def queue():
    return env("TASK_QUEUE", default="default")


def ignored(name):
    os.environ[name] = "x"          # a write, not a read
    return os.environ.get(name)     # the name is not known
'''


def facts_by_name(tmp_path: Path) -> dict[str, EnvVarFact]:
    sources = source_tree(tmp_path, {
        "project/__init__.py": "",
        "project/settings.py": SETTINGS,
        "billing/__init__.py": "",
        "billing/tasks.py": TASKS,
        ".venv/lib/site.py": "import os\nos.environ['VENV_ONLY']\n",
        "billing/migrations/0001_initial.py": "import os\nos.environ['MIGRATION_ONLY']\n",
    })
    return {fact.name: fact for fact in collect_env_vars(sources)}


def test_os_environ_reads(tmp_path: Path) -> None:
    facts = facts_by_name(tmp_path)
    secret = facts["SECRET_KEY"]
    assert secret.required and not secret.has_default and secret.reader == "os.environ"
    assert secret.secret
    assert secret.locations == (SourceLocation("project/settings.py", 9),)
    optional = facts["OPTIONAL_THING"]
    assert not optional.required and not optional.has_default and optional.default is None
    assert facts["PAGE_SIZE"].default == "20" and facts["PAGE_SIZE"].reader == "os.getenv"
    assert facts["HTTP_TIMEOUT"].default == "2.5" and not facts["HTTP_TIMEOUT"].required
    assert facts["APP_HOME"].required  # ``from os import environ``


def test_reads_merge_into_one_fact_with_every_location(tmp_path: Path) -> None:
    region = facts_by_name(tmp_path)["AWS_REGION"]
    # the settings' read comes first, and with it the default the project runs with
    assert region.default == "eu-west-1" and not region.required
    assert region.locations == (
        SourceLocation("project/settings.py", 10),
        SourceLocation("billing/tasks.py", 7),
    )


def test_django_environ(tmp_path: Path) -> None:
    facts = facts_by_name(tmp_path)
    debug = facts["DEBUG"]
    assert (debug.reader, debug.cast, debug.default, debug.required) == ("environ", "bool", "False", False)
    assert facts["WORKERS"].default == "4" and facts["WORKERS"].cast == "int"
    assert facts["UNUSED_FLAG"].default == "True"  # declared in the scheme only
    assert facts["SENTRY_DSN"].default == "https://********@sentry.io/42"
    assert facts["SENTRY_DSN"].secret
    assert facts["ALLOWED_HOSTS"].default == '["localhost", "127.0.0.1"]'
    assert facts["ALLOWED_HOSTS"].cast == "list"
    assert facts["FEATURE_FLAG"].default == "False" and facts["FEATURE_FLAG"].cast == "bool"
    assert facts["RATIO"].cast == "float" and facts["RATIO"].default == "0.5"
    assert facts["DATABASE_URL"].required and facts["DATABASE_URL"].cast == "db"
    assert facts["REDIS_CACHE_URL"].default == "redis://localhost:6379/1"
    assert facts["TASK_QUEUE"].default == "default"  # env imported from the settings


def test_python_decouple(tmp_path: Path) -> None:
    facts = facts_by_name(tmp_path)
    origins = facts["CORS_ORIGINS"]
    assert (origins.reader, origins.cast, origins.default, origins.required) == ("decouple", "Csv", "", False)
    assert facts["STRIPE_SECRET_KEY"].required and facts["STRIPE_SECRET_KEY"].secret
    assert facts["USE_S3"].default == "False" and facts["USE_S3"].cast == "bool"
    broker = facts["BROKER_URL"]
    assert broker.default == "amqp://guest:********@localhost//" and broker.secret


def test_only_the_projects_own_reads(tmp_path: Path) -> None:
    facts = facts_by_name(tmp_path)
    assert "VENV_ONLY" not in facts and "MIGRATION_ONLY" not in facts
    assert all(name.isupper() for name in facts)  # nothing from ``os.environ.get(name)``
