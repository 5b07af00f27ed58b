"""What runs after a check (coverage, index, sync, new, facts, ``check --diff``) takes the project's
facts from the cache the check keeps, and reads the project itself with ``--no-cache``."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from featuredocs.cache import DEFAULT_DIR
from tests.cli.support import SCRIPT, Run, featuredocs
from tests.generate.shop import copy_shop
from tests.support.django_project import make_project

COMMANDS = [
    ("coverage", "--format", "json"), ("index", "--check"), ("sync", "--check"), ("check", "--diff"),
    ("new", "refunds", "--app", "orders", "--stdout"), ("facts",),
]


@pytest.fixture(scope="module")
def shadow(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A folder on the PYTHONPATH of every run (which the facts are keyed by), empty at first."""
    return tmp_path_factory.mktemp("no-django")


@pytest.fixture(scope="module")
def checked(tmp_path_factory: pytest.TempPathFactory, shadow: Path) -> Path:
    shop = copy_shop(tmp_path_factory.mktemp("shared-facts"))
    assert featuredocs("check", cwd=shop, env={"PYTHONPATH": str(shadow)}).code in (0, 1)
    return shop


@pytest.fixture(scope="module")
def no_django(checked: Path, shadow: Path) -> dict[str, str]:
    """The check's environment, once its Django cannot be imported: only facts already kept
    work there."""
    (shadow / "django").mkdir(exist_ok=True)
    (shadow / "django" / "__init__.py").write_text("raise ImportError('not this time')\n", encoding="utf-8")
    return {"PYTHONPATH": str(shadow)}


def _same(run: Run, expected: Run) -> None:
    assert (run.code, run.out, run.err) == (expected.code, expected.out, expected.err)


@pytest.mark.parametrize("command", COMMANDS, ids=[c[0] for c in COMMANDS])
def test_after_a_check_the_facts_come_from_its_cache(checked: Path, no_django: dict[str, str], command: tuple[str, ...]) -> None:
    expected = featuredocs(*command, "--no-cache", cwd=checked)
    assert "not this time" not in expected.err
    _same(featuredocs(*command, cwd=checked, env=no_django), expected)


def test_python_dash_m_shares_the_console_scripts_cache(checked: Path, no_django: dict[str, str]) -> None:
    """``python3 -m featuredocs`` (a Makefile, tox) and the console script (a pre-commit hook)
    name one interpreter differently: the shebang's ``bin/python`` against ``bin/python3``
    on the PATH, or a path with ``..`` in it. They read the same project with it."""
    python = os.path.relpath(SCRIPT.with_name("python3"), checked)
    run = featuredocs("check", cwd=checked, env=no_django, program=(python, "-m", "featuredocs"))
    assert "not this time" not in run.err
    _same(run, featuredocs("check", cwd=checked, env=no_django))


@pytest.mark.parametrize("command", COMMANDS, ids=[c[0] for c in COMMANDS])
def test_no_cache_reads_the_project_itself(checked: Path, no_django: dict[str, str], command: tuple[str, ...]) -> None:
    run = featuredocs(*command, "--no-cache", cwd=checked, env=no_django)
    assert "not this time" in run.err


@pytest.mark.parametrize(
    "command", [("index", "--check"), ("index", "--diff"), ("sync", "--check"), ("sync", "--diff"), ("check", "--diff")],
    ids=lambda command: " ".join(command),
)
def test_a_run_that_writes_nothing_keeps_no_facts_either(tmp_path: Path, command: tuple[str, ...]) -> None:
    shop = copy_shop(tmp_path)
    featuredocs(*command, cwd=shop)
    assert not (shop / DEFAULT_DIR).exists()


INPUT_SETTINGS = """\
import json
from pathlib import Path
PREFIX = "BILLING"
if os.environ.get(f"{PREFIX}_REMINDERS"):
    BILLING_REMINDER_HOURS = 24
LIMITS = json.loads((Path(__file__).parent / "limits.json").read_text())
"""


def test_facts_names_what_they_were_read_from_besides_the_code(tmp_path: Path) -> None:
    """The files and variables the settings read (one under a name built at run time),
    alike whether the facts were just read or come from the cache."""
    make_project(tmp_path, apps={"billing": {}}, settings=INPUT_SETTINGS)
    (tmp_path / "project" / "limits.json").write_text('{"rows": 10}\n', encoding="utf-8")
    runs = [featuredocs("facts", *flags, cwd=tmp_path) for flags in (("--no-cache",), (), ())]
    assert [run.code for run in runs] == [0, 0, 0], runs[0].err
    shown = [json.loads(run.out) for run in runs]
    assert shown[0]["input_files"] == ["project/limits.json"]
    assert "BILLING_REMINDERS" in shown[0]["input_env"]
    assert shown[0]["input_path"] == []
    assert shown[0] == shown[1] == shown[2]
