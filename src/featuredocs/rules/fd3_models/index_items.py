"""Index claims read from the items of an ``**Indexes:**`` list, or the rows of a table.

Only items whose shape names an index with inline code are claims:

- ``Index on `f` `` · ``Composite index on (`a`, `b`)`` · ``Unique constraint on (`a`, `b`)``
- ``` `name` on (`a`, `b`) ``` · ``` `name`: Composite index on (`a`, `b`) ```
- ``` `name` (unique) ``` · ``Unique together: (`a`, `b`)`` · ``Unique on (`a`, `b`)``

Anything else (``[Index 1]: Purpose``, a sentence about query plans) is prose. A table
claims an index per row from its Name and Fields columns (``| Name | Fields | Kind |``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from featuredocs.model import Block, InlineCode, ListItem, Span, TableRow
from featuredocs.rules.fd3_models.repeated import per_distinct_item
from featuredocs.rules.table_cells import cell_codes, column_titles

_CODE = r"`[^`]+`"
_KIND = r"(?:[A-Za-z][\w-]*\s+){0,3}?"
_ANCHOR = r"(?:index|indexes|constraint|key)\s+(?:on|over)\b"
_SHAPES = (
    # ``unique_together`` names Meta's option, not an index: it goes before `name` on (…)
    re.compile(
        r"^\s*(?P<kind>`?(?:unique|index)[ _]together`?)\s*[:\-–—]?\s*(?:on\b)?(?P<rest>.*)$",
        re.I | re.S,
    ),
    re.compile(rf"^\s*(?P<kind>{_KIND}){_ANCHOR}(?P<rest>.*)$", re.I | re.S),
    re.compile(r"^\s*(?P<kind>unique)\s+(?:on|over)\b(?P<rest>.*)$", re.I | re.S),
    re.compile(
        rf"^\s*(?P<name>{_CODE})\s*(?:[:\-–—]\s*)?(?P<kind>{_KIND}){_ANCHOR}(?P<rest>.*)$",
        re.I | re.S,
    ),
    re.compile(rf"^\s*(?P<name>{_CODE})\s+(?:on|over)\b(?P<rest>.*)$", re.I | re.S),
)
_NAMED = re.compile(
    rf"^\s*(?P<name>{_CODE})\s*\((?P<kind>[^)]*\b(?:unique|index|constraint)\b[^)]*)\)", re.I
)
_JOIN = re.compile(r"^\s*(?:,|and|&|\+|/)?\s*$", re.I)
_FIELD = re.compile(r"^-?[A-Za-z_][A-Za-z0-9_]*$")


@dataclass(frozen=True, slots=True)
class IndexClaim:
    """An index a page says exists. ``fields`` in order, without ``-``; ``name`` as written.

    ``span`` points at the name when there is one, else at the first field.
    """

    fields: tuple[str, ...]
    name: str | None
    unique: bool
    span: Span
    field_spans: tuple[Span, ...] = ()


def _moved(claim: IndexClaim | None, lines: int) -> IndexClaim | None:
    if claim is None:
        return None
    spans = tuple(span.shifted(lines) for span in claim.field_spans)
    return IndexClaim(claim.fields, claim.name, claim.unique, claim.span.shifted(lines), spans)


@per_distinct_item(_moved)
def read_index_item(item: ListItem) -> IndexClaim | None:
    source = item.source
    for shape in _SHAPES:
        match = shape.match(source)
        if match is not None:
            return _from_match(item, match, with_fields=True)
    match = _NAMED.match(source)
    if match is not None:
        return _from_match(item, match, with_fields=False)
    return None


def _from_match(item: ListItem, match: re.Match[str], *, with_fields: bool) -> IndexClaim | None:
    groups = match.groupdict()
    name_code = _code_at(item, match.start("name")) if groups.get("name") else None
    field_codes: list[InlineCode] = []
    if with_fields:
        field_codes = _field_run(item, match.start("rest"))
        if not field_codes or not all(_FIELD.match(code.text.strip()) for code in field_codes):
            return None
    elif name_code is None:
        return None
    kind = (groups.get("kind") or "").lower()
    unique = "unique" in kind or (with_fields and "unique" in _outside_codes(item).lower())
    span = name_code.span if name_code else field_codes[0].span
    return IndexClaim(
        fields=tuple(code.text.strip().lstrip("-") for code in field_codes),
        name=name_code.text.strip() if name_code else None,
        unique=unique,
        span=span,
        field_spans=tuple(code.span for code in field_codes),
    )


def _offset(item: ListItem, code: InlineCode) -> int:
    """Where ``code`` starts inside ``item.source`` (spans share the item's line on line 1)."""
    lines = item.source.split("\n")
    row = code.span.line - item.span.line
    if row < 0 or row >= len(lines):
        return -1
    before = sum(len(line) + 1 for line in lines[:row])
    if row == 0:
        return before + code.span.column - item.span.column
    text = lines[row]
    marked = f"`{code.text}`"
    found = text.find(marked)
    return before + found if found >= 0 else -1


def _code_at(item: ListItem, start: int) -> InlineCode | None:
    for code in item.codes:
        if _offset(item, code) == start:
            return code
    return None


def _field_run(item: ListItem, start: int) -> list[InlineCode]:
    """The fields right after "on": the codes in ``( … )``, or a run of codes joined by
    commas or "and"; whatever follows (``where `paid` is false``) is a remark."""
    source = item.source
    position = start + len(source[start:]) - len(source[start:].lstrip())
    end = len(source)
    if source.startswith("(", position):
        closing = source.find(")", position)
        end = closing if closing > 0 else end
    codes = sorted(
        (c for c in item.codes if position <= _offset(item, c) < end), key=lambda c: _offset(item, c)
    )
    run: list[InlineCode] = []
    cursor = position + (1 if source.startswith("(", position) else 0)
    for code in codes:
        offset = _offset(item, code)
        if not _JOIN.match(source[cursor:offset]):
            break
        run.append(code)
        cursor = offset + len(code.text) + 2
    return run


def _outside_codes(item: ListItem) -> str:
    return re.sub(_CODE, " ", item.source)


# --- tables --------------------------------------------------------------------------

_NAME_HEADERS = frozenset({"name", "index", "index name", "constraint", "constraint name"})
_FIELDS_HEADERS = frozenset({"fields", "field", "field(s)", "columns", "column", "column(s)", "on"})
_KIND_HEADERS = frozenset({"kind", "type", "unique", "index type"})
_NO_NAME = frozenset({"", "-", "—", "–", "auto", "(auto)", "n/a", "none", "(none)", "generated", "(generated)"})


def is_index_header(header: TableRow) -> bool:
    """A header that names indexes by their name and fields (``| Name | Fields | Kind |``)."""
    titles = _titles(header)
    return any(t in _NAME_HEADERS for t in titles) and any(t in _FIELDS_HEADERS for t in titles)


def read_index_table(block: Block) -> list[IndexClaim] | None:
    """The indexes a table's rows claim, None when it has neither a Name nor a Fields column."""
    header = block.rows[0]
    titles = _titles(header)
    name_column = next((i for i, t in enumerate(titles) if t in _NAME_HEADERS), None)
    fields_column = next((i for i, t in enumerate(titles) if t in _FIELDS_HEADERS), None)
    kind_column = next((i for i, t in enumerate(titles) if t in _KIND_HEADERS), None)
    if name_column is None and fields_column is None:
        return None
    claims = []
    for row in block.rows[1:]:
        fields = _cell_words(row, fields_column)
        if not all(_FIELD.match(text) for text, _ in fields):
            continue
        named = [(text, span) for text, span in _cell_words(row, name_column) if text.lower() not in _NO_NAME]
        name = named[0] if len(named) == 1 else None
        if name is None and not fields:
            continue
        kind = " ".join(row.cells[c] for c in (kind_column, name_column) if c is not None and c < len(row.cells))
        claims.append(IndexClaim(
            fields=tuple(text.lstrip("-") for text, _ in fields),
            name=name[0] if name else None,
            unique="unique" in kind.lower() or kind.strip().lower() in {"yes", "✓", "✅"},
            span=name[1] if name else fields[0][1],
            field_spans=tuple(span for _, span in fields),
        ))
    return claims


def _titles(header: TableRow) -> list[str]:
    return column_titles(header)


def _cell_words(row: TableRow, column: int | None) -> list[tuple[str, Span]]:
    """The names a cell gives: its inline codes, else its comma-separated words."""
    if column is None or column >= len(row.cells):
        return []
    cell = row.spans[column]
    codes = cell_codes(row, column)
    if codes:
        return [(code.text.strip(), code.span) for code in codes]
    found = []
    for match in re.finditer(r"[^,()\s]+", row.cells[column]):
        found.append((match.group(0), Span.at(cell.line, cell.column + match.start(), len(match.group(0)))))
    return found
