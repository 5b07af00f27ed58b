"""FD701 and FD702 against the cache calls of a real small Django project."""

from __future__ import annotations

import pytest

from featuredocs.model import ProjectFacts
from featuredocs.rules.fd7_cache.fd701_unknown_cache_key import UnknownCacheKey
from featuredocs.rules.fd7_cache.fd702_stale_cache_ttl import StaleCacheTtl
from tests.support.django_project import make_project
from tests.support.rules import run_rule

VIEWS = """
from django.core.cache import cache

SUMMARY_TTL = 60 * 15


def order_summary(pk):
    key = f"orders:{pk}:summary"
    data = cache.get(key)
    if data is None:
        data = {"pk": pk}
        cache.set(key, data, timeout=SUMMARY_TTL)
    return data


def forget(pk):
    cache.delete("orders:%s:summary" % pk)
"""

CLEAN = """\
# Orders

## Performance Optimization

### Caching Strategy

**Cache Keys:**
```python
cache_key = f"orders:{order_id}:summary"
```

**TTL**: 15 minutes
"""


@pytest.fixture(scope="module")
def facts(tmp_path_factory: pytest.TempPathFactory) -> ProjectFacts:
    project = make_project(tmp_path_factory.mktemp("fd7"), apps={"orders": {"views.py": VIEWS}})
    return project.facts()


def test_the_correct_page_is_silent(parse, facts):
    page = parse(CLEAN)
    assert run_rule(UnknownCacheKey, page, facts) == []
    assert run_rule(StaleCacheTtl, page, facts) == []


def test_fd701_fires_on_a_key_the_code_does_not_use(parse, facts):
    page = parse(CLEAN.replace(":summary", ":totals"))
    (finding,) = run_rule(UnknownCacheKey, page, facts)
    assert (finding.code, finding.span.line, finding.span.column) == ("FD701", 9, 13)
    assert finding.hint == "did you mean `orders:{}:summary`? (orders/views.py:11)"


def test_fd702_fires_on_a_stale_ttl(parse, facts):
    page = parse(CLEAN.replace("15 minutes", "1 hour"))
    (finding,) = run_rule(StaleCacheTtl, page, facts)
    assert (finding.code, finding.span.line, finding.span.column) == ("FD702", 12, 10)
    assert finding.message == "TTL is documented as 1 hour, the code caches for 15 minutes"
    assert finding.fix is not None and finding.fix.edits[0].replacement == "15 minutes"


PROSE = CLEAN + """
Summaries live under `orders:<id>:summary` for 15 minutes; the URL `orders:detail`, the format
`{:.2f}`, the path `/orders/{id}/` and Redis's own `session:{sid}:data` are no keys of this project.
"""


def test_fd701_reads_keys_named_in_prose(parse, facts):
    assert run_rule(UnknownCacheKey, parse(PROSE), facts) == []
    page = parse(PROSE.replace("`orders:<id>:summary`", "`order:<id>:summary`"))
    (finding,) = run_rule(UnknownCacheKey, page, facts)
    line = len(CLEAN.splitlines()) + 2
    assert (finding.span.line, finding.span.column) == (line, page.line_text(line).index("`order:") + 1)
    assert finding.message == "cache key `order:{}:summary` is not used by any cache call in the code"
    # named in passing, a key gives no TTL to judge: the section's TTL still holds for the listed key
    assert run_rule(StaleCacheTtl, page, facts) == []


def test_fd702_reads_the_lifetime_a_sentence_gives_a_key_it_names(parse, facts):
    stale = parse(PROSE.replace("for 15 minutes;", "for 10 minutes;"))
    (finding,) = run_rule(StaleCacheTtl, stale, facts)
    line = len(CLEAN.splitlines()) + 2
    assert (finding.span.line, finding.span.column) == (line, stale.line_text(line).index("10 minutes") + 1)
    assert finding.message == "TTL is documented as 10 minutes, the code caches for 15 minutes"
    assert finding.fix is not None and finding.fix.edits[0].replacement == "15 minutes"
    for sentence in (
        "Summaries under `orders:<id>:summary` are refreshed every 10 minutes.",
        "Summaries under `orders:<id>:summary` are cached. Reports run for 10 minutes.",
        "Summaries under `orders:<id>:summary` are cached for 10 minutes or 1 hour under load.",
        "For 10 minutes after an order is paid, `orders:<id>:summary` is cached.",
    ):
        page = parse(CLEAN + "\n" + sentence + "\n")
        assert run_rule(StaleCacheTtl, page, facts) == [], sentence


TABLE = """\
# Orders

## Performance Optimization

| Key | TTL | Invalidated by |
|---|---|---|
| `orders:{id}:summary` | 15 min | a change to the order |

| Cache key | Timeout |
|---|---|
| orders:<id>:summary | 900 s |
"""


def test_a_cache_key_table_is_read_with_its_ttl_column(parse, facts):
    page = parse(TABLE)
    assert run_rule(UnknownCacheKey, page, facts) == []
    assert run_rule(StaleCacheTtl, page, facts) == []
    stale = parse(TABLE.replace("| 15 min |", "| 1 hour |").replace("orders:<id>:summary", "order:<id>:summary"))
    (ttl,) = run_rule(StaleCacheTtl, stale, facts)
    assert (ttl.span.line, ttl.span.column, ttl.message) == (
        7, 27, "TTL is documented as 1 hour, the code caches for 15 minutes",
    )
    (key,) = run_rule(UnknownCacheKey, stale, facts)
    assert (key.span.line, key.span.column) == (11, 3)  # a key without code marks, in its cell


OTHER_TIMES = CLEAN + """
The summary used to live under `order:{pk}:summary`; that key was renamed in 2024.

- `orders:{pk}:summary` — the current key

### Removed keys

- `order:{pk}:details`

### Legacy caching

**Cache Keys:**
```python
cache_key = f"orders:{order_id}:summary"
legacy_key = f"order:{order_id}:old_summary"
```

**TTL**: 5 minutes
"""


def test_keys_and_lifetimes_a_page_gives_as_past_or_replaced_are_not_drift(parse, facts):
    page = parse(OTHER_TIMES)
    assert run_rule(UnknownCacheKey, page, facts) == []
    assert run_rule(StaleCacheTtl, page, facts) == []


def test_keys_and_lifetimes_beside_the_past_are_still_checked(parse, facts):
    # a key in a line that tells of no change
    current = "- `order:{pk}:summary` — the current key"
    page = parse(OTHER_TIMES.replace("- `orders:{pk}:summary` — the current key", current))
    (found,) = run_rule(UnknownCacheKey, page, facts)
    assert page.line_text(found.span.line) == current
    # the same keys and lifetime under a current heading
    page = parse(OTHER_TIMES.replace("### Legacy caching", "### Summary caching"))
    assert [page.line_text(f.span.line).strip() for f in run_rule(UnknownCacheKey, page, facts)] == [
        'legacy_key = f"order:{order_id}:old_summary"'
    ]
    (stale,) = run_rule(StaleCacheTtl, page, facts)
    assert page.line_text(stale.span.line) == "**TTL**: 5 minutes"


A_HEADING_PER_KEY = """\
# Orders

## Performance Optimization

### Caching Strategy

**Cache Keys:**
```
orders:<pk>:summary
```

### `orders:{pk}:summary`

Written by the summary view, dropped on every save.
TTL: 15 minutes.

### Invalidation

Every save deletes the entry (TTL: 1 hour for the list page, which is not cached here).
"""


def test_a_heading_that_names_a_key_owns_the_lifetime_its_section_gives(parse, facts):
    page = parse(A_HEADING_PER_KEY)
    assert run_rule(UnknownCacheKey, page, facts) == []
    assert run_rule(StaleCacheTtl, page, facts) == []
    page = parse(A_HEADING_PER_KEY.replace("TTL: 15 minutes.", "TTL: 30 minutes."))
    (stale,) = run_rule(StaleCacheTtl, page, facts)
    assert page.line_text(stale.span.line) == "TTL: 30 minutes."
    assert stale.fix is not None and stale.fix.edits[0].replacement == "15 minutes"
    # a heading key no call uses, and too unlike one to be reported, is another entry:
    # its lifetime is not the lifetime of the key it resembles
    other = A_HEADING_PER_KEY.replace("`orders:{pk}:summary`", "`orders:{pk}:summary:{day}:lines`")
    page = parse(other.replace("15 minutes", "1 hour"))
    assert run_rule(UnknownCacheKey, page, facts) == []
    assert run_rule(StaleCacheTtl, page, facts) == []


def test_a_lifetime_spelled_out_in_words_is_compared(parse, facts):
    for right in ("fifteen minutes", "15 min", "Fifteen minutes"):
        assert run_rule(StaleCacheTtl, parse(CLEAN.replace("15 minutes", right)), facts) == [], right
    for wrong in ("an hour", "ten minutes", "half an hour"):
        page = parse(CLEAN.replace("15 minutes", wrong))
        (stale,) = run_rule(StaleCacheTtl, page, facts)
        assert page.line_text(stale.span.line)[stale.span.column - 1 : stale.span.end_column - 1] == wrong
        assert stale.fix is not None and stale.fix.edits[0].replacement == "15 minutes"
    sentence = CLEAN + "\nSummaries are cached under `orders:<id>:summary` for an hour.\n"
    (stale,) = run_rule(StaleCacheTtl, parse(sentence), facts)
    assert stale.message == "TTL is documented as 1 hour, the code caches for 15 minutes"


def test_a_heading_under_a_caching_heading_documents_its_key(parse, facts):
    nested = A_HEADING_PER_KEY.replace("### `orders:{pk}:summary`", "#### `orders:{pk}:summary`")
    assert run_rule(UnknownCacheKey, parse(nested), facts) == []
    page = parse(nested.replace("`orders:{pk}:summary`", "`orders:{pk}:totals`"))
    (unknown,) = run_rule(UnknownCacheKey, page, facts)
    assert page.line_text(unknown.span.line) == "#### `orders:{pk}:totals`"
    # beside the caching section, not under it, a heading names a key in passing, even
    # one that speaks of a cache itself
    for other in ("`orders:{pk}:totals`", "`cache:orders:{pk}:totals`"):
        page = parse(A_HEADING_PER_KEY.replace("`orders:{pk}:summary`", other))
        assert run_rule(UnknownCacheKey, page, facts) == [], other


CODE_ELSEWHERE = """\
# Orders

## Usage Examples

```python
cache_key = f"orders:{order.pk}:summary"
other_key = f"orders:{order.pk}:totals"
CACHE_KEY = "reports:{day}"
```

## Caching

```python
key = f"orders:{order.pk}:summary"
cache.delete(key)
```
"""


def test_keys_a_name_holds_and_cache_key_names_elsewhere_are_read(parse, facts):
    assert run_rule(UnknownCacheKey, parse(CODE_ELSEWHERE), facts) == []
    drifted = parse(CODE_ELSEWHERE.replace('cache_key = f"orders:{order.pk}:summary"', 'cache_key = f"orders:{order.pk}:sumary"')
                    .replace('key = f"orders:{order.pk}:summary"\ncache', 'key = f"order:{order.pk}:summary"\ncache'))
    assert [(f.span.line, f.message) for f in run_rule(UnknownCacheKey, drifted, facts)] == [
        (6, "cache key `orders:{}:sumary` is not used by any cache call in the code"),
        (14, "cache key `order:{}:summary` is not used by any cache call in the code"),
    ]
