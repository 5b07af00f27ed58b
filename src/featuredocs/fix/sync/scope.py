"""What sync may change on a page, and the changes it proposes.

Every change sync makes settles a finding some rule would report (a field added settles
FD305, a default corrected FD403). A user who silenced that rule for the page — with
``<!-- featuredocs: ignore FD305 -->`` on the line before the list, a whole-page ignore,
``per-file-ignores`` or ``ignore`` in the configuration — has said the page is right as
it is, and sync leaves it alone there too.
"""

from __future__ import annotations

import fnmatch
from dataclasses import dataclass

from featuredocs.config import Config
from featuredocs.model import Edit, Page
from featuredocs.model.page import code_matches
from featuredocs.rules.registry import expand


@dataclass(frozen=True, slots=True)
class SyncChange:
    """One refreshed part of a page, applied whole or not at all."""

    description: str
    edits: tuple[Edit, ...]


@dataclass(frozen=True)
class Scope:
    """Which codes sync may act on for one page, and where."""

    page: Page
    enabled: frozenset[str] | None = None  # None: every code
    ignored: tuple[str, ...] = ()  # per-file ignores that apply to the page

    @classmethod
    def for_page(cls, page: Page, config: Config) -> Scope:
        enabled = frozenset(expand(config.select) - expand(config.ignore))
        ignored = tuple(
            code
            for glob, codes in config.per_file_ignores.items()
            if _glob(page.rel, glob)
            for code in codes
        )
        return cls(page, enabled, ignored)

    def allows(self, code: str, line: int) -> bool:
        """Whether sync may settle ``code`` for a finding reported on ``line``."""
        if self.enabled is not None and code not in self.enabled:
            return False
        if code_matches(code, self.ignored):
            return False
        return not any(suppression.covers(code, line) for suppression in self.page.suppressions)


def _glob(rel: str, pattern: str) -> bool:
    if fnmatch.fnmatchcase(rel, pattern):
        return True
    return "**/" in pattern and fnmatch.fnmatchcase(rel, pattern.replace("**/", ""))
