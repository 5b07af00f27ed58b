"""A real project whose ``remind`` command has a boolean option of both forms:
``--notify`` is argparse's ``BooleanOptionalAction`` (``--notify`` and ``--no-notify``),
``--urgent`` a plain ``store_true`` (no ``--no-urgent``)."""

from __future__ import annotations

from pathlib import Path

from featuredocs.introspect.static import collect_static
from featuredocs.model import ProjectFacts
from tests.support.django_project import DjangoProject, collect_facts, make_project

REMIND = '''\
import argparse

from django.core.management.base import BaseCommand


class Command(BaseCommand):
    help = "Remind customers of unpaid orders."

    def add_arguments(self, parser):
        parser.add_argument("--notify", action=argparse.BooleanOptionalAction, default=True,
                            help="Email the customer")
        parser.add_argument("--urgent", action="store_true", help="Mark the reminder urgent")
        parser.add_argument("--days", type=int, default=3, help="Age in days")

    def handle(self, *args, **options):
        pass
'''

#: Where ``remind``'s class is, as hints name it.
WHERE = "orders/management/commands/remind.py:6"
# The harness's default PostgreSQL backend needs a driver to even set up; never connected.
SQLITE = 'DATABASES = {"default": {"ENGINE": "django.db.backends.sqlite3", "NAME": ":memory:"}}'
MODES = ("live", "static")


def make_reminders(root: Path) -> DjangoProject:
    return make_project(root, settings=SQLITE, apps={"orders": {"management/commands/remind.py": REMIND}})


def reminders_facts(root: Path, mode: str) -> ProjectFacts:
    """The facts of the project at ``root``, read ``live`` or ``static``."""
    return collect_static(root) if mode == "static" else collect_facts(root, "project.settings")
