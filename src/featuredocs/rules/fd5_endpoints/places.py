"""Turn offsets in code lines, headings and inline code into page spans.

The parser gives a code block's text without the indentation of an enclosing list or
quote, so a column inside a code line is found from the page line that ends with it.
"""

from __future__ import annotations

from featuredocs.model import CodeBlock, InlineCode, Page, Span


def code_line_span(
    page: Page,
    code: CodeBlock,
    index: int,
    offset: int,
    length: int,
    lines: list[str] | None = None,
) -> Span:
    """The span of ``length`` characters at ``offset`` in the ``index``-th line of ``code``
    (``lines``: the block's lines, when the caller has them already)."""
    line = code.first_line + index
    lines = lines if lines is not None else code.text.splitlines()
    text = lines[index] if index < len(lines) else ""
    page_line = page.line_text(line)
    shift = len(page_line) - len(text) if text and page_line.endswith(text) else 0
    column = shift + offset + 1
    return Span(line, column, line, column + length)


def inline_text_span(page: Page, code: InlineCode, offset: int, length: int) -> Span | None:
    """The span of part of an inline code's text, or None when it spans several lines."""
    if code.span.line != code.span.end_line:
        return None
    line = page.line_text(code.span.line)
    start = line.find(code.text, code.span.column - 1)
    if start < 0:
        return None
    column = start + offset + 1
    return Span(code.span.line, column, code.span.line, column + length)


def find_in_line(
    page: Page, line: int, texts: list[str], start_column: int = 1
) -> list[Span] | None:
    """Spans of ``texts`` found one after the other on a page line, or None if one is missing."""
    source = page.line_text(line)
    position = start_column - 1
    spans: list[Span] = []
    for text in texts:
        found = source.find(text, position)
        if found < 0:
            return None
        spans.append(Span(line, found + 1, line, found + 1 + len(text)))
        position = found + len(text)
    return spans

