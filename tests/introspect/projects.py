"""Test projects for introspection whose database backend records any connection attempt.

Django imports the configured backend while it builds model classes, so a PostgreSQL
setting cannot even set up without a driver. These projects use a small SQLite-based
backend whose ``connect`` writes a marker file next to itself and then fails: a test that
finds no marker proves introspection never connected.
"""

from __future__ import annotations

from pathlib import Path

from tests.support.django_project import DjangoProject, make_project

RECORDING_BACKEND = '''
from pathlib import Path

from django.db.backends.sqlite3.base import DatabaseWrapper as SQLiteWrapper

MARKER = Path(__file__).with_name("CONNECTED")


class DatabaseWrapper(SQLiteWrapper):
    def connect(self):
        MARKER.write_text("a connection was attempted")
        raise RuntimeError("introspection must not connect to the database")
'''

RECORDING_DATABASES = """
DATABASES = {
    "default": {
        "ENGINE": "recording_backend",
        "NAME": "/nonexistent/folder/db.sqlite3",
    }
}
"""


def make_live_project(
    root: Path,
    apps: dict[str, dict[str, str]] | None = None,
    *,
    settings: str = "",
    installed: tuple[str, ...] = (),
    urls: str | None = None,
) -> DjangoProject:
    """A project like ``make_project``'s whose database must never be connected to."""
    project = make_project(
        root, apps, settings=RECORDING_DATABASES + settings, installed=installed, urls=urls
    )
    project.write("recording_backend/__init__.py", "")
    project.write("recording_backend/base.py", RECORDING_BACKEND)
    return project


def connection_attempted(project: DjangoProject) -> bool:
    return (project.root / "recording_backend" / "CONNECTED").exists()
