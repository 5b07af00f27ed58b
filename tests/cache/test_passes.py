"""The passes of ``check --fix`` and ``--diff`` (``cache/passes.py``): each pass checks the
pages as the fixes so far left them, in memory, reusing every finding whose key still
matches, and reports what an uncached check of those texts reports."""

from __future__ import annotations

import json
from collections.abc import Mapping
from pathlib import Path

import pytest

from featuredocs.cache import DEFAULT_DIR, check_passes
from featuredocs.config import Config, load_config
from featuredocs.engine import CheckResult, run_check
from featuredocs.fix.autofix import fix_check
from featuredocs.fix.pages import with_texts
from featuredocs.model import ProjectFacts
from featuredocs.project import load_facts
from tests.cache.project import make_site
from tests.cli.support import featuredocs
from tests.generate.shop import copy_shop


@pytest.fixture(scope="module")
def shop(tmp_path_factory: pytest.TempPathFactory) -> tuple[Config, ProjectFacts]:
    root = copy_shop(tmp_path_factory.mktemp("passes"))
    config = load_config(root=root).with_overrides(docs=root / "docs-drifted")
    facts = load_facts(config, child=True).facts
    assert facts is not None
    return config, facts


def _reference(config: Config, facts: ProjectFacts, first: CheckResult, texts: Mapping[str, str]) -> CheckResult:
    return run_check(config, facts, docs=(with_texts(first.docset, texts), []))


@pytest.mark.parametrize("use_cache", [True, False], ids=["cache", "no-cache"])
def test_each_pass_of_fixes_reports_what_an_uncached_check_of_the_fixed_pages_reports(
    shop: tuple[Config, ProjectFacts], use_cache: bool,
) -> None:
    config, facts = shop
    passes = check_passes(config, use_cache=use_cache, repeated=True, writes=False)
    first = passes.check()
    reference_first = run_check(config, facts)
    assert first.result.findings == reference_first.findings
    checked: list[tuple[int, int]] = []

    def recheck(texts: Mapping[str, str]) -> CheckResult:
        again = passes.check((), texts)
        checked.append((again.stats.checked, again.stats.pages))
        assert again.result.findings == _reference(config, facts, reference_first, texts).findings
        return again.result

    fixed = fix_check(first.result, recheck)
    assert fixed.applied >= 6 and checked, "the drifted docs have fixes to apply"
    # The fixed pages are checked again, not the whole tree.
    assert all(0 < count < pages for count, pages in checked), checked
    passes.finish()
    assert not (config.root / DEFAULT_DIR).exists()  # --diff and --no-cache write no cache


def test_a_pass_checks_again_the_pages_that_link_to_an_edited_heading(tmp_path: Path) -> None:
    site = make_site(tmp_path)
    config = site.config()
    site.check()  # the cache the passes start from
    loads = len(site.loads)
    passes = check_passes(config, repeated=True, writes=False, load=site.load)
    first = passes.check()
    assert first.stats.checked == 0 and "FD202" not in {f.code for f in first.result.findings}
    orders = (site.docs / "features" / "orders.md").read_text(encoding="utf-8")
    edited = {"features/orders.md": orders.replace("### Order\n", "### Purchase\n")}

    again = passes.check((), edited)

    assert again.stats.checked == 2  # the edited page and guide.md, which links to #order
    broken = [f for f in again.result.findings if f.code == "FD202"]
    assert [Path(f.path).name for f in broken] == ["guide.md"]
    facts = load_facts(config, child=True).facts
    assert facts is not None
    assert again.result.findings == _reference(config, facts, run_check(config, facts), edited).findings
    assert len(site.loads) == loads  # both passes took the facts the first check kept


def test_diff_reads_the_cache_a_check_kept_and_leaves_it_as_it_was(tmp_path: Path) -> None:
    shop = copy_shop(tmp_path)
    assert featuredocs("check", "--docs", "docs-drifted", cwd=shop).code == 1
    cache = shop / DEFAULT_DIR
    before = {path: path.read_bytes() for path in sorted(cache.rglob("*")) if path.is_file()}

    diff = featuredocs("check", "--docs", "docs-drifted", "--diff", cwd=shop)
    uncached = featuredocs("check", "--docs", "docs-drifted", "--diff", "--no-cache", cwd=shop)

    assert diff.code == uncached.code == 1
    assert diff.out == uncached.out and "+++ b/docs-drifted/" in diff.out
    assert {path: path.read_bytes() for path in sorted(cache.rglob("*")) if path.is_file()} == before


def test_fix_keeps_the_findings_of_the_fixed_pages_for_the_next_check(tmp_path: Path) -> None:
    cached, uncached = copy_shop(tmp_path / "a"), copy_shop(tmp_path / "b")
    fixed = featuredocs("check", "--docs", "docs-drifted", "--fix", "--format", "json", cwd=cached)
    plain = featuredocs("check", "--docs", "docs-drifted", "--fix", "--no-cache", "--format", "json", cwd=uncached)
    assert (fixed.code, fixed.err) == (plain.code, plain.err) and "applied" in fixed.err
    assert _without_timing(fixed.out) == _without_timing(plain.out)
    assert not (uncached / DEFAULT_DIR).exists()
    for page in sorted((uncached / "docs-drifted").rglob("*.md")):
        assert (cached / page.relative_to(uncached)).read_bytes() == page.read_bytes()

    after = featuredocs("check", "--docs", "docs-drifted", "--format", "json", cwd=cached)
    assert _without_timing(after.out) == _without_timing(fixed.out)


def _without_timing(report: str) -> str:
    data = json.loads(report)
    data["summary"].pop("elapsed_seconds")
    return json.dumps(data)
