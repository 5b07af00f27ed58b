"""When the facts change, the pages whose rules read nothing that changed keep their findings.

Every run is compared with the engine's own, uncached result of the same tree.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from featuredocs.cache.pages import SHARED_READS
from featuredocs.cache.pending import cache_folder
from tests.cache.project import Site, codes, make_site


@pytest.fixture
def site(tmp_path: Path) -> Site:
    site = make_site(tmp_path / "shop")
    first = site.check()
    assert first.stats.checked == 3
    site.loads.clear()
    return site


def test_a_field_change_rechecks_only_the_page_that_documents_the_model(site):
    site.edit("orders/models.py", "note = models.TextField(blank=True)",
              "note = models.CharField(max_length=200, blank=True)")
    again = site.check()
    assert len(site.loads) == 1  # the facts were read again, and differ
    # orders.md documents the model; guide.md links to a line of the edited file. The index
    # reads neither.
    assert (again.stats.checked, again.stats.kept) == (2, 1)
    assert "FD303" in codes(again.result.findings, "features/orders.md")
    assert again.result.findings == site.reference()


def test_a_branch_switched_back_finds_the_facts_it_had(site):
    """The facts of the two latest states are kept, and so are each page's findings under
    both: going back reads no facts and checks no page."""
    site.edit("orders/models.py", "    total = models", "    total_cents = models")
    branch = site.check()
    assert len(site.loads) == 1 and not branch.stats.facts_cached
    assert "FD302" in codes(branch.result.findings, "features/orders.md")
    for _ in range(2):
        site.edit("orders/models.py", "    total_cents = models", "    total = models")
        back = site.check()
        assert back.stats.facts_cached and (back.stats.reused, back.stats.checked) == (3, 0)
        assert back.result.findings == site.reference()
        site.edit("orders/models.py", "    total = models", "    total_cents = models")
        again = site.check()
        assert again.stats.facts_cached and (again.stats.reused, again.stats.checked) == (3, 0)
        assert again.result.findings == site.reference()
    assert len(site.loads) == 1


def test_a_state_whose_code_gives_the_same_facts_is_a_state_of_its_own(site):
    site.edit("orders/models.py", "class Order(models.Model):", "class Order(models.Model):  # what a customer buys")
    assert site.check().stats.reused == 2 and len(site.loads) == 1  # read again: the same facts
    site.edit("orders/models.py", "class Order(models.Model):  # what a customer buys", "class Order(models.Model):")
    back = site.check()
    assert back.stats.facts_cached and len(site.loads) == 1
    assert back.result.findings == site.reference()


def test_only_the_two_latest_states_keep_their_facts(site):
    for name in ("total_cents", "total_amount"):
        site.edit("orders/models.py", "    total = models", f"    {name} = models")
        site.check()
        site.edit("orders/models.py", f"    {name} = models", "    total = models")
    assert len(site.loads) == 2
    first_state = site.check()  # two states later
    assert not first_state.stats.facts_cached and len(site.loads) == 3
    assert first_state.result.findings == site.reference()
    assert len(list((cache_folder(site.config()) / "facts").rglob("*.data"))) == 2


def test_a_change_no_rule_reads_keeps_every_finding(site):
    site.edit("orders/models.py", "note = models.TextField(blank=True)",
              'note = models.TextField(blank=True, help_text="Shown to the customer.")')
    again = site.check()
    assert len(site.loads) == 1
    assert again.stats.kept == 2 and again.stats.checked == 1  # guide.md, for its link into the file
    assert again.result.findings == site.reference()


REFUNDS_PAGE = """\
# Refunds

> **Refunds** - Money given back.

## Data Models

### Refund

A refund.

**Fields:**
- `reason` (TextField): Why.
"""


def test_a_new_model_rechecks_the_pages_that_asked_for_it(site):
    site.write("docs/features/refunds.md", REFUNDS_PAGE)
    site.write("docs/README.md", "# Docs\n\n- [Orders](features/orders.md)\n- [Guide](features/guide.md)\n"
               "- [Refunds](features/refunds.md)\n")
    assert "FD301" in codes(site.check().result.findings, "features/refunds.md")
    site.edit("orders/models.py", "class Order(", "class Refund(models.Model):\n    reason = models.TextField()\n\n\nclass Order(")
    again = site.check()
    # refunds.md asked for the model; guide.md links into the file. orders.md and the index keep theirs.
    assert (again.stats.checked, again.stats.kept) == (2, 2)
    assert "FD301" not in codes(again.result.findings, "features/refunds.md")
    assert again.result.findings == site.reference()


def test_findings_kept_once_are_kept_or_dropped_rightly_the_next_time(site):
    site.edit("orders/models.py", "note = models.TextField(blank=True)",
              'note = models.TextField(blank=True, help_text="Shown to the customer.")')
    assert site.check().stats.kept == 2
    site.edit("orders/models.py", "total = models.PositiveIntegerField(default=0)",
              "total = models.DecimalField(max_digits=10, decimal_places=2, default=0)")
    again = site.check()
    assert (again.stats.checked, again.stats.kept) == (2, 1)
    assert "FD303" in codes(again.result.findings, "features/orders.md")
    assert again.result.findings == site.reference()


def test_damaged_shared_reads_recheck_every_page(site):
    (cache_folder(site.config()) / SHARED_READS).write_bytes(b"not a pickle")
    site.edit("orders/models.py", "note = models.TextField(blank=True)",
              'note = models.TextField(blank=True, help_text="Shown to the customer.")')
    again = site.check()
    assert (again.stats.checked, again.stats.kept) == (3, 0)
    assert again.result.findings == site.reference()


def test_pages_linking_nowhere_near_the_code_are_not_parsed_while_the_facts_load(site):
    site.edit("docs/features/guide.md", "[its definition](../../orders/models.py#L5).", "its definition.")
    assert site.check().stats.checked == 1
    site.edit("orders/models.py", "note = models.TextField(blank=True)",
              'note = models.TextField(blank=True, help_text="Shown to the customer.")')
    again = site.check()
    assert (again.stats.checked, again.stats.kept, again.stats.parsed) == (0, 3, 0)
    assert again.result.findings == site.reference()


# --- a generated project, edited one way after another -------------------------------------

EDITS = [  # (file, old, new): applied in turn, never undone
    ("billing/models.py", "name = models.CharField(max_length=120)",
     'name = models.CharField(max_length=120, help_text="Shown in lists.")'),
    ("billing/services.py", "\nimport os\n", "\nimport os\n\n\ndef rounded(value):\n    return round(value)\n"),
    ("billing/serializers.py", 'class BillingRuleSerializer(serializers.ModelSerializer):\n    class Meta:\n'
     '        model = BillingRule\n        fields = ["id", "name", "status", "is_active", "quantity", "priority", "code", "created_at"]',
     'class BillingRuleSerializer(serializers.ModelSerializer):\n    display_name = serializers.CharField(read_only=True)\n\n'
     '    class Meta:\n        model = BillingRule\n        fields = ["id", "name", "status", "is_active", "quantity", '
     '"priority", "code", "created_at", "display_name"]'),
    ("billing/models.py", "    priority = models.SmallIntegerField(default=0)\n",
     "    priority = models.IntegerField(default=0)\n"),
    ("billing/management/commands/archive_billing_exports.py", "default=500", "default=1000"),
    ("billing/management/commands/archive_billing_exports.py", '        parser.add_argument("--dry-run"',
     '        parser.add_argument("--limit", type=int, default=5, help="At most this many.")\n'
     '        parser.add_argument("--dry-run"'),
    ("billing/views.py", 'filterset_fields = ["status"]', 'filterset_fields = ["status", "code"]'),
    ("billing/models.py", "class BillingAllocation(models.Model):",
     "class BillingSpare(models.Model):\n    label = models.CharField(max_length=10)\n\n\n"
     "class BillingAllocation(models.Model):"),
    ("monolith/settings.py", "CACHES = {", "FEATURE_FLAGS_TTL = 30\n\nCACHES = {"),
    ("monolith/settings.py", '"BILLING_BATCH_SIZE", "250"', '"BILLING_BATCH_SIZE", "500"'),
    ("billing/models.py", 'name="billing_0_status_idx"', 'name="billing_0_state_idx"'),
    ("billing/models.py", "    notes = models.TextField(blank=True)\n", ""),
    ("billing/urls.py", '    path("reports/activity/"',
     '    path("reports/daily/", views.summary_report, name="daily-report"),\n    path("reports/activity/"'),
    ("billing/services.py", "\n\ndef api_key() -> str:",
     '\n\ndef clear_rule(pk: int) -> None:\n    cache.delete(f"billing:rule:{pk}:draft")\n\n\ndef api_key() -> str:'),
]


def test_a_generated_project_edited_in_turn_reports_what_an_uncached_check_does(tmp_path):
    from benchmarks.generate import generate

    from featuredocs.cache import check_passes, incremental_check
    from featuredocs.config import load_config
    from featuredocs.engine import feature_pages, run_check
    from featuredocs.fix.sync import sync
    from featuredocs.project import load_facts

    root = generate(tmp_path / "monolith", scale=0.02, seed=1).root
    config = load_config(root=root)
    assert incremental_check(config).stats.checked > 20
    outcomes = []  # (pages checked, pages kept) after each edit
    for rel, old, new in EDITS:
        path = root / rel
        text = path.read_text(encoding="utf-8")
        assert old in text, (rel, old)
        path.write_text(text.replace(old, new, 1), encoding="utf-8")
        again = incremental_check(config)
        facts = load_facts(config, child=True).facts
        assert facts is not None
        assert again.result.findings == run_check(config, facts).findings, rel
        outcomes.append((again.stats.checked, again.stats.kept))
        # The pages the findings kept say sync leaves as they are: exactly the feature pages
        # sync, knowing nothing, does not change.
        passes = check_passes(config, writes=False, findings=False, sync=True)
        in_sync = passes.in_sync(passes.check())
        docs = passes.docs.plain_docset()
        changed = {c.path for c in sync(config, facts, docs, parsed=False).changes}
        unchanged = {page.rel for page in docs.pages if page.rel in feature_pages(docs, config) and page.path not in changed}
        assert in_sync == unchanged, rel
    pages = again.stats.pages
    # Help text: no rule reads it. A new function: no page asked about its name.
    assert outcomes[:2] == [(0, pages), (0, pages)]
    # A serializer's new field, a field's type, a command's option, an endpoint's filters, a
    # new model or setting: read by a few pages only.
    assert all(checked < pages // 4 and checked + kept == pages for checked, kept in outcomes[2:9])
    assert all(checked > 0 for checked, _ in outcomes[2:7])
    # A new endpoint: the pages whose paths it answers differently (the billing pages that
    # document the URL space it joins), not every page that names an endpoint.
    assert 0 < outcomes[-2][0] < pages // 4
    # A new cache call: the pages whose keys it answers differently (none: no page names it).
    assert outcomes[-1] == (0, pages)
