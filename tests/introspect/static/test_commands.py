"""Command options read from ``add_arguments`` source, derived as argparse derives them."""

from __future__ import annotations

from pathlib import Path

import pytest

from featuredocs.introspect.static import collect_static
from featuredocs.model import CommandFact, OptionFact, ProjectFacts
from tests.introspect.static.trees import project_tree

SYNC = '''
from django.core.management.base import BaseCommand

CHANNELS = ("email", "sms")


class Command(BaseCommand):
    help = "Sync the " "catalogue."
    requires_system_checks = []

    def add_arguments(self, parser):
        parser.add_argument("source")
        parser.add_argument("--channel", "-c", choices=CHANNELS, default=CHANNELS[0],
                            help="send on %(choices)s (default: %(default)s)")
        parser.add_argument("--max-items", type=int)
        parser.add_argument("--verbose-log", action="store_const", const=2)
        parser.add_argument("--keep", action="store_false")
        parser.add_argument("--only", nargs="+", dest="only_ids", metavar=("ID",))
'''

DYNAMIC = '''
from django.core.management.base import BaseCommand

from shop.runner import add_runner_options


class Command(BaseCommand):
    def add_arguments(self, parser):
        parser.add_argument("--fast", action="store_true")
        add_runner_options(parser)
'''

LOOPED = '''
from django.core.management.base import BaseCommand


class Command(BaseCommand):
    def add_arguments(self, parser):
        for name in ("a", "b"):
            parser.add_argument(f"--{name}")
'''


@pytest.fixture(scope="module")
def facts(tmp_path_factory: pytest.TempPathFactory) -> ProjectFacts:
    root = project_tree(tmp_path_factory.mktemp("commands"), {
        "shop/management/__init__.py": "",
        "shop/management/commands/__init__.py": "",
        "shop/management/commands/sync.py": SYNC,
        "shop/management/commands/dynamic.py": DYNAMIC,
        "shop/management/commands/looped.py": LOOPED,
        "shop/management/commands/_private.py": "",
        "shop/runner.py": "def add_runner_options(parser):\n    parser.add_argument('--parallel')\n",
    }, ("shop",))
    return collect_static(root)


def _command(facts: ProjectFacts, name: str) -> CommandFact:
    command = facts.command(name)
    assert command is not None, name
    return command


def _own(command: CommandFact) -> list[OptionFact]:
    return [o for o in command.options if not o.base]


def test_options_as_argparse_derives_them(facts: ProjectFacts) -> None:
    sync = _command(facts, "sync")
    assert (sync.help, sync.project, sync.app) == ("Sync the catalogue.", True, "shop")
    assert _own(sync) == [
        OptionFact("source", required=True),
        OptionFact("channel", ("--channel", "-c"), default="'email'", choices=("email", "sms"),
                   help="send on email, sms (default: email)"),
        OptionFact("max_items", ("--max-items",), type="int"),
        OptionFact("verbose_log", ("--verbose-log",), "store_const", nargs="0"),
        OptionFact("keep", ("--keep",), "store_false", default="True", nargs="0"),
        OptionFact("only_ids", ("--only",), nargs="+", metavar="ID"),
    ]


def test_base_options_and_no_skip_checks_without_system_checks(facts: ProjectFacts) -> None:
    base = {o.flags for o in _command(facts, "sync").options if o.base}
    assert ("-v", "--verbosity") in base and ("--settings",) in base
    assert ("--skip-checks",) not in base  # requires_system_checks = []
    assert ("--skip-checks",) in {o.flags for o in _command(facts, "dynamic").options if o.base}


def test_options_added_out_of_sight_leave_the_options_incomplete(facts: ProjectFacts) -> None:
    dynamic = _command(facts, "dynamic")
    assert [o.flags for o in _own(dynamic)] == [("--fast",)]
    assert not dynamic.options_complete
    looped = _command(facts, "looped")
    assert not looped.options_complete
    assert _command(facts, "sync").options_complete


def test_private_modules_are_not_commands_and_djangos_are(facts: ProjectFacts) -> None:
    assert facts.command("_private") is None
    migrate = _command(facts, "migrate")
    assert (migrate.app, migrate.project) == ("django.core", False)
    assert migrate.option("--fake") is not None
    assert _command(facts, "createsuperuser").app == "django.contrib.auth"


def test_an_app_that_is_not_installed_here_hides_other_commands(tmp_path: Path) -> None:
    root = project_tree(tmp_path, {"shop/management/commands/sync.py": SYNC}, ("shop",),
                        settings='INSTALLED_APPS += ["some_package_not_installed"]\n')
    facts = collect_static(root)
    assert [c.name for c in facts.commands] == ["sync"]  # migrate & co. would look complete
    assert any("some_package_not_installed" in w for w in facts.warnings)
