"""Sections about another time than now: what a page says there may rightly differ from
the code (a roadmap, a changelog, an upgrade guide, a design that was replaced)."""

from __future__ import annotations

import re
from functools import lru_cache

_OTHER_TIMES = re.compile(
    r"\b(?:future|planned|proposed|roadmap|enhancements?|alternatives?|legacy|deprecated"
    r"|changelog|version history|migrating|migration from|upgrading|removed|phase \d+)\b"
    r"|^before\b|^(?:release |change )?history\b"
    r"|\b(?:old|previous|former) (?:versions?|designs?|schemas?|models?|api)\b",
    re.I,
)


@lru_cache(maxsize=4096)
def about_other_times(title: str) -> bool:
    """Whether a section's title says it is about the past or the future."""
    return _OTHER_TIMES.search(title) is not None
