"""Management commands with every argparse action of their real parsers."""

from __future__ import annotations

import pytest

from featuredocs.model import CommandFact, OptionFact, ProjectFacts, SourceLocation
from tests.introspect.projects import connection_attempted, make_live_project

EXPORT = '''
from django.core.management.base import BaseCommand


class Command(BaseCommand):
    help = "Export orders to a file."

    def add_arguments(self, parser):
        parser.add_argument("path", help="where to write")
        parser.add_argument("--format", choices=["csv", "json"], default="csv")
        parser.add_argument("--limit", type=int, default=100, help="at most %(default)s rows")
        parser.add_argument("--dry-run", action="store_true", dest="dry")
        parser.add_argument("--no-header", action="store_false", dest="header")
        parser.add_argument("--since", required=True, metavar="DATE")
        parser.add_argument("--tag", action="append", dest="tags")
        parser.add_argument("-q", "--quiet", action="count", default=0)
        parser.add_argument("ids", nargs="*", type=int)

    def handle(self, *args, **options):
        raise AssertionError("introspection must never run a command")
'''

CACHE_TOOL = '''
from django.core.management.base import BaseCommand


class Command(BaseCommand):
    help = "Manage the order cache."

    def add_arguments(self, parser):
        sub = parser.add_subparsers(dest="action", required=True)
        warm = sub.add_parser("warm")
        warm.add_argument("--days", type=int, default=7)
        clear = sub.add_parser("clear")
        clear.add_argument("--all", action="store_true")

    def handle(self, *args, **options):
        raise AssertionError("introspection must never run a command")
'''

BROKEN = '''
raise ImportError("this command cannot be imported")
'''


@pytest.fixture(scope="module")
def facts(tmp_path_factory: pytest.TempPathFactory) -> ProjectFacts:
    project = make_live_project(tmp_path_factory.mktemp("commands"), {
        "orders": {
            "management/commands/export_orders.py": EXPORT,
            "management/commands/order_cache.py": CACHE_TOOL,
            "management/commands/broken.py": BROKEN,
        },
    })
    result = project.facts()
    assert not connection_attempted(project)
    return result


def command(facts: ProjectFacts, name: str) -> CommandFact:
    found = facts.command(name)
    assert found is not None, name
    return found


def flag(cmd: CommandFact, name: str) -> OptionFact:
    found = cmd.option(name)
    assert found is not None, f"{cmd.name} has no {name}"
    return found


def option(cmd: CommandFact, dest: str, subcommand: str | None = None) -> OptionFact:
    for candidate in cmd.options:
        if candidate.dest == dest and candidate.subcommand == subcommand:
            return candidate
    raise AssertionError(f"{dest} not in {[o.dest for o in cmd.options]}")


def test_project_command_with_location_and_help(facts: ProjectFacts) -> None:
    export = command(facts, "export_orders")
    assert export.project and export.app == "orders"
    assert export.help == "Export orders to a file."
    assert export.location == SourceLocation("orders/management/commands/export_orders.py", 4)
    assert not command(facts, "migrate").project and command(facts, "migrate").app == "django.core"
    assert command(facts, "changepassword").app == "django.contrib.auth"


def test_every_action_of_the_parser(facts: ProjectFacts) -> None:
    export = command(facts, "export_orders")
    path = option(export, "path")
    assert path.positional and path.required and path.help == "where to write"
    fmt = flag(export, "--format")
    assert fmt.choices == ("csv", "json") and fmt.default == "'csv'" and fmt.action == "store"
    limit = flag(export, "--limit")
    assert limit.type == "int" and limit.default == "100" and limit.takes_value
    assert limit.help == "at most 100 rows"  # as `--help` shows it
    dry = flag(export, "--dry-run")
    assert (dry.dest, dry.action, dry.default, dry.nargs) == ("dry", "store_true", "False", "0")
    assert not dry.takes_value
    header = flag(export, "--no-header")
    assert (header.action, header.default) == ("store_false", "True")
    since = flag(export, "--since")
    assert since.required and since.metavar == "DATE" and since.default is None
    assert flag(export, "--tag").action == "append"
    quiet = flag(export, "-q")
    assert quiet.flags == ("-q", "--quiet") and quiet.action == "count" and quiet.default == "0"
    ids = option(export, "ids")
    assert ids.positional and ids.nargs == "*" and ids.type == "int"


def test_base_options_are_computed_not_assumed(facts: ProjectFacts) -> None:
    export = command(facts, "export_orders")
    for name in ("--verbosity", "--settings", "--pythonpath", "--traceback", "--no-color",
                 "--force-color", "--skip-checks", "--version", "-h"):
        assert flag(export, name).base, name
    assert flag(export, "-h").action == "help"
    assert flag(export, "--version").action == "version"
    assert not flag(export, "--format").base and not option(export, "path").base


def test_sub_parsers_are_recursed(facts: ProjectFacts) -> None:
    tool = command(facts, "order_cache")
    action = option(tool, "action")
    assert action.action == "parsers" and action.choices == ("warm", "clear")
    days = option(tool, "days", subcommand="warm")
    assert days.flags == ("--days",) and days.default == "7" and days.type == "int"
    assert option(tool, "all", subcommand="clear").action == "store_true"
    assert option(tool, "help", subcommand="warm").action == "help"
    assert not any(o.base for o in tool.options if o.subcommand)


def test_flags_kept_when_dest_differs(facts: ProjectFacts) -> None:
    check = command(facts, "migrate").option("--check")
    assert check is not None and check.dest == "check_unapplied" and check.action == "store_true"


def test_a_command_that_cannot_load_is_a_warning(facts: ProjectFacts) -> None:
    assert facts.command("broken") is None
    assert any(w.startswith("command broken: cannot be loaded") for w in facts.warnings)
