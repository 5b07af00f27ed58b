"""Each page keeps its findings under its two latest keys and facts: a hook running some rules
and a full check alternate, and so do two versions of a page, without checking it again.

Every run is compared with the engine's own, uncached result of the same tree.
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import pytest

from featuredocs import engine
from featuredocs.cache import plan as cache_plan
from featuredocs.cache.keys import tool_identity
from featuredocs.cache.pages import RESULTS, Result
from featuredocs.cache.pending import cache_folder
from featuredocs.cache.plan import rule_plan
from featuredocs.cache.store import Store
from tests.cache.project import Site, codes, make_site


@pytest.fixture
def site(tmp_path: Path) -> Site:
    site = make_site(tmp_path / "shop")
    first = site.check()
    assert first.stats.checked == 3 and first.stats.docset_rules_run
    site.loads.clear()
    return site


def test_a_hook_running_some_rules_and_a_full_check_alternate_without_checking_again(site):
    site.edit("docs/features/guide.md", "Where to start", "Where to start (see [the FAQ](faq.md))")
    assert site.check().stats.checked == 1
    links = site.config(select=("FD2",))
    hook = site.check(links)
    assert hook.stats.checked == 3  # first run of these rules
    assert hook.result.findings == site.reference(links)
    assert {f.code[:3] for f in hook.result.findings} == {"FD2"}
    assert {f.code[:3] for f in site.reference()} == {"FD1", "FD2"}
    for _ in range(2):
        full = site.check()
        assert (full.stats.checked, full.stats.reused, full.stats.docset_rules_run) == (0, 3, False)
        assert full.result.findings == site.reference()
        hook = site.check(links)
        assert (hook.stats.checked, hook.stats.reused, hook.stats.docset_rules_run) == (0, 3, False)
        assert hook.result.findings == site.reference(links)
    assert site.loads == []


def test_a_change_of_the_facts_keeps_both_selections_findings_where_it_can(site):
    """Findings carried over to new facts replace those they came from, and the hook's
    findings are carried along with the full check's."""
    links = site.config(select=("FD2",))
    assert site.check(links).stats.checked == 3
    site.edit("orders/models.py", "note = models.TextField(blank=True)",
              'note = models.TextField(blank=True, help_text="Shown to the customer.")')
    full = site.check()
    # guide.md links to a line of the edited file; the other two read nothing that changed.
    assert (full.stats.checked, full.stats.kept) == (1, 2)
    assert full.result.findings == site.reference()
    hook = site.check(links)
    assert (hook.stats.checked, hook.stats.reused) == (1, 2)  # carried along by the full check
    assert hook.result.findings == site.reference(links)
    assert site.check().stats.checked == 0


def test_a_third_configuration_pushes_out_the_oldest(site):
    for select in (("FD2",), ("FD1",)):
        assert site.check(site.config(select=select)).stats.checked == 3
    full = site.check()
    assert full.stats.checked == 3
    assert full.result.findings == site.reference()
    assert site.check(site.config(select=("FD1",))).stats.checked == 0  # still one of the two latest


def test_a_page_edited_and_put_back_finds_its_findings(site):
    original = (site.docs / "features/orders.md").read_text(encoding="utf-8")
    site.edit("docs/features/orders.md", "- `total`", "- `total_amount`")
    edited = site.check()
    assert edited.stats.checked == 1
    assert "FD302" in codes(edited.result.findings, "features/orders.md")
    site.write("docs/features/orders.md", original)
    back = site.check()
    assert (back.stats.checked, back.stats.reused) == (0, 3)
    assert back.result.findings == site.reference()
    assert "FD302" not in codes(back.result.findings, "features/orders.md")


def test_results_in_another_layout_are_checked_again(site):
    store = Store(cache_folder(site.config()), tool_identity())
    table = store.read(RESULTS)
    assert all(isinstance(entries, tuple) and len(entries) == 1 for entries in table.values())
    # One bare result per page, as an earlier layout kept them, and an entry of junk.
    damaged = {rel: entries[0] for rel, entries in table.items()}
    damaged["features/guide.md"] = ("junk", b"")
    store.write(RESULTS, damaged)
    assert all(isinstance(entry, Result) for rel, entry in damaged.items() if rel != "features/guide.md")
    again = site.check()
    assert again.stats.checked == 3 and again.stats.reused == 0
    assert again.result.findings == site.reference()
    assert site.check().stats.checked == 0


def test_the_rules_of_the_two_latest_configurations_are_planned_without_importing_them(site, tmp_path, monkeypatch):
    store = Store(tmp_path / "plans", tool_identity())
    configs = {"all": site.config(), "links": site.config(select=("FD2",)), "models": site.config(select=("FD3",))}
    plans = {name: rule_plan(configs[name], store, True) for name in ("all", "links")}
    assert plans["links"].run == tuple(code for code in plans["all"].run if code.startswith("FD2"))
    selected: list[object] = []
    monkeypatch.setattr(cache_plan, "selected_rules", lambda config: selected.append(config) or engine.selected_rules(config))
    for _ in range(2):
        for name in ("all", "links"):
            assert rule_plan(configs[name], store, True) == plans[name]
    assert selected == []
    rule_plan(configs["models"], store, True)
    rule_plan(configs["links"], store, True)
    assert selected == [configs["models"]]
    rule_plan(configs["all"], store, True)  # pushed out by the third
    assert selected == [configs["models"], configs["all"]]


#: One check in a process of its own, as a hook or CI runs it: only the rule modules it
#: imports have registered the questions its pages ask of the facts.
CHECK_ALONE = """
import json, sys
from pathlib import Path
from featuredocs.cache import incremental_check
from featuredocs.config import load_config
config = load_config(root=Path(sys.argv[1]))
if sys.argv[2:]:
    config = config.with_overrides(select=tuple(sys.argv[2:]))
run = incremental_check(config)
print(json.dumps([run.stats.checked, run.stats.kept, len(run.result.findings)]))
"""


def check_alone(root: Path, *select: str) -> tuple[int, int, int]:
    done = subprocess.run([sys.executable, "-c", CHECK_ALONE, str(root), *select],
                          capture_output=True, text=True, timeout=300, check=True)
    checked, kept, findings = json.loads(done.stdout)
    return checked, kept, findings


def test_a_hook_after_changes_of_the_code_keeps_what_the_full_check_keeps(tmp_path):
    """The hook's findings are carried along by the full checks run after each change of
    the code. The pages' sync verdicts ask the facts questions of rules the hook does not
    run (cache TTLs, FD702): a process running the hook alone must still ask them again."""
    from benchmarks.generate import generate

    root = generate(tmp_path / "monolith", scale=0.02, seed=1).root
    page = sorted((root / "docs/features").glob("*.md"))[0]
    page.write_text(page.read_text(encoding="utf-8") + "\nSee [the FAQ](faq.md).\n", encoding="utf-8")
    full_first = check_alone(root)
    assert full_first[0] > 20
    hook_first = check_alone(root, "FD2")
    assert hook_first[0] == full_first[0] and 0 < hook_first[2] < full_first[2]
    models = root / "billing/models.py"
    for help_text in ("Shown in lists.", "Shown in lists and forms."):
        models.write_text(re.sub(r"name = models.CharField\(max_length=120[^)]*\)",
                                 f'name = models.CharField(max_length=120, help_text="{help_text}")',
                                 models.read_text(encoding="utf-8"), count=1), encoding="utf-8")
        checked, kept, findings = check_alone(root)
        assert (checked, kept, findings) == (0, full_first[0], full_first[2])
    assert check_alone(root, "FD2") == (0, 0, hook_first[2])  # carried along by the checks
