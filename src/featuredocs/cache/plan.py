"""Which rules a run runs, remembered so that an unchanged tree need not import them all."""

from __future__ import annotations

from dataclasses import dataclass

from featuredocs.cache.keys import config_digest, digest, tool_identity
from featuredocs.cache.pages import RESULTS_KEPT
from featuredocs.cache.recent import latest_first
from featuredocs.cache.store import Store
from featuredocs.config import Config
from featuredocs.engine import selected_rules

RULES = "rules.pickle"


@dataclass(frozen=True)
class RulePlan:
    run: tuple[str, ...]  # codes of the rules that run, in code order
    skipped: tuple[str, ...]  # codes not run because the project has no facts
    docset: bool  # whether any of them is a docset-scope rule


def rule_plan(config: Config, store: Store, with_facts: bool) -> RulePlan:
    """The rules selected by ``config`` that can run (those that need facts only
    ``with_facts``), from ``store`` when an earlier run of this featuredocs worked it out."""
    key = digest(tool_identity(), config_digest(config), with_facts)
    remembered = store.read(RULES)
    # As many plans as pages keep results: a hook running some rules and a full check
    # alternate, and neither imports every rule to find its plan.
    plans = [entry for entry in remembered if _is_entry(entry)] if isinstance(remembered, tuple) else []
    for index, (known, plan) in enumerate(plans):
        if known == key:
            if index:
                store.write(RULES, latest_first((key, plan), plans, lambda entry: entry[0] == key, RESULTS_KEPT))
            return plan
    rules = selected_rules(config)
    runnable = [r for r in rules if with_facts or not r.needs_facts]
    plan = RulePlan(
        tuple(r.code for r in runnable),
        tuple(r.code for r in rules if r not in runnable),
        any(r.scope == "docset" for r in runnable),
    )
    store.write(RULES, latest_first((key, plan), plans, lambda entry: entry[0] == key, RESULTS_KEPT))
    return plan


def _is_entry(entry: object) -> bool:
    return isinstance(entry, tuple) and len(entry) == 2 and isinstance(entry[1], RulePlan)
