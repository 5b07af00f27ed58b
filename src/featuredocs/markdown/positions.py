"""Byte offsets to lines and columns, computed once per page.

pyromark reports UTF-8 byte ranges; findings need 1-based lines and columns counted in
characters. Line starts are found once and looked up with bisect, so converting a range
costs O(log lines) plus the length of one line prefix on non-ASCII lines.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from itertools import accumulate, compress, count
from operator import not_

from featuredocs.model import Span

_LINE_BREAK = re.compile(rb"\r\n|\r|\n")
_LINE_BREAK_TEXT = re.compile(r"\r\n|\r|\n")
_NON_ASCII = re.compile(rb"[\x80-\xff]+")
_WHITESPACE = b" \t\r\n"
_PLUS_ONE = (1).__add__  # a line's length with its line break

#: Spans handed out so far. Spans are values, and pages repeat the same few (a thousand
#: generated pages need 30,000 distinct ones for 300,000 elements): looking one up costs
#: a fraction of building it. Cleared when full, so it cannot grow without bound.
_SPANS: dict[tuple[int, int, int, int], Span] = {}
_MAX_SPANS = 65_536



def split_lines(text: str) -> tuple[str, ...]:
    """Lines as CommonMark counts them (``\\n``, ``\\r\\n`` or ``\\r``), without the breaks."""
    lines = _LINE_BREAK_TEXT.split(text) if "\r" in text else text.split("\n")
    if lines and lines[-1] == "":
        lines.pop()
    return tuple(lines)


class SourceMap:
    """One page's text and its UTF-8 encoding, with offset conversions."""

    __slots__ = ("text", "data", "ascii", "line_starts", "lines", "_wide_lines", "ascii_end")

    def __init__(self, text: str) -> None:
        self.text = text
        self.data = data = text.encode("utf-8")
        self.ascii = len(data) == len(text)
        # Up to the first wide character, byte offsets are character offsets.
        first_wide = _NON_ASCII.search(data) if not self.ascii else None
        self.ascii_end = first_wide.start() if first_wide is not None else len(data)
        if "\r" in text:
            starts = [0] + [m.end() for m in _LINE_BREAK.finditer(data)]
            self.lines = split_lines(text)
            wide = (bisect_right(starts, m.start()) - 1 for m in _NON_ASCII.finditer(data))
            self._wide_lines: frozenset[int] = frozenset(wide) if not self.ascii else frozenset()
            # One start past the end, as if a line followed the last: every line has a next.
            starts.append(len(data) + 1)
        else:
            # The page's lines are needed anyway (``Page.lines``): their lengths give the
            # line starts, and only lines with wide characters need their bytes counted.
            lines = text.split("\n")
            if self.ascii:
                self._wide_lines = frozenset()
                lengths = map(len, lines)
            else:
                self._wide_lines = frozenset(compress(count(), map(not_, map(str.isascii, lines))))
                lengths = map(len, map(str.encode, lines))
            # The last sum is one past the end, the start the line after the last would have.
            starts = [0, *accumulate(map(_PLUS_ONE, lengths))]
            if lines[-1] == "":
                lines.pop()
            self.lines = tuple(lines)
        #: byte offset of each line's first byte, and one past the end of the text
        self.line_starts = starts

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

    def span(self, start: int, end: int, _known: dict[tuple[int, int, int, int], Span] = _SPANS) -> Span:
        """The span of bytes ``start`` to ``end`` (exclusive). (``_known`` is the shared
        table, bound once: this runs for every element of every page.)"""
        starts = self.line_starts
        line = bisect_right(starts, start)
        if end < starts[line] and line - 1 not in self._wide_lines:  # one line, no wide characters
            column = start - starts[line - 1] + 1
            key = (line, column, line, column + end - start if end > start else column)
        else:
            line, column = self.position(start)
            key = (line, column, *self.position(end)) if end > start else (line, column, line, column)
        span = _known.get(key)
        if span is None:
            if len(_known) >= _MAX_SPANS:
                _known.clear()
            span = _known[key] = Span(*key)
        return span

    def source(self, start: int, end: int) -> str:
        if end <= self.ascii_end:
            return self.text[start:end]
        return self.data[start:end].decode("utf-8", errors="replace")

    def trimmed(self, start: int, end: int) -> tuple[int, int]:
        """``start``/``end`` moved inwards past surrounding whitespace."""
        data = self.data
        while end > start and data[end - 1] in _WHITESPACE:
            end -= 1
        while start < end and data[start] in _WHITESPACE:
            start += 1
        return start, end


class ShiftedSourceMap(SourceMap):
    """The source map of a page whose lines were moved left for the parser (see
    :mod:`.containers`): ``removed`` maps a 0-based line to the characters it lost, and
    every position is given in the page as written."""

    __slots__ = ("removed",)

    def __init__(self, text: str, removed: dict[int, int]) -> None:
        super().__init__(text)
        self.removed = removed

    def position(self, offset: int) -> tuple[int, int]:
        line, column = SourceMap.position(self, offset)
        return line, column + self.removed.get(line - 1, 0)

    def span(self, start: int, end: int, _known: dict[tuple[int, int, int, int], Span] = _SPANS) -> Span:
        line, column = self.position(start)
        end_line, end_column = self.position(end) if end > start else (line, column)
        return Span(line, column, end_line, end_column)
