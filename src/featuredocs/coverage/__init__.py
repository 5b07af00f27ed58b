"""How much of the project the feature pages document (``featuredocs coverage``)."""

from __future__ import annotations

from featuredocs.config import Config
from featuredocs.coverage.claimed import Claimed, claimed_by_pages
from featuredocs.coverage.inventory import KINDS, Item, inventory
from featuredocs.coverage.measure import Count, CoverageReport, Missing, measure, should_fail_under
from featuredocs.engine import feature_pages, load_docs, load_template
from featuredocs.model import DocSet, ProjectFacts


def coverage_report(config: Config, facts: ProjectFacts, docset: DocSet | None = None) -> CoverageReport:
    """Compare the docs (read here unless given) with ``facts``."""
    if docset is None:
        docset, _ = load_docs(config)
    features = feature_pages(docset, config)
    claimed = claimed_by_pages(docset, load_template(config), facts, features, config.root)
    labels = [app.label for app in facts.own_apps()]
    return measure(inventory(facts, config.root), claimed, labels)


__all__ = [
    "KINDS", "Claimed", "Count", "CoverageReport", "Item", "Missing", "coverage_report",
    "measure", "should_fail_under",
]
