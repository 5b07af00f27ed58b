"""The words a page says about one documented field: the rest of its line after its
name, and the lines its item's text is hard-wrapped onto, up to the next other field of
the model the text names in code (what follows ``…; `quantity` defaults to 1`` speaks of
``quantity``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from featuredocs.model import ModelFact, Page, Span
from featuredocs.rules.fd3_models.field_items import FieldClaim

_CODE_NAME = re.compile(r"`([A-Za-z_]\w*)`")
#: A line that starts a block or an item of its own, which an item's text does not run into.
_OWN_START = re.compile(r"\s*(?:[-*+]\s|\d{1,9}[.)]\s|#|\||```|~~~|>|<!--)")
#: The most lines one item's text is read over.
_MOST_LINES = 6


@dataclass(frozen=True, slots=True)
class OwnWords:
    """``text[start:end]`` says what the page says of the field; ``text`` is its lines
    joined by spaces, from ``line`` on, and :meth:`span` places a part of it."""

    line: int
    text: str
    start: int
    end: int
    firsts: tuple[int, ...]  # where each line starts in ``text``

    def span(self, begin: int, end: int) -> Span:
        first = max(index for index, at in enumerate(self.firsts) if at <= begin)
        last = max(index for index, at in enumerate(self.firsts) if at < end)
        return Span(self.line + first, begin - self.firsts[first] + 1,
                    self.line + last, end - self.firsts[last] + 1)


def own_words(page: Page, documented: FieldClaim, model: ModelFact, about: tuple[str, ...]) -> OwnWords | None:
    """What the page says of the field; None when it holds none of the words ``about``
    (lower case): most lines say nothing of a given thing, and are not read further."""
    line = documented.span.line
    lines = [page.line_text(line), *_wrapped_onto(page, line)]
    text = " ".join(lines)
    start = documented.span.end_column - 1 if documented.span.end_line == line else 0
    rest = text[start:].lower()
    if not any(word in rest for word in about):
        return None
    firsts = [0]
    for written in lines[:-1]:
        firsts.append(firsts[-1] + len(written) + 1)
    return OwnWords(line, text, start, _next_field(text, start, model, documented.name), tuple(firsts))


def _wrapped_onto(page: Page, line: int) -> list[str]:
    """The lines the text of a list item on ``line`` is hard-wrapped onto; none for a
    table row or a line of code."""
    if page.line_text(line).lstrip().startswith("|") or _in_code(page, line):
        return []
    following: list[str] = []
    for number in range(line + 1, min(line + _MOST_LINES, len(page.lines) + 1)):
        text = page.line_text(number)
        if not text.strip() or _OWN_START.match(text):
            break
        following.append(text)
    return following


def _in_code(page: Page, line: int) -> bool:
    return any(block.span.line <= line <= block.span.end_line for block in page.code_blocks)


def _next_field(text: str, start: int, model: ModelFact, name: str) -> int:
    if "`" not in text[start:]:
        return len(text)
    fields = {field.name for field in model.fields}
    for code in _CODE_NAME.finditer(text, start):
        if code.group(1) in fields and code.group(1) != name:
            return code.start()
    return len(text)
