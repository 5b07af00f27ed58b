"""The tricky project's management commands, in the ``tools`` app: a shared base
command, subcommands, a label command and boolean options that take a ``--no-`` form."""

TOOLS_BASE = '''
from django.core.management.base import BaseCommand


DEFAULT_LIMIT = 50


class ToolCommand(BaseCommand):
    requires_system_checks = []

    def add_arguments(self, parser):
        parser.add_argument("--limit", type=int, default=DEFAULT_LIMIT,
                            help="at most %(default)s rows")
        self.add_output_options(parser)

    def add_output_options(self, parser):
        group = parser.add_mutually_exclusive_group()
        group.add_argument("--json", action="store_true")
        group.add_argument("--csv", action="store_true")
'''

TOOLS_EXPORT = '''
from library.models import Book
from tools.base import ToolCommand


class Command(ToolCommand):
    help = "Export the library."

    def add_arguments(self, parser):
        super().add_arguments(parser)
        parser.add_argument("path", help="where to write")
        parser.add_argument("--format", choices=("csv", "json"), default="csv")
        parser.add_argument("--only", choices=[kind.value for kind in Book.Format])
        parser.add_argument("--skip", choices=Book.Format.values)
        parser.add_argument("--no-header", action="store_false", dest="header")
        parser.add_argument("--since", required=True, metavar="DATE")
        parser.add_argument("--tag", action="append", dest="tags")
        parser.add_argument("-q", "--quiet", action="count", default=0)
        parser.add_argument("ids", nargs="*", type=int)
        parser.set_defaults(limit=25)

    def handle(self, *args, **options):
        raise AssertionError("never run")
'''

TOOLS_CACHE = '''
from django.core.management.base import BaseCommand


class Command(BaseCommand):
    help = "Manage the book cache."

    def add_arguments(self, parser):
        sub = parser.add_subparsers(dest="action", required=True)
        warm = sub.add_parser("warm")
        warm.add_argument("--days", type=int, default=7)
        clear = sub.add_parser("clear")
        which = clear.add_mutually_exclusive_group(required=True)
        which.add_argument("--all", action="store_true")
        which.add_argument("--expired", action="store_true")

    def handle(self, *args, **options):
        raise AssertionError("never run")
'''

TOOLS_LABELS = '''
from django.core.management.base import LabelCommand


class Command(LabelCommand):
    label = "isbn"
    help = "Look books up by ISBN."

    def handle_label(self, label, **options):
        raise AssertionError("never run")
'''

TOOLS_REMIND = '''
import argparse
from argparse import BooleanOptionalAction

from django.core.management.base import BaseCommand


class Command(BaseCommand):
    help = "Remind borrowers of overdue books."

    def add_arguments(self, parser):
        parser.add_argument("--notify", action=argparse.BooleanOptionalAction, default=True,
                            help="Email the borrower")
        parser.add_argument("-a", "--archive", "--keep-copy", action=BooleanOptionalAction,
                            help="Keep a copy of each reminder")
        parser.add_argument("--urgent", action="store_true")

    def handle(self, *args, **options):
        raise AssertionError("never run")
'''
