from __future__ import annotations

from collections.abc import Iterator

from featuredocs.model import CacheKeyFact, Finding, Page, ProjectFacts, Severity, reads
from featuredocs.rules.base import CheckContext, Rule
from featuredocs.rules.fd7_cache.claims import claims_for
from featuredocs.rules.fd7_cache.known import known_keys
from featuredocs.rules.other_times import named_for_other_times
from featuredocs.rules.registry import register
from featuredocs.rules.suggest import closest, suggestion


#: Which call to point at when several use a key: where it is written, before reads.
_WRITES_FIRST = {op: rank for rank, op in enumerate(("set", "get_or_set", "add", "set_many", "get"))}


@register
class UnknownCacheKey(Rule):
    """The page documents a cache key that no cache call in the code uses.

    What it does:
        Turns each documented key into a pattern (``f"orders:{order_id}:summary"`` and
        ``orders:<id>:summary`` both give ``orders:{}:summary``) and looks for a cache
        call in the project whose key fits it: interpolated parts match anything, on
        either side, and the literal parts must be equal. A part the page writes
        (``{order_id}``) or the code fills with an id (``{order.pk}``) is one value, never
        ``v2:42``. Projects where no cache key could
        be read at all are not checked, since their keys are built out of sight.

        Prose names keys too (``orders:{id}:summary`` in inline code); such a key is
        reported only when a key in use is much like it. A heading that is a key
        (``#### `orders:{id}:summary` ``) documents it when a heading above it is about
        caching (``### Caching Strategy``), and names it in passing elsewhere. Keys under a heading about the
        past or the future (``### Legacy keys``, ``## Future Enhancements``) and keys on a
        line of prose that tells of a change ("renamed in 2024", "removed") are not checked.

    Why is this bad?
        Operators invalidate or inspect entries by the documented key; a stale key
        deletes nothing and finds nothing.

    Example:
        ```python
        cache_key = f"order:{order_id}:summary"
        ```
        while the code calls ``cache.get(f"orders:{order.pk}:summary")``.

    Use instead:
        ```python
        cache_key = f"orders:{order_id}:summary"
        ```

    Fix safety:
        No fix: a close pattern is shown as a hint.
    """

    code = "FD701"
    name = "UnknownCacheKey"
    summary = "cache key pattern not found in code"
    severity = Severity.ERROR
    needs_facts = True
    reference_pages = True

    def check(self, page: Page, ctx: CheckContext) -> Iterator[Finding]:
        assert ctx.facts is not None
        for claim in claims_for(page, ctx).keys:
            used, closest_call = _looked_up(ctx.facts, claim.pattern)
            if used or (claim.inline and not _much_like(claim.pattern, closest_call)):
                continue  # a key named in passing is drift only when it looks like one in use
            if named_for_other_times(page, claim.span):
                continue  # a key that was, or will be: "renamed in 2024", ``### Legacy keys``
            yield self.finding(
                page,
                claim.span,
                f"cache key `{claim.pattern}` is not used by any cache call in the code",
                hint=suggestion(closest_call.pattern, closest_call.location) if closest_call else None,
            )


def _much_like(pattern: str, call: CacheKeyFact | None) -> bool:
    """Closer than a hint needs: in a large project some key is always vaguely alike."""
    return call is not None and closest(pattern, [call.pattern], cutoff=0.8) is not None


def _look_up(facts: ProjectFacts, pattern: str) -> tuple[bool, CacheKeyFact | None]:
    """Whether a cache call uses the documented pattern (or no key could be read at all, so
    there is nothing to check against); else the call with the closest pattern, if any."""
    known = facts.cache_keys
    used = known_keys(facts)
    # A pattern agrees with itself: the verbatim key needs no comparison.
    if not known or pattern in used.patterns or any(used.agree(pattern, p) for p in used.patterns):
        return True, None
    match = closest(pattern, [fact.pattern for fact in known])
    if match is None:
        return False, None
    same = [f for f in known if f.pattern == match]
    return False, min(same, key=lambda f: _WRITES_FIRST.get(f.operation, len(_WRITES_FIRST)))


_looked_up = reads.asking("fd7.key", _look_up, reading=("cache_keys",))
