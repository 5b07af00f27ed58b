"""Finding lines in a page's text without reading it line by line, and reading the
lines a paragraph is hard-wrapped over as one text."""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass

from featuredocs.model import Page, Span

#: A line that starts a block or an item of its own, which a paragraph's text does not
#: run into.
OWN_START = re.compile(r"\s*(?:[-*+]\s|\d{1,9}[.)]\s|#|\||```|~~~|>|<!--)")


def wrapped_onto(page: Page, line: int, most: int) -> list[str]:
    """The lines, ``most`` at the most, that the text of ``line`` is hard-wrapped onto:
    those after it up to a blank line or a line that starts a block of its own."""
    following: list[str] = []
    for number in range(line + 1, min(line + most + 1, len(page.lines) + 1)):
        text = page.line_text(number)
        if not text.strip() or OWN_START.match(text):
            break
        following.append(text)
    return following


@dataclass(frozen=True, slots=True)
class Joined:
    """Lines of a page from ``line`` on, joined by spaces into ``text`` (so that a list
    or a phrase wrapped over them reads as on one line); :meth:`span` places a part."""

    line: int
    text: str
    firsts: tuple[int, ...]  # where each line starts in ``text``

    @classmethod
    def of(cls, line: int, lines: list[str]) -> Joined:
        firsts = [0]
        for written in lines[:-1]:
            firsts.append(firsts[-1] + len(written) + 1)
        return cls(line, " ".join(lines), tuple(firsts))

    def span(self, begin: int, end: int) -> Span:
        """The page span of ``text[begin:end]``."""
        first = bisect_right(self.firsts, begin) - 1
        last = bisect_right(self.firsts, end - 1) - 1
        return Span(self.line + first, begin - self.firsts[first] + 1, self.line + last, end - self.firsts[last] + 1)


def lines_holding(page: Page, *needles: str) -> list[int]:
    """The numbers of the lines holding any of ``needles``, in order, each once.

    One ``str.find`` over the whole text per needle instead of a test per line: most
    lines of a page hold none of them.
    """
    return _lines_holding(_joined(page), needles)


def code_block_lines(page: Page) -> frozenset[int]:
    """The lines of the page's code blocks, fences included."""
    return frozenset(line for code in page.code_blocks for line in range(code.span.line, code.span.end_line + 1))


def any_line_within(lines: list[int], first: int, last: int) -> bool:
    """Whether the sorted line numbers ``lines`` hold one from ``first`` to ``last``."""
    at = bisect_left(lines, first)
    return at < len(lines) and lines[at] <= last


def _joined(page: Page) -> str:
    # Offsets map to lines by counting "\n": the lines hold no line breaks.
    return page.text if "\r" not in page.text else "\n".join(page.lines)


def _lines_holding(joined: str, needles: tuple[str, ...]) -> list[int]:
    numbers: set[int] = set()
    for needle in needles:
        number, counted = 1, 0
        offset = joined.find(needle)
        while offset >= 0:
            number += joined.count("\n", counted, offset)
            numbers.add(number)
            counted = joined.find("\n", offset)  # the next line
            offset = joined.find(needle, counted) if counted >= 0 else -1
    return sorted(numbers)
