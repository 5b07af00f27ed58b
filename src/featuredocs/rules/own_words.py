"""The words a page says about one documented name (a model's field, an endpoint's query
parameter): the rest of its line after the name, and the lines its item's text is
hard-wrapped onto, up to the next other name of the same kind the text names in code
(what follows ``…; `quantity` defaults to 1`` speaks of ``quantity``).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from featuredocs.model import Page, Span
from featuredocs.rules.page_text import Joined, wrapped_onto

_CODE_NAME = re.compile(r"`([A-Za-z_]\w*)`")
#: The most lines one item's text is read over, after its first.
_MOST_LINES = 5


@dataclass(frozen=True, slots=True)
class OwnWords:
    """``text[start:end]`` says what the page says of the name: its lines, joined
    (see :class:`~featuredocs.rules.page_text.Joined`, whose ``span`` places a part)."""

    joined: Joined
    start: int
    end: int

    @property
    def text(self) -> str:
        return self.joined.text

    def span(self, begin: int, end: int) -> Span:
        return self.joined.span(begin, end)


def own_words(
    page: Page, name: str, span: Span, others: Iterable[str], about: tuple[str, ...]
) -> OwnWords | None:
    """What the page says of ``name``, written at ``span``; None when it holds none of the
    words ``about`` (lower case): most lines say nothing of a given thing, and are not
    read further. ``others`` are the names whose mention ends it (read only then)."""
    line = span.line
    joined = Joined.of(line, [page.line_text(line), *_wrapped_onto(page, line)])
    start = span.end_column - 1 if span.end_line == line else 0
    rest = joined.text[start:].lower()
    if not any(word in rest for word in about):
        return None
    return OwnWords(joined, start, _next_name(joined.text, start, others, name))


def _wrapped_onto(page: Page, line: int) -> list[str]:
    """The lines the text of a list item on ``line`` is hard-wrapped onto; none for a
    table row or a line of code."""
    if page.line_text(line).lstrip().startswith("|") or _in_code(page, line):
        return []
    return wrapped_onto(page, line, _MOST_LINES)


def _in_code(page: Page, line: int) -> bool:
    return any(block.span.line <= line <= block.span.end_line for block in page.code_blocks)


def _next_name(text: str, start: int, others: Iterable[str], name: str) -> int:
    if "`" not in text[start:]:
        return len(text)
    names = set(others)
    for code in _CODE_NAME.finditer(text, start):
        if code.group(1) in names and code.group(1) != name:
            return code.start()
    return len(text)
