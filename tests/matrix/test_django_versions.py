"""The bundled example against Django 4.2 LTS, 5.2 LTS and the newest 6.x, with and
without Django REST framework and django-ninja installed."""

from __future__ import annotations

import json
import os
import subprocess
from pathlib import Path

import pytest

from tests.matrix.venvs import REPO, Environment, build
from tests.support.django_project import make_project

pytestmark = pytest.mark.slow

SHOP = REPO / "examples" / "shop"
API = ("djangorestframework>=3.15", "django-filter>=24", "django-ninja>=1.3")

ENVIRONMENTS = {
    "django42": Environment("django42", "3.11", ("Django>=4.2,<4.3", *API)),
    "django6": Environment("django6", "3.12", ("Django>=6.0,<7", *API)),
    "bare": Environment("bare", "3.11", ("Django>=5.2,<5.3",)),
}


def environment(name: str) -> Path:
    bin_folder = build(ENVIRONMENTS[name])
    if bin_folder is None:
        pytest.skip(f"no Python {ENVIRONMENTS[name].python} on this machine")
    return bin_folder


def run(bin_folder: Path, *args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if k not in ("DJANGO_SETTINGS_MODULE", "VIRTUAL_ENV")}
    return subprocess.run(
        [str(bin_folder / "featuredocs"), *args], cwd=cwd, capture_output=True, text=True, env=env, timeout=300
    )


def own_facts(bin_folder: Path, cwd: Path) -> dict[str, object]:
    result = run(bin_folder, "facts", cwd=cwd)
    assert result.returncode == 0, result.stderr
    facts = json.loads(result.stdout)
    return {
        "models": sorted(
            (m["app_label"], m["name"], sorted(f["name"] for f in m["fields"]), len(m["indexes"]))
            for m in facts["models"]
            if m["module"].split(".")[0] in {"catalog", "orders", "customers", "core"}
        ),
        "commands": sorted(
            (c["name"], sorted(o["dest"] for o in c["options"] if not o["base"]))
            for c in facts["commands"]
            if c["project"]
        ),
        "endpoints": sorted((e["path"], tuple(e["methods"] or ())) for e in facts["endpoints"]),
        "env": sorted(v["name"] for v in facts["env_vars"]),
        "version": facts["django_version"],
    }


@pytest.fixture(scope="module")
def reference() -> dict[str, object]:
    import sys

    return own_facts(Path(sys.executable).parent, SHOP)


@pytest.mark.parametrize("name", ["django42", "django6"])
def test_example_checks_clean_and_reads_the_same_facts(name: str, reference: dict[str, object]) -> None:
    bin_folder = environment(name)
    check = run(bin_folder, "check", cwd=SHOP)
    assert check.returncode == 0, check.stdout + check.stderr
    assert "All checks passed" in check.stdout
    facts = own_facts(bin_folder, SHOP)
    expected_major = {"django42": "4.2", "django6": "6."}[name]
    assert str(facts.pop("version")).startswith(expected_major)
    assert facts == {k: v for k, v in reference.items() if k != "version"}
    # The examples run on this Django's test databases and test client as on the newest.
    executed = run(bin_folder, "check", "--execute", "--no-cache", "--fixture", "docs_examples", "--login", "ada",
                   "--select", "FD805", cwd=SHOP)
    assert executed.returncode == 0, executed.stdout + executed.stderr
    assert "ran 52 examples: 47 passed, 0 failed, 5 not judged" in executed.stderr


def test_without_rest_framework_or_ninja_installed(tmp_path: Path) -> None:
    bin_folder = environment("bare")
    project = make_project(
        tmp_path,
        apps={
            "billing": {
                "models.py": """
                    from django.db import models

                    class Invoice(models.Model):
                        number = models.CharField(max_length=20, unique=True)
                        total = models.DecimalField(max_digits=10, decimal_places=2)
                """,
                "views.py": """
                    from django.http import JsonResponse
                    from django.views.decorators.http import require_GET

                    @require_GET
                    def invoice_count(request):
                        return JsonResponse({"count": 0})
                """,
            }
        },
        urls="""
            from django.urls import path
            from billing.views import invoice_count

            urlpatterns = [path("invoices/count/", invoice_count)]
        """,
    )
    project.write(
        "docs/features/invoices.md",
        """
        # Invoices

        > **Invoices** - Numbered invoices.

        ## Data Models

        ### Invoice

        **Fields:**
        - `number` (CharField): unique invoice number
        - `totl` (DecimalField): amount due
        """,
    )
    facts = run(bin_folder, "facts", cwd=tmp_path)
    assert facts.returncode == 0, facts.stderr
    data = json.loads(facts.stdout)
    assert data["django_version"].startswith("5.2")
    assert [e["path"] for e in data["endpoints"]] == ["/invoices/count/"]
    check = run(bin_folder, "check", "--select", "FD3", "--format", "json", cwd=tmp_path)
    found = [(f["code"], f["line"]) for f in json.loads(check.stdout)["findings"]]
    assert ("FD302", 11) in found, check.stdout + check.stderr
