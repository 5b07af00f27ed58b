"""Code blocks as located text: each line knows its page line and column.

Shared by the configuration, cache and code families. Columns are computed from the
page's own lines, because a fenced block inside a list or a block quote is indented on
the page but not in ``CodeBlock.text``. Python blocks are prepared once for ``ast``:
interactive prompts removed and common indentation stripped, keeping one source line per
block line so that every AST position maps back to the page.
"""

from __future__ import annotations

import ast
import functools
import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import cached_property
from typing import TypeVar

from featuredocs.model import CodeBlock, Page, Section, Span
from featuredocs.rules.base import per_page
from featuredocs.rules.pyblocks import parsed

PYTHON_LANGUAGES = frozenset({"python", "py", "python3", "py3", "pycon", "ipython"})
SHELL_LANGUAGES = frozenset({"bash", "sh", "shell", "zsh", "console", "shell-session"})
ENV_LANGUAGES = frozenset({"env", "dotenv", "properties"})

_PROMPT = re.compile(r"^(>>>|\.\.\.)( |$)")

T = TypeVar("T")


@dataclass(frozen=True, slots=True)
class CodeLine:
    """One line of a code block: ``text`` starts at page ``line``, ``column``."""

    text: str
    line: int
    column: int

    def span(self, start: int, end: int) -> Span:
        """The page span of ``text[start:end]``."""
        return Span(self.line, self.column + start, self.line, self.column + end)


_SOURCES_LIMIT = 4096  # entries kept per cache, far more than a page has blocks
_LINES: dict[tuple[str, CodeBlock], tuple[CodeLine, ...]] = {}


def code_lines(page: Page, code: CodeBlock) -> tuple[CodeLine, ...]:
    """The block's lines placed on the page; located once per page text and block, since
    most blocks are read by several families."""
    return _kept(_LINES, page, code, _locate)


def _locate(page: Page, code: CodeBlock) -> tuple[CodeLine, ...]:
    lines = code.text.splitlines()
    first = code.first_line
    if first > 0:
        on_page = page.lines[first - 1 : first - 1 + len(lines)]
        if len(on_page) == len(lines) and on_page == tuple(lines):  # not indented on the page
            return tuple(CodeLine(text, first + index, 1) for index, text in enumerate(lines))
    else:
        on_page = tuple(page.line_text(first + index) for index in range(len(lines)))
    located = []
    for index, text in enumerate(lines):
        page_line = on_page[index] if index < len(on_page) else ""
        # The parser strips a container's indentation (list item, block quote) from the
        # block's text; whatever precedes the text on the page line is that indentation.
        indent = len(page_line) - len(text) if text and page_line.endswith(text) else 0
        located.append(CodeLine(text, first + index, indent + 1))
    return tuple(located)


def is_python(code: CodeBlock) -> bool:
    return code.language in PYTHON_LANGUAGES


def char_column(text: str, byte_offset: int) -> int:
    """0-based character offset of ``byte_offset`` (what ``ast`` reports) in ``text``."""
    if text.isascii():
        return byte_offset
    return len(text.encode("utf-8")[:byte_offset].decode("utf-8", errors="ignore"))


@dataclass(frozen=True)
class PythonSource:
    """A python block ready for ``ast``: ``text`` has exactly one line per block line.

    ``removed[i]`` is how many characters were cut from the start of line ``i`` (a
    ``>>> `` prompt plus the common indentation); output lines of an interactive session
    become empty lines.
    """

    code: CodeBlock
    lines: tuple[CodeLine, ...]
    text: str
    removed: tuple[int, ...]

    @cached_property
    def source_lines(self) -> list[str]:
        return self.text.split("\n")

    @property
    def tree(self) -> ast.Module | None:
        """The parsed module, or None when the block is not valid Python."""
        return parsed(self.text).tree

    @property
    def syntax_error(self) -> SyntaxError | None:
        return parsed(self.text).error

    def span(self, lineno: int, column: int, end_column: int | None = None) -> Span:
        """Page span of ``source`` line ``lineno`` (1-based), character ``column`` (0-based)."""
        index = min(max(lineno, 1), len(self.lines)) - 1
        located = self.lines[index]
        start = self.removed[index] + column
        end = self.removed[index] + (end_column if end_column is not None else column)
        return located.span(start, max(end, start))

    def node_span(self, node: ast.expr | ast.stmt | ast.alias) -> Span:
        """Page span of an AST node that sits on one line (else: its first line's rest)."""
        lineno = node.lineno
        text = self.source_lines[lineno - 1] if lineno <= len(self.source_lines) else ""
        start = char_column(text, node.col_offset)
        end_lineno = getattr(node, "end_lineno", lineno)
        end_offset = getattr(node, "end_col_offset", None)
        if end_lineno == lineno and end_offset is not None:
            end = char_column(text, end_offset)
        else:
            end = len(text)
        return self.span(lineno, start, end)


_SOURCES: dict[tuple[str, CodeBlock], PythonSource] = {}


def python_source(page: Page, code: CodeBlock) -> PythonSource:
    """The block prepared for ``ast``; built once per page text and block."""
    return _kept(_SOURCES, page, code, _prepare)


def _kept(cache: dict[tuple[str, CodeBlock], T], page: Page, code: CodeBlock,
          build: Callable[[Page, CodeBlock], T]) -> T:
    """``build(page, code)``, kept in ``cache`` by page text and block; the cache is
    emptied when full, so a long run holds at most a few pages' worth."""
    key = (page.text, code)  # str hashes are cached: the key costs nothing after once
    found = cache.get(key)
    if found is None:
        if len(cache) >= _SOURCES_LIMIT:
            cache.clear()
        found = cache[key] = build(page, code)
    return found


def per_distinct_block(
    moved: Callable[[T, int], T],
) -> Callable[[Callable[[Page, CodeBlock], T]], Callable[[Page, CodeBlock], T]]:
    """Decorator for a reader of one code block that looks at nothing but the block's
    text and where its lines sit on the page: a block repeated (here or on another page,
    with the same indentation) is read once, and ``moved(claims, lines)`` shifts the
    first reading by ``lines`` to the repeat's place."""

    def decorate(read: Callable[[Page, CodeBlock], T]) -> Callable[[Page, CodeBlock], T]:
        seen: dict[tuple[object, ...], tuple[int, T]] = {}

        @functools.wraps(read)
        def cached(page: Page, code: CodeBlock) -> T:
            located = python_source(page, code).lines if is_python(code) else code_lines(page, code)
            key = (code.text, code.language, tuple(line.column for line in located))
            found = seen.get(key)
            if found is None:
                if len(seen) >= _SOURCES_LIMIT:
                    seen.clear()
                found = seen[key] = (code.first_line, read(page, code))
            first_line, claims = found
            return claims if first_line == code.first_line else moved(claims, code.first_line - first_line)

        return cached

    return decorate


def _prepare(page: Page, code: CodeBlock) -> PythonSource:
    text, removed = _prepared_text(code.text)
    return PythonSource(code, code_lines(page, code), text, removed)


@functools.lru_cache(maxsize=8192)
def _prepared_text(raw: str) -> tuple[str, tuple[int, ...]]:
    """The block's text for ``ast``, and what each line lost: once per distinct text."""
    texts = raw.splitlines()
    removed = [0] * len(texts)
    if (">>>" in raw or "..." in raw) and any(_PROMPT.match(t) for t in texts):
        texts, removed = _strip_prompts(texts)
    # a line that starts at its first column leaves nothing common to strip
    flush = any(t and not t[0].isspace() for t in texts)
    indent = 0 if flush else min((len(t) - len(t.lstrip()) for t in texts if t.strip()), default=0)
    if indent:
        texts = [t[indent:] if t.strip() else "" for t in texts]
        removed = [r + indent for r in removed]
    return "\n".join(texts) + "\n", tuple(removed)


def _strip_prompts(texts: list[str]) -> tuple[list[str], list[int]]:
    """Keep what follows ``>>> `` / ``... ``; output lines of the session become blank."""
    kept: list[str] = []
    removed: list[int] = []
    for text in texts:
        match = _PROMPT.match(text)
        if match:
            kept.append(text[match.end():])
            removed.append(match.end())
        else:
            kept.append("")
            removed.append(0)
    return kept, removed


def first_comment(code: CodeBlock) -> str:
    """The text of the block's first line when that line is a ``#`` comment, else ''."""
    for text in code.text.splitlines():
        stripped = text.strip()
        if stripped:
            return stripped[1:].strip() if stripped.startswith("#") else ""
    return ""


@per_page
def sections_with_titles(page: Page) -> tuple[tuple[Section, tuple[str, ...]], ...]:
    """Every section with the titles of its chain (outermost first, its own last)."""
    found = []
    stack = [(section, (section.title,)) for section in reversed(page.sections)]
    while stack:
        section, titles = stack.pop()
        found.append((section, titles))
        stack.extend((sub, (*titles, sub.title)) for sub in reversed(section.subsections))
    return tuple(found)


def heading_titles(page: Page, line: int) -> tuple[str, ...]:
    """Plain titles of the sections that contain ``line``, outermost first."""
    titles = _titles_by_line(page)
    if line not in titles:
        titles[line] = tuple(section.title for section in page.section_at(line))
    return titles[line]


@per_page
def _titles_by_line(page: Page) -> dict[int, tuple[str, ...]]:
    return {}


def inline_code_span(page: Page, span: Span) -> Span:
    """The span of an inline code's content, inside its backticks."""
    text = page.line_text(span.line)
    if span.end_line != span.line:
        return span
    source = text[span.column - 1 : span.end_column - 1]
    ticks = len(source) - len(source.lstrip("`"))
    inner = source[ticks : len(source) - ticks] if ticks else source
    lead = len(inner) - len(inner.lstrip(" ")) if inner.strip() else 0
    trail = len(inner) - len(inner.rstrip(" ")) if inner.strip() else 0
    start = span.column + ticks + lead
    return Span(span.line, start, span.line, span.end_column - ticks - trail)


def find_on_lines(page: Page, needle: str, first: int, last: int, column: int = 1) -> Span | None:
    """The first occurrence of ``needle`` on page lines ``first``..``last``.

    On the first line the search starts at ``column``.
    """
    for line in range(first, min(last, len(page.lines)) + 1):
        start = column - 1 if line == first else 0
        at = page.line_text(line).find(needle, max(start, 0))
        if at >= 0:
            return Span(line, at + 1, line, at + 1 + len(needle))
    return None
