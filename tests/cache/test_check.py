"""The cached check against the engine on the bundled example, through the real CLI."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from featuredocs import parallel
from featuredocs.cache import DEFAULT_DIR, incremental_check
from featuredocs.cli import main
from featuredocs.config import load_config
from featuredocs.engine import run_check
from featuredocs.project import load_facts
from tests.cache.project import make_site

SHOP = Path(__file__).resolve().parents[2] / "examples" / "shop"


@pytest.fixture(scope="module")
def shop(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A copy of the example shop, so its cache never lands in the repository."""
    root = tmp_path_factory.mktemp("cache") / "shop"
    shutil.copytree(SHOP, root, ignore=shutil.ignore_patterns(DEFAULT_DIR, "__pycache__"))
    return root


@pytest.fixture(scope="module")
def drifted(shop: Path):
    config = load_config(root=shop).with_overrides(docs=shop / "docs-drifted")
    facts = load_facts(config, child=True)
    return config, facts, run_check(config, facts.facts).findings


def test_cold_warm_and_uncached_runs_report_what_the_engine_reports(drifted, tmp_path):
    config, facts, expected = drifted
    config = config.with_overrides(cache_dir=tmp_path / "cache")
    runs = [incremental_check(config, load=lambda c: facts) for _ in range(2)]
    runs.append(incremental_check(config, use_cache=False, load=lambda c: facts))
    assert len(expected) > 20
    assert [r.result.findings for r in runs] == [expected] * 3
    assert [r.stats.checked for r in runs] == [7, 0, 7]


def test_pages_checked_on_two_cores_keep_their_findings_and_order(drifted, monkeypatch):
    config, facts, expected = drifted
    monkeypatch.setattr(parallel, "MIN_ITEMS", 1)
    run = incremental_check(config, use_cache=False, workers=2, load=lambda c: facts)
    assert run.stats.workers == (2 if parallel.can_fork() else 1)
    assert run.result.findings == expected


def test_the_engine_checks_pages_on_two_cores_with_the_same_findings(drifted, monkeypatch):
    config, facts, expected = drifted
    monkeypatch.setattr(parallel, "MIN_ITEMS", 1)
    monkeypatch.setenv("FEATUREDOCS_WORKERS", "2")
    assert run_check(config, facts.facts).findings == expected


def test_map_in_order_keeps_the_order_of_its_items_and_does_the_first_here(monkeypatch):
    import os

    monkeypatch.setattr(parallel, "MIN_ITEMS", 1)
    items = list(range(103))
    assert parallel.map_in_order(lambda n: n * n, items, workers=2) == [n * n for n in items]
    where = parallel.map_in_order(lambda n: os.getpid(), items, workers=2)
    assert where[0] == os.getpid()
    if parallel.can_fork():
        assert os.getpid() not in where[1:]


def test_no_cache_writes_nothing_and_the_default_writes_an_ignored_folder(shop, capsys):
    cache = shop / DEFAULT_DIR
    shutil.rmtree(cache, ignore_errors=True)
    assert main(["check", "--root", str(shop), "--no-cache", "--format", "json"]) == 0
    uncached = json.loads(capsys.readouterr().out)
    assert not cache.exists()
    assert main(["check", "--root", str(shop), "--format", "json"]) == 0
    cached = json.loads(capsys.readouterr().out)
    assert (cache / ".gitignore").read_text(encoding="utf-8").splitlines()[-1] == "*"
    assert uncached["findings"] == cached["findings"] == []
    assert uncached["summary"]["pages_checked"] == cached["summary"]["pages_checked"] == 7


def test_a_damaged_cache_is_ignored_and_rebuilt(shop, capsys):
    cache = shop / DEFAULT_DIR
    assert main(["check", "--root", str(shop), "--docs", str(shop / "docs-drifted"), "--format", "json"]) == 1
    clean = json.loads(capsys.readouterr().out)["findings"]
    for file in cache.rglob("*"):
        if file.is_file() and file.name != ".gitignore":
            data = file.read_bytes()
            file.write_bytes(data[: len(data) // 3])
    assert main(["check", "--root", str(shop), "--docs", str(shop / "docs-drifted"), "--format", "json"]) == 1
    assert json.loads(capsys.readouterr().out)["findings"] == clean
    assert main(["check", "--root", str(shop), "--docs", str(shop / "docs-drifted"), "--format", "json"]) == 1
    assert json.loads(capsys.readouterr().out)["findings"] == clean


def test_featuredocs_workers_sets_the_number_of_processes(monkeypatch):
    monkeypatch.setenv("FEATUREDOCS_WORKERS", "3")
    assert parallel.available_workers() == 3
    monkeypatch.setenv("FEATUREDOCS_WORKERS", "0")
    assert parallel.available_workers() == 1
    monkeypatch.delenv("FEATUREDOCS_WORKERS")
    assert 1 <= parallel.available_workers() <= parallel.cores()


def test_checks_running_at_once_on_one_cache_each_report_what_an_uncached_check_reports(tmp_path):
    """A pre-commit hook and an editor may check the same project at the same moment:
    each run writes whole files, and whatever mix of their files the cache ends with,
    a later run must not report stale findings."""
    import subprocess
    import sys

    root = tmp_path / "shop"
    shutil.copytree(SHOP, root, ignore=shutil.ignore_patterns(DEFAULT_DIR, "__pycache__"))
    shutil.rmtree(root / "docs")
    shutil.copytree(root / "docs-drifted", root / "docs")

    def start(*extra: str, out: str) -> subprocess.Popen[bytes]:
        command = [sys.executable, "-m", "featuredocs", "check", "--format", "json", "-o", str(tmp_path / out), *extra]
        return subprocess.Popen(command, cwd=root, stderr=subprocess.PIPE)

    def findings(out: str) -> list[dict[str, object]]:
        return json.loads((tmp_path / out).read_text(encoding="utf-8"))["findings"]

    page = next((root / "docs" / "features").glob("*.md"))
    for round_ in range(2):
        if round_:  # a drift added to one page between the rounds
            page.write_text(page.read_text(encoding="utf-8") + "\nRun `python manage.py no_such_command`.\n",
                            encoding="utf-8")
        runs = [start(out=f"at-once-{n}.json") for n in range(3)]
        errors = [run.communicate()[1].decode() for run in runs]
        start("--no-cache", out="uncached.json").communicate()
        start(out="after.json").communicate()
        expected = findings("uncached.json")
        assert expected, "the drifted docs have findings"
        assert errors == ["", "", ""]
        for out in [f"at-once-{n}.json" for n in range(3)] + ["after.json"]:
            assert findings(out) == expected, out
    assert any("no_such_command" in finding["message"] for finding in expected)


def test_a_warm_check_whose_findings_all_hold_does_not_read_the_facts_it_kept(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
) -> None:
    from featuredocs.cache.facts import FactsCache

    site = make_site(tmp_path / "shop")
    site.check()
    read: list[str] = []
    monkeypatch.setattr(FactsCache, "_read", lambda *args: read.append("facts"))
    warm = site.check()
    assert (warm.stats.checked, read) == (0, [])
