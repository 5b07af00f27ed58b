"""How much of the project the feature pages document (``featuredocs coverage``)."""

from __future__ import annotations

from featuredocs.config import Config
from featuredocs.coverage.claimed import Claimed
from featuredocs.coverage.inventory import KINDS, Item, inventory
from featuredocs.coverage.measure import Count, CoverageReport, Missing, measure, should_fail_under
from featuredocs.model import ProjectFacts


def coverage_report(config: Config, facts: ProjectFacts, claimed: list[Claimed]) -> CoverageReport:
    """Compare what the feature pages document (``claimed``, see ``claimed.py``) with ``facts``."""
    labels = [app.label for app in facts.own_apps()]
    # An archived page describes what the project no longer has, as check and sync read it.
    current = [claim for claim in claimed if not claim.archived]
    return measure(inventory(facts, config.root), current, labels)


__all__ = [
    "KINDS", "Claimed", "Count", "CoverageReport", "Item", "Missing", "coverage_report",
    "measure", "should_fail_under",
]
