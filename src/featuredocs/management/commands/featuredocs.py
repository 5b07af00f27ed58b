"""``python manage.py featuredocs …``: the same subcommands as the console script."""

from __future__ import annotations

import argparse
import gc
import sys
from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from featuredocs.collector import collector_paused
from featuredocs.commands import add_subcommands
from featuredocs.errors import UsageError


class Command(BaseCommand):
    help = "Check Django feature documentation against the code it describes."
    requires_system_checks: list[str] = []

    def run_from_argv(self, argv: list[str]) -> None:
        """From ``manage.py`` (not ``call_command``), whose process ends with the command:
        what the command built is frozen, as the console script does (see ``cli.run``),
        so that neither the collector's next pass nor its pass at exit walks it. A
        long-lived process calling the command keeps its collector as it was."""
        with collector_paused():
            try:
                super().run_from_argv(argv)
            finally:
                gc.freeze()

    def add_arguments(self, parser: argparse.ArgumentParser) -> None:
        add_subcommands(parser, door=_django_options)

    def handle(self, *args: Any, **options: Any) -> None:
        namespace = argparse.Namespace(**options)
        if getattr(namespace, "settings", None) is None and hasattr(namespace, "mode"):
            namespace.settings = settings.SETTINGS_MODULE
        try:
            code = namespace.handler(namespace)
        except UsageError as error:
            raise CommandError(str(error), returncode=2) from None
        if code:
            sys.exit(code)


def _django_options(parser: argparse.ArgumentParser) -> None:
    """Django applies ``--pythonpath`` wherever it is on the command line, before the
    command runs (``manage.py featuredocs check --pythonpath apps``): a subcommand's parser
    must know it too."""
    parser.add_argument("--pythonpath", help="a folder to import the project from first (Django's option)")
