"""What an incremental check gives back: its result, its notes, and what it reused."""

from __future__ import annotations

import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field

from featuredocs.engine import CheckResult


@dataclass
class CacheStats:
    """What a run reused and what it recomputed (for the benchmark and the tests)."""

    pages: int = 0
    parsed: int = 0
    checked: int = 0  # pages whose rules ran
    prepared: int = 0  # pages whose page-only claims were extracted while the facts loaded
    reused: int = 0  # pages whose findings came from the cache
    kept: int = 0  # of those, pages whose findings held although the facts changed
    facts_cached: bool = False
    facts_forked: bool = False  # the child read the URLconf in a forked copy (see introspect/alongside.py)
    docset_rules_run: bool = False
    workers: int = 1
    seconds: dict[str, float] = field(default_factory=dict)  # wall time per phase

    @contextmanager
    def timed(self, phase: str) -> Iterator[None]:
        started = time.perf_counter()
        try:
            yield
        finally:
            self.seconds[phase] = self.seconds.get(phase, 0.0) + time.perf_counter() - started


@dataclass(frozen=True)
class IncrementalCheck:
    result: CheckResult
    notes: tuple[str, ...]
    stats: CacheStats
