"""Cache lifetimes: the TTL a page documents, set to the timeout the code uses.

FD702 already knows which cache writes a documented TTL describes and how to write the
code's timeout in the page's own unit (``**TTL**: 15 minutes`` stays in minutes when the
new timeout is a whole number of them). Sync applies exactly the fix that rule carries,
so the two can never disagree.
"""

from __future__ import annotations

from collections.abc import Iterator

from featuredocs.fix.sync.scope import Scope, SyncChange
from featuredocs.model import Applicability, Page
from featuredocs.rules.base import CheckContext
from featuredocs.rules.fd7_cache.fd702_stale_cache_ttl import StaleCacheTtl


def ttl_changes(page: Page, ctx: CheckContext, scope: Scope) -> Iterator[SyncChange]:
    if ctx.facts is None:
        return
    for finding in StaleCacheTtl().check(page, ctx):
        fix = finding.fix
        if fix is None or fix.applicability is not Applicability.SAFE:
            continue
        if scope.allows(StaleCacheTtl.code, finding.span.line):
            yield SyncChange(fix.description, fix.edits)
