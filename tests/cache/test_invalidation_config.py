"""Each change to the configuration, the settings module, the template or the reader of the
pages (featuredocs, the interpreter, the markdown parser) rechecks exactly what it must.

Every run is compared with the engine's own, uncached result of the same tree.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from featuredocs.cache import passes as cache_passes
from featuredocs.cache import run as cache_run
from featuredocs.config import load_config
from featuredocs.engine import run_check
from featuredocs.project import load_facts
from tests.cache.invalidation import checked_site
from tests.cache.project import Site


@pytest.fixture
def site(tmp_path: Path) -> Site:
    return checked_site(tmp_path)


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

