"""Byte offsets to lines and columns, computed once per page.

pyromark reports UTF-8 byte ranges; findings need 1-based lines and columns counted in
characters. Line starts are found once and looked up with bisect, so converting a range
costs O(log lines) plus the length of one line prefix on non-ASCII lines.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from itertools import accumulate

from featuredocs.model import Span

_LINE_BREAK = re.compile(rb"\r\n|\r|\n")
_LINE_BREAK_TEXT = re.compile(r"\r\n|\r|\n")
_NON_ASCII = re.compile(rb"[\x80-\xff]+")


def split_lines(text: str) -> tuple[str, ...]:
    """Lines as CommonMark counts them (``\\n``, ``\\r\\n`` or ``\\r``), without the breaks."""
    lines = _LINE_BREAK_TEXT.split(text) if "\r" in text else text.split("\n")
    if lines and lines[-1] == "":
        lines.pop()
    return tuple(lines)


class SourceMap:
    """One page's text and its UTF-8 encoding, with offset conversions."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.data = data = text.encode("utf-8")
        self.ascii = len(data) == len(text)
        if b"\r" in data:
            self.line_starts = [0] + [m.end() for m in _LINE_BREAK.finditer(data)]
            wide = (bisect_right(self.line_starts, m.start()) - 1 for m in _NON_ASCII.finditer(data))
        else:
            lines = data.split(b"\n")
            self.line_starts = [0, *accumulate(len(line) + 1 for line in lines[:-1])]
            wide = (index for index, line in enumerate(lines) if not line.isascii())
        # Lines holding multi-byte characters: only there do bytes and columns differ.
        self._wide_lines: set[int] = set(wide) if not self.ascii else set()
        self._spans: dict[tuple[int, int], Span] = {}

    def line_index(self, offset: int) -> int:
        """0-based index of the line holding byte ``offset``."""
        return bisect_right(self.line_starts, offset) - 1

    def line_of(self, offset: int) -> int:
        return bisect_right(self.line_starts, offset)

    def position(self, offset: int) -> tuple[int, int]:
        """1-based (line, column) of byte ``offset``; the column counts characters."""
        index = bisect_right(self.line_starts, offset) - 1
        start = self.line_starts[index]
        if index not in self._wide_lines:
            return index + 1, offset - start + 1
        prefix = self.data[start:offset].decode("utf-8", errors="ignore")
        return index + 1, len(prefix) + 1

    def span(self, start: int, end: int) -> Span:
        """The span of bytes ``start`` to ``end`` (exclusive)."""
        key = (start, end)
        span = self._spans.get(key)
        if span is not None:
            return span
        starts = self.line_starts
        index = bisect_right(starts, start) - 1
        line_start = starts[index]
        next_start = starts[index + 1] if index + 1 < len(starts) else len(self.data) + 1
        wide = self._wide_lines
        if end < next_start and index not in wide:  # the common case: one ASCII line
            column = start - line_start + 1
            span = Span(index + 1, column, index + 1, column + max(end - start, 0))
        else:
            line, column = self.position(start)
            end_line, end_column = self.position(end) if end > start else (line, column)
            span = Span(line, column, end_line, end_column)
        self._spans[key] = span
        return span

    def source(self, start: int, end: int) -> str:
        return self.data[start:end].decode("utf-8", errors="replace")

    def trimmed(self, start: int, end: int) -> tuple[int, int]:
        """``start``/``end`` moved inwards past surrounding whitespace."""
        data = self.data
        while end > start and data[end - 1] in b" \t\r\n":
            end -= 1
        while start < end and data[start] in b" \t\r\n":
            start += 1
        return start, end
