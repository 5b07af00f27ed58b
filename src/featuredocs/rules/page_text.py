"""Finding lines in a page's text without reading it line by line."""

from __future__ import annotations

from bisect import bisect_left
from typing import AnyStr

from featuredocs.model import Page


def lines_holding(page: Page, *needles: str) -> list[int]:
    """The numbers of the lines holding any of ``needles``, in order, each once.

    One ``str.find`` over the whole text per needle instead of a test per line: most
    lines of a page hold none of them.
    """
    return _lines_holding(_joined(page), needles)


def lines_holding_any_case(page: Page, needle: str) -> list[int]:
    """:func:`lines_holding` for ``needle`` (lower case, ASCII) in any mix of cases: one
    search of the lowered text instead of one per spelling.

    The text is lowered as UTF-8 bytes, where only ASCII letters change: lowering a
    ``str`` with non-ASCII characters costs several times more, and no non-ASCII
    character lowers to an ASCII letter of a needle anyway. No byte of a multi-byte
    character is a line break, so offsets still map to the right lines.
    """
    lowered = _joined(page).encode("utf-8", "surrogatepass").lower()
    return _lines_holding(lowered, (needle.encode("ascii"),))


def any_line_within(lines: list[int], first: int, last: int) -> bool:
    """Whether the sorted line numbers ``lines`` hold one from ``first`` to ``last``."""
    at = bisect_left(lines, first)
    return at < len(lines) and lines[at] <= last


def _joined(page: Page) -> str:
    # Offsets map to lines by counting "\n": the lines hold no line breaks.
    return page.text if "\r" not in page.text else "\n".join(page.lines)


def _lines_holding(joined: AnyStr, needles: tuple[AnyStr, ...]) -> list[int]:
    numbers: set[int] = set()
    newline = "\n" if isinstance(joined, str) else b"\n"
    for needle in needles:
        number, counted = 1, 0
        offset = joined.find(needle)
        while offset >= 0:
            number += joined.count(newline, counted, offset)  # type: ignore[arg-type]
            numbers.add(number)
            counted = joined.find(newline, offset)  # type: ignore[arg-type]  # the next line
            offset = joined.find(needle, counted) if counted >= 0 else -1
    return sorted(numbers)
