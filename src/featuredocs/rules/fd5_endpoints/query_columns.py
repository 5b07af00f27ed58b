"""The query parameters an endpoints table names in a column of their own.

``| GET | `/api/v1/products/` | `search`, `ordering` | … |`` under a header whose column
says so: *Query*, *Query parameters*, *Query string* or *Filters* on any row; *Parameters*
or *Params* only on a row read with GET alone, since a POST row's parameters are its
body's fields. Each inline code of the cell that is a parameter name (``page_size``, or
``page_size=50`` with a value) is claimed for the row's endpoint.
"""

from __future__ import annotations

import re

from featuredocs.model import Page, Span, TableRow
from featuredocs.rules.fd5_endpoints.places import inline_text_span
from featuredocs.rules.table_cells import cell_codes, column_titles

_QUERY_TITLES = frozenset({"query", "query parameters", "query params", "query string", "filters"})
_PARAMETER_TITLES = frozenset({"parameters", "params"})
_PARAM = re.compile(r"(?P<name>[A-Za-z_][A-Za-z0-9_.\-\[\]]*)(?:=\S*)?")


def query_column(header: TableRow) -> tuple[int, bool] | None:
    """The column that names query parameters, and whether it does so on GET rows only."""
    for column, title in enumerate(column_titles(header)):
        if title in _QUERY_TITLES:
            return column, False
        if title in _PARAMETER_TITLES:
            return column, True
    return None


def column_params(page: Page, row: TableRow, column: int) -> list[tuple[str, Span]]:
    """(name, span) of each parameter name the row's cell in ``column`` writes as code."""
    found = []
    for code in cell_codes(row, column):
        text = code.text.strip()
        named = _PARAM.fullmatch(text)
        if named is None:
            continue
        span = inline_text_span(page, code, 0, len(named["name"]))
        if span is not None:
            found.append((named["name"], span))
    return found
