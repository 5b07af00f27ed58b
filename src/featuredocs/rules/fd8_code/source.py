"""Code blocks as located text: each line knows its page line and column.

Shared by the configuration, cache and code families. Columns are computed from the
page's own lines, because a fenced block inside a list or a block quote is indented on
the page but not in ``CodeBlock.text``. Python blocks are prepared once for ``ast`` (see
:mod:`.python_text`), keeping one source line per block line so that every AST position
maps back to the page.
"""

from __future__ import annotations

import ast
import functools
import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import TypeVar

from featuredocs.model import CodeBlock, Page, Section, Span
from featuredocs.rules.base import per_page
from featuredocs.rules.fd8_code.python_text import Prepared, prepared_python
from featuredocs.rules.pyblocks import parsed

PYTHON_LANGUAGES = frozenset({"python", "py", "python3", "py3", "pycon", "pyi", "ipython"})
SHELL_LANGUAGES = frozenset({"bash", "sh", "shell", "zsh", "console", "shell-session"})
ENV_LANGUAGES = frozenset({"env", "dotenv", "properties"})


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


class Placement:
    """Where a block's lines sit on its page. ``columns`` is None when every line starts
    at the page's first column (the block is not inside a list or a quote), else the
    page column of each line."""

    __slots__ = ("page", "code", "columns", "_lines")

    def __init__(self, page: Page, code: CodeBlock, columns: tuple[int, ...] | None) -> None:
        self.page = page
        self.code = code
        self.columns = columns
        self._lines: tuple[CodeLine, ...] | None = None

    @property
    def lines(self) -> tuple[CodeLine, ...]:
        if self._lines is None:
            texts = self.code.text.splitlines()
            first = self.code.first_line
            columns = self.columns or (1,) * len(texts)
            self._lines = tuple(
                CodeLine(text, first + index, column)
                for index, (text, column) in enumerate(zip(texts, columns, strict=True))
            )
        return self._lines


#: by id() of the block; each entry holds its block and page, so the id stays theirs
_PLACED: dict[int, Placement] = {}


def placement(page: Page, code: CodeBlock) -> Placement:
    """Where the block sits on the page; worked out once per page and block, since most
    blocks are read by several families."""
    found = _PLACED.get(id(code))
    if found is None or found.code is not code or found.page is not page:
        if len(_PLACED) >= _SOURCES_LIMIT:
            _PLACED.clear()
        found = _PLACED[id(code)] = Placement(page, code, _columns(page, code))
    return found


def code_lines(page: Page, code: CodeBlock) -> tuple[CodeLine, ...]:
    """The block's lines placed on the page."""
    return placement(page, code).lines


def _columns(page: Page, code: CodeBlock) -> tuple[int, ...] | None:
    lines = code.text.splitlines()
    first = code.first_line
    if first > 0:
        on_page = page.lines[first - 1 : first - 1 + len(lines)]
        if len(on_page) == len(lines) and on_page == tuple(lines):  # not indented on the page
            return None
    else:
        on_page = tuple(page.line_text(first + index) for index in range(len(lines)))
    columns = []
    for index, text in enumerate(lines):
        page_line = on_page[index] if index < len(on_page) else ""
        # The parser strips a container's indentation (list item, block quote) from the
        # block's text; whatever precedes the text on the page line is that indentation.
        indent = len(page_line) - len(text) if text and page_line.endswith(text) else 0
        columns.append(indent + 1)
    return tuple(columns)


def is_python(code: CodeBlock) -> bool:
    """A Python block, or a shell or untagged block holding an interactive session
    (``$ python manage.py shell`` and then ``>>>`` lines; a REPL pasted without a tag)."""
    language = code.language
    if language in PYTHON_LANGUAGES:
        return True
    return language in _SESSION_HOSTS and (">>> " in code.text or "In [" in code.text) and _holds_session(code.text)


#: Blocks a session is pasted into when it is not tagged as Python.
_SESSION_HOSTS = frozenset({"", "text", "console", "shell-session", "shellsession", "terminal", "bash", "sh", "shell"})
_SESSION_LINE = re.compile(r"^[ \t]*(?:>>>|In \[\d+\]:) ", re.M)


@functools.lru_cache(maxsize=4096)
def _holds_session(text: str) -> bool:
    return _SESSION_LINE.search(text) is not None


def char_column(text: str, byte_offset: int) -> int:
    """0-based character offset of ``byte_offset`` (what ``ast`` reports) in ``text``."""
    if text.isascii():
        return byte_offset
    return len(text.encode("utf-8")[:byte_offset].decode("utf-8", errors="ignore"))


class PythonSource:
    """A python block ready for ``ast``: ``text`` has exactly one line per block line.

    ``removed[i]`` is how many characters were cut from the start of line ``i`` (a
    ``>>> `` prompt plus the common indentation); output lines of an interactive session
    become empty lines.
    """

    __slots__ = ("code", "text", "removed", "source_lines", "_placed")

    def __init__(self, placed: Placement, prepared: Prepared) -> None:
        self.code = placed.code
        self.text = prepared.text
        self.removed = prepared.removed
        self.source_lines = prepared.source_lines
        self._placed = placed

    @property
    def lines(self) -> tuple[CodeLine, ...]:
        return self._placed.lines

    @property
    def tree(self) -> ast.Module | None:
        """The parsed module, or None when the block is not valid Python."""
        return parsed(self.text).tree

    @property
    def syntax_error(self) -> SyntaxError | None:
        return parsed(self.text).error

    def span(self, lineno: int, column: int, end_column: int | None = None) -> Span:
        """Page span of ``source`` line ``lineno`` (1-based), character ``column`` (0-based)."""
        count = len(self.removed)
        index = min(max(lineno, 1), count) - 1
        columns = self._placed.columns
        lead = (1 if columns is None else columns[index]) + self.removed[index]
        end = end_column if end_column is not None else column
        return Span(self.code.first_line + index, lead + column, self.code.first_line + index,
                    lead + max(end, column))

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


def python_source(page: Page, code: CodeBlock) -> PythonSource:
    """The block prepared for ``ast`` and placed on its page."""
    return PythonSource(placement(page, code), prepared_python(code.text)[1])


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
            key = (code.text, code.language, placement(page, code).columns)
            found = seen.get(key)
            if found is None:
                if len(seen) >= _SOURCES_LIMIT:
                    seen.clear()
                found = seen[key] = (code.first_line, read(page, code))
            first_line, claims = found
            return claims if first_line == code.first_line else moved(claims, code.first_line - first_line)

        return cached

    return decorate


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


def inline_part_span(page: Page, span: Span, offset: int, length: int) -> Span | None:
    """The span of ``length`` characters ``offset`` into the content of the inline code at
    ``span`` (its text stripped); None for code broken over lines, which has no column to
    point at."""
    inside = inline_code_span(page, span)
    if inside.end_line != inside.line:
        return None
    start = inside.column + offset
    return Span(inside.line, start, inside.line, start + length)


#: Inline code listed with the one a sentence calls something: "the `A`, `B` and `C`
#: settings", "set `A` and `B` in the environment" call each of them so.
_LISTED_BEFORE = re.compile(r"(?:`[^`\s]+`\s*(?:,\s*(?:(?:and|or)\s+)?|\s(?:and|or)\s+))+$")
_LISTED_AFTER = re.compile(r"(?:\s*(?:,\s*(?:(?:and|or)\s+)?|\s(?:and|or)\s+)`[^`\s]+`)+")
#: How far along its line, either way, the words around an inline code are read. A
#: search for what ends at the code tries every place it could start, and a list after
#: it is read to its end: on a line of thousands of code spans, reading the whole line
#: for each of them made a page take minutes.
_NEARBY = 800


def called_by(page: Page, span: Span, before: re.Pattern[str], after: re.Pattern[str]) -> bool:
    """Whether the words right before the inline code at ``span`` match ``before`` (a
    search) or those right after it ``after`` (a match), past any inline code listed
    with it: what a sentence calls it."""
    if span.end_line != span.line:
        return False
    line = page.line_text(span.line)
    ahead = line[max(0, span.column - 1 - _NEARBY) : span.column - 1]
    behind = line[span.end_column - 1 : span.end_column - 1 + _NEARBY]
    if "`" in ahead and (listed := _LISTED_BEFORE.search(ahead)) is not None:
        ahead = ahead[: listed.start()]
    if "`" in behind and (listed := _LISTED_AFTER.match(behind)) is not None:
        behind = behind[listed.end() :]
    return bool(before.search(ahead) or after.match(behind))


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
