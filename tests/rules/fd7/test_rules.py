"""FD701 and FD702 on real parsed pages against hand-built cache facts."""

from __future__ import annotations

import dataclasses

import pytest

from featuredocs.model import CacheKeyFact, ProjectFacts, SourceLocation, Span
from featuredocs.rules.fd7_cache.fd701_unknown_cache_key import UnknownCacheKey
from featuredocs.rules.fd7_cache.fd702_stale_cache_ttl import StaleCacheTtl
from tests.support.rules import run_rule

FACTS = ProjectFacts(
    root="/project",
    mode="live",
    cache_keys=(
        CacheKeyFact("orders:{}:summary", 'f"orders:{pk}:summary"', "get",
                     location=SourceLocation("orders/views.py", 20)),
        CacheKeyFact("orders:{}:summary", 'f"orders:{pk}:summary"', "set", 900, "60 * 15",
                     SourceLocation("orders/views.py", 24)),
        CacheKeyFact("orders:{}:summary", 'f"orders:{self.pk}:summary"', "delete",
                     location=SourceLocation("orders/models.py", 40)),
        CacheKeyFact("orders:list:{}", 'f"orders:list:{page}"', "get_or_set", None, "TIMEOUT",
                     SourceLocation("orders/views.py", 50)),
    ),
)

CLEAN = """\
# Orders

## Performance Optimization

### Caching Strategy

**Cache Keys:**
```python
cache_key = f"orders:{order_id}:summary"
```

**TTL**: 15 minutes

### Listing

**Cache Keys:**
- `orders:list:{page}` - TTL 2 hours
"""


def test_a_correct_page_is_silent(parse):
    page = parse(CLEAN)
    assert run_rule(UnknownCacheKey, page, FACTS) == []
    assert run_rule(StaleCacheTtl, page, FACTS) == []


def test_fd701_unknown_key_with_the_written_call_as_hint(parse):
    page = parse(CLEAN.replace('f"orders:{order_id}:summary"', 'f"order:{order_id}:summary"'))
    (finding,) = run_rule(UnknownCacheKey, page, FACTS)
    assert (finding.code, finding.span) == ("FD701", Span(9, 13, 9, 40))
    assert finding.message == "cache key `order:{}:summary` is not used by any cache call in the code"
    assert finding.hint == "did you mean `orders:{}:summary`? (orders/views.py:24)"


def test_fd701_a_placeholder_does_not_stand_for_several_parts(parse):
    page = parse(CLEAN.replace('f"orders:{order_id}:summary"', 'f"orders:{order_id}"'))
    assert [(f.code, f.span.line, f.span.column) for f in run_rule(UnknownCacheKey, page, FACTS)] == [
        ("FD701", 9, 13),
    ]


@pytest.mark.parametrize(
    ("raw", "reported"),
    [
        ('f"catalog:product:v2:{product.pk}"', True),  # a primary key is never "summary"
        ('f"catalog:product:{product_id}"', True),  # nor an id ":summary"
        ('f"catalog:product:v2:{suffix}"', False),  # which may be "42:summary"
    ],
)
def test_fd701_a_code_part_that_holds_an_id_is_one_value(parse, raw, reported):
    page = parse(CLEAN.replace('f"orders:{order_id}:summary"', 'f"catalog:product:{pk}:summary"'))
    pattern = raw[2:-1].replace("{product.pk}", "{}").replace("{product_id}", "{}").replace("{suffix}", "{}")
    key = CacheKeyFact(pattern, raw, "set", 900, "900", SourceLocation("catalog/views.py", 12))
    facts = dataclasses.replace(FACTS, cache_keys=(*FACTS.cache_keys, key))
    assert [(f.code, f.span.line) for f in run_rule(UnknownCacheKey, page, facts)] == ([("FD701", 9)] if reported else [])


def test_fd701_needs_some_known_key(parse):
    page = parse(CLEAN.replace("orders:{order_id}", "nothing:{x}"))
    assert run_rule(UnknownCacheKey, page, dataclasses.replace(FACTS, cache_keys=())) == []


def test_fd702_stale_ttl_with_a_fix_in_the_page_unit(parse):
    page = parse(CLEAN.replace("**TTL**: 15 minutes", "**TTL**: 30 minutes"))
    (finding,) = run_rule(StaleCacheTtl, page, FACTS)
    assert (finding.code, finding.span) == ("FD702", Span(12, 10, 12, 20))
    assert finding.message == "TTL is documented as 30 minutes, the code caches for 15 minutes"
    assert finding.hint == "`orders:{}:summary` is stored with timeout 900s as `60 * 15` (orders/views.py:24)"
    assert finding.fix is not None
    assert [(e.span, e.replacement) for e in finding.fix.edits] == [(Span(12, 10, 12, 20), "15 minutes")]


def test_fd702_converts_units(parse):
    page = parse(CLEAN.replace("**TTL**: 15 minutes", "**TTL**: 900 seconds"))
    assert run_rule(StaleCacheTtl, page, FACTS) == []
    page = parse(CLEAN.replace("**TTL**: 15 minutes", "**TTL**: 1h"))
    (finding,) = run_rule(StaleCacheTtl, page, FACTS)
    assert finding.fix is not None and finding.fix.edits[0].replacement == "15 minutes"


def test_fd702_is_silent_when_the_code_timeout_is_not_a_number(parse):
    # the listing key's timeout is a name the introspection could not compute
    page = parse(CLEAN.replace("TTL 2 hours", "TTL 5 hours"))
    assert run_rule(StaleCacheTtl, page, FACTS) == []


def test_fd702_a_stale_key_still_names_its_entry_when_one_key_is_close(parse):
    page = parse(CLEAN.replace('f"orders:{order_id}:summary"', 'f"orders:{order_id}:summry"').replace(
        "**TTL**: 15 minutes", "**TTL**: 30 minutes"))
    assert [(f.code, f.span.line, f.span.column) for f in run_rule(StaleCacheTtl, page, FACTS)] == [
        ("FD702", 12, 10),
    ]
    far = parse(CLEAN.replace('f"orders:{order_id}:summary"', 'f"basket:{id}"').replace(
        "**TTL**: 15 minutes", "**TTL**: 30 minutes"))
    assert run_rule(StaleCacheTtl, far, FACTS) == []


def _summary_stored(*stores: CacheKeyFact) -> ProjectFacts:
    """FACTS with the summary entry written by ``stores`` instead of ``60 * 15``."""
    kept = tuple(f for f in FACTS.cache_keys if not (f.pattern == "orders:{}:summary" and f.operation == "set"))
    return dataclasses.replace(FACTS, cache_keys=kept + stores)


FOREVER = CacheKeyFact("orders:{}:summary", 'f"orders:{pk}:summary"', "set", None, "None",
                       SourceLocation("orders/views.py", 24), never_expires=True)


def test_fd702_an_entry_that_never_expires_has_no_documented_lifetime(parse):
    (finding,) = run_rule(StaleCacheTtl, parse(CLEAN), _summary_stored(FOREVER))
    assert (finding.code, finding.span) == ("FD702", Span(12, 10, 12, 20))
    assert finding.message == "TTL is documented as 15 minutes, the code caches without expiry"
    assert finding.hint == "`orders:{}:summary` is stored with timeout `None`, which never expires (orders/views.py:24)"
    assert finding.fix is None


def test_fd702_an_entry_stored_both_ways(parse):
    timed = dataclasses.replace(FOREVER, timeout=1800, timeout_source="60 * 30", never_expires=False)
    facts = _summary_stored(timed, FOREVER)
    (finding,) = run_rule(StaleCacheTtl, parse(CLEAN), facts)
    assert finding.message == "TTL is documented as 15 minutes, the code caches for 30 minutes or without expiry"
    assert finding.fix is None
    assert run_rule(StaleCacheTtl, parse(CLEAN.replace("15 minutes", "30 minutes")), facts) == []


def test_fd702_is_silent_when_the_page_gives_no_duration_for_an_entry_kept_until_deleted(parse):
    page = parse(CLEAN.replace("**TTL**: 15 minutes", "**TTL**: none, entries stay until deleted"))
    assert run_rule(StaleCacheTtl, page, _summary_stored(FOREVER)) == []
