"""Values a rule already knows how to correct: a renamed cache key, a cache TTL, a
setting's default and an environment variable's default outside ``NAME=value`` blocks.

FD701 knows when the code renamed a documented cache key, and how to write the new one
with the page's own placeholders; FD702 knows which cache writes a documented TTL describes and how to write the code's
timeout in the page's own unit (``**TTL**: 15 minutes`` stays in minutes when the new
timeout is a whole number of them); FD607 knows which setting or key a Default cell or a
sentence gives a value and how the settings module's value is written there; FD602 does
the same for a variable's Default cell or sentence (its blocks are :mod:`.env`'s). Sync
applies exactly the safe fix each rule carries, so the two can never disagree.
"""

from __future__ import annotations

from collections.abc import Iterator

from featuredocs.fix.sync.scope import Scope, SyncChange
from featuredocs.model import Applicability, Page
from featuredocs.rules.base import CheckContext, Rule
from featuredocs.rules.fd6_config.fd602_stale_environment_default import StaleEnvironmentDefault
from featuredocs.rules.fd6_config.fd607_stale_setting_default import StaleSettingDefault
from featuredocs.rules.fd7_cache.fd701_unknown_cache_key import UnknownCacheKey
from featuredocs.rules.fd7_cache.fd702_stale_cache_ttl import StaleCacheTtl
from featuredocs.rules.page_text import code_block_lines


def cache_key_changes(page: Page, ctx: CheckContext, scope: Scope) -> Iterator[SyncChange]:
    return _safe_fixes(UnknownCacheKey(), page, ctx, scope)


def ttl_changes(page: Page, ctx: CheckContext, scope: Scope) -> Iterator[SyncChange]:
    return _safe_fixes(StaleCacheTtl(), page, ctx, scope)


def setting_default_changes(page: Page, ctx: CheckContext, scope: Scope) -> Iterator[SyncChange]:
    return _safe_fixes(StaleSettingDefault(), page, ctx, scope)


def env_default_changes(page: Page, ctx: CheckContext, scope: Scope) -> Iterator[SyncChange]:
    return _safe_fixes(StaleEnvironmentDefault(), page, ctx, scope, skipped=code_block_lines(page))


def _safe_fixes(
    rule: Rule, page: Page, ctx: CheckContext, scope: Scope, skipped: frozenset[int] = frozenset(),
) -> Iterator[SyncChange]:
    """The rule's safe fixes, but for findings on the ``skipped`` lines."""
    if ctx.facts is None:
        return
    for finding in rule.check(page, ctx):
        if finding.span.line in skipped:
            continue
        fix = finding.fix
        if fix is None or fix.applicability is not Applicability.SAFE:
            continue
        if scope.allows(rule.code, finding.span.line):
            yield SyncChange(fix.description, fix.edits)
