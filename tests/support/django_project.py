"""Build small, real Django projects in a temporary folder and read their facts.

Facts are collected in a child process (``python -m featuredocs.introspect``) because
``django.setup()`` configures a process once and for all: every test project gets a
fresh interpreter, exactly as a user's ``featuredocs check`` run does.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap
import time
from dataclasses import dataclass
from pathlib import Path

from featuredocs.model import ProjectFacts

SETTINGS_TEMPLATE = """\
import os
SECRET_KEY = "test-only-not-secret"
DEBUG = True
ROOT_URLCONF = "project.urls"
INSTALLED_APPS = [
    "django.contrib.auth",
    "django.contrib.contenttypes",
{apps}
]
# SQLite in a folder that does not exist: any connection attempt would fail loudly.
# (A PostgreSQL ENGINE cannot be used here: Django imports the backend, and so its
# driver, while it builds model classes.)
DATABASES = {{
    "default": {{
        "ENGINE": "django.db.backends.sqlite3",
        "NAME": "/nonexistent/featuredocs/never-connected.sqlite3",
    }}
}}
USE_TZ = True
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"
{extra}
"""


@dataclass
class DjangoProject:
    root: Path
    settings_module: str = "project.settings"

    def write(self, relpath: str, text: str) -> Path:
        path = self.root / relpath
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(textwrap.dedent(text).lstrip("\n"), encoding="utf-8")
        return path

    def facts(self) -> ProjectFacts:
        return collect_facts(self.root, self.settings_module)


def make_project(
    root: Path,
    apps: dict[str, dict[str, str]] | None = None,
    *,
    settings: str = "",
    urls: str | None = None,
    installed: tuple[str, ...] = (),
) -> DjangoProject:
    """Write ``manage.py``, ``project/settings.py``, ``project/urls.py`` and the apps.

    ``apps`` maps an app package name to ``{relative file: source}``; ``models.py`` and
    ``__init__.py`` are created empty when not given. ``installed`` adds third-party apps
    (``"rest_framework"``) before the project's own.
    """
    project = DjangoProject(root)
    apps = apps or {}
    app_lines = "\n".join(f"    {name!r}," for name in (*installed, *apps))
    project.write("manage.py", MANAGE_PY)
    project.write("project/__init__.py", "")
    project.write(
        "project/settings.py",
        SETTINGS_TEMPLATE.format(apps=app_lines, extra=textwrap.dedent(settings)),
    )
    project.write("project/urls.py", urls if urls is not None else "urlpatterns = []\n")
    for app, files in apps.items():
        base = app.replace(".", "/")
        project.write(f"{base}/__init__.py", files.get("__init__.py", ""))
        project.write(f"{base}/models.py", files.get("models.py", ""))
        for relpath, source in files.items():
            project.write(f"{base}/{relpath}", source)
            for parent in Path(relpath).parents:
                if str(parent) != ".":
                    init = root / base / parent / "__init__.py"
                    if not init.exists():
                        init.write_text("", encoding="utf-8")
    return project


MANAGE_PY = """\
#!/usr/bin/env python
import os
import sys

if __name__ == "__main__":
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "project.settings")
    from django.core.management import execute_from_command_line

    execute_from_command_line(sys.argv)
"""


def collect_facts(root: Path, settings_module: str) -> ProjectFacts:
    """Run live introspection of the project at ``root`` in a fresh interpreter."""
    env = {k: v for k, v in os.environ.items() if k != "DJANGO_SETTINGS_MODULE"}
    result = subprocess.run(
        [sys.executable, "-m", "featuredocs.introspect", "--root", str(root),
         "--settings", settings_module],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
    )
    if result.returncode != 0:
        raise AssertionError(f"introspection failed ({result.returncode}):\n{result.stderr}")
    return ProjectFacts.from_json(json.loads(result.stdout)["facts"])


def settled(root: Path) -> None:
    """Date every file under ``root`` an hour back, as a project's files are when a check
    runs: a file modified within seconds of being stamped is hashed again by the next run,
    which then keeps its real time (see ``featuredocs.cache.stamps.RACY_NS``)."""
    hour_ago = time.time_ns() - 3600 * 1_000_000_000
    for path in root.rglob("*"):
        if path.is_file():
            os.utime(path, ns=(hour_ago, hour_ago))
