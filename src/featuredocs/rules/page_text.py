"""Finding lines in a page's text without reading it line by line."""

from __future__ import annotations

from bisect import bisect_left

from featuredocs.model import Page


def lines_holding(page: Page, *needles: str) -> list[int]:
    """The numbers of the lines holding any of ``needles``, in order, each once.

    One ``str.find`` over the whole text per needle instead of a test per line: most
    lines of a page hold none of them.
    """
    return _lines_holding(_joined(page), needles)


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
