"""sync's promises, tried on the example shop's pages with random code changes and edits.

Start from the shop's real pages and real facts; let the code change (fields added,
removed and retyped, indexes added, options added, removed and given new defaults,
environment defaults changed, variables required, added or dropped, cache timeouts
changed) and let people edit (descriptions rewritten, paragraphs added, items reordered).
Then:

- sync twice equals sync once;
- every description a person wrote for a field or option that still exists survives,
  and so does every paragraph they added;
- the synced pages check clean for every code sync settles, against the changed facts.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from dataclasses import dataclass

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from featuredocs.engine import run_check
from featuredocs.fix.sync import sync_docs
from featuredocs.markdown import load_schema
from featuredocs.model import ModelFact, ProjectFacts
from tests.sync import changes
from tests.sync.edits import Paragraph, Rewrite, Swap, field_descriptions, option_descriptions
from tests.sync.shop import PAGES, docset_of, page_texts, synced_config

MODELS = ("catalog.Category", "catalog.Product", "orders.Order", "orders.OrderItem",
          "customers.CustomerProfile", "customers.Reminder")
PLAIN_CLASSES = ("CharField", "TextField", "IntegerField", "BooleanField", "DateField", "DecimalField",
                 "JSONField", "UUIDField", "PositiveIntegerField", "EmailField")
NEW_FIELDS = ("gift_note", "weight_grams", "region", "is_featured", "legacy_ref")
COMMANDS = {
    "expire_orders": ("--older-than-hours", "--batch-size", "--dry-run", "--no-notify"),
    "import_products": ("--format", "--batch-size", "--category", "--update-existing", "--dry-run"),
    "send_reminders": ("--channel", "--hours", "--limit", "--dry-run"),
}
INT_OPTIONS = {"--older-than-hours", "--batch-size", "--hours", "--limit"}
ENV = ("SHOP_ORDER_EXPIRY_ENABLED", "SHOP_ORDER_WINDOW_HOURS", "SHOP_FROM_EMAIL", "SHOP_SMS_GATEWAY_URL",
       "SHOP_IMPORT_MAX_ROWS", "SHOP_SMS_API_KEY")
ENV_VALUES = ("12", "72", "False", "https://sms.example/v2", "ops@shop.example", "100000")
TTL_PATTERNS = ("catalog:product:{}:summary", "customers:reminders:{}:lock")


@dataclass(frozen=True)
class CodeChange:
    """One change to the project, shown by hypothesis as ``kind(args)``."""

    kind: str
    args: tuple[object, ...]

    def apply(self, facts: ProjectFacts) -> ProjectFacts:
        return _APPLY[self.kind](facts, *self.args)


def _model(facts: ProjectFacts, label: str) -> ModelFact:
    return next(m for m in facts.models if m.label == label)


def _plain_fields(facts: ProjectFacts, label: str) -> list[str]:
    return [f.name for f in _model(facts, label).fields if not f.reverse and not f.primary_key and not f.is_relation]


def _remove_field(facts: ProjectFacts, label: str, pick: int) -> ProjectFacts:
    names = [f.name for f in _model(facts, label).fields if not f.reverse and not f.primary_key]
    return changes.remove_field(facts, label, names[pick % len(names)]) if names else facts


def _retype(facts: ProjectFacts, label: str, pick: int, cls: str) -> ProjectFacts:
    names = _plain_fields(facts, label)
    return changes.retype_field(facts, label, names[pick % len(names)], cls) if names else facts


def _add_index(facts: ProjectFacts, label: str, first: int, second: int) -> ProjectFacts:
    names = _plain_fields(facts, label)
    if len(names) < 2 or first % len(names) == second % len(names):
        return facts
    fields = (names[first % len(names)], names[second % len(names)])
    return changes.add_index(facts, label, fields, f"{label.split('.')[1].lower()}_{'_'.join(fields)}_idx"[:30])


def _add_field(facts: ProjectFacts, label: str, name: str, cls: str) -> ProjectFacts:
    if any(f.name == name for f in _model(facts, label).fields):
        return facts
    related = "catalog.Product" if cls == "ForeignKey" else None
    return changes.add_field(facts, label, name, cls, related)


_APPLY: dict[str, Callable[..., ProjectFacts]] = {
    "add_field": _add_field,
    "remove_field": _remove_field,
    "retype_field": _retype,
    "add_index": _add_index,
    "add_option": changes.add_option,
    "remove_option": changes.remove_option,
    "set_option_default": changes.set_option_default,
    "set_env_default": changes.set_env_default,
    "require_env": changes.require_env,
    "add_env": changes.add_env,
    "remove_env": changes.remove_env,
    "set_ttl": changes.set_ttl,
}

models = st.sampled_from(MODELS)
picks = st.integers(0, 20)


def _option_default(flag: str) -> st.SearchStrategy[str]:
    if flag in INT_OPTIONS:
        return st.integers(1, 5000).map(str)
    return st.sampled_from(("'json'", "'sms'", "'csv'", "'email'"))


@st.composite
def option_default_change(draw: st.DrawFn) -> CodeChange:
    command = draw(st.sampled_from(sorted(COMMANDS)))
    flag = draw(st.sampled_from([f for f in COMMANDS[command] if f in INT_OPTIONS or f in {"--format", "--channel"}]))
    return CodeChange("set_option_default", (command, flag, draw(_option_default(flag))))


code_changes = st.one_of(
    st.builds(lambda m, n, c: CodeChange("add_field", (m, n, c)), models, st.sampled_from(NEW_FIELDS),
              st.sampled_from((*PLAIN_CLASSES, "ForeignKey"))),
    st.builds(lambda m, p: CodeChange("remove_field", (m, p)), models, picks),
    st.builds(lambda m, p, c: CodeChange("retype_field", (m, p, c)), models, picks, st.sampled_from(PLAIN_CLASSES)),
    st.builds(lambda m, a, b: CodeChange("add_index", (m, a, b)), models, picks, picks),
    st.builds(lambda c, f, d: CodeChange("add_option", (c, f, d, "Added in a recent release")),
              st.sampled_from(sorted(COMMANDS)), st.sampled_from(("--since", "--max-items", "--report")),
              st.one_of(st.none(), st.integers(1, 99).map(str))),
    st.builds(lambda c, p: CodeChange("remove_option", (c, COMMANDS[c][p % len(COMMANDS[c])])),
              st.sampled_from(sorted(COMMANDS)), picks),
    option_default_change(),
    st.builds(lambda n, v: CodeChange("set_env_default", (n, v)), st.sampled_from(ENV), st.sampled_from(ENV_VALUES)),
    st.builds(lambda n: CodeChange("require_env", (n,)), st.sampled_from(ENV)),
    st.builds(lambda n, d, p: CodeChange("add_env", (n, d, p)), st.sampled_from(("SHOP_ORDER_BATCH", "SHOP_REGION")),
              st.one_of(st.none(), st.sampled_from(("500", "eu"))),
              st.sampled_from(("orders/tasks.py", "catalog/tasks.py", "customers/tasks.py"))),
    st.builds(lambda n: CodeChange("remove_env", (n,)), st.sampled_from(ENV)),
    st.builds(lambda p, s: CodeChange("set_ttl", (p, s)), st.sampled_from(TTL_PATTERNS),
              st.sampled_from((60, 300, 450, 900, 1800, 3600, 86400))),
)
prose = st.text(alphabet="abcdefghijklmnopqrstuvwxyz ", min_size=8, max_size=40).map(
    lambda s: " ".join(s.split()) or "prose"
).filter(lambda s: len(s) > 3)
pages = st.sampled_from(PAGES)
human_edits = st.one_of(
    st.builds(Rewrite, pages, picks, prose.map(lambda s: f"written by hand: {s}")),
    st.builds(Paragraph, pages, picks, prose.map(lambda s: f"A note added by hand: {s}.")),
    st.builds(Swap, pages, picks),
)


def check_sync_promises(facts: ProjectFacts, texts: dict[str, str], added: list[str]) -> None:
    schema = load_schema()
    before = docset_of(texts)
    once = sync_docs(before, facts, schema)
    twice = sync_docs(once.docset, facts, schema)
    assert twice.changes == (), "sync is not idempotent"
    for old, new in zip(before.pages, once.docset.pages, strict=True):
        for description in field_descriptions(old, facts) + option_descriptions(old, facts):
            assert description in new.text, f"{new.rel}: lost {description!r}"
        for paragraph in added:
            if paragraph in old.text:
                assert paragraph in new.text
    result = run_check(synced_config(), facts, docs=(once.docset, []))
    assert [(f.path, f.span.line, f.code, f.message) for f in result.findings] == []


_SETTINGS = settings(
    max_examples=40,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)


@_SETTINGS
@given(code=st.lists(code_changes, min_size=1, max_size=6), edits=st.lists(human_edits, max_size=4))
def test_sync_after_code_changes_and_human_edits(
    shop_facts: ProjectFacts, code: list[CodeChange], edits: list[object]
) -> None:
    facts = shop_facts
    for change in code:
        facts = change.apply(facts)
    texts = page_texts()
    for edit in edits:
        edit.apply(texts)  # type: ignore[attr-defined]
    check_sync_promises(facts, texts, [e.text for e in edits if isinstance(e, Paragraph)])


def test_the_example_pages_are_already_in_sync(shop_facts: ProjectFacts) -> None:
    result = sync_docs(docset_of(page_texts()), shop_facts, load_schema())
    assert result.changes == ()


@pytest.mark.parametrize("page", PAGES)
def test_a_rewritten_description_survives_a_change_to_its_field(shop_facts: ProjectFacts, page: str) -> None:
    texts = page_texts()
    Rewrite(page, 3, "written by hand: kept through sync").apply(texts)
    facts = dataclasses.replace(shop_facts)
    for label in MODELS:
        facts = _retype(facts, label, 3, "TextField")
    check_sync_promises(facts, texts, [])
    once = sync_docs(docset_of(texts), facts, load_schema())
    assert "written by hand: kept through sync" in next(p.text for p in once.docset.pages if p.rel == page)
