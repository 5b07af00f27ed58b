"""Field claims read from a Fields list item or a row of a Field/Type table.

``- `status` (CharField): Lifecycle state`` claims a field ``status`` typed ``CharField``;
``- `created_at` / `updated_at` (datetime)`` claims two fields. The parenthesised type is
optional; any other item shape (a sentence, a bracketed placeholder) claims nothing.

A name in bold instead of code (``- **paid_at** (DateTimeField): …``) claims a field when
it is written like one (``snake_case``) or a known type follows it: a bold ``**Note**:``
opening an item is a word, not a field.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from featuredocs.model import FieldFact, InlineCode, ListItem, ModelFact, Page, Span, TableRow
from featuredocs.rules.fd3_models.field_types import DocumentedType, read_type
from featuredocs.rules.fd3_models.repeated import per_distinct_item
from featuredocs.rules.own_words import OwnWords, own_words
from featuredocs.rules.table_cells import cell_code, column_titles

_IDENTIFIER = re.compile(r"^[A-Za-z_][A-Za-z0-9_]*$")
_BOLD_NAME = re.compile(r"(\*\*|__)([A-Za-z_][A-Za-z0-9_]*)(?:\(\))?\1")
_SNAKE = re.compile(r"^[a-z_][a-z0-9_]*$")
_JOINER = re.compile(r"^\s*(?:\*\*)?\s*(?:/|,|&|\+|and|or)?\s*(?:\*\*)?\s*$", re.I)
#: The template's own example names: left in a page they are FD103's business.
PLACEHOLDER_NAMES = frozenset({"field_name", "field1", "field2", "field", "name_of_field"})
FIELD_HEADERS = frozenset({"field", "fields", "field name", "name", "column", "attribute"})
TYPE_HEADERS = frozenset({"type", "field type", "django type", "kind", "data type", "class"})
DEFAULT_HEADERS = frozenset({"default", "default value", "defaults"})


@dataclass(frozen=True, slots=True)
class FieldClaim:
    """A field a page says a model has; ``span`` points at the name as written."""

    name: str
    span: Span
    type: DocumentedType | None = None
    type_span: Span | None = None
    null: bool | None = None  # what the type's words say of NULL: ``nullable``, ``not null``
    null_span: Span | None = None
    default_span: Span | None = None  # the cell of a table's Default column
    unique: bool | None = None  # what the type's words say of uniqueness: ``unique``, ``not unique``
    unique_span: Span | None = None


def read_field_item(item: ListItem) -> list[FieldClaim]:
    """The fields one list item claims (empty when it is not a field item)."""
    return list(_read_field_item(item))


def _moved(claims: tuple[FieldClaim, ...], lines: int) -> tuple[FieldClaim, ...]:
    return tuple(
        FieldClaim(
            c.name, c.span.shifted(lines), c.type, c.type_span.shifted(lines) if c.type_span else None,
            c.null, c.null_span.shifted(lines) if c.null_span else None,
            unique=c.unique, unique_span=c.unique_span.shifted(lines) if c.unique_span else None,
        )
        for c in claims
    )


@per_distinct_item(_moved)
def _read_field_item(item: ListItem) -> tuple[FieldClaim, ...]:
    leading = _leading_codes(item)
    names = [(code, _field_name(code.text)) for code in leading]
    names = [(code, name) for code, name in names if name is not None]
    if not names:
        return _bold_field(item)
    end = _offset(item, leading[-1]) + len(leading[-1].text) + 2
    type_text, type_start = _parenthesised(item.source, end)
    if not type_text:
        type_text, type_start = _described(item.source, end)
    documented = read_type(type_text) if type_text else None
    type_span = _source_span(item, type_start, len(type_text)) if documented else None
    null, null_span = _nullability(item, type_text, type_start)
    unique, unique_span = _uniqueness(item, type_text, type_start)
    return tuple(
        FieldClaim(name, code.span, documented, type_span, null, null_span, unique=unique, unique_span=unique_span)
        for code, name in names
    )


#: What a type's words say of NULL (``DateTimeField, nullable``, ``integer, not null``).
_NOT_NULL = re.compile(r"\b(?:not[\s-]+null(?:able)?|non[\s-]?null(?:able)?|null\s*=\s*False)\b", re.I)
_NULL = re.compile(r"\b(?:nullable|null\s*=\s*True)\b", re.I)


def null_written(written: str, null: bool) -> str:
    """What the type's words about NULL (``written``) become for a field whose ``null``
    is as given, in their own form: ``null=True``, ``nullable``, ``not null``, ``NOT NULL``."""
    if "=" in written:
        return re.sub(r"True|False", str(null), written)
    if null:
        return "nullable"
    return "NOT NULL" if written.isupper() else "not null"


def _nullability(item: ListItem, type_text: str, start: int) -> tuple[bool | None, Span | None]:
    if not type_text or "null" not in type_text.lower():
        return None, None
    for pattern, null in ((_NOT_NULL, False), (_NULL, True)):
        found = pattern.search(type_text)
        if found is not None:
            return null, _source_span(item, start + found.start(), len(found.group(0)))
    return None, None


#: What a type's words say of uniqueness (``EmailField, unique``, ``unique=True``).
_UNIQUENESS = re.compile(
    r"\b(?:(?P<not_unique>not[\s-]+unique|non[\s-]?unique|unique\s*=\s*False)|(?P<unique>unique(?:\s*=\s*True)?))\b",
    re.I,
)


def renamed(page: Page, documented: FieldClaim, name: str) -> str:
    """``name`` in the documented name's dress (in backticks or bare), for a fix."""
    return f"`{name}`" if page.written(documented.span).startswith("`") else name


def unique_written(written: str, unique: bool) -> str:
    """What the type's words about uniqueness (``written``) become for a field whose
    uniqueness is as given, in their own form: ``unique=True``, ``unique``, ``not unique``."""
    if "=" in written:
        return re.sub(r"True|False", str(unique), written)
    said = "unique" if unique else "not unique"
    if written.isupper():
        return said.upper()
    return said.capitalize() if written[:1].isupper() else said


_UNIQUE_KINDS = frozenset({"unique", "unique_together", "unique_constraint"})


def differs_in_uniqueness(documented: FieldClaim, field: FieldFact, model: ModelFact) -> bool:
    """Whether what the type's words say of uniqueness is surely wrong. A field unique
    together with others (``unique_together``, a constraint) may be called unique: pages
    say *unique per customer*."""
    if not documented.unique:
        return field.unique
    return not field.unique and not any(
        index.kind in _UNIQUE_KINDS and field.name in (name.lstrip("-") for name in index.fields)
        for index in model.indexes
    )


def _uniqueness(item: ListItem, type_text: str, start: int) -> tuple[bool | None, Span | None]:
    """What the type's words say of uniqueness, else a description that opens with
    *Unique* (``Unique, human-readable number``); *unique per customer* is said of a
    constraint over several fields, and read so."""
    if not type_text or "unique" not in type_text.lower():
        return _unique_description(item, start + len(type_text) + 1 if type_text else -1)
    found = _UNIQUENESS.search(type_text)
    if found is None:
        return None, None
    return found.group("unique") is not None, _source_span(item, start + found.start(), len(found.group(0)))


_UNIQUE_DESCRIPTION = re.compile(r"\s*:\s*(unique)\b(?!\s+(?:per|within|for|to|among|across|together|in|on|by|with)\b)", re.I)


def _unique_description(item: ListItem, end: int) -> tuple[bool | None, Span | None]:
    """``end``: where the type's parenthesis closes (-1 when the item has none)."""
    if end < 0 or "nique" not in item.source:
        return None, None
    found = _UNIQUE_DESCRIPTION.match(item.source, end)
    if found is None:
        return None, None
    return True, _source_span(item, found.start(1), len(found.group(1)))


def _bold_field(item: ListItem) -> tuple[FieldClaim, ...]:
    match = _BOLD_NAME.match(item.source)
    name = _field_name(match.group(2)) if match else None
    if match is None or name is None:
        return ()
    type_text, type_start = _parenthesised(item.source, match.end())
    documented = read_type(type_text) if type_text else None
    if documented is None and not _SNAKE.match(name):
        return ()
    type_span = _source_span(item, type_start, len(type_text)) if documented else None
    return (FieldClaim(name, _source_span(item, 2, len(name)), documented, type_span),)


def _field_name(text: str) -> str | None:
    name = text.strip()
    if name.endswith("()"):
        name = name[:-2]
    if not _IDENTIFIER.match(name) or name.lower() in PLACEHOLDER_NAMES:
        return None
    return name


def _leading_codes(item: ListItem) -> list[InlineCode]:
    """Inline codes at the very start of the item, joined by ``/``, ``,`` or ``and``."""
    codes = sorted(item.codes, key=lambda c: (c.span.line, c.span.column))
    leading: list[InlineCode] = []
    position = 0
    for code in codes:
        offset = _offset(item, code)
        if offset < 0 or not _JOINER.match(item.source[position:offset]):
            break
        if not leading and item.source[position:offset].strip(" *"):
            break
        leading.append(code)
        position = offset + len(code.text) + 2
    return leading


def _offset(item: ListItem, code: InlineCode) -> int:
    """Where ``code`` (its opening backtick) starts in ``item.source``, -1 if unknown."""
    if code.span.line != item.span.line:
        return -1
    offset = code.span.column - item.span.column
    return offset if item.source[offset:offset + 1] == "`" else _search(item, code)


def _search(item: ListItem, code: InlineCode) -> int:
    for ticks in ("`", "``"):
        found = item.source.find(f"{ticks}{code.text}{ticks}")
        if found >= 0:
            return found
    return -1


#: A description that opens with a field class after a dash or colon: ``— a CharField
#: (max 20 characters)``, ``: nullable DateTimeFields``; a type in other words (``— three-letter
#: code``) is prose.
_DESCRIBED = re.compile(
    r"[ \t]*(?:—|–|-|:)[ \t]*(?:(?:an?|the)[ \t]+)?(?P<type>(?:(?:nullable|unique|optional)[ \t]+)?"
    r"[A-Z][A-Za-z0-9]*(?:Field|Key)(?=s?\b))"
)


def _described(source: str, start: int) -> tuple[str, int]:
    """The field class a dash or colon description opens with, and where it starts."""
    found = _DESCRIBED.match(source, start)
    if found is None:
        return "", -1
    return found["type"], found.start("type")


def _parenthesised(source: str, start: int) -> tuple[str, int]:
    """The balanced ``( … )`` right after ``start`` (skipping ``**`` and spaces)."""
    position = start
    while position < len(source) and source[position] in " *\t":
        position += 1
    if position >= len(source) or source[position] != "(":
        return "", -1
    depth = 0
    for index in range(position, len(source)):
        char = source[index]
        depth += char == "("
        depth -= char == ")"
        if depth == 0:
            return source[position + 1:index], position + 1
        if char == "\n":
            break
    return "", -1


def _source_span(item: ListItem, offset: int, length: int) -> Span:
    """The page span of ``length`` characters at ``offset`` in the item's first line."""
    return Span.at(item.span.line, item.span.column + offset, length)


# --- tables --------------------------------------------------------------------------


def table_columns(header: TableRow) -> tuple[int, int | None, int | None] | None:
    """Indexes of the field-name, type and default columns of a table header, if it has
    a field-name column."""
    cells = column_titles(header)
    field_column = next((i for i, cell in enumerate(cells) if cell in FIELD_HEADERS), None)
    if field_column is None:
        return None
    type_column = next((i for i, cell in enumerate(cells) if cell in TYPE_HEADERS), None)
    if cells[field_column] == "name" and type_column is None:
        return None  # | Name | Description | lists choices or states as often as fields
    default_column = next((i for i, cell in enumerate(cells) if cell in DEFAULT_HEADERS), None)
    return field_column, type_column, default_column


def read_field_row(
    row: TableRow, field_column: int, type_column: int | None, default_column: int | None = None
) -> FieldClaim | None:
    if field_column >= len(row.cells):
        return None
    code = cell_code(row, field_column)
    if code is not None:
        name, span = _field_name(code.text), code.span
    else:
        text = row.cells[field_column].strip().strip("*").strip()
        name, span = _field_name(text), _name_in_cell(row, field_column, text)
        if name is not None and not name.islower():
            return None  # a bare capitalised word is more likely prose than a field
    if name is None:
        return None
    documented, type_span = None, None
    if type_column is not None and type_column < len(row.cells):
        documented = read_type(row.cells[type_column])
        type_span = _trimmed(row, type_column) if documented else None
    default_span = row.spans[default_column] if default_column is not None and default_column < len(row.cells) else None
    return FieldClaim(name, span, documented, type_span, default_span=default_span)


def _name_in_cell(row: TableRow, column: int, name: str) -> Span:
    """Where ``name`` sits in its cell, inside any ``**`` around it: a fix renames only it."""
    cell, offset = row.spans[column], row.cells[column].find(name)
    return Span.at(cell.line, cell.column + offset, len(name)) if name and offset >= 0 else cell


def _trimmed(row: TableRow, column: int) -> Span:
    cell, text = row.spans[column], row.cells[column]
    return Span.at(cell.line, cell.column, len(text)) if text else cell


def field_words(page: Page, documented: FieldClaim, model: ModelFact, about: tuple[str, ...]) -> OwnWords | None:
    """What the page says of a documented field, up to the next other field of ``model``
    its text names (see :func:`~featuredocs.rules.own_words.own_words`)."""
    return own_words(page, documented.name, documented.span, (field.name for field in model.fields), about)
