"""Models a page names in passing, outside the sections that declare them: "the `Category`
model", "model `Category`", a bold "**`OrderItem` model**:" item, an app-qualified name
(`orders.OrderItem`), and the cells of a table's Model column.

A name in passing may be a library's model or one still to come, so FD301 judges one
only against the project's models (see its docs). Sections about other times and
sentences about a change (a rename, a removal) name nothing.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from featuredocs.model import Block, BlockKind, Page, Span
from featuredocs.rules.other_times import at_other_times, speaks_of_change
from featuredocs.rules.table_cells import cell_code, column_titles

_CAMEL = re.compile(r"(?:(?P<app>[a-z_][a-z0-9_]*)\.)?(?P<name>[A-Z][A-Za-z0-9]*[a-z][A-Za-z0-9]*)")
_MODEL_AFTER = re.compile(r"[*_]*\s+models?\b", re.I)
_MODEL_BEFORE = re.compile(r"\bmodels?\s+[*_]*$", re.I)
_MODEL_HEADERS = frozenset({"model", "models", "django model"})
#: ``| Model`` in any case: a page with a Model column has it. Searched for, not found in
#: a lower-cased copy of the page, which costs more than the rest of this reader.
_MODEL_COLUMN = re.compile(r"\| [Mm][Oo][Dd][Ee][Ll]")


@dataclass(frozen=True, slots=True)
class ModelMention:
    """``name`` as written (``Category`` or ``orders.OrderItem``), and its span."""

    name: str
    span: Span


def model_mentions(page: Page, declared: frozenset[int]) -> Iterator[ModelMention]:
    """The models the page names in passing; ``declared``: the lines of its model claims."""
    found = {mention.span: mention for mention in (*_called(page, declared), *_column_cells(page))}
    for mention in sorted(found.values(), key=lambda m: (m.span.line, m.span.column)):
        if not at_other_times(page, mention.span.line):
            yield mention


def _called(page: Page, declared: frozenset[int]) -> Iterator[ModelMention]:
    """Inline code a sentence calls a model, or qualifies with its app."""
    for code in page.codes:
        text = code.text
        if not text[:1].isupper() and "." not in text:
            continue  # most inline code is a field, a flag or a path: no model's name
        found = _CAMEL.fullmatch(text)
        span = code.span
        if found is None or span.line != span.end_line or span.line in declared:
            continue
        line = page.line_text(span.line)
        qualified = found["app"] is not None
        if qualified or _MODEL_AFTER.match(line, span.end_column - 1) or _MODEL_BEFORE.search(line, 0, span.column - 1):
            if not speaks_of_change(line):
                yield ModelMention(code.text, span)


def _column_cells(page: Page) -> Iterator[ModelMention]:
    """The cells of a table's Model column."""
    if _MODEL_COLUMN.search(page.text) is None:
        return
    for section in page.walk():
        for block in section.blocks:
            if block.kind is BlockKind.TABLE and block.rows and block.rows[0].header:
                yield from _model_cells(block)


def _model_cells(block: Block) -> Iterator[ModelMention]:
    titles = column_titles(block.rows[0])
    column = next((i for i, title in enumerate(titles) if title in _MODEL_HEADERS), None)
    if column is None:
        return
    for row in block.rows[1:]:
        if column >= len(row.cells):
            continue
        code = cell_code(row, column)
        if code is not None and _CAMEL.fullmatch(code.text):
            yield ModelMention(code.text, code.span)
