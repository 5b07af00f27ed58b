"""The incremental cache: an unchanged tree re-checks without parsing, running rules or
setting Django up, and a changed one recomputes only what the change can affect.

Stored under the project (``.featuredocs_cache/``, or ``cache-dir`` in the
configuration), in a folder that ignores itself in git. ``incremental_check`` is the
entry point; ``use_cache=False`` gives the same results without reading or writing it.
``check_passes`` gives the passes of ``check --fix`` and ``--diff``, each checking again
only what the fixes before it can have changed.

What a page's findings are keyed on is what page-scope rules may read: the page itself,
the facts, the template, the configuration, which pages of the tree its links find (and
the anchors of those it links to with a ``#fragment``), and the files it links to (for a
missing one, the names beside it). A rule that reads more of
other pages must be a docset-scope rule (those see every page's title, headings, links,
suppressions and front matter, and re-run when any of these change anywhere).
"""

from featuredocs.cache.outcome import CacheStats, IncrementalCheck
from featuredocs.cache.pending import cache_folder, cached_facts
from featuredocs.cache.passes import Passes, check_passes, incremental_check
from featuredocs.cache.store import DEFAULT_DIR

__all__ = [
    "DEFAULT_DIR", "CacheStats", "IncrementalCheck", "Passes", "cache_folder", "cached_facts", "check_passes",
    "incremental_check",
]
