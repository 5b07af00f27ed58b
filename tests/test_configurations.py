"""Projects on django-configurations: their settings module imports only once the importer
their ``manage.py`` installs is in place, with the class DJANGO_CONFIGURATION names."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from featuredocs.cache.keys import tool_identity
from featuredocs.cache.store import DEFAULT_DIR, Store
from tests.cli.support import featuredocs
from tests.support.django_project import settled

MANAGE_PY = """\
import os
import sys

if __name__ == "__main__":
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "project.settings")
    os.environ.setdefault("DJANGO_CONFIGURATION", "Dev")
    from configurations.management import execute_from_command_line

    execute_from_command_line(sys.argv)
"""

SETTINGS = """\
from configurations import Configuration


class Dev(Configuration):
    SECRET_KEY = "test-only-not-secret"
    INSTALLED_APPS = ["django.contrib.auth", "django.contrib.contenttypes", "featuredocs", "billing"]
    DATABASES = {"default": {"ENGINE": "django.db.backends.sqlite3", "NAME": "/nonexistent/never.sqlite3"}}
    ROOT_URLCONF = "project.urls"


class Prod(Dev):
    BILLING_REMINDER_HOURS = 24
"""

PAGE = """\
# Reminders

> **Reminders** - Sends payment reminders.

Run `python manage.py send_reminderz` every morning.

```python
# settings.py
BILLING_REMINDER_HOURS = 24
```
"""


@pytest.fixture
def project(tmp_path: Path) -> Path:
    files = {
        "manage.py": MANAGE_PY,
        "project/__init__.py": "",
        "project/settings.py": SETTINGS,
        "project/urls.py": "urlpatterns = []\n",
        "billing/__init__.py": "",
        "billing/models.py": "",
        "billing/management/__init__.py": "",
        "billing/management/commands/__init__.py": "",
        "billing/management/commands/send_reminders.py":
            "from django.core.management.base import BaseCommand\n\nclass Command(BaseCommand):\n    pass\n",
        "docs/features/reminders.md": PAGE,
        "pyproject.toml": '[tool.featuredocs]\nmode = "live"\nselect = ["FD604", "FD807"]\n',
    }
    for rel, text in files.items():
        (tmp_path / rel).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / rel).write_text(text, encoding="utf-8")
    settled(tmp_path)
    return tmp_path


def found(stdout: str) -> list[tuple[str, str | None]]:
    return [(f["code"], f.get("hint")) for f in json.loads(stdout)["findings"]]


FD807 = ("FD807", "did you mean `send_reminders`? (billing/management/commands/send_reminders.py:3)")
FD604 = ("FD604", None)


def test_the_console_script_reads_the_class_manage_py_names_or_the_one_set(project: Path) -> None:
    """``Dev`` from manage.py lacks the setting the page shows, ``Prod`` has it; the
    variable keys the cached facts, so switching it reads them again."""
    for configuration, expected in ((None, [FD807, FD604]), ("Prod", [FD807]), (None, [FD807, FD604])):
        env = {"DJANGO_CONFIGURATION": configuration} if configuration else {}
        run = featuredocs("check", "--format", "json", cwd=project, env=env)
        assert run.code == 1, run.err
        assert found(run.out) == expected


def test_the_django_door_reads_the_facts_in_a_fresh_interpreter_and_keeps_them(project: Path) -> None:
    env = {k: v for k, v in os.environ.items() if k not in ("DJANGO_SETTINGS_MODULE", "DJANGO_CONFIGURATION")}
    runs = [
        subprocess.run([sys.executable, "manage.py", "featuredocs", "check", *flags, "--format", "json"],
                       cwd=project, capture_output=True, text=True, env=env, timeout=120)
        for flags in ((), (), ("--no-cache",))
    ]
    assert [found(run.stdout) for run in runs] == [[FD807, FD604]] * 3, runs[0].stderr
    store = Store(project / DEFAULT_DIR, tool_identity())
    [meta] = (project / DEFAULT_DIR).glob("facts-*.meta")
    assert store.read(meta.name)[0].heard  # not read in the running process, which is never looked up
