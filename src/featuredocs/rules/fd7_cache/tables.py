"""Cache keys written in a table (``| Key | TTL | Invalidated by |``): the cells of its Key
column are keys, listed as in a Cache Keys list, and its TTL (Timeout, Expiry) column
gives each its lifetime."""

from __future__ import annotations


from featuredocs.model import BlockKind, Page, Span, TableRow
from featuredocs.rules.fd7_cache.durations import durations
from featuredocs.rules.fd7_cache.keys import CacheKeyClaim, TtlClaim, code_claim, is_key_text
from featuredocs.rules.fd7_cache.patterns import pattern_from_text
from featuredocs.rules.table_cells import cell_code, column_titles

_KEY_HEADERS = frozenset({"key", "keys", "cache key", "cache keys", "key pattern", "pattern"})
_TTL_HEADERS = frozenset({"ttl", "timeout", "expiry", "expires", "expires after", "lifetime", "duration"})


def table_claims(page: Page) -> tuple[list[CacheKeyClaim], list[TtlClaim]]:
    """The keys of tables with a Key column, each with the lifetime its TTL cell gives."""
    keys: list[CacheKeyClaim] = []
    ttls: list[TtlClaim] = []
    if "|" not in page.text:
        return keys, ttls
    for section in page.walk():
        for block in section.blocks:
            if block.kind is not BlockKind.TABLE or not block.rows or not block.rows[0].header:
                continue
            titles = column_titles(block.rows[0])
            key_column = next((i for i, title in enumerate(titles) if title in _KEY_HEADERS), None)
            if key_column is None:
                continue
            ttl_column = next((i for i, title in enumerate(titles) if title in _TTL_HEADERS), None)
            for row in block.rows[1:]:
                key = _row_key(row, key_column)
                if key is None:
                    continue
                keys.append(key)
                ttl = _row_ttl(row, ttl_column, key)
                if ttl is not None:
                    ttls.append(ttl)
    return keys, ttls


def _row_key(row: TableRow, column: int) -> CacheKeyClaim | None:
    if column >= len(row.cells):
        return None
    cell = row.spans[column]
    code = cell_code(row, column)
    if code is not None:
        return code_claim(code) if is_key_text(code.text, strict=False) else None
    text = row.cells[column].strip()
    if not is_key_text(text, strict=True):
        return None
    start = cell.column + row.cells[column].find(text)
    return CacheKeyClaim(pattern_from_text(text), text, Span.at(cell.line, start, len(text)))


def _row_ttl(row: TableRow, column: int | None, key: CacheKeyClaim) -> TtlClaim | None:
    if column is None or column >= len(row.cells):
        return None
    found = durations(row.cells[column])
    if len(found) != 1:
        return None
    cell = row.spans[column]
    start = cell.column + found[0].start
    span = Span(cell.line, start, cell.line, start + len(found[0].text))
    return TtlClaim(found[0].seconds, found[0], span, (key,), plain=True)
