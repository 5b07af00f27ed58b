"""``featuredocs sync``: keep the fact-derived parts of existing pages true, in place.

Every human-written word stays; only names, types, defaults, methods, keys and values
that come from the code are refreshed, each as a minimal edit. See :mod:`.run`.
"""

from featuredocs.fix.sync.run import FAMILIES, SyncResult, sync, sync_docs, sync_page
from featuredocs.fix.sync.scope import Scope, SyncChange

__all__ = ["FAMILIES", "Scope", "SyncChange", "SyncResult", "sync", "sync_docs", "sync_page"]
