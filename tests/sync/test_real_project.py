"""sync against the real facts of a copy of the example shop after a real code change.

The copy's code changes the way a developer changes it — a field added to ``Order``, an
index renamed, a new option on ``send_reminders``, the ``expire_orders`` batch size, the product cache
lifetime and the payment window's default — and its facts are read by a fresh
interpreter, as ``featuredocs sync`` reads them. The pages are then synced in memory.
"""

from __future__ import annotations


import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from featuredocs.fix.diff import unified_diff
from featuredocs.fix.sync import sync_docs
from featuredocs.markdown import load_schema
from featuredocs.model import DocSet, Page, ProjectFacts
from tests.generate.shop import copy_shop, replace_in
from tests.support.django_project import collect_facts
from tests.sync.shop import docset_of, page_texts
from tests.sync.test_property import check_sync_promises, human_edits


@pytest.fixture(scope="module")
def changed_facts(tmp_path_factory: pytest.TempPathFactory) -> ProjectFacts:
    project = copy_shop(tmp_path_factory.mktemp("sync-real"))
    replace_in(
        project / "orders/models/order.py",
        "    expired_at = models.DateTimeField(null=True, blank=True)\n",
        "    expired_at = models.DateTimeField(null=True, blank=True)\n"
        '    gift_note = models.TextField(blank=True, help_text="Printed on the packing slip.")\n',
    )
    replace_in(project / "orders/models/order.py", 'name="orders_status_created_idx"', 'name="orders_state_created_idx"')
    command = project / "orders/management/commands/expire_orders.py"
    replace_in(command, "default=200,", "default=250,")
    replace_in(command, "(default: 200)", "(default: 250)")
    replace_in(
        project / "customers/management/commands/send_reminders.py",
        '            help="List who would be reminded without sending anything.",\n        )\n',
        '            help="List who would be reminded without sending anything.",\n        )\n'
        '        parser.add_argument("--quiet", action="store_true", help="Print nothing.")\n',
    )
    replace_in(project / "catalog/views.py", "PRODUCT_SUMMARY_TTL = 60 * 15", "PRODUCT_SUMMARY_TTL = 60 * 30")
    replace_in(project / "shop/settings.py", '"SHOP_ORDER_WINDOW_HOURS", "48"', '"SHOP_ORDER_WINDOW_HOURS", "72"')
    return collect_facts(project, "shop.settings")


def test_the_real_change_is_synced_and_the_pages_check_clean(changed_facts: ProjectFacts) -> None:
    texts = page_texts()
    check_sync_promises(changed_facts, texts, [])
    result = sync_docs(docset_of(texts), changed_facts, load_schema())
    new = {page.rel: page.text for page in result.docset.pages}
    orders, reminders, catalog = (new[f"features/{name}.md"] for name in ("order-lifecycle", "payment-reminders", "product-catalog"))
    assert "- `expired_at` (DateTimeField): When `expire_orders` gave up on the order; empty otherwise.\n" \
        "- `gift_note` (TextField): Printed on the packing slip.\n" in orders
    assert "- `--batch-size`: Orders loaded per query (default: 250)\n" in orders
    assert "SHOP_ORDER_WINDOW_HOURS=72  # payment window shown to customers, in hours\n" in orders
    assert '"window_hours": int(os.getenv("SHOP_ORDER_WINDOW_HOURS", "72")),\n' in orders  # the settings example
    assert "- `--dry-run`: List who would be reminded without sending anything\n- `--quiet`: Print nothing.\n" in reminders
    assert "**TTL**: 30 minutes\n" in catalog
    # renamed in the model's Indexes list and in the Database Optimization one, words kept
    assert "- `orders_state_created_idx` on (`status`, `created_at`)\n" in orders
    assert "- `orders_state_created_idx` on (`status`, `created_at`): the expiry and reminder scans" in orders
    diff = "".join(unified_diff(rel, text, new[rel]) for rel, text in texts.items())
    changed = [line for line in diff.splitlines() if line[:1] in "+-" and line[:3] not in ("+++", "---")]
    assert len(changed) == 14  # 6 lines replaced, 2 added: a minimal diff, not a rewrite


@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
@given(edits=st.lists(human_edits, min_size=1, max_size=4))
def test_human_edits_survive_a_sync_against_real_facts(changed_facts: ProjectFacts, edits: list[object]) -> None:
    texts = page_texts()
    for edit in edits:
        edit.apply(texts)  # type: ignore[attr-defined]
    check_sync_promises(changed_facts, texts, [getattr(e, "text") for e in edits if type(e).__name__ == "Paragraph"])


def test_pages_parsed_where_they_are_synced_give_the_same_changes(changed_facts: ProjectFacts) -> None:
    """As the command runs it: the pages hold their text only, each is parsed by the process
    that syncs it, and pages changed by one pass are read again for the next."""
    texts = page_texts()
    parsed = sync_docs(docset_of(texts), changed_facts, load_schema())
    plain = docset_of(texts)
    plain = DocSet(plain.root, tuple(Page(p.path, p.rel, p.display, p.text) for p in plain.pages), plain.files)
    unparsed = sync_docs(plain, changed_facts, load_schema(), parsed=False)
    assert len(parsed.changes) == 3
    assert unparsed.changes == parsed.changes
    assert [page.text for page in unparsed.docset.pages] == [page.text for page in parsed.docset.pages]
