"""Fixes inside the cells of an aligned Markdown table keep its columns aligned.

A fix replaces a value (`` `200` `` → `` `1000` ``) without knowing it sits in a table.
In a table whose pipes line up, the cell's padding gives the difference back: a longer
value takes spaces from the end of its cell, a shorter one adds them, and the pipe stays
where it was. A cell without the spare spaces, or a table that was not aligned, is
edited as the fix says.
"""

from __future__ import annotations

import dataclasses

from featuredocs.fix.edits import LineIndex
from featuredocs.model import Edit, Fix, Span


def aligned_fix(text: str, fix: Fix) -> Fix:
    """``fix`` with its edits in aligned table cells widened to the cell's closing pipe."""
    index = LineIndex(text)
    edits = tuple(_aligned(index, edit, fix.edits) for edit in fix.edits)
    return fix if edits == fix.edits else dataclasses.replace(fix, edits=edits)


def _aligned(index: LineIndex, edit: Edit, edits: tuple[Edit, ...]) -> Edit:
    span = edit.span
    line = index.line_text(span.line)
    if span.line != span.end_line or "\n" in edit.replacement or line is None:
        return edit
    if not line.lstrip().startswith("|"):
        return edit
    start, end = span.column - 1, span.end_column - 1
    pipe = _closing_pipe(line, end)
    if pipe is None or any(_on_cell(other, span.line, start, pipe) for other in edits if other is not edit):
        return edit
    if not _pipe_lines_up(index, span.line, pipe):
        return edit
    padding = len(line[end:pipe]) - len(line[end:pipe].rstrip(" "))
    spare = padding - (len(edit.replacement) - (end - start))
    if padding == 0 or spare < 1:
        return edit
    kept = line[end : pipe - padding]
    return Edit(Span(span.line, span.column, span.line, pipe + 1), edit.replacement + kept + " " * spare)


def _closing_pipe(line: str, end: int) -> int | None:
    """Where the cell holding column ``end`` closes (an escaped ``\\|`` does not close it)."""
    position = end
    while True:
        position = line.find("|", position)
        if position < 0:
            return None
        if position == 0 or line[position - 1] != "\\":
            return position
        position += 1


def _on_cell(other: Edit, line: int, start: int, pipe: int) -> bool:
    span = other.span
    return span.line <= line <= span.end_line and span.column - 1 <= pipe and span.end_column - 1 >= start


def _pipe_lines_up(index: LineIndex, number: int, pipe: int) -> bool:
    """Whether a neighbouring row of the table has a pipe at the same place."""
    for neighbour in (number - 1, number + 1):
        text = index.line_text(neighbour)
        if text is not None and text.lstrip().startswith("|") and text[pipe : pipe + 1] == "|":
            return True
    return False
