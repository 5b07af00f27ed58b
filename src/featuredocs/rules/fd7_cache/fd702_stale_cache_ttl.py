from __future__ import annotations

from collections.abc import Iterator

from featuredocs.model import CacheKeyFact, Edit, Finding, Fix, Page, ProjectFacts, Severity, reads
from featuredocs.rules.base import CheckContext, Rule
from featuredocs.rules.fd7_cache.claims import TtlClaim, claims_for
from featuredocs.rules.fd7_cache.durations import describe, written_like
from featuredocs.rules.fd7_cache.known import known_keys
from featuredocs.rules.fd7_cache.patterns import likeness
from featuredocs.rules.other_times import at_other_times
from featuredocs.rules.registry import register

_CLOSE = 0.75  # how alike a stale documented key must be to a written one to stand for it


@register
class StaleCacheTtl(Rule):
    """The page gives cached entries a lifetime the code does not use.

    What it does:
        Reads the documented TTL (``**TTL**: 15 minutes``, ``TTL: 900 seconds``, ``24h``,
        ``an hour``, the TTL column of a table of keys, or the ``timeout`` of a documented
        cache call), finds the code's cache calls whose keys fit the keys it belongs to (the
        keys on its line, else those of its section, where a heading that is a key, ``###
        `orders:{id}:summary` ``, names one; a stale key of a list, block or table counts
        for the one close key the code writes; one named in passing counts only when the
        code uses it), and compares it with their timeouts, units converted. A sentence that
        names a key in inline code gives it a lifetime too ("cached under
        `orders:{id}:summary` for 15 minutes"), when a lifetime word introduces the one
        duration of that sentence ("every 10 minutes" says how often, not how long). A
        timeout of None keeps the entry until it is deleted, which no documented duration
        matches. Calls whose timeout cannot be computed, or is not given, leave the TTL
        unchecked, and so does a heading about the past or the future (``### Legacy
        caching``, ``## Future Enhancements``).

    Why is this bad?
        People reason about staleness from the documented lifetime: how long a price
        change takes to show, how long an invalidation bug can last.

    Example:
        ```markdown
        **TTL**: 15 minutes
        ```
        while the code calls ``cache.set(key, summary, timeout=60 * 30)``.

    Use instead:
        ```markdown
        **TTL**: 30 minutes
        ```

    Fix safety:
        Safe when the documented TTL is a single plain duration and the code uses one
        timeout: the duration is rewritten in the page's own unit. No fix when an entry
        never expires: how to say so is the author's choice.
    """

    code = "FD702"
    name = "StaleCacheTtl"
    summary = "cache TTL differs from the code"
    severity = Severity.WARNING
    needs_facts = True
    reference_pages = True

    def check(self, page: Page, ctx: CheckContext) -> Iterator[Finding]:
        assert ctx.facts is not None
        for ttl in claims_for(page, ctx).ttls:
            stores = _stores_of(ctx.facts, _patterns(ctx.facts, ttl))
            if not stores or any(_lifetime_unknown(fact) for fact in stores):
                continue
            timeouts = sorted({fact.timeout for fact in stores if fact.timeout is not None})
            if ttl.seconds in timeouts or at_other_times(page, ttl.span.line):
                continue  # under ``### Legacy caching`` a page tells the lifetime things had
            yield self._stale(page, ttl, stores, timeouts)

    def _stale(
        self, page: Page, ttl: TtlClaim, stores: tuple[CacheKeyFact, ...], timeouts: list[int]
    ) -> Finding:
        lifetimes = [f"for {' or '.join(describe(t) for t in timeouts)}"] if timeouts else []
        forever = any(fact.never_expires for fact in stores)
        if forever:
            lifetimes.append("without expiry")
        return self.finding(
            page,
            ttl.span,
            f"TTL is documented as {describe(ttl.seconds)}, the code caches {' or '.join(lifetimes)}",
            hint=_stored_as(stores[0]),
            fix=None if forever else _fix(ttl, timeouts),
        )


def _lifetime_unknown(fact: CacheKeyFact) -> bool:
    return fact.timeout is None and not fact.never_expires


def _stored_as(fact: CacheKeyFact) -> str:
    """``orders:{}:summary`` is stored with timeout 900s as ``60 * 15`` (orders/views.py:24)."""
    where = f" ({fact.location})" if fact.location else ""
    if fact.never_expires:
        return f"`{fact.pattern}` is stored with timeout `{fact.timeout_source}`, which never expires{where}"
    source = f" as `{fact.timeout_source}`" if fact.timeout_source else ""
    return f"`{fact.pattern}` is stored with timeout {fact.timeout}s{source}{where}"


def _patterns(facts: ProjectFacts, ttl: TtlClaim) -> tuple[str, ...]:
    """The patterns of the keys the TTL is for. A key named in passing (a sentence, a
    heading) that no call uses may be another entry altogether: it stands for no close one."""
    return tuple(key.pattern for key in ttl.keys if not key.inline or _used(facts, key.pattern))


def _is_used(facts: ProjectFacts, pattern: str) -> bool:
    known = known_keys(facts)
    return pattern in known.patterns or any(known.agree(pattern, p) for p in known.patterns)


_used = reads.asking("fd7.used", _is_used, reading=("cache_keys",))


def _stores(facts: ProjectFacts, patterns: tuple[str, ...]) -> tuple[CacheKeyFact, ...]:
    """The code's writes of the entry the TTL describes.

    For each of the TTL's keys, the written pattern most like it among those that agree
    with it, or that are close to it (a stale key, which FD701 reports, still names its
    entry): ``orders:{}:summary`` wins over ``orders:list:{}`` for ``orders:{}:summry``.
    """
    known = known_keys(facts)
    written = known.written
    chosen: set[str] = set()
    for documented in patterns:
        if documented in written:
            # Likeness is 1.0 only for the identical pattern, so it is the one best match;
            # this skips comparing a correct key with every key of a large project.
            chosen.add(documented)
            continue
        scored = [
            (likeness(documented, pattern), pattern)
            for pattern in written
            if known.agree(documented, pattern) or likeness(documented, pattern) >= _CLOSE
        ]
        if scored:
            best = max(score for score, _ in scored)
            chosen.update(pattern for score, pattern in scored if score == best)
    return tuple(known.writes_of(chosen))


#: The code's writes of the entry a TTL with these documented key patterns describes.
_stores_of = reads.asking("fd7.stores", _stores, reading=("cache_keys",))


def _fix(ttl: TtlClaim, timeouts: list[int]) -> Fix | None:
    if not ttl.plain or ttl.duration is None or len(timeouts) != 1:
        return None
    replacement = written_like(timeouts[0], ttl.duration)
    return Fix(f"document the TTL as {replacement}", (Edit(ttl.span, replacement),))
