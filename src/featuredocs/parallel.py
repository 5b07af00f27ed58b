"""Running one function over many items on every core, results in the items' order.

Workers are forked after the parent has built everything the function reads (the docs,
the facts, the rules), so nothing but item numbers and results crosses between
processes. Where fork is not available, or the work is too small to pay for the
workers, the items are processed here, one after the other: same results, same order.
"""

from __future__ import annotations

import gc
import os
import sys
import time
from collections.abc import Callable, Sequence
from typing import Any, TypeVar

T = TypeVar("T")
R = TypeVar("R")

#: Below this many items the workers' start-up costs more than they save (measured with
#: ``benchmarks/run.py``: one page's rules take a few milliseconds).
MIN_ITEMS = 48
CHUNKS_PER_WORKER = 4

#: What the forked workers read: set just before the pool starts, inherited by fork.
_JOB: tuple[Callable[[Any], Any], Sequence[Any]] | None = None


def available_workers() -> int:
    """``FEATUREDOCS_WORKERS`` when set (1 turns the workers off); otherwise the cores
    this process may use that are idle right now.

    Measured with ``benchmarks/run.py``: on a machine whose cores are all busy with other
    work, a second worker gains nothing and costs a few percent more CPU, so workers are
    only started for cores that nothing else is running on.
    """
    configured = os.environ.get("FEATUREDOCS_WORKERS", "").strip()
    if configured.isdigit():
        return max(1, int(configured))
    return max(1, min(cores(), idle_cores()))


def second_core() -> bool:
    """Whether a second process may work beside this one: ``FEATUREDOCS_WORKERS`` when
    set, else whether this process may use two cores (not sampled: a process that is
    started at once cannot wait for :func:`idle_cores`)."""
    configured = os.environ.get("FEATUREDOCS_WORKERS", "").strip()
    if configured.isdigit():
        return int(configured) >= 2
    return cores() >= 2


def cores() -> int:
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # not Linux
        return max(1, os.cpu_count() or 1)


def idle_cores(samples: int = 3) -> int:
    """Cores minus the tasks other than this one that are runnable now (the fourth
    field of Linux's /proc/loadavg), the best of a few samples; all cores elsewhere."""
    others = []
    for sample in range(samples):
        try:
            with open("/proc/loadavg", encoding="ascii") as stream:
                running = int(stream.read().split()[3].split("/")[0])
        except (OSError, ValueError, IndexError):
            return cores()
        others.append(running - 1)
        if sample + 1 < samples:
            time.sleep(0.01)
    return cores() - min(others)


def can_fork() -> bool:
    # macOS has fork, but forking a process that loaded system frameworks is unsafe.
    return sys.platform.startswith("linux") and hasattr(os, "fork")


def map_in_order(function: Callable[[T], R], items: Sequence[T], workers: int | None = None) -> list[R]:
    """``[function(item) for item in items]``, spread over ``workers`` processes."""
    workers = available_workers() if workers is None else workers
    # What exists now (the parsed pages, the facts) lives until the end of the run: the
    # collector need not walk it again and again, nor copy it into each worker page by
    # page as it walks.
    gc.freeze()
    try:
        if workers < 2 or len(items) < MIN_ITEMS or not can_fork():
            return [function(item) for item in items]
        return _in_workers(function, items, workers)
    finally:
        gc.unfreeze()


def _in_workers(function: Callable[[T], R], items: Sequence[T], workers: int) -> list[R]:
    global _JOB
    # The first item is processed here, so whatever the function builds once (indexes of
    # the facts, per-rule caches) is built once, before the workers inherit it.
    results = [function(items[0])]
    _JOB = (function, items)
    try:
        ranges = _ranges(1, len(items), workers * CHUNKS_PER_WORKER)
        # Imported here: the facts child asks can_fork() and starts no pool.
        import multiprocessing
        from concurrent.futures import ProcessPoolExecutor

        context = multiprocessing.get_context("fork")
        with ProcessPoolExecutor(max_workers=workers, mp_context=context) as pool:
            for chunk in pool.map(_run_range, ranges):
                results.extend(chunk)
            return results
    finally:
        _JOB = None


def _ranges(first: int, count: int, parts: int) -> list[tuple[int, int]]:
    size = max(1, -(-(count - first) // parts))
    return [(start, min(start + size, count)) for start in range(first, count, size)]


def _run_range(bounds: tuple[int, int]) -> list[Any]:
    assert _JOB is not None, "workers are forked after the job is set"
    function, items = _JOB
    return [function(items[i]) for i in range(*bounds)]
