"""What rules read from a Markdown table: its column titles, and the inline code a cell
holds (a table row keeps its cells' text and spans, and its inline code apart)."""

from __future__ import annotations

import re

from featuredocs.model import InlineCode, TableRow

_MARKS = re.compile(r"[*`_]")


def column_titles(header: TableRow) -> list[str]:
    """The header's titles as rules compare them."""
    return [column_title(cell) for cell in header.cells]


def column_title(cell: str) -> str:
    """A header cell as rules compare it: no emphasis or code marks, lower case."""
    return _MARKS.sub("", cell).strip().lower()


def cell_codes(row: TableRow, column: int) -> list[InlineCode]:
    """The inline code in the row's ``column``, in order."""
    if column >= len(row.spans):
        return []
    cell = row.spans[column]
    return [c for c in row.codes if c.span.line == cell.line and cell.column <= c.span.column < cell.end_column]


def cell_code(row: TableRow, column: int) -> InlineCode | None:
    """The first inline code in the row's ``column``."""
    codes = cell_codes(row, column)
    return codes[0] if codes else None
