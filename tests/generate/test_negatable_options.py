"""``featuredocs new`` and ``featuredocs index`` on a command with a boolean option of both
forms (argparse's ``BooleanOptionalAction``): they write it ``--[no-]notify``, and the
pages they write check clean, live and static."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.cli.support import featuredocs
from tests.rules.fd4.reminders import MODES, make_reminders


@pytest.fixture(scope="module")
def project(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("reminders-new")
    make_reminders(root)
    (root / "docs" / "features").mkdir(parents=True)
    for command in (("new", "reminders", "--app", "orders"), ("index",)):
        run = featuredocs(*command, cwd=root)
        assert run.code == 0, run.err
    return root


def test_the_page_names_the_option_in_the_notation_and_runs_its_other_form(project: Path) -> None:
    page = (project / "docs" / "features" / "reminders.md").read_text(encoding="utf-8")
    assert "python manage.py remind [--[no-]notify] [--urgent] [--days DAYS]\n" in page
    assert "python manage.py remind --no-notify\n" in page  # notifying is the default
    assert (
        "**Options:**\n"
        "- `--[no-]notify`: Email the customer\n"
        "- `--urgent`: Mark the reminder urgent\n"
        "- `--days`: Age in days (default: 3)\n"
    ) in page
    assert "--notify`" not in page and "--no-notify`" not in page


def test_the_commands_reference_names_the_option_in_the_notation(project: Path) -> None:
    reference = (project / "docs" / "commands.md").read_text(encoding="utf-8")
    assert "usage: manage.py remind [--[no-]notify] [--urgent] [--days DAYS]\n" in reference
    assert "| `--[no-]notify` |  | Email the customer |\n" in reference


@pytest.mark.parametrize("mode", MODES)
def test_what_they_write_checks_clean(project: Path, mode: str) -> None:
    run = featuredocs("check", "--select", "FD4", "--mode", mode, "--format", "json", cwd=project)
    assert run.code == 0, run.err
    assert json.loads(run.out)["findings"] == []


def test_coverage_counts_the_option_the_notation_names(project: Path) -> None:
    run = featuredocs("coverage", "--format", "json", cwd=project)
    assert run.code == 0, run.err
    options = json.loads(run.out)["totals"]["kinds"]["options"]
    assert (options["documented"], options["total"]) == (3, 3)
