"""Options written the untidy ways real pages write them, against a real project's parsers.

One project for the whole module: the commands' real argparse parsers, introspected in a
child process, decide which options exist and what their defaults are.
"""

from __future__ import annotations

import pytest

from featuredocs.model import ProjectFacts, Span
from featuredocs.rules.fd4_commands.fd403_stale_option_default import StaleOptionDefault
from tests.support.django_project import make_project
from tests.support.rules import run_rule

SEND_REMINDERS = '''\
from django.core.management.base import BaseCommand


class Command(BaseCommand):
    help = "Remind customers of unpaid orders."

    def add_arguments(self, parser):
        parser.add_argument("--channel", choices=["email", "sms"], default="email")
        parser.add_argument("--hours", type=int, default=24,
                            help="Remind about orders pending for this many hours.")
        parser.add_argument("--limit", type=int, default=100, help="Most reminders per run.")
        parser.add_argument("--dry-run", action="store_true")

    def handle(self, *args, **options):
        pass
'''

# The harness's default PostgreSQL backend needs a driver to even set up; never connected.
SQLITE = 'DATABASES = {"default": {"ENGINE": "django.db.backends.sqlite3", "NAME": ":memory:"}}'


@pytest.fixture(scope="module")
def facts(tmp_path_factory: pytest.TempPathFactory) -> ProjectFacts:
    project = make_project(
        tmp_path_factory.mktemp("shop"),
        settings=SQLITE,
        apps={"customers": {"management/commands/send_reminders.py": SEND_REMINDERS}},
    )
    return project.facts()


REMINDERS = """\
# Reminders

## Management Commands

### send_reminders

**Options:**
- `--channel`: where to send [default: "email"]
- `--hours`: age in hours [default: 24; x>=1]
- `--limit`: most reminders per run [default: 100]
- `--dry-run`: preview [default: False]
"""


def test_fd403_reads_a_bracketed_default(parse, facts):
    page = parse(REMINDERS.replace("[default: 100]", "[default: 50]"))
    (finding,) = run_rule(StaleOptionDefault, page, facts)
    assert (finding.span, finding.message) == (
        Span(10, 47, 10, 49),
        "`--limit` is documented to default to `50`, but defaults to `100`",
    )
    assert [edit.replacement for edit in finding.fix.edits] == ["100"]


def test_fd403_silent_on_bracketed_defaults_that_agree(parse, facts):
    assert run_rule(StaleOptionDefault, parse(REMINDERS), facts) == []
