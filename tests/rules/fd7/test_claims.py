"""Cache key and TTL claims read from real parsed pages."""

from __future__ import annotations

import pytest

from featuredocs.model import Span
from featuredocs.rules.fd7_cache.claims import extract

PAGE = """\
# Orders

## Performance Optimization

### Caching Strategy

**Cache Keys:**
```python
cache_key = f"orders:{order_id}:summary"
LINES_KEY = "orders:{}:lines".format(order_id)
caches["default"].get(cache_key)
```

**TTL**: 15 minutes

### Listing cache

```python
data = cache.get_or_set(f"orders:list:{page}", build, timeout=60 * 5)
value = settings.get("not_a_key")
```

### Cache keys

- `orders:<id>:status` - status badge, TTL 1 hour
- Warmed by `warm_cache` and `orders:stats`

```text
orders:{day}:report  # daily report
```

## Usage Examples

```python
cache.set("example:key", 1)
```
"""


def test_keys_come_from_the_cache_keys_block_and_caching_sections(parse):
    claims = extract(parse(PAGE))
    assert [(k.pattern, k.span) for k in claims.keys] == [
        ("orders:{}:summary", Span(9, 13, 9, 41)),
        ("orders:{}:lines", Span(10, 13, 10, 47)),
        ("orders:list:{}", Span(19, 25, 19, 46)),
        ("orders:{}:status", Span(25, 3, 25, 23)),
        ("orders:stats", Span(26, 30, 26, 44)),
        ("orders:{}:report", Span(29, 1, 29, 20)),
    ]


def test_ttls_belong_to_their_line_or_their_section(parse):
    claims = extract(parse(PAGE))
    ttls = sorted((t.span, t.seconds, t.plain, [k.pattern for k in t.keys]) for t in claims.ttls)
    assert ttls == [
        (Span(14, 10, 14, 20), 900, True, ["orders:{}:summary", "orders:{}:lines"]),
        (Span(19, 63, 19, 69), 300, False, ["orders:list:{}"]),
        (Span(25, 44, 25, 50), 3600, True, ["orders:{}:status"]),
    ]


def test_placeholder_ttl_and_template_page_give_no_ttl(parse):
    page = parse(
        """\
        ### Caching Strategy

        **Cache Keys:**
        ```python
        cache_key = f"feature:{resource_id}:{param}"
        ```

        **TTL**: [X] minutes
        """
    )
    claims = extract(page)
    assert [k.pattern for k in claims.keys] == ["feature:{}:{}"]
    assert claims.ttls == ()


def test_two_different_durations_on_a_ttl_line_are_left_alone(parse):
    page = parse(
        """\
        ### Caching

        **Cache Keys:**
        - `orders:{id}`

        TTL: 5 minutes for drafts, 1 hour once paid
        """
    )
    assert extract(page).ttls == ()


def test_ttl_lines_are_found_in_any_case_after_letters_that_lower_to_two(parse):
    # "İ" lowers to two characters: the lines found must still be the right ones.
    page = parse(
        """\
        ### Caching

        **Cache Keys:**
        - `orders:{id}`

        İstanbul mirrors keep their own copy.

        Ttl: 5 minutes

        tTL: 10 minutes
        """
    )
    ttls = sorted((t.span.line, t.seconds) for t in extract(page).ttls)
    assert ttls == [(8, 300), (10, 600)]


def test_a_ttl_line_with_a_duration_for_each_key_gives_each_its_clause_s(parse):
    page = parse(
        """\
        ### Caching Strategy

        **Cache Keys:**
        ```python
        cache_key = f"library:books:{pk}"
        availability_key = "library:availability:{book_id}:{branch}"
        ```

        **TTL**: 10 minutes for book details; availability counts are cached for 60 seconds.
        """
    )
    ttls = [(t.span.column, t.seconds, t.plain, [k.pattern for k in t.keys]) for t in extract(page).ttls]
    assert ttls == [(10, 600, True, ["library:books:{}"]), (74, 60, True, ["library:availability:{}:{}"])]


@pytest.mark.parametrize(
    "line",
    [
        "**TTL**: 10 minutes for the library; 60 seconds otherwise.",  # no clause names a key of its own
        "**TTL**: 10 minutes or 15 minutes for book details; 60 seconds for availability.",
    ],
)
def test_a_ttl_line_whose_clauses_do_not_each_name_one_key_is_left_alone(parse, line):
    page = parse(
        f"""\
        ### Caching Strategy

        **Cache Keys:**
        - `library:book:{{pk}}`
        - `library:availability:{{book_id}}:{{branch}}`

        {line}
        """
    )
    assert extract(page).ttls == ()
