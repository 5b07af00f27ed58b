"""Each kind of change invalidates exactly what it must, observed through the run's counters.

Every run is compared with the engine's own, uncached result of the same tree.
"""

from __future__ import annotations

import dataclasses
import os
import shutil
from pathlib import Path

import pytest

from featuredocs.cache import IncrementalCheck
from featuredocs.cache import run as cache_run
from featuredocs.cache import passes as cache_passes
from featuredocs.config import load_config
from featuredocs.engine import run_check
from featuredocs.project import load_facts
from tests.cache.project import Site, codes, make_site


@pytest.fixture
def site(tmp_path: Path) -> Site:
    site = make_site(tmp_path / "shop")
    first = site.check()
    assert first.stats.checked == 3 and not first.stats.facts_cached
    assert first.result.findings == site.reference()
    site.loads.clear()
    return site


def test_an_unchanged_tree_reuses_every_result_and_the_facts(site):
    again = site.check()
    assert (again.stats.parsed, again.stats.checked, again.stats.reused) == (0, 0, 3)
    assert again.stats.facts_cached and site.loads == []
    assert not again.stats.docset_rules_run
    assert again.result.findings == site.reference()


def test_a_prose_change_rechecks_that_page_only(site):
    site.edit("docs/features/orders.md", "Orders are paid by card.", "Orders are paid by card or transfer.")
    again = site.check()
    assert (again.stats.parsed, again.stats.checked, again.stats.reused) == (1, 1, 2)
    assert site.loads == []
    assert not again.stats.docset_rules_run  # no heading, link or title changed
    assert again.result.findings == site.reference()


def test_a_removed_anchor_rechecks_the_pages_linking_to_it(site):
    site.edit("docs/features/orders.md", "### Order\n", "### The order\n")
    again = site.check()
    assert again.stats.checked == 2  # orders.md itself and guide.md, which links to #order
    assert again.stats.docset_rules_run  # a heading changed: reachability is looked at again
    assert "FD202" in codes(again.result.findings, "features/guide.md")
    assert again.result.findings == site.reference()


def test_a_check_from_another_folder_reuses_everything_under_the_names_of_the_day(site, monkeypatch):
    """Findings are shown relative to the working directory: a pre-commit hook at the top
    of a monorepo and a check from ``docs/`` name the same pages differently, and share
    one cache."""
    site.edit("docs/features/guide.md", "Read about", "See [the FAQ](faq.md). Read about")
    monkeypatch.chdir(site.root)
    assert "FD201" in codes(site.check().result.findings, "features/guide.md")
    for folder in (site.docs, site.root.parent, site.root):
        monkeypatch.chdir(folder)
        again = site.check()
        assert (again.stats.parsed, again.stats.checked, again.stats.docset_rules_run) == (0, 0, False)
        assert again.result.findings == site.reference()
        assert any(f.path == str(site.docs.relative_to(folder) / "features/guide.md") for f in again.result.findings)


REFUNDS_PAGE = """\
# Refunds

> **Refunds** - Money sent back.

## Overview

Refunds follow [the payment rules](orders.md#payment); see the [photo](img/refund.png).
"""


def test_a_new_page_is_checked_alone_with_the_pages_that_link_to_it(site):
    """A page added to a thousand costs one page and the docset-scope rules, not a thousand."""
    site.write("docs/features/refunds.md", REFUNDS_PAGE)
    again = site.check()
    assert (again.stats.parsed, again.stats.checked) == (1, 1)
    assert again.stats.docset_rules_run  # the new page may be unreachable
    assert again.result.findings == site.reference()

    site.edit("docs/features/guide.md", "Read about", "See [refunds](refunds.md) and read about")
    assert site.check().stats.checked == 1  # guide.md, whose link now finds a page
    site.write("docs/features/img/refund.png", "not really a picture")
    again = site.check()
    assert again.stats.checked == 1  # refunds.md: its image appeared
    assert "FD201" not in codes(again.result.findings, "features/refunds.md")
    assert again.result.findings == site.reference()
    site.write("docs/features/img/other.png", "a file no page links to")
    assert site.check().stats.checked == 0


def test_a_removed_page_rechecks_the_pages_that_link_to_it(site):
    site.write("docs/features/refunds.md", REFUNDS_PAGE)
    site.edit("docs/features/guide.md", "Read about", "See [refunds](refunds.md) and read about")
    site.check()
    (site.docs / "features" / "refunds.md").unlink()
    again = site.check()
    assert again.stats.checked == 1  # guide.md
    assert "FD201" in codes(again.result.findings, "features/guide.md")
    assert again.result.findings == site.reference()


def test_a_file_next_to_a_missing_link_target_rechecks_the_page_for_its_hint(site):
    site.write("docs/features/refunds.md", REFUNDS_PAGE.replace("orders.md#payment", "order.md"))
    hinted = site.check().result.findings
    assert [f.hint for f in hinted if f.code == "FD201" and "order.md" in f.message] == [
        "did you mean `orders.md`?"
    ]
    site.write("docs/features/ordr.md", "# Ordr\n")  # a closer name for the missing one
    again = site.check()
    assert again.stats.checked == 2  # refunds.md for its hint, and the new page
    assert again.result.findings == site.reference()


def test_a_model_change_reads_the_facts_again_and_rechecks_the_pages_that_read_it(site):
    site.edit("orders/models.py", "    total = models", "    total_cents = models")
    again = site.check()
    assert len(site.loads) == 1 and not again.stats.facts_cached
    # orders.md documents the field, guide.md links into the file; the index reads neither.
    assert (again.stats.checked, again.stats.kept) == (2, 1)
    assert "FD302" in codes(again.result.findings, "features/orders.md")
    assert again.result.findings == site.reference()


def test_facts_read_without_hearing_the_settings_are_compared_with_but_never_looked_up(site):
    """Inside a process that already ran Django (``manage.py featuredocs``) what the
    settings read is unknown: such facts serve their run and the comparison of the next
    facts, never a later run in their place."""
    def unheard(config):
        return dataclasses.replace(site.load(config), inputs=None)

    site.edit("orders/models.py", "    total = models", "    total_cents = models")
    inside = cache_passes.incremental_check(site.config(), load=unheard)
    assert len(site.loads) == 1 and inside.stats.checked == 2
    again = cache_passes.incremental_check(site.config(), load=unheard)
    assert len(site.loads) == 2 and not again.stats.facts_cached
    assert again.stats.checked == 0 and again.result.findings == inside.result.findings
    # A child hears everything: its facts, the same, keep every finding and are looked up.
    heard = site.check()
    assert len(site.loads) == 3 and heard.stats.checked == 0
    assert heard.result.findings == site.reference()
    assert site.check().stats.facts_cached and len(site.loads) == 3
    assert cache_passes.incremental_check(site.config(), load=unheard).stats.facts_cached


def test_a_touched_but_unchanged_source_file_keeps_the_facts(site):
    models = site.root / "orders/models.py"
    stat = models.stat()
    os.utime(models, ns=(stat.st_atime_ns, stat.st_mtime_ns + 5_000_000_000))
    again = site.check()
    assert site.loads == [] and again.stats.facts_cached
    # guide.md links to a line of the file: its content, not its time, is what counts.
    assert again.stats.checked == 0
    assert again.result.findings == site.reference()


def test_a_fresh_checkout_keeps_everything(site):
    """A CI job restores the cache into a new checkout: every file has a new time."""
    later = site.root.stat().st_mtime_ns + 7_000_000_000
    for path in site.root.rglob("*"):
        if path.is_file() and ".featuredocs_cache" not in path.parts:
            os.utime(path, ns=(later, later))
    again = site.check()
    assert site.loads == [] and again.stats.facts_cached
    assert (again.stats.checked, again.stats.parsed) == (0, 0)
    assert again.result.findings == site.reference()


def test_a_same_size_edit_is_caught_by_the_content_hash(site):
    site.edit("orders/models.py", "unique=True", "unique=Fals")  # same length, new mtime
    site.check()
    assert len(site.loads) == 1


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


def test_a_configuration_change_rechecks_and_an_irrelevant_one_does_not(site):
    stricter = site.check(site.config(severity={"FD1": "info"}))
    assert stricter.stats.checked == 3
    assert stricter.result.findings == site.reference(site.config(severity={"FD1": "info"}))
    floor = site.check(site.config(severity={"FD1": "info"}, fail_under=80.0))
    assert floor.stats.checked == 0


def test_the_settings_module_counts_by_the_facts_it_gives(site):
    # Found by Django (the console script) or named (manage.py featuredocs): one cache.
    found = load_config(root=site.root)
    assert found.settings is None
    same = site.check(found)
    assert site.loads == [] and (same.stats.checked, same.stats.reused) == (0, 3)
    assert same.result.findings == site.reference()
    assert site.check().stats.checked == 0
    # Another module gives other facts: the findings follow them.
    site.write("project/settings_strict.py", """\
        from project.settings import *  # noqa: F403

        INSTALLED_APPS = [app for app in INSTALLED_APPS if app != "orders"]  # noqa: F405
    """)
    strict = found.with_overrides(settings="project.settings_strict")
    other = site.check(strict)
    assert other.stats.checked > 0
    assert other.result.findings == run_check(strict, load_facts(strict, child=True).facts).findings
    assert other.result.findings != same.result.findings


def test_static_facts_are_keyed_by_the_settings_module_the_environment_names(site, monkeypatch):
    site.write("project/settings_strict.py", """\
        from project.settings import *  # noqa: F403

        INSTALLED_APPS = [app for app in INSTALLED_APPS if app != "orders"]  # noqa: F405
    """)
    static = load_config(root=site.root).with_overrides(mode="static")
    site.check(static)
    assert len(site.loads) == 1
    monkeypatch.setenv("DJANGO_SETTINGS_MODULE", "project.settings_strict")
    other = site.check(static)
    assert len(site.loads) == 2
    assert other.result.findings == run_check(static, load_facts(static, child=True).facts).findings


def test_a_template_change_rechecks_every_page(site, tmp_path):
    from featuredocs.markdown.schema import packaged_template

    template = tmp_path / "template.md"
    template.write_text(packaged_template().read_text(encoding="utf-8"), encoding="utf-8")
    config = site.config(template=template)
    assert site.check(config).stats.checked == 0  # the template is keyed by its text
    template.write_text(template.read_text(encoding="utf-8") + "\n<!-- team notes -->\n", encoding="utf-8")
    assert site.check(config).stats.checked == 3


def test_another_featuredocs_invalidates_everything(site, monkeypatch):
    for module in (cache_run, cache_passes):  # the pages' keys, the cache files' tag
        monkeypatch.setattr(module, "tool_identity", lambda: "9.9.9+other")
    again = site.check()
    assert again.stats.checked == 3 and len(site.loads) == 1


@pytest.fixture
def fresh_identity():
    from featuredocs.cache.keys import tool_identity

    tool_identity.cache_clear()
    yield
    tool_identity.cache_clear()


@pytest.mark.parametrize(
    ("module", "name", "value"),
    [
        ("sys", "version", "3.99.0 (another build)"),
        ("featuredocs.cache.keys", "PARSER_VERSION", "pyromark 99.0"),
    ],
    ids=["interpreter", "markdown parser"],
)
def test_another_reader_of_the_pages_rechecks_everything_though_the_facts_agree(
    site, monkeypatch, fresh_identity, module, name, value
):
    """Which examples are valid Python is the interpreter's call, and how a page reads is
    pyromark's: a cache shared by a CI matrix's Pythons, or kept over an upgrade, must not
    pass one reader's findings to another when the project's facts come out the same."""
    monkeypatch.setattr(f"{module}.{name}", value)
    again = site.check()
    assert again.stats.checked == 3
    assert again.result.findings == site.reference()
    assert site.check().stats.checked == 0  # and that reader's cache then holds


def test_featuredocs_is_known_by_its_files_contents_not_their_times(tmp_path):
    """A CI job installs featuredocs afresh on every run: the same release keeps its cache."""
    import featuredocs
    from featuredocs.cache.keys import package_digest

    package = tmp_path / "featuredocs"
    shutil.copytree(Path(featuredocs.__file__).parent, package, ignore=shutil.ignore_patterns("__pycache__"))
    installed = package_digest(package)
    later = package.stat().st_mtime_ns + 7_000_000_000
    for path in package.rglob("*"):
        os.utime(path, ns=(later, later))
    assert package_digest(package) == installed
    rule = package / "rules/fd2_links/fd203_source_line_out_of_range.py"
    rule.write_text(rule.read_text(encoding="utf-8").replace("ERROR", "WARNING"), encoding="utf-8")
    assert package_digest(package) != installed


def test_a_shorter_linked_source_file_rechecks_the_linking_page(site):
    site.write("orders/models.py", "from django.db import models\n")  # line 5 is gone
    again = site.check()
    assert "FD203" in codes(again.result.findings, "features/guide.md")
    assert again.result.findings == site.reference()


def test_a_page_added_where_a_link_pointed_rechecks_the_linking_page(site):
    site.edit("docs/features/guide.md", "Read about", "See [the FAQ](faq.md). Read about")
    assert "FD201" in codes(site.check().result.findings, "features/guide.md")
    site.write("docs/features/faq.md", "# FAQ\n")
    again = site.check()
    assert again.stats.checked == 2  # guide.md and faq.md; orders.md and the index keep theirs
    assert "FD201" not in codes(again.result.findings, "features/guide.md")
    assert again.result.findings == site.reference()


def test_checking_some_pages_then_all_computes_the_rest(site):
    site.edit("docs/features/orders.md", "by card", "by card only")
    site.edit("docs/features/guide.md", "Where to start", "Where to begin")
    some = site.check(paths=[site.docs / "features/guide.md"])
    assert some.stats.checked == 1
    everything = site.check()
    assert everything.stats.checked == 1  # orders.md; guide.md is already known
    assert everything.result.findings == site.reference()


def test_naming_some_pages_then_all_runs_the_docset_rules_once(site):
    """A pre-commit hook names the pages a commit touches and CI checks them all: the
    docset-scope rules' findings are kept for every page, and each run shows its pages'."""
    site.write("docs/features/lost.md", "# Lost\n\n> **Lost** - Linked from nowhere.\n")
    everything = site.check()
    assert everything.stats.docset_rules_run
    assert "FD204" in codes(everything.result.findings, "features/lost.md")
    for named in ("features/guide.md", "features/lost.md", "features"):
        some = site.check(paths=[site.docs / named])
        assert (some.stats.checked, some.stats.docset_rules_run) == (0, False)
        assert some.result.findings == tuple(f for f in site.reference() if f"docs/{named}" in f.path)
    again = site.check()
    assert (again.stats.checked, again.stats.docset_rules_run) == (0, False)
    assert again.result.findings == site.reference()


def test_a_hint_is_asked_again_not_read_again(site):
    from tests.cache.project import ORDERS_PAGE

    site.write("docs/features/invoices.md", ORDERS_PAGE.replace("### Order\n", "### Invoce\n"))
    site.edit("docs/README.md", "- [Guide]", "- [Invoices](features/invoices.md)\n- [Guide]")
    site.edit("project/settings.py", "    'orders',\n", "    'orders',\n    'refunds',\n")
    site.write("refunds/__init__.py", "")
    site.write("refunds/models.py", "from django.db import models\n")
    assert _hints(site.check(), "FD301") == [None]  # no model close to `Invoce`

    site.write("refunds/models.py", "from django.db import models\n\n\nclass Refund(models.Model):\n    pass\n")
    unrelated = site.check()
    assert unrelated.result.findings == site.reference()
    assert unrelated.stats.checked == 0  # the hint's answer is the same: nothing close

    site.edit("refunds/models.py", "class Refund(models.Model):", "class Invoice(models.Model):")
    closer = site.check()
    assert closer.result.findings == site.reference()
    assert closer.stats.checked == 1
    assert _hints(closer, "FD301") == ["did you mean `Invoice`? (refunds/models.py:4)"]


def _hints(run, code: str) -> list[str | None]:
    return [f.hint for f in run.result.findings if f.code == code and f.path.endswith("invoices.md")]


def test_a_new_file_next_to_a_missing_linked_one_changes_its_hint(site):
    site.edit("docs/features/guide.md", "Read about", "See [the services](../../orders/servces.py). Read about")
    assert _fd201_hints(site.check()) == [None]  # nothing close in orders/
    site.write("orders/services.py", "")
    again = site.check()
    assert _fd201_hints(again) == ["did you mean `../../orders/services.py`?"]
    assert again.result.findings == site.reference()


def _fd201_hints(run) -> list[str | None]:
    return [f.hint for f in run.result.findings if f.code == "FD201"]


def test_earlier_facts_have_the_child_read_on_two_cores_with_the_same_result(site, monkeypatch, tmp_path):
    """A run that found facts cached before mostly waits for the new ones: the child forks a
    copy of itself for the URLconf. A run with no earlier facts is busy parsing meanwhile."""
    from featuredocs.cache.keys import tool_identity
    from featuredocs.cache.pending import PendingFacts, cache_folder
    from featuredocs.cache.store import Store
    from featuredocs.project import load_facts

    monkeypatch.setenv("FEATUREDOCS_WORKERS", "2")
    config = site.config()
    site.edit("orders/models.py", "    total = models", "    total_cents = models")
    pending = PendingFacts(config, Store(cache_folder(config), tool_identity()))
    assert pending.forking
    read_alone = load_facts(config, child=True).facts
    assert read_alone is not None
    assert pending.result().get().to_json_text() == read_alone.to_json_text()  # type: ignore[union-attr]
    fresh = config.with_overrides(cache_dir=tmp_path / "elsewhere")
    first_run = PendingFacts(fresh, Store(cache_folder(fresh), tool_identity()))
    assert not first_run.forking
    first_run.result()
    monkeypatch.setenv("FEATUREDOCS_WORKERS", "1")
    one_core = PendingFacts(config, Store(cache_folder(config), tool_identity()))
    assert not one_core.forking
    one_core.result()


def test_a_run_with_many_pages_edited_does_not_fork_the_facts_reader(site, monkeypatch):
    """Edited pages are parsed while the facts are read: with many, this process is busy."""
    monkeypatch.setenv("FEATUREDOCS_WORKERS", "2")
    monkeypatch.setattr(cache_run, "_BUSY_PAGES", 2)
    site.edit("orders/models.py", "    total = models", "    total_cents = models")
    site.edit("docs/features/orders.md", "Orders are paid by card.", "Orders are paid by card or transfer.")
    few = cache_passes.incremental_check(site.config())
    assert few.stats.facts_forked and not few.stats.facts_cached
    assert few.result.findings == site.reference()
    site.edit("orders/models.py", "    total_cents = models", "    total_amount = models")  # a third state
    for page in ("docs/features/orders.md", "docs/features/guide.md"):
        site.write(page, (site.root / page).read_text(encoding="utf-8") + "\nMore prose.\n")
    many = cache_passes.incremental_check(site.config())
    assert not many.stats.facts_forked and not many.stats.facts_cached
    assert many.result.findings == site.reference()
