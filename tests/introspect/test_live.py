"""The introspection command end to end: JSON out, one-line errors, no side effects."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from featuredocs.introspect import ProjectImportError, collect_live_in_child, find_settings_module
from featuredocs.introspect.child import read_facts
from featuredocs.model import ProjectFacts, SourceLocation
from tests.introspect.projects import connection_attempted, make_live_project
from tests.support.django_project import make_project

REPO = Path(__file__).resolve().parents[2]
EXAMPLE = REPO / "examples" / "shop"

MODELS = '''
from django.db import models


class Invoice(models.Model):
    number = models.CharField(max_length=20)

    def save(self, *args, **kwargs):
        raise AssertionError("introspection must never save")
'''

SERVICES = '''
import os

from django.conf import settings
from django.core.cache import cache

print("imported services")  # projects print; the JSON on stdout must stay clean


def invoice_total(pk):
    return cache.get_or_set(f"invoices:{pk}:total", 0, settings.INVOICE_CACHE_TTL)


def region():
    return os.environ.get("BILLING_REGION", "eu")
'''

APPS = '''
from django.apps import AppConfig


class BillingConfig(AppConfig):
    name = "billing"

    def ready(self):
        print("billing ready")
        from billing import services  # noqa: F401
'''


def run_cli(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if k != "DJANGO_SETTINGS_MODULE"}
    return subprocess.run(
        [sys.executable, "-m", "featuredocs.introspect", *args],
        capture_output=True, text=True, env=env, cwd=cwd, timeout=120,
    )


@pytest.fixture(scope="module")
def billing(tmp_path_factory: pytest.TempPathFactory):
    return make_live_project(
        tmp_path_factory.mktemp("live"),
        {"billing": {"models.py": MODELS, "services.py": SERVICES, "apps.py": APPS}},
        settings="INVOICE_CACHE_TTL = 60 * 10\n",
    )


def test_facts_as_json_without_side_effects(billing) -> None:
    result = run_cli("--root", str(billing.root))  # settings found from manage.py
    assert result.returncode == 0, result.stderr
    assert "billing ready" in result.stderr  # the project's prints went to stderr
    facts = ProjectFacts.from_json(json.loads(result.stdout)["facts"])
    assert facts.mode == "live" and facts.settings_module == "project.settings"
    assert facts.root == str(billing.root.resolve())
    assert facts.django_version and facts.django_version[0].isdigit()
    assert facts.model("billing.Invoice") is not None
    assert ProjectFacts.from_json(json.loads(json.dumps(facts.to_json()))) == facts
    assert not connection_attempted(billing)
    assert not list(billing.root.rglob("__pycache__"))  # nothing written into the project


def test_source_scans_use_live_settings(billing) -> None:
    facts = billing.facts()
    [key] = [k for k in facts.cache_keys if k.pattern == "invoices:{}:total"]
    assert key.timeout == 600 and key.timeout_source == "settings.INVOICE_CACHE_TTL"
    assert key.location == SourceLocation("billing/services.py", 10)
    region = facts.env_var("BILLING_REGION")
    assert region is not None and region.default == "eu" and not region.required
    assert "billing.services.invoice_total" in facts.symbols
    assert "billing.services" in facts.modules


def test_unimportable_settings_exit_2_with_one_line(billing) -> None:
    result = run_cli("--root", str(billing.root), "--settings", "project.missing")
    assert result.returncode == 2
    assert result.stdout == ""
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and "Traceback" not in result.stderr
    assert "project.missing" in lines[0] and "ModuleNotFoundError" in lines[0]


def test_settings_that_fail_while_importing(tmp_path: Path) -> None:
    project = make_live_project(tmp_path, settings='API_KEY = __import__("os").environ["NOT_SET_ANYWHERE"]\n')
    result = run_cli("--root", str(project.root), "--settings", "project.settings")
    assert result.returncode == 2
    assert result.stderr.strip() == (
        "featuredocs: cannot import settings `project.settings`: KeyError: 'NOT_SET_ANYWHERE'"
    )
    with pytest.raises(ProjectImportError) as raised:
        collect_live_in_child(project.root, "project.settings")
    assert raised.value.reason == "KeyError: 'NOT_SET_ANYWHERE'"
    assert raised.value.settings_module == "project.settings"


def test_no_settings_module_found(tmp_path: Path) -> None:
    result = run_cli("--root", str(tmp_path))
    assert result.returncode == 2 and "no Django settings module found" in result.stderr


def test_a_broken_urlconf_is_a_warning_not_a_failure(tmp_path: Path) -> None:
    project = make_live_project(tmp_path, {"billing": {"models.py": MODELS}},
                                urls="raise RuntimeError('urls are broken')\n")
    facts = project.facts()
    assert facts.model("billing.Invoice") is not None
    assert facts.endpoints == ()
    assert any(w.startswith("endpoints: ") for w in facts.warnings)


def test_postgresql_host_that_does_not_exist(tmp_path: Path) -> None:
    postgresql = (
        'DATABASES = {"default": {"ENGINE": "django.db.backends.postgresql",'
        ' "NAME": "nowhere", "HOST": "db.invalid", "CONNECT_TIMEOUT": 1}}\n'
    )
    project = make_project(tmp_path, {"billing": {"models.py": MODELS}}, settings=postgresql)
    facts = project.facts()
    assert facts.model("billing.Invoice") is not None
    databases = facts.setting("DATABASES")
    assert databases is not None and "django.db.backends.postgresql" in databases.value


@pytest.mark.skipif(not (EXAMPLE / "manage.py").exists(), reason="no bundled example project")
def test_bundled_example_project() -> None:
    settings_module = find_settings_module(EXAMPLE)
    assert settings_module
    facts, _ = collect_live_in_child(EXAMPLE, settings_module)
    assert facts.warnings == ()
    own_apps = [app for app in facts.apps if app.project]
    assert own_apps and all((EXAMPLE / app.path).is_dir() for app in own_apps)
    own_models = [m for m in facts.models if m.app_label in {a.label for a in own_apps}]
    assert own_models
    for model in own_models:  # every location points at the class statement it names
        line = source_line(model.location)
        assert line.lstrip().startswith(f"class {model.name}"), (model.label, line)
        for field in model.fields:
            if field.location and not field.reverse:
                assert field.name in source_line(field.location), (model.label, field.name)
    for var in facts.env_vars:
        assert all(var.name in source_line(loc) for loc in var.locations), var.name
    assert all("cache" in source_line(key.location) for key in facts.cache_keys)
    assert any(command.project for command in facts.commands)


def source_line(location: SourceLocation | None) -> str:
    assert location is not None
    lines = (EXAMPLE / location.path).read_text(encoding="utf-8").splitlines()
    return lines[location.line - 1]


def test_the_files_the_facts_come_from_besides_the_code_are_listed(tmp_path: Path) -> None:
    reads = (
        "import json, pathlib, sys, tempfile\n"
        "HERE = pathlib.Path(__file__).parent\n"
        "sys.path.insert(0, str(HERE.parents[1] / 'lib'))\n"
        "import shared_flags  # a sibling package, outside the project\n"
        "sys.path.insert(0, str(HERE.parent / '.deploy'))\n"
        "import local_overrides  # in a hidden folder: no code of the project's own\n"
        'LIMITS = json.loads((HERE / "limits.json").read_text())\n'
        'HOSTS = open(HERE.parent / "config" / "hosts.txt", "rb").read().split()\n'
        '(HERE / "setup.log").write_text("written, not read")\n'
        "with tempfile.TemporaryFile() as scratch:  # outside the project\n"
        "    scratch.write(b'x')\n"
        "import glob, os\n"
        'FLAGS = sorted(p.name for p in (HERE.parent / "flags").glob("*.json"))  # every file of a folder\n'
        'THEMES = os.listdir(HERE.parent / "themes")\n'
        'EMPTY = glob.glob(str(HERE.parent / "locale" / "*.po"))\n'
        'SITE = json.loads((HERE.parents[1] / "etc" / "site.json").read_text())  # outside the project\n'
        'CPUS = open("/proc/self/status").read() if pathlib.Path("/proc/self/status").exists() else ""\n'
    )
    project = make_project(tmp_path / "site", {"billing": {"models.py": MODELS}}, settings=reads)
    project.write("project/limits.json", '{"uploads": 10}')
    project.write("config/hosts.txt", "a.example b.example\n")
    project.write("flags/beta.json", "{}")
    project.write("themes/dark.css", "")
    (project.root / "locale").mkdir()
    project.write(".deploy/local_overrides.py", "DEBUG = False\n")
    (tmp_path / "etc").mkdir()
    (tmp_path / "etc" / "site.json").write_text('{"name": "shop"}', encoding="utf-8")
    library = tmp_path / "lib" / "shared_flags.py"
    library.parent.mkdir()
    library.write_text("FLAGS = ()\n", encoding="utf-8")
    facts, inputs = collect_live_in_child(project.root, "project.settings")
    # Not the project's root, its packages' folders, nor what featuredocs walks for sources;
    # not Python's own files, nor the system's state.
    assert inputs.files == (
        str((tmp_path / "etc" / "site.json").resolve()), "config/hosts.txt", "flags/", "locale/",
        "project/limits.json", "themes/", str(library.resolve()),
        str((project.root / ".deploy" / "local_overrides.py").resolve()),
    )
    assert facts.setting("LIMITS") is not None


def test_the_variables_read_while_the_facts_are_read_are_listed(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Also under names built at run time, which the code does not spell out; only names."""
    reads = (
        "import os\n"
        'PREFIX = "BILLING"\n'
        'BILLING_LIMIT = int(os.environ.get(f"{PREFIX}_LIMIT", "10"))\n'
        'BILLING_SANDBOX = "_".join((PREFIX, "SANDBOX")) in os.environ\n'
        "WORKER_ENV = os.environ.copy()  # handed to a subprocess\n"
    )
    views = (
        "import os\n"
        "from django.http import JsonResponse\n"
        'REGION = os.getenv("BILLING_" + "REGION", "eu")  # read by the URLconf only\n'
        "def invoices(request):\n"
        '    return JsonResponse({"region": REGION})\n'
    )
    urls = (
        "from django.urls import path\n"
        "from billing import views\n"
        'urlpatterns = [path("invoices/", views.invoices, name="invoices")]\n'
    )
    project = make_project(tmp_path / "site", {"billing": {"models.py": MODELS, "views.py": views}},
                           settings=reads, urls=urls)
    monkeypatch.setenv("BILLING_LIMIT", "25")
    monkeypatch.setenv("UNRELATED_SECRET", "s3cr3t-value")
    for fork in ((), ("--fork",)):
        read = run_cli("--root", str(project.root), "--settings", "project.settings", *fork)
        assert read.returncode == 0, read.stderr
        _, inputs = read_facts(read.stdout)
        assert {"BILLING_LIMIT", "BILLING_SANDBOX", "BILLING_REGION"} <= set(inputs.variables), fork
        assert "UNRELATED_SECRET" not in inputs.variables
        assert "s3cr3t-value" not in read.stdout and "25" not in json.dumps(inputs.variables)


def test_a_reading_forked_after_the_setup_gives_the_same_facts_byte_for_byte(tmp_path: Path) -> None:
    """The copy reads the URLconf: the files it opens and the code it imports from outside
    the project are listed as if one process had read everything."""
    views = (
        "import json, pathlib\n"
        "from django.http import JsonResponse\n"
        "import route_helpers  # a sibling package, outside the project, imported by the URLconf only\n"
        'PAGE_SIZES = json.loads((pathlib.Path(__file__).parent / "page_sizes.json").read_text())\n'
        "def invoices(request):\n"
        '    return JsonResponse({"limit": request.GET.get("limit")})\n'
    )
    urls = (
        "import sys, pathlib\n"
        "sys.path.insert(0, str(pathlib.Path(__file__).resolve().parents[2] / 'lib'))\n"
        "from django.urls import path\n"
        "from billing import views\n"
        'urlpatterns = [path("invoices/", views.invoices, name="invoices")]\n'
    )
    project = make_project(tmp_path / "site", {"billing": {"models.py": MODELS, "views.py": views}}, urls=urls)
    project.write("billing/page_sizes.json", "[10, 50]")
    library = tmp_path / "lib" / "route_helpers.py"
    library.parent.mkdir()
    library.write_text("", encoding="utf-8")
    read = {fork: run_cli("--root", str(project.root), "--settings", "project.settings", *fork)
            for fork in ((), ("--fork",))}
    assert [result.returncode for result in read.values()] == [0, 0], read[("--fork",)].stderr
    assert read[("--fork",)].stdout == read[()].stdout
    facts, inputs = read_facts(read[("--fork",)].stdout)
    assert inputs.files == ("billing/page_sizes.json", str(library.resolve()))
    assert [endpoint.path for endpoint in facts.endpoints] == ["/invoices/"]
    if EXAMPLE.exists():
        shop = {fork: run_cli("--root", str(EXAMPLE), *fork).stdout for fork in ((), ("--fork",))}
        assert shop[("--fork",)] == shop[()] and json.loads(shop[()])["facts"]["endpoints"]
