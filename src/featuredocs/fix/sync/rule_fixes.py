"""Values a rule already knows how to correct: a cache TTL and a setting's default.

FD702 knows which cache writes a documented TTL describes and how to write the code's
timeout in the page's own unit (``**TTL**: 15 minutes`` stays in minutes when the new
timeout is a whole number of them); FD607 knows which setting or key a Default cell or a
sentence gives a value and how the settings module's value is written there. Sync applies
exactly the safe fix each rule carries, so the two can never disagree.
"""

from __future__ import annotations

from collections.abc import Iterator

from featuredocs.fix.sync.scope import Scope, SyncChange
from featuredocs.model import Applicability, Page
from featuredocs.rules.base import CheckContext, Rule
from featuredocs.rules.fd6_config.fd607_stale_setting_default import StaleSettingDefault
from featuredocs.rules.fd7_cache.fd702_stale_cache_ttl import StaleCacheTtl


def ttl_changes(page: Page, ctx: CheckContext, scope: Scope) -> Iterator[SyncChange]:
    return _safe_fixes(StaleCacheTtl(), page, ctx, scope)


def setting_default_changes(page: Page, ctx: CheckContext, scope: Scope) -> Iterator[SyncChange]:
    return _safe_fixes(StaleSettingDefault(), page, ctx, scope)


def _safe_fixes(rule: Rule, page: Page, ctx: CheckContext, scope: Scope) -> Iterator[SyncChange]:
    if ctx.facts is None:
        return
    for finding in rule.check(page, ctx):
        fix = finding.fix
        if fix is None or fix.applicability is not Applicability.SAFE:
            continue
        if scope.allows(rule.code, finding.span.line):
            yield SyncChange(fix.description, fix.edits)
