"""What the settings read besides the project's code (variables, data files, code imported
from elsewhere, installed libraries) reads the facts again when it changes, and only then.

Every run is compared with the engine's own, uncached result of the same tree.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from featuredocs.cache import IncrementalCheck
from tests.cache.invalidation import checked_site
from tests.cache.project import Site, codes


@pytest.fixture
def site(tmp_path: Path) -> Site:
    return checked_site(tmp_path)


def test_a_new_value_of_a_variable_the_project_reads_reads_the_facts_again(site, monkeypatch):
    monkeypatch.setenv("SHOP_ORDER_WINDOW_HOURS", "72")
    site.check()
    assert len(site.loads) == 1
    monkeypatch.setenv("SOME_VARIABLE_THE_PROJECT_DOES_NOT_READ", "1")
    again = site.check()
    assert len(site.loads) == 1 and again.stats.facts_cached


def _document_limits(site: Site, settings: str) -> None:
    """The settings gain ``settings`` (which defines ``SHOP_LIMITS``), and the orders page
    documents a ``refunds`` key of it."""
    site.edit("project/settings.py", "USE_TZ = True", "USE_TZ = True\n" + settings)
    site.edit("docs/features/orders.md", "## Payment\n", "## Configuration\n\n### Django Settings\n\n"
              '```python\nSHOP_LIMITS = {\n    "refunds": 3,\n}\n```\n\n## Payment\n')


def _refunds_unknown(checked: IncrementalCheck) -> bool:
    """Whether FD605 reports the documented ``refunds`` key as missing."""
    return "FD605" in codes(checked.result.findings, "features/orders.md")


def _refunds_follow(site: Site, monkeypatch: pytest.MonkeyPatch, settings: str, name: str, value: str) -> None:
    """With ``settings`` and ``name`` unset, the documented ``refunds`` key is unknown; once
    ``name`` is set to ``value`` the facts are read again, and it is known."""
    monkeypatch.delenv(name, raising=False)
    _document_limits(site, settings)
    first = site.check()
    assert _refunds_unknown(first)
    assert first.result.findings == site.reference()

    monkeypatch.setenv(name, value)
    again = site.check()
    assert not again.stats.facts_cached and len(site.loads) == 2
    assert not _refunds_unknown(again)
    assert again.result.findings == site.reference()


def test_a_variable_read_under_a_name_built_at_run_time_is_watched_too(site, monkeypatch):
    """No name to find in the code: the child that reads the facts hears it asked for."""
    _refunds_follow(site, monkeypatch, 'import os\nPREFIX = "SHOP"\n'
                    'FLAGGED = {"refunds": 3} if os.environ.get(f"{PREFIX}_REFUNDS_ENABLED") else {}\n'
                    'SHOP_LIMITS = {"uploads": 10, **FLAGGED}', "SHOP_REFUNDS_ENABLED", "1")

    monkeypatch.setenv("SOME_VARIABLE_THE_PROJECT_DOES_NOT_READ", "1")
    assert site.check().stats.facts_cached


def test_settings_that_take_every_variable_with_a_prefix_are_keyed_on_the_whole_environment(site, monkeypatch):
    """As dynaconf and pydantic-settings do; but what each shell or hook sets anew counts
    only when read by name."""
    _refunds_follow(site, monkeypatch, "import os\n"
                    'SHOP_LIMITS = {"uploads": 10, **{name[len("SHOP_LIMIT_"):].lower(): int(value)\n'
                    '    for name, value in os.environ.items() if name.startswith("SHOP_LIMIT_")}}',
                    "SHOP_LIMIT_REFUNDS", "3")

    monkeypatch.setenv("SHLVL", "7")
    monkeypatch.setenv("OLDPWD", str(site.docs))
    monkeypatch.setenv("GIT_INDEX_FILE", str(site.root / ".git" / "index"))
    monkeypatch.setenv("TERM_PROGRAM", "vscode")
    assert site.check().stats.facts_cached
    monkeypatch.setenv("SHOP_REGION", "eu")  # not read by name, but in the project's reach
    assert not site.check().stats.facts_cached


def test_a_data_file_the_settings_read_is_watched_like_the_code(site):
    site.write("project/limits.json", '{"uploads": 10}')
    _document_limits(site, "import json, pathlib\n"
                     'SHOP_LIMITS = json.loads((pathlib.Path(__file__).parent / "limits.json").read_text())')
    first = site.check()
    assert _refunds_unknown(first)
    assert first.result.findings == site.reference()

    site.write("project/limits.json", '{"uploads": 10, "refunds": 3}')
    again = site.check()
    assert not again.stats.facts_cached and again.stats.checked == 1
    assert not _refunds_unknown(again)
    assert again.result.findings == site.reference()

    site.write("report.json", "{}")  # written into the project, read by nobody
    assert site.check().stats.facts_cached


def test_a_file_outside_the_project_the_settings_read_is_watched(site, tmp_path):
    limits = tmp_path / "etc" / "shop-limits.json"
    limits.parent.mkdir()
    limits.write_text('{"uploads": 10}', encoding="utf-8")
    _document_limits(site, "import json, pathlib\n"
                     f"SHOP_LIMITS = json.loads(pathlib.Path({str(limits)!r}).read_text())")
    assert _refunds_unknown(site.check())
    assert site.check().stats.facts_cached

    limits.write_text('{"uploads": 10, "refunds": 3}', encoding="utf-8")
    again = site.check()
    assert not again.stats.facts_cached
    assert not _refunds_unknown(again)


def test_a_file_added_to_a_folder_the_settings_load_is_seen(site):
    site.write("project/limits/uploads.json", "10")
    _document_limits(site, "import json, pathlib\n"
                     "SHOP_LIMITS = {path.stem: json.loads(path.read_text())\n"
                     '    for path in (pathlib.Path(__file__).parent / "limits").glob("*.json")}')
    first = site.check()
    assert _refunds_unknown(first)
    assert first.result.findings == site.reference()
    assert site.check().stats.facts_cached

    site.write("project/limits/refunds.json", "3")  # read by nobody yet: only the folder was
    again = site.check()
    assert not again.stats.facts_cached
    assert not _refunds_unknown(again)
    assert again.result.findings == site.reference()

    (site.root / "project" / "limits" / "__pycache__").mkdir()  # bytecode is not an entry that counts
    assert site.check().stats.facts_cached


def test_code_imported_from_outside_the_project_is_watched(site, tmp_path):
    library = tmp_path / "lib" / "shared_fields.py"  # a sibling package, next to the project
    library.parent.mkdir()
    library.write_text(NOTED.format(field="TextField(blank=True)"), encoding="utf-8")
    site.edit("project/settings.py", "USE_TZ = True", "USE_TZ = True\nimport pathlib, sys\n"
              'sys.path.insert(0, str(pathlib.Path(__file__).resolve().parents[2] / "lib"))')
    site.edit("orders/models.py", "from django.db import models\n",
              "from django.db import models\nfrom shared_fields import Noted\n")
    site.edit("orders/models.py", "class Order(models.Model):", "class Order(Noted):")
    site.edit("orders/models.py", "    note = models.TextField(blank=True)\n", "")
    assert "FD303" not in codes(site.check().result.findings, "features/orders.md")

    library.write_text(NOTED.format(field="CharField(max_length=200)"), encoding="utf-8")
    again = site.check()
    assert not again.stats.facts_cached
    assert "FD303" in codes(again.result.findings, "features/orders.md")  # the page says TextField


NOTED = """\
from django.db import models


class Noted(models.Model):
    note = models.{field}

    class Meta:
        abstract = True
"""


def test_another_pythonpath_reads_the_facts_again(site, tmp_path, monkeypatch):
    """The code the project imports may come from elsewhere under another PYTHONPATH, though
    the files it came from before did not change."""
    for folder, field in (("one", "TextField(blank=True)"), ("other", "CharField(max_length=200)")):
        (tmp_path / folder).mkdir()
        (tmp_path / folder / "shared_fields.py").write_text(NOTED.format(field=field), encoding="utf-8")
    site.edit("orders/models.py", "from django.db import models\n",
              "from django.db import models\nfrom shared_fields import Noted\n")
    site.edit("orders/models.py", "class Order(models.Model):", "class Order(Noted):")
    site.edit("orders/models.py", "    note = models.TextField(blank=True)\n", "")
    monkeypatch.setenv("PYTHONPATH", str(tmp_path / "one"))
    assert "FD303" not in codes(site.check().result.findings, "features/orders.md")

    monkeypatch.setenv("PYTHONPATH", str(tmp_path / "other"))
    again = site.check()
    assert not again.stats.facts_cached
    assert "FD303" in codes(again.result.findings, "features/orders.md")  # the page says TextField


def test_code_imported_from_a_hidden_folder_of_the_project_is_watched(site):
    """Not the project's own code, whose files are stamped; but the facts come from it."""
    site.write(".deploy/limits.py", 'LIMITS = {"uploads": 10}\n')
    _document_limits(site, "import pathlib, sys\n"
                     "sys.path.insert(0, str(pathlib.Path(__file__).resolve().parents[1] / '.deploy'))\n"
                     "from limits import LIMITS as SHOP_LIMITS")
    assert _refunds_unknown(site.check())
    assert site.check().stats.facts_cached

    site.write(".deploy/limits.py", 'LIMITS = {"uploads": 10, "refunds": 3}\n')
    again = site.check()
    assert not again.stats.facts_cached
    assert not _refunds_unknown(again)


def _installed(site_packages: Path, name: str, models: str, *, from_index: bool) -> None:
    """What pip leaves for a distribution: its files, and a RECORD of their hashes (plus,
    for one installed from a folder or a URL rather than an index, ``direct_url.json``)."""
    import base64
    import hashlib

    package = site_packages / name
    package.mkdir(parents=True, exist_ok=True)
    (package / "models.py").write_text(models, encoding="utf-8")
    metadata = site_packages / f"{name}-0.1.0.dist-info"
    metadata.mkdir(exist_ok=True)
    if not from_index:
        (metadata / "direct_url.json").write_text('{"dir_info": {}, "url": "file:///src/libs"}', encoding="utf-8")
    hashed = hashlib.sha256(models.encode()).digest()
    record = f"{name}/models.py,sha256={base64.urlsafe_b64encode(hashed).rstrip(b'=').decode()},{len(models)}\n"
    (metadata / "RECORD").write_text(record + f"{metadata.name}/RECORD,,\n", encoding="utf-8")


@pytest.mark.parametrize("from_index", [False, True], ids=["built from a folder", "from an index"])
def test_a_library_reinstalled_under_the_same_version_is_known_by_its_files(site, tmp_path, monkeypatch, from_index):
    """A monorepo's own library keeps its version while its code changes, and a CI job
    reinstalls it on every run: its RECORD, the hash of each file installed, counts.
    A release from an index never changes under its version, and its RECORD is not read."""
    site_packages = tmp_path / "site-packages"
    _installed(site_packages, "audit_fields", NOTED.format(field="TextField(blank=True)"), from_index=from_index)
    monkeypatch.syspath_prepend(str(site_packages))
    assert not site.check().stats.facts_cached  # a distribution appeared
    site.loads.clear()

    os.utime(site_packages / "audit_fields-0.1.0.dist-info" / "RECORD", ns=(1, 1))  # reinstalled, same files
    assert site.check().stats.facts_cached and site.loads == []

    _installed(site_packages, "audit_fields", NOTED.format(field="CharField(max_length=200)"), from_index=from_index)
    again = site.check()
    assert again.stats.facts_cached is from_index
    assert len(site.loads) == (0 if from_index else 1)

