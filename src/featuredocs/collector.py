"""Pausing Python's cyclic garbage collector while a large, long-lived graph is built."""

from __future__ import annotations

import contextlib
import gc
from collections.abc import Iterator


@contextlib.contextmanager
def collector_paused() -> Iterator[None]:
    """No cyclic collection until the block ends; restored as it was (nested blocks are
    fine). Reference counting still frees everything that is not in a cycle at once.

    featuredocs builds graphs of hundreds of thousands of objects that live until a run
    ends (trees, pages, facts) and makes almost no cyclic garbage: every allocation burst
    would otherwise make the collector walk the whole process again.
    """
    collecting = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if collecting:
            gc.enable()
