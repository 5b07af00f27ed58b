"""The second door: ``"featuredocs"`` in INSTALLED_APPS gives the management command and
system checks, with the same subcommands and the same findings as the console script."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from featuredocs.cache.facts import FactsEntry
from featuredocs.cache.keys import tool_identity
from featuredocs.cache.store import DEFAULT_DIR, Store
from tests.cli.support import featuredocs
from tests.support.django_project import make_project, settled

PAGE = """\
# Reminders

> **Reminders** - Sends payment reminders.

Run `python manage.py send_reminderz` every morning.
"""


@pytest.fixture(scope="module")
def project(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("door")
    project = make_project(
        root,
        apps={
            "billing": {
                "management/commands/send_reminders.py": """
                    from django.core.management.base import BaseCommand

                    class Command(BaseCommand):
                        def add_arguments(self, parser):
                            parser.add_argument("--channel", choices=["email", "sms"], default="email")

                        def handle(self, *args, **options):
                            pass
                """,
            }
        },
        installed=("featuredocs",),
    )
    project.write("docs/features/reminders.md", PAGE)
    project.write("docs/README.md", "# Docs\n\n- [Reminders](features/reminders.md)\n")
    # Both doors read the same configuration; this page is not written in the template.
    project.write("pyproject.toml", '[tool.featuredocs]\nselect = ["FD105", "FD807"]\n')
    settled(root)  # the tests below compare the cache's bytes from run to run
    return root


def python(root: Path, *args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    """This Python in ``root``, with no settings module chosen beforehand."""
    env = {**{k: v for k, v in os.environ.items() if k != "DJANGO_SETTINGS_MODULE"}, **(env or {})}
    return subprocess.run([sys.executable, *args], cwd=root, capture_output=True, text=True, env=env, timeout=120)


def manage(root: Path, *args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    return python(root, "manage.py", *args, env=env)


def test_management_command_gives_the_console_scripts_findings(project: Path) -> None:
    door = manage(project, "featuredocs", "check", "--format", "json")
    script = featuredocs("check", "--format", "json", cwd=project)
    assert door.returncode == script.code == 1, door.stderr
    found = json.loads(door.stdout)["findings"]
    assert [(f["code"], f["line"]) for f in found] == [("FD807", 5)]
    assert found == json.loads(script.out)["findings"]


def test_both_doors_share_one_cache(project: Path) -> None:
    """manage.py names the settings module and sets DJANGO_SETTINGS_MODULE; the console
    script lets Django find it. No way in invalidates what another left in the cache."""
    folder = project / ".featuredocs_cache"
    shutil.rmtree(folder, ignore_errors=True)
    assert manage(project, "featuredocs", "check").returncode == 1
    left = {path: path.read_bytes() for path in folder.rglob("*") if path.is_file()}
    assert any(path.name.startswith("facts-") for path in left)
    assert featuredocs("check", cwd=project).code == 1
    assert {path: path.read_bytes() for path in folder.rglob("*") if path.is_file()} == left
    assert manage(project, "featuredocs", "check").returncode == 1
    assert {path: path.read_bytes() for path in folder.rglob("*") if path.is_file()} == left


def test_system_checks_check_from_the_same_cache(project: Path) -> None:
    """They run with every migrate, runserver reload and check: what they find is kept,
    and what the console script then asks is all there."""
    folder = project / ".featuredocs_cache"
    shutil.rmtree(folder, ignore_errors=True)
    checked = manage(project, "check", "--tag", "featuredocs")
    assert "featuredocs.W807" in checked.stderr
    left = {path: path.read_bytes() for path in folder.rglob("*") if path.is_file()}
    assert any(path.name.startswith("facts-") for path in left)
    assert featuredocs("check", cwd=project).code == 1
    assert {path: path.read_bytes() for path in folder.rglob("*") if path.is_file()} == left


FLAGGED_SETTINGS = """\
PREFIX = "BILLING"
if os.environ.get(f"{PREFIX}_REMINDERS"):
    BILLING_REMINDER_HOURS = 24
"""

FLAGGED_PAGE = """\
# Reminders

> **Reminders** - Sends payment reminders.

```python
# settings.py
BILLING_REMINDER_HOURS = 24
```
"""


def test_inside_django_facts_to_keep_are_read_hearing_what_the_settings_read(tmp_path: Path) -> None:
    """The running project imported its settings before featuredocs could hear them read
    a variable under a name built at run time. Facts read in it and kept would be reused
    when that variable changes: a fresh interpreter reads them, and both doors share them."""
    project = make_project(tmp_path, apps={"billing": {}}, settings=FLAGGED_SETTINGS, installed=("featuredocs",))
    project.write("docs/features/reminders.md", FLAGGED_PAGE)
    project.write("pyproject.toml", '[tool.featuredocs]\nselect = ["FD604"]\n')
    settled(tmp_path)
    off, on = {"BILLING_REMINDERS": ""}, {"BILLING_REMINDERS": "1"}

    def door_finds(env: dict[str, str]) -> bool:
        run = manage(tmp_path, "featuredocs", "check", "--format", "json", env=env)
        assert run.returncode in (0, 1), run.stderr
        return bool(json.loads(run.stdout)["findings"])

    def script_finds(env: dict[str, str]) -> bool:
        run = featuredocs("check", "--format", "json", cwd=tmp_path, env=env)
        assert run.code in (0, 1), run.err
        return bool(json.loads(run.out)["findings"])

    assert door_finds(off)
    assert not door_finds(on)
    assert not script_finds(on)
    assert script_finds(off)
    assert door_finds(off)
    assert not door_finds(on)
    assert script_finds(off)


#: What a manage.py may do before Django runs, that the settings do not: put the apps'
#: folder on sys.path (cookiecutter-django), or make a module importable by other means.
EXTENDS_PATH = "sys.path.insert(0, 'apps')\n"
ALIASES_A_MODULE = "import types\nsys.modules['vendored'] = types.ModuleType('vendored')\n"


def only_manage_py_imports(root: Path, mode: str, preamble: str = EXTENDS_PATH) -> None:
    """A project only its manage.py can import: the apps live in ``apps/``, which the
    settings do not put on sys.path, and the settings import ``vendored`` when
    ``preamble`` makes it importable."""
    make_project(root, apps={"billing": {
        "management/commands/send_reminders.py": "from django.core.management.base import BaseCommand\n\n"
                                                  "class Command(BaseCommand):\n    pass\n",
    }}, installed=("featuredocs",), settings="import vendored\n" if "vendored" in preamble else "")
    (root / "apps").mkdir()
    (root / "billing").rename(root / "apps" / "billing")
    manage_py = root / "manage.py"
    manage_py.write_text(manage_py.read_text().replace("import sys\n", f"import sys\n{EXTENDS_PATH}{preamble}"))
    (root / "docs" / "features").mkdir(parents=True)
    (root / "docs" / "features" / "reminders.md").write_text(PAGE)
    (root / "pyproject.toml").write_text(f'[tool.featuredocs]\nmode = "{mode}"\nselect = ["FD807"]\n')


def latest_facts_entry(root: Path) -> FactsEntry:
    store = Store(root / DEFAULT_DIR, tool_identity())
    [meta] = (root / DEFAULT_DIR).glob("facts-*.meta")
    return store.read(meta.name)[0]


@pytest.mark.parametrize("preamble", [EXTENDS_PATH, ALIASES_A_MODULE], ids=["path", "module"])
@pytest.mark.parametrize("mode", ["live", "auto"])
def test_inside_django_a_project_a_fresh_interpreter_cannot_import_is_read_as_it_runs(
    tmp_path: Path, mode: str, preamble: str,
) -> None:
    """The fresh interpreter imports from manage.py's sys.path; a project it still cannot
    import is read in the running process. In ``auto`` mode the console script falls back
    to static facts, which the running project does not take from the cache; nor does the
    console script take the facts read with manage.py's sys.path."""
    only_manage_py_imports(tmp_path, mode, preamble)
    script = featuredocs("check", cwd=tmp_path)
    if mode == "live":
        assert script.code == 2  # no such app, to a fresh interpreter
    else:
        assert "falling back to static mode" in script.err
    door = [manage(tmp_path, "featuredocs", "check", *no_cache, "--format", "json") for no_cache in ((), (), ("--no-cache",))]
    assert not any("falling back" in run.stderr for run in door), door[0].stderr
    found = [json.loads(run.stdout)["findings"] for run in door]
    assert [f["code"] for f in found[0]] == ["FD807"]
    assert found[0] == found[1] == found[2]
    latest = latest_facts_entry(tmp_path)
    assert latest.heard == (preamble == EXTENDS_PATH)
    assert latest.borrowed_path == ((str(tmp_path / "apps"),) if latest.heard else ())
    again = featuredocs("check", cwd=tmp_path)
    assert (again.code, again.err) == (script.code, script.err)


def test_static_facts_read_where_manage_py_extends_sys_path_are_kept_apart(tmp_path: Path) -> None:
    """Static mode names the project's modules from the folders on sys.path, so the door,
    whose manage.py adds ``apps/``, reads other facts than the console script: neither
    takes the other's from the cache."""
    only_manage_py_imports(tmp_path, "static")

    def door(*flags: str) -> list[str]:
        run = manage(tmp_path, "featuredocs", "check", *flags, "--format", "json")
        return [f["code"] for f in json.loads(run.stdout)["findings"]]

    def script(*flags: str) -> list[str]:
        run = featuredocs("check", *flags, "--format", "json", cwd=tmp_path)
        return [f["code"] for f in json.loads(run.out)["findings"]]

    alone = script("--no-cache")
    assert script() == alone
    assert door() == door() == door("--no-cache") == ["FD807"]
    assert script() == alone


def test_manage_py_pythonpath_is_lent_to_the_fresh_interpreter(tmp_path: Path) -> None:
    """``manage.py featuredocs --pythonpath apps``: the facts are read with it, heard and
    kept, and only a run given the same folder takes them. Django applies the option
    wherever it is; the subcommand accepts it too."""
    only_manage_py_imports(tmp_path, "live", preamble="")
    manage_py = tmp_path / "manage.py"
    manage_py.write_text(manage_py.read_text().replace(EXTENDS_PATH, ""))
    assert featuredocs("check", cwd=tmp_path).code == 2
    runs = [manage(tmp_path, "featuredocs", *args, "--format", "json")
            for args in (("--pythonpath", "apps", "check"), ("check", "--pythonpath", "apps"))]
    assert [[f["code"] for f in json.loads(run.stdout)["findings"]] for run in runs] == [["FD807"]] * 2, runs[0].stderr
    latest = latest_facts_entry(tmp_path)
    assert (latest.heard, latest.borrowed_path) == (True, (str(tmp_path / "apps"),))
    assert featuredocs("check", cwd=tmp_path).code == 2
    shown = manage(tmp_path, "featuredocs", "facts", "--pythonpath", "apps")
    assert json.loads(shown.stdout)["input_path"] == [str(tmp_path / "apps")], shown.stderr


FACTS_READ = """\
import json, os, sys
from pathlib import Path
{preamble}import django
os.environ["DJANGO_SETTINGS_MODULE"] = "project.settings"
django.setup()
import featuredocs.introspect as introspect
from featuredocs.cache import incremental_check
from featuredocs.config import load_config
started = []
fresh = introspect.collect_live_in_child
def counted(*args, **kwargs):
    started.append(args)
    return fresh(*args, **kwargs)
introspect.collect_live_in_child = counted
config = load_config(root=Path.cwd()).with_overrides(settings="project.settings")
settings = Path("project/settings.py")
counts, cached = [], []
for edit in (False, False, True, False):
    if edit:
        settings.write_text(settings.read_text() + "EDITED = True\\n")
    run = incremental_check(config)
    assert [f.code for f in run.result.findings] == ["FD807"]
    counts.append(len(started))
    cached.append(run.stats.facts_cached)
print(json.dumps([counts, cached]))
"""


@pytest.mark.parametrize(("preamble", "mode", "started", "cached"), [
    (EXTENDS_PATH, "live", [1, 1, 2, 2], [False, True, False, True]),
    (ALIASES_A_MODULE, "live", [1, 1, 2, 2], [False] * 4),
    (EXTENDS_PATH, "static", [0] * 4, [False, True, False, True]),
], ids=["path", "module", "static"])
def test_inside_django_fresh_interpreters_start_only_while_they_can_read_the_facts(
    tmp_path: Path, preamble: str, mode: str, started: list[int], cached: list[bool],
) -> None:
    """Four checks inside Django, the third after an edit of the settings. Given manage.py's
    sys.path, the fresh interpreter reads facts that the next check looks up. One that
    failed even so is not tried again until an input changes: the facts are read where
    the project runs, every time. Static facts, which no interpreter reads, are looked up."""
    only_manage_py_imports(tmp_path, mode, preamble)
    result = python(tmp_path, "-c", FACTS_READ.format(preamble=EXTENDS_PATH + preamble))
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout) == [started, cached]


READ_INSIDE_DJANGO = """\
import json, os, sys
import django
os.environ["DJANGO_SETTINGS_MODULE"] = "project.settings"
django.setup()
from featuredocs.config import load_config
from featuredocs.project import start_facts
from featuredocs.introspect import collect_live
from pathlib import Path
config = load_config(root=Path.cwd())
forked = start_facts(config, child=True)().facts
untouched = "project.urls" not in sys.modules
here = collect_live(config.root, "project.settings")
print(json.dumps([untouched, forked == here, [c.name for c in forked.commands if c.app == "billing"]]))
"""


def test_inside_django_the_facts_are_read_by_a_forked_copy(project: Path) -> None:
    """manage.py featuredocs: the project is set up already; a copy of the process reads
    the facts (this one never imports the URLconf), and they are what it would read."""
    result = python(project, "-c", READ_INSIDE_DJANGO)
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout) == [True, True, ["send_reminders"]]


def test_management_command_lists_the_same_subcommands(project: Path) -> None:
    door = manage(project, "featuredocs", "--help")
    script = featuredocs("--help", cwd=project)
    for name in ("check", "facts", "rules", "rule"):
        assert name in door.stdout and name in script.out
    assert manage(project, "featuredocs", "rule", "FD105").stdout.startswith("FD105 MissingTitleOrTagline")


def test_system_checks_report_drift_as_tagged_warnings(project: Path) -> None:
    result = manage(project, "check", "--tag", "featuredocs")
    assert result.returncode == 0, result.stderr  # warnings never stop a management command
    assert "featuredocs.W807" in result.stderr
    assert "docs/features/reminders.md:5:" in result.stderr
    assert "did you mean `send_reminders`?" in result.stderr
    failing = manage(project, "check", "--tag", "featuredocs", "--fail-level", "WARNING")
    assert failing.returncode == 1
    assert "featuredocs.W807" in failing.stderr


def test_system_checks_stay_quiet_on_true_docs(project: Path, tmp_path: Path) -> None:
    page = project / "docs" / "features" / "reminders.md"
    original = page.read_text(encoding="utf-8")
    try:
        page.write_text(original.replace("send_reminderz", "send_reminders"), encoding="utf-8")
        result = manage(project, "check", "--tag", "featuredocs", "--fail-level", "WARNING")
        assert result.returncode == 0, result.stderr
        assert "featuredocs." not in result.stderr + result.stdout
    finally:
        page.write_text(original, encoding="utf-8")
