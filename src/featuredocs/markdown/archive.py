"""Whether a page says it is archived: front matter, or a banner under the title."""

from __future__ import annotations

import re

from featuredocs.model import BlockKind, Page, Span

#: ``> **Archived**``, ``> [!WARNING] This page is archived``, ``> ⚠️ ARCHIVED: …``.
#: ``> **Deprecated**: …`` describes the feature, not the page, and is not a marker.
_BANNER = re.compile(
    r"^\s*(?:\[![A-Za-z]+\]\s*)?(?:[^\w\s]+\s*)?archived\s*(?:$|[:.!\u2013\u2014-])"
    r"|\b(?:page|document|feature|documentation)\s+(?:is|has been|was)\s+archived\b",
    re.I | re.M,
)
_STATUS_KEYS = ("status", "state")


def archived_marker(page: Page) -> Span | None:
    """Where the page is marked archived, or None when it is not."""
    for key in _STATUS_KEYS:
        value = page.front_matter.get(key)
        if isinstance(value, str) and value.strip().lower() == "archived":
            return _front_matter_line(page, key)
    if page.front_matter.get("archived") in ("true", "yes", "True", "Yes"):
        return _front_matter_line(page, "archived")
    return _banner(page)


def _front_matter_line(page: Page, key: str) -> Span:
    pattern = re.compile(rf"^{re.escape(key)}\s*:")
    for number, line in enumerate(page.lines, start=1):
        if pattern.match(line):
            return Span(number, 1, number, len(line) + 1)
        if number > 1 and line.strip() in ("---", "..."):
            break
    return Span.at(1)


def _banner(page: Page) -> Span | None:
    """A block quote opening the page (under the title, or before it) that says archived."""
    first = page.tagline or (page.preamble[0] if page.preamble else None)
    candidates = [first] if first is not None else []
    if page.tagline is not None and page.preamble:
        candidates.append(page.preamble[0])
    for block in candidates:
        if block.kind is BlockKind.QUOTE and _BANNER.search(block.plain):
            return block.span
    return None
