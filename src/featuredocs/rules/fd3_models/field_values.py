"""The values a Fields list gives a field, wherever its line puts them: after the type
(``One of `pending`, `paid` or `cancelled` ``), in a table's description or Choices
cell, or as the item's own sub-list (see ``rules/enumerations.py``)."""

from __future__ import annotations

from featuredocs.model import FieldFact, Page, Span
from featuredocs.rules.enumerations import VALUES_COLUMN, PlacedList, listed_values, nested_values, placed
from featuredocs.rules.fd3_models.field_items import FieldClaim
from featuredocs.rules.table_cells import column_title

_CODE_SPAN = "`"


def field_values(page: Page, documented: FieldClaim, field: FieldFact) -> PlacedList | None:
    """The values the page gives ``field``, which has choices: none when the list it
    gives holds none of them, as it then gives labels (`Pending payment`) or something
    else, not the field's values."""
    found = documented_values(page, documented)
    if found is None or not any(value in field.choices for value in found.values):
        return None
    return found


def documented_values(page: Page, documented: FieldClaim) -> PlacedList | None:
    """The values the field's description gives: on its line, or as its sub-list. In
    a table row, each cell after the name and type is read alone: ``|`` ends a cell
    there, not a value."""
    after = documented.type_span if documented.type_span is not None else documented.span
    line = documented.span.line
    if after.end_line != line:
        return None
    text = page.line_text(line)
    start = after.end_column - 1
    table_row = text.lstrip().startswith("|")
    if text.count(_CODE_SPAN, start) >= 4:  # two code spans at least
        titles = _header_titles(page, line) if table_row else []
        cells = _cells(text) if table_row else [(start, len(text))]
        for index, (begin, end) in enumerate(cells):
            if end <= start:
                continue  # the name's and type's cells
            titled = index < len(titles) and VALUES_COLUMN.match(titles[index]) is not None
            listed = listed_values(text[:end], max(begin, start), titled)
            if listed is not None:
                return placed(listed, text[:end], max(begin, start), lambda a, b: Span(line, a + 1, line, b + 1))
    return None if table_row else nested_values(page, line)


def _header_titles(page: Page, line: int) -> list[str]:
    """The column titles of the table whose row is on ``line``, as rules compare them."""
    number = line
    while number > 1 and page.line_text(number - 1).lstrip().startswith("|"):
        number -= 1
    header = page.line_text(number)
    return [column_title(header[begin:end]) for begin, end in _cells(header)]


def _cells(row: str) -> list[tuple[int, int]]:
    """The ranges of a table row's cells, between its borders (``\\|`` is none)."""
    borders = [i for i, char in enumerate(row) if char == "|" and (i == 0 or row[i - 1] != "\\")]
    if row[: borders[0]].strip() if borders else True:
        borders.insert(0, -1)  # a row written without its leading border
    if row[borders[-1] + 1 :].strip():
        borders.append(len(row))
    return list(zip((b + 1 for b in borders), borders[1:]))
