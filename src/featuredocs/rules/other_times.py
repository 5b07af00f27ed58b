"""Sections and sentences about another time than now: what a page says there may rightly
differ from the code (a roadmap, a changelog, an upgrade guide, a design that was
replaced, "the old `--days` flag was renamed")."""

from __future__ import annotations

import re
from functools import lru_cache

from featuredocs.model import Page

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


def at_other_times(page: Page, line: int) -> bool:
    """Whether ``line`` sits in a section (or under one) about the past or the future."""
    return any(about_other_times(section.title) for section in page.section_at(line))


_CHANGE = re.compile(
    r"\b(?:renamed|removed|deprecated|replaced|formerly|previously|no longer|used to"
    r"|instead of|in favou?r of|legacy|planned|proposed|upcoming|future|(?:is|are) gone)\b",
    re.IGNORECASE,
)


def speaks_of_change(sentence: str) -> bool:
    """Whether a sentence tells of a change (a rename, a removal, a plan) rather than of
    how things are."""
    return _CHANGE.search(sentence) is not None
