"""Did-you-mean hints shared by every "not found" rule."""

from __future__ import annotations

import difflib
from collections.abc import Iterable


#: How many names a hint lists before it stops.
_LISTED = 6


def listing(names: Iterable[str]) -> str:
    """```a`, `b`, `c``` with an ellipsis after a handful."""
    names = list(names)
    shown = ", ".join(f"`{name}`" for name in names[:_LISTED])
    return shown + (", …" if len(names) > _LISTED else "")


def closest(name: str, candidates: Iterable[str], cutoff: float = 0.6) -> str | None:
    """The candidate closest to ``name``, compared case-insensitively, or None."""
    by_folded: dict[str, str] = {}
    for candidate in candidates:
        by_folded.setdefault(candidate.casefold(), candidate)
    matches = difflib.get_close_matches(name.casefold(), list(by_folded), n=1, cutoff=cutoff)
    return by_folded[matches[0]] if matches else None


def did_you_mean(name: str, candidates: Iterable[str], where: str | None = None) -> str | None:
    """``did you mean `x`? (orders/models.py:31)`` or None when nothing is close."""
    match = closest(name, candidates)
    return suggestion(match, where) if match is not None else None


def suggestion(match: str, where: object | None = None) -> str:
    """``did you mean `x`? (orders/models.py:31)``, for a name already chosen."""
    return f"did you mean `{match}`?" + (f" ({where})" if where else "")
