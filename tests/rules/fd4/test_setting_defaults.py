"""An option whose default is read from a setting that an environment variable may set:
the facts give the default the code gives (the variable unset), in both modes, so FD403
holds a page to the code and not to the shell that ran the check."""

from __future__ import annotations

import pytest

from featuredocs.introspect.static import collect_static
from featuredocs.model import Applicability, ProjectFacts
from featuredocs.rules.fd4_commands.fd403_stale_option_default import StaleOptionDefault
from tests.conftest import ParsePage
from tests.support.django_project import DjangoProject, make_project
from tests.support.rules import run_rule

SETTINGS = """
import os

RETENTION = {"inactive_after_days": int(os.getenv("SHOP_INACTIVE_DAYS", "365")), "batch": 100}
"""

COMMAND = """
from django.conf import settings
from django.core.management.base import BaseCommand


class Command(BaseCommand):
    help = "Prune inactive members."

    def add_arguments(self, parser):
        parser.add_argument("--inactive-days", type=int, default=settings.RETENTION["inactive_after_days"])
        parser.add_argument("--format", default=getattr(settings, "PRUNE_FORMAT", "csv"))
        parser.add_argument("--limit", type=int, default=50)

    def handle(self, *args, **options):
        pass
"""

PAGE = """\
# Members

## Management Commands

### prune_members

**Options:**
- `--inactive-days`: Prune members idle this many days (default: {days})
- `--format`: Report format (default: `csv`)
- `--limit`: At most this many (default: 50)
"""


@pytest.fixture(scope="module")
def project(tmp_path_factory: pytest.TempPathFactory) -> DjangoProject:
    return make_project(
        tmp_path_factory.mktemp("setting_defaults"),
        {"members": {"management/commands/prune_members.py": COMMAND}},
        settings=SETTINGS,
    )


@pytest.fixture(scope="module", params=["live", "static"])
def facts(request: pytest.FixtureRequest, project: DjangoProject) -> ProjectFacts:
    with pytest.MonkeyPatch.context() as env:
        env.setenv("SHOP_INACTIVE_DAYS", "30")  # as a CI job might, to prune faster
        return project.facts() if request.param == "live" else collect_static(project.root)


def test_the_facts_give_the_default_the_settings_module_writes(facts: ProjectFacts) -> None:
    (command,) = [c for c in facts.commands if c.name == "prune_members"]
    options = {option.dest: option for option in command.options}
    assert (options["inactive_days"].default, options["inactive_days"].default_from) == (
        "365", 'settings.RETENTION["inactive_after_days"]',
    )
    assert (options["format"].default, options["format"].default_from) == (
        "'csv'", 'getattr(settings, "PRUNE_FORMAT", "csv")',
    )
    assert (options["limit"].default, options["limit"].default_from) == ("50", None)


def test_fd403_holds_the_page_to_the_code_not_to_the_environment(parse: ParsePage, facts: ProjectFacts) -> None:
    assert run_rule(StaleOptionDefault, parse(PAGE.format(days=365), dedent=False), facts) == []
    (finding,) = run_rule(StaleOptionDefault, parse(PAGE.format(days=30), dedent=False), facts)
    assert finding.message == "`--inactive-days` is documented to default to `30`, but defaults to `365`"
    assert finding.hint == (
        'the default is read from `settings.RETENTION["inactive_after_days"]`, '
        "365 where no environment variable overrides it"
    )
    assert finding.fix.applicability is Applicability.SAFE
    assert [edit.replacement for edit in finding.fix.edits] == ["365"]
