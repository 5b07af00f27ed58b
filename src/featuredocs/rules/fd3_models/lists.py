"""The lists and tables of a model's section that say its fields and indexes.

A list is introduced by a label (``**Fields:**``, ``**Key Fields**:``, a plain ``Fields:``
line), a sub-heading (``### Indexes``) or a sentence ("The model has these fields:"); a
table by such a label or heading, else by its columns (Field and Type; Name and Fields).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache

from featuredocs.model import Block, BlockKind, ListItem, Section, Span
from featuredocs.rules.fd3_models.field_items import (
    FieldClaim,
    read_field_item,
    read_field_row,
    table_columns,
)
from featuredocs.rules.fd3_models.index_items import IndexClaim, is_index_header, read_index_table

_PARTIAL = frozenset({
    "key", "main", "important", "selected", "notable", "core", "some", "other", "additional",
    "common", "relevant", "primary", "essential", "new",
    "details", "detail", "overview", "summary",  # a few fields told at length: "Field details"
})
_QUALIFIERS = frozenset({
    "model", "database", "db", "unique", "composite", "and",
    "reference", "list", "descriptions",  # what the list is: "Fields reference"
})
_INDEX_WORDS = frozenset({"indexes", "indices", "index", "constraints", "constraint"})
_NOT_CURRENT = frozenset({
    "removed", "deprecated", "legacy", "former", "old", "planned", "future", "proposed",
    "dropped", "renamed",
})


@lru_cache(maxsize=4096)
def list_label_kind(label: str) -> str | None:
    """``fields`` / ``indexes`` for a label or sub-heading that introduces such a list.

    ``Fields``, ``Model Fields``, ``Key Fields``, ``Fields (selected)``, ``Indexes``,
    ``Database Indexes``, ``Indexes & Constraints``; not ``Search Fields`` or
    ``Removed fields``, which are not the model's field list.
    """
    words = re.findall(r"[a-z]+", label.casefold())
    if not words or len(words) > 4 or _NOT_CURRENT & set(words):
        return None
    core = [w for w in words if w not in _PARTIAL | _QUALIFIERS]
    if core and (core[0] in {"fields", "field"}) and (len(core) == 1 or words[0] == "fields"):
        return "fields"
    if core and set(core) <= _INDEX_WORDS:
        return "indexes"
    return None


def is_partial(label: str) -> bool:
    return bool(_PARTIAL & set(re.findall(r"[a-z]+", label.casefold())))


def model_lists(parts: list[Section]) -> Iterator[tuple[str, Span, tuple[ListItem, ...], str]]:
    """(kind, where it starts, items, label) for each Fields/Indexes list of a model."""
    for part in parts:
        read: set[int] = set()
        for labelled in part.labelled:
            kind = list_label_kind(labelled.label)
            if kind is not None and labelled.items:
                read.add(labelled.items[0].span.line)
                yield kind, labelled.span, labelled.items, labelled.label
        for found in _plainly_introduced(part):
            read.add(found[2][0].span.line)
            yield found
        if part is parts[0]:
            yield from _unlabelled_field_lists(part, read)
        kind = list_label_kind(part.title) if part.level >= 3 else None
        if kind is not None and part is not parts[0]:
            items = tuple(item for block in _own_lists(part, kind) for item in block.items)
            if items:
                yield kind, part.heading.span, items, part.title


def _own_lists(part: Section, kind: str) -> Iterator[Block]:
    """The lists of a sub-section titled for them (``#### Field details``), but those a
    line ending in a colon introduces as something else ("Also on the table:"), and, in
    a fields sub-section, lists of indexes."""
    for before, block in zip((None, *part.blocks), part.blocks):
        if block.kind is not BlockKind.LIST:
            continue
        if before is not None and before.kind is BlockKind.PARAGRAPH and before.plain.rstrip().endswith(":") \
                and list_label_kind(before.plain.rstrip()[:-1]) != kind:
            continue
        if kind == "fields" and any(_INDEX_WORDING.search(item.source) for item in block.items):
            continue
        yield block


#: A sentence that says the model has the list that follows: "The model has these
#: fields:", "It defines the following indexes:" (not "Search filters on these fields:").
_INTRODUCING = re.compile(
    r"\b(?:has|have|defines?|declares?|stores?|adds?|contains?|includes?)\s+"
    r"(?:these|the following)\s+(?:model\s+|database\s+)?(?P<kind>fields|columns|indexes|indices)\s*:$",
    re.I,
)


def _plainly_introduced(part: Section) -> Iterator[tuple[str, Span, tuple[ListItem, ...], str]]:
    """Lists a plain line introduces: ``Fields:`` as a label, or a sentence ending in
    "these fields:", read as a selection (a sentence rarely promises every field)."""
    bold = {labelled.span.line for labelled in part.labelled}
    for block, following in zip(part.blocks, part.blocks[1:]):
        if (
            block.kind is not BlockKind.PARAGRAPH or following.kind is not BlockKind.LIST
            or block.span.line != block.span.end_line or block.span.line in bold
        ):
            continue
        text = block.plain.strip()
        if not text.endswith(":"):
            continue
        label = text[:-1].strip()
        kind = list_label_kind(label)
        if kind is None and (introduced := _INTRODUCING.search(text)) is not None:
            kind = "indexes" if introduced["kind"].casefold().startswith("ind") else "fields"
            label = f"Some {introduced['kind']}"
        if kind is not None:
            yield kind, block.span, following.items, label


_INDEX_WORDING = re.compile(r"\b(?:index|constraint)\s+(?:on|over)\b|^\W*`[^`]+`\s+on\s+\(", re.IGNORECASE)


def _unlabelled_field_lists(part: Section, read: set[int]) -> Iterator[tuple[str, Span, tuple[ListItem, ...], str]]:
    """A list right in the model's section whose every item is a field with its type
    (``- `number` (CharField): …``), with no label: read as a selection, since nothing
    says it is every field.

    Without the types (``- **channel** — `email` or `sms` ``) the list may as well be
    of statuses or steps: it is yielded as ``listed``, whose names the rules read only
    once the model shows most of them are its fields, and not at all when a line ending
    in a colon introduces it as something else ("Search filters on these fields:")."""
    for before, block in zip((None, *part.blocks), part.blocks):
        items = block.items
        if block.kind is not BlockKind.LIST or len(items) < 2 or items[0].span.line in read:
            continue
        claims = [read_field_item(item) for item in items]
        if not all(claims):
            continue
        if all(claim.type is not None for found in claims for claim in found):
            yield "fields", block.span, items, "Some fields"
        elif before is None or before.kind is not BlockKind.PARAGRAPH or not before.plain.rstrip().endswith(":"):
            yield "listed", block.span, items, "Some names"


def field_claims(items: tuple[ListItem, ...]) -> Iterator[FieldClaim]:
    """The fields of field items; a group item without code leads to its children's."""
    for item in items:
        claims = read_field_item(item)
        if claims or not item.children:
            yield from claims
        else:
            for child in item.children:
                yield from read_field_item(child)


def listed_codes(items: tuple[ListItem, ...]) -> Iterator[str]:
    for item in items:
        for code in item.codes:
            yield code.text.strip().removesuffix("()")
        yield from listed_codes(item.children)


def model_tables(parts: list[Section]) -> Iterator[tuple[str, Span, list[FieldClaim] | list[IndexClaim], bool]]:
    """(kind, where it starts, its claims, whether it is a selection) for each table of a
    model's fields or indexes. The line or heading above a table says which it is
    (``**Indexes:**``, ``### Key Fields``); else its columns do (Field and Type, or Name
    and Fields). A table is a selection when its label says so (``**Key Fields:**``)."""
    for part in parts:
        titled = list_label_kind(part.title) if part is not parts[0] else None
        previous: Block | None = None
        for block in part.blocks:
            if block.kind is BlockKind.TABLE and block.rows and block.rows[0].header:
                label = _label(previous)
                kind = (list_label_kind(label) if label else None) or titled
                anchor = block.rows[0].spans[0] if block.rows[0].spans else block.span
                if kind == "indexes" or (kind is None and is_index_header(block.rows[0])):
                    indexes = read_index_table(block)
                    if indexes is not None:
                        yield "indexes", anchor, indexes, False
                elif (fields := _table_fields(block)) is not None:
                    said = label if label and list_label_kind(label) == "fields" else part.title
                    yield "fields", anchor, fields, kind == "fields" and is_partial(said)
            previous = block


def _label(block: Block | None) -> str | None:
    """The label a paragraph right before a table gives it (``Indexes:`` → ``Indexes``)."""
    if block is None or block.kind is not BlockKind.PARAGRAPH:
        return None
    text = block.plain.strip()
    return text[:-1].strip() if text.endswith(":") else None


def _table_fields(block: Block) -> list[FieldClaim] | None:
    header = block.rows[0]
    columns = table_columns(header) if header.header else None
    if columns is None:
        return None
    rows = (row for row in block.rows[1:] if not row.header)
    return [claim for row in rows if (claim := read_field_row(row, *columns))]
