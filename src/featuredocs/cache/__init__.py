"""The incremental cache: an unchanged tree re-checks without parsing, running rules or
setting Django up, and a changed one recomputes only what the change can affect.

Stored under the project (``.featuredocs_cache/``, or ``cache-dir`` in the
configuration), in a folder that ignores itself in git. ``incremental_check`` is the
entry point; ``use_cache=False`` gives the same results without reading or writing it.
"""

from featuredocs.cache.run import CacheStats, IncrementalCheck, cache_folder, incremental_check
from featuredocs.cache.store import DEFAULT_DIR

__all__ = ["DEFAULT_DIR", "CacheStats", "IncrementalCheck", "cache_folder", "incremental_check"]
