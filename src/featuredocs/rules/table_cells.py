"""What rules read from a Markdown table: its column titles, and the inline code a cell
holds (a table row keeps its cells' text and spans, and its inline code apart); and, for
a rule that has only a row's line, the row's cells and its table's titles."""

from __future__ import annotations

import re

from featuredocs.model import InlineCode, Page, Span, TableRow
from featuredocs.rules.fd8_code.source import find_on_lines, inline_code_span

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


def row_cells(row: str) -> list[tuple[int, int]]:
    """The ranges of a table row's cells in its line, between its borders (``\\|`` is none)."""
    borders = [i for i, char in enumerate(row) if char == "|" and (i == 0 or row[i - 1] != "\\")]
    if row[: borders[0]].strip() if borders else True:
        borders.insert(0, -1)  # a row written without its leading border
    if row[borders[-1] + 1 :].strip():
        borders.append(len(row))
    return list(zip((b + 1 for b in borders), borders[1:]))


def header_titles(page: Page, line: int) -> list[str]:
    """The column titles of the table whose row is on ``line``, as rules compare them."""
    number = line
    while number > 1 and page.line_text(number - 1).lstrip().startswith("|"):
        number -= 1
    header = page.line_text(number)
    return [column_title(header[begin:end]) for begin, end in row_cells(header)]


def cell_value(
    page: Page, row: TableRow, index: int, *, inner: bool = False
) -> tuple[str, Span] | None:
    """A cell's value: its inline code when it has one, else its plain single-word text.

    The span of inline code includes the backticks unless ``inner``.
    """
    if index >= len(row.cells) or index >= len(row.spans):
        return None
    cell_span = row.spans[index]
    for code in row.codes:
        if cell_span.line == code.span.line and cell_span.column <= code.span.column < cell_span.end_column:
            return code.text, inline_code_span(page, code.span) if inner else code.span
    text = row.cells[index].strip()
    if not text or re.search(r"\s|[`*|]", text):
        return None
    span = find_on_lines(page, text, cell_span.line, cell_span.line, cell_span.column)
    return (text, span) if span is not None else None
