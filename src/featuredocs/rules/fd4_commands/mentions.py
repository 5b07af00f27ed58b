"""Commands named outside code blocks: ``manage.py X`` in inline code and in prose.

Inline code is read as a command line (``python manage.py expire_orders --days 3``).
Prose is read more cautiously, since ``manage.py`` is often followed by an ordinary word
("run manage.py to…"): there only a name that can only be an identifier (one with an
underscore, ``expire_orders``) counts.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence

from featuredocs.model import InlineCode, Page, Span
from featuredocs.rules.fd4_commands.invocations import Invocation, invocations_in_line
from featuredocs.rules.shell import LogicalLine, Word
from featuredocs.rules.page_text import code_block_lines, lines_holding

_PROSE = re.compile(
    r"(?<![\w./-])(?:\./)?(?:manage\.py|django-admin(?:\.py)?)\s+(?P<name>[A-Za-z_][\w-]*)"
)
_HTML_COMMENT = re.compile(r"<!--.*?(?:-->|$)")


def _code_line(page: Page, code: InlineCode) -> LogicalLine:
    """The inline code's text with every character placed on the page."""
    line = page.line_text(code.span.line)
    one_line = code.span.line == code.span.end_line
    found = line.find(code.text, code.span.column - 1) if one_line else -1
    if found < 0:  # every character at the code's start
        pieces = tuple((k, code.span.line, code.span.column) for k in range(len(code.text)))
    else:
        pieces = ((0, code.span.line, found + 1),)
    return LogicalLine(code.text, pieces)


def inline_invocations(page: Page) -> Iterator[Invocation]:
    """Every ``manage.py X …`` written in inline code."""
    for code in page.codes:
        if "manage.py" not in code.text and "django" not in code.text:
            continue
        yield from invocations_in_line(_code_line(page, code))


def _blank_inline_code(page: Page, line: int, text: str) -> str:
    """The line with its inline code replaced by spaces (read by :func:`inline_invocations`)."""
    chars = list(text)
    for code in page.codes:
        if code.span.line <= line <= code.span.end_line:
            start = code.span.column - 1 if code.span.line == line else 0
            end = code.span.end_column - 1 if code.span.end_line == line else len(chars)
            chars[start:end] = " " * max(0, min(end, len(chars)) - start)
    return "".join(chars)



def prose_mentions(page: Page) -> Iterator[Word]:
    """``manage.py expire_orders`` written in running text, outside any code."""
    numbers = lines_holding(page, "manage.py", "django-admin")
    in_code = code_block_lines(page) if numbers else frozenset()
    for number in numbers:
        text = page.lines[number - 1]
        if number in in_code:
            continue
        text = _HTML_COMMENT.sub(lambda m: " " * len(m.group()), text)
        text = _blank_inline_code(page, number, text)
        for match in _PROSE.finditer(text):
            name = match.group("name")
            if "_" in name.strip("_"):
                start = match.start("name")
                yield Word(name, Span(number, start + 1, number, start + 1 + len(name)))


def mentions(page: Page, inline: Sequence[Invocation]) -> list[Word]:
    """Every command named outside code blocks, in page order; ``inline`` are the page's
    :func:`inline_invocations`."""
    found = [*(invocation.command for invocation in inline), *prose_mentions(page)]
    return sorted(found, key=lambda word: word.span)
