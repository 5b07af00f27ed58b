from __future__ import annotations

from collections.abc import Iterator

from featuredocs.model import Applicability, CacheKeyFact, Edit, Finding, Fix, Page, ProjectFacts, Severity, Span, reads
from featuredocs.rules.base import CheckContext, Rule
from featuredocs.rules.fd7_cache.claims import claims_for
from featuredocs.rules.fd7_cache.keys import CacheKeyClaim
from featuredocs.rules.fd7_cache.known import known_keys
from featuredocs.rules.fd7_cache.patterns import likeness, rewritten
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
        Safe when the code renamed the key: exactly one key in use is much like it, and no
        other key on the page is like that one or fits it. The key is written as the code
        builds it, with the page's own placeholders (``{order_id}``) in their order. Else
        the closest pattern is shown as a hint.
    """

    code = "FD701"
    name = "UnknownCacheKey"
    summary = "cache key pattern not found in code"
    severity = Severity.ERROR
    needs_facts = True
    reference_pages = True

    def check(self, page: Page, ctx: CheckContext) -> Iterator[Finding]:
        assert ctx.facts is not None
        claims = claims_for(page, ctx).keys
        for claim in claims:
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
                fix=_rename(page, ctx.facts, claim, claims),
            )


def _rename(page: Page, facts: ProjectFacts, claim: CacheKeyClaim, claims: tuple[CacheKeyClaim, ...]) -> Fix | None:
    others = tuple(sorted({other.pattern for other in claims} - {claim.pattern}))
    target = _renamed_to(facts, (claim.pattern, others))
    text = rewritten(claim.text, target) if target is not None else None
    # The claim's span may hold more than its text: an inline code's backticks.
    written = page.written(claim.span)
    at = written.find(claim.text)
    if text is None or at < 0 or written.count(claim.text) != 1:
        return None
    column = claim.span.column + at
    span = Span(claim.span.line, column, claim.span.line, column + len(claim.text))
    return Fix(f"rename the key to `{target}`", (Edit(span, text),), Applicability.SAFE)


def _rename_target(facts: ProjectFacts, question: tuple[str, tuple[str, ...]]) -> str | None:
    """The key in use that the documented pattern was renamed to: the one much like it,
    when none of the page's ``others`` is like it or fits it (then the page may document it
    already, and the stale key is another entry)."""
    pattern, others = question
    known = known_keys(facts)
    alike = [used for used in known.patterns if likeness(pattern, used) >= _MUCH_LIKE]
    if len(alike) != 1:
        return None
    (target,) = alike
    if any(likeness(other, target) >= _MUCH_LIKE or known.agree(other, target) for other in others):
        return None
    return target


_renamed_to = reads.asking("fd7.renamed", _rename_target, reading=("cache_keys",))


#: Closer than a hint needs: in a large project some key is always vaguely alike.
_MUCH_LIKE = 0.8


def _much_like(pattern: str, call: CacheKeyFact | None) -> bool:
    return call is not None and closest(pattern, [call.pattern], cutoff=_MUCH_LIKE) is not None


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
