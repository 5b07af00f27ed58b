"""List items read once per distinct item: pages written from one template, or about
one model, repeat their Fields and Indexes items word for word.

Two items are the same when their text, columns and inline code are; a claim read
from one is moved to the other's line, once per line. Claims are frozen, so the
items that share them cannot tell.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import TypeVar

from featuredocs.model import ListItem

T = TypeVar("T")

_LIMIT = 16384  # distinct items kept per reader


def per_distinct_item(
    moved: Callable[[T, int], T],
) -> Callable[[Callable[[ListItem], T]], Callable[[ListItem], T]]:
    """Decorator for a reader of one item that looks at nothing but its ``source``,
    ``span`` and ``codes``; ``moved(claim, lines)`` shifts what it read by ``lines``."""

    def decorate(read: Callable[[ListItem], T]) -> Callable[[ListItem], T]:
        # per item: the line it was read at, its claim, and that claim moved to each
        # other line it was met at (pages written from one template repeat an item at
        # the same few lines, so most repeats need no new claim)
        seen: dict[tuple[object, ...], tuple[int, T, dict[int, T]]] = {}

        @functools.wraps(read)
        def cached(item: ListItem) -> T:
            key = _key(item)
            line = item.span.line
            found = seen.get(key)
            if found is None:
                if len(seen) >= _LIMIT:
                    seen.clear()
                found = seen[key] = (line, read(item), {})
            first, claim, elsewhere = found
            if line == first:
                return claim
            placed = elsewhere.get(line)
            if placed is None:
                placed = elsewhere[line] = moved(claim, line - first)
            return placed

        return cached

    return decorate


def _key(item: ListItem) -> tuple[object, ...]:
    # An item's inline code is found in its source alone, so the same source starting at
    # the same column holds its code at the same places: the code's spans, worked out
    # only when read, are left unread here.
    span = item.span
    return (item.source, span.column, span.end_line - span.line, span.end_column,
            tuple([code.text for code in item.codes]))
