"""The offending source line of a finding and the ``^~~~`` marker under its span.

Spans count columns in characters; a terminal counts cells. A wide character (``日``)
takes two cells and a tab runs to the next tab stop, so the marker is laid out in cells
to land under the characters the span names.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

from rich.cells import cell_len

from featuredocs.model import Span
from featuredocs.secrets import mask_line

#: CommonMark's line endings; the Markdown stage numbers lines the same way.
_LINE_BREAK = re.compile(r"\r\n|\r|\n")
#: CommonMark's tab stop.
TAB_STOP = 4
REPLACEMENT = "\ufffd"
#: Bidirectional controls can make a terminal show text in another order than it is.
_BIDI_CONTROLS = frozenset("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")


@dataclass(frozen=True, slots=True)
class Snippet:
    """A source line ready to print, and the marker line that goes under it."""

    line: int
    text: str
    marker: str


def source_line(source: str, line: int) -> str | None:
    """Line ``line`` (1-based) of ``source``, without its line ending and with secrets
    starred (a page may hold a real key); None when out of range."""
    lines = _lines(source)
    return mask_line(lines[line - 1]) if 0 < line <= len(lines) else None


@lru_cache(maxsize=32)
def _lines(source: str) -> tuple[str, ...]:
    # Findings come grouped by page, so one split serves every finding of a page.
    lines = _LINE_BREAK.split(source)
    if source.endswith(("\n", "\r")):
        lines.pop()  # the empty string after a final newline is not a line
    return tuple(lines)


def printable(text: str, *, keep: str = "\t") -> str:
    """``text`` with control and bidirectional characters replaced one for one.

    One character in, one character out: columns counted in the original still hold.
    """
    return "".join(REPLACEMENT if _unsafe(char, keep) else char for char in text)


def _unsafe(char: str, keep: str) -> bool:
    if char in keep:
        return False
    return unicodedata.category(char) in {"Cc", "Zl", "Zp"} or char in _BIDI_CONTROLS


def snippet(line_text: str, span: Span) -> Snippet:
    """The line as displayed (tabs expanded, controls replaced) and its marker."""
    chars = printable(line_text)
    widths = _cell_widths(chars)
    start = min(max(span.column - 1, 0), len(chars))
    end = span.end_column - 1 if span.end_line == span.line else len(chars)
    end = min(max(end, start), len(chars))
    indent = sum(widths[:start])
    underline = max(sum(widths[start:end]), 1)
    marker = " " * indent + "^" + "~" * (underline - 1)
    shown = "".join(" " * w if c == "\t" else c for c, w in zip(chars, widths, strict=True))
    return Snippet(span.line, shown, marker)


def _cell_widths(chars: str) -> list[int]:
    widths: list[int] = []
    position = 0
    for char in chars:
        width = TAB_STOP - position % TAB_STOP if char == "\t" else cell_len(char)
        widths.append(width)
        position += width
    return widths
