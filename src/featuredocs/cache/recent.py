"""The few latest states the cache keeps of one thing (a project's facts, a page's results,
the rule plans), latest first."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import TypeVar

T = TypeVar("T")


def latest_first(latest: T, earlier: Iterable[T], same: Callable[[T], bool], count: int) -> tuple[T, ...]:
    """``latest``, then those of ``earlier`` that are not ``same`` as it: ``count`` at most."""
    return (latest, *(entry for entry in earlier if not same(entry)))[:count]
