"""Template placeholders left in a page: bracketed prose and the template's example text."""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache

from featuredocs.model import CodeBlock, InlineCode, ListItem, Page, Span
from featuredocs.model.template import TemplateSchema
from featuredocs.rules.base import CheckContext
from featuredocs.rules.page_text import lines_holding

# Not followed by ``(`` or ``[`` (link syntax), not opening with ``^`` or ``!`` (footnote,
# admonition): most of a page's brackets are links, turned down without a match object.
_BRACKETED = re.compile(r"(?<!\\)\[([^\[\]\n^!][^\[\]\n]*)\](?![(\[])")
_ITEM_START = re.compile(r"^[\s>]*(?:[-*+]|\d{1,9}[.)])\s+$")
_DEFINITION_START = re.compile(r"^\s{0,3}$")
_URLISH = re.compile(r"^:\s*<?\S*[/.#:]")
_IDENTIFIER_LIST = re.compile(r"^\s*[\w.'\"-]+(?:\s*,\s*[\w.'\"-]+)+\s*$")
_COMMENT = re.compile(r"<!--.*?-->")
_ADMONITION_TITLE = re.compile(r"\s*:{3,}[ \t]*[\w-]+")
_LABEL_PREFIX = re.compile(r"^\*\*[^*]+\*\*\s*:?\s*")
_TRAILING_COMMENT = re.compile(r"\s+#.*$")
_TAGLINE_LABEL = re.compile(r"\*\*([^*]+)\*\*")
#: What command-line help writes in brackets after an option (click, docopt, typer):
#: ``[default: 50]``, ``[env var: SHOP_LIMIT]``, ``[required]``, ``[csv|json]``,
#: ``[1<=x<=100]``, several joined by ``;``. A template's placeholder is prose instead.
_HELP_NOTE = re.compile(
    r"(?:default|env\s+var)\s*[:=]\s*\S[^;]*"
    r"|required|optional|deprecated|multiple"
    r"|[\w.-]+(?:\s*\|\s*[\w.-]+)+"
    r"|-?[\d.]+\s*<=?\s*x(?:\s*<=?\s*-?[\d.]+)?|x\s*[<>]=?\s*-?[\d.]+",
    re.IGNORECASE,
)


@dataclass(frozen=True, slots=True)
class Placeholder:
    """Placeholder text as written in the page, and where."""

    text: str
    span: Span
    bracketed: bool


def placeholders_of(page: Page, ctx: CheckContext) -> list[Placeholder]:
    return ctx.memo("fd1.placeholders", page, lambda p: find_placeholders(p, ctx.schema))


def find_placeholders(page: Page, schema: TemplateSchema) -> list[Placeholder]:
    found = list(_bracketed(page)) + list(_fillers(page, schema))
    return sorted(found, key=lambda p: (p.span.line, p.span.column))


def _bracketed(page: Page) -> Iterator[Placeholder]:
    numbers = lines_holding(page, "[")
    if not numbers:
        return
    # Most brackets open a link or sit in code: what rules a match out is gathered only
    # once a match is left that it could rule out.
    skipped: _Skipped | None = None
    for number in numbers:
        line = page.lines[number - 1]
        visible = _COMMENT.sub(lambda m: " " * len(m.group()), line) if "<!--" in line else line
        for match in _BRACKETED.finditer(visible):
            if not _is_placeholder(match, visible):
                continue
            skipped = skipped or _Skipped(page)
            if skipped.in_code_or_front_matter(number):
                break
            span = Span(number, match.start() + 1, number, match.end() + 1)
            if not skipped.covers(span):
                yield Placeholder(match.group(), span, bracketed=True)


class _Skipped:
    """Where a page's brackets are no placeholders: code and front matter lines, inline
    code and links."""

    def __init__(self, page: Page) -> None:
        self.front_matter_end = _front_matter_end(page)
        self.code_blocks = page.code_blocks
        self.codes = page.codes
        self.links = [link.span for link in page.links]

    def in_code_or_front_matter(self, line: int) -> bool:
        if line <= self.front_matter_end:
            return True
        # Code blocks are in document order and never overlap, as code spans are below.
        blocks = self.code_blocks
        before = bisect_right(blocks, line, key=_first_line)
        return before > 0 and blocks[before - 1].span.end_line >= line

    def covers(self, span: Span) -> bool:
        # Code spans are in document order and never overlap, so only the last one to
        # start before ``span`` can hold it: a bisect reads a few of their spans, not all.
        codes = self.codes
        before = bisect_right(codes, (span.line, span.column), key=_code_start)
        if before and _inside(span, codes[before - 1].span):
            return True
        return any(_inside(span, link) for link in self.links)


def _code_start(code: InlineCode) -> tuple[int, int]:
    return code.span.line, code.span.column


def _first_line(code: CodeBlock) -> int:
    return code.span.line


def _is_placeholder(match: re.Match[str], line: str) -> bool:
    content = match.group(1)
    before, after = line[: match.start()], line[match.end() :]
    if not any(char.isalpha() for char in content) or _IDENTIFIER_LIST.match(content):
        return False
    if content in ("x", "X") and _ITEM_START.match(before):
        return False  # task list item
    if _ADMONITION_TITLE.fullmatch(before):
        return False  # Docusaurus' title of an admonition: ``:::tip[Payment window]``
    if _is_help_note(content):
        return False
    return not (_DEFINITION_START.match(before) and _URLISH.match(after))


def _is_help_note(content: str) -> bool:
    return all(_HELP_NOTE.fullmatch(part.strip()) for part in content.split(";"))


def _inside(span: Span, outer: Span) -> bool:
    start, end = (span.line, span.column), (span.end_line, span.end_column)
    return (outer.line, outer.column) <= start and end <= (outer.end_line, outer.end_column)


def _front_matter_end(page: Page) -> int:
    """The last line of the page's front matter, 0 when it has none."""
    if not page.lines or page.lines[0].strip() != "---" or not page.front_matter:
        return 0
    for number, line in enumerate(page.lines[1:], start=2):
        if line.strip() in ("---", "..."):
            return number
    return 0


def _fillers(page: Page, schema: TemplateSchema) -> Iterator[Placeholder]:
    fillers = _filler_set(schema.fillers)
    if not fillers:
        return
    yield from _filler_items(page, fillers)
    yield from _filler_code_lines(page, fillers)
    yield from _filler_tagline(page, fillers)


@lru_cache(maxsize=8)
def _filler_set(fillers: tuple[str, ...]) -> frozenset[str]:
    # One set per template, not per page: :func:`_filler_item`'s cache tells two sets
    # apart by identity at once, but compares two equal ones item by item on every hit.
    return frozenset(fillers)


def _filler_items(page: Page, fillers: frozenset[str]) -> list[Placeholder]:
    pending: list[ListItem] = [item for block in page.preamble for item in block.items]
    for section in page.walk_all():
        for block in section.blocks:
            if block.items:
                pending.extend(block.items)
    found: list[Placeholder] = []
    while pending:
        item = pending.pop()
        if item.children:
            pending.extend(item.children)
        text = _filler_item(item.plain, item.source, fillers)
        if text is not None:
            found.append(Placeholder(text, item.span, bracketed=False))
    return found


@lru_cache(maxsize=8192)  # list items repeat from page to page
def _filler_item(plain: str, source: str, fillers: frozenset[str]) -> str | None:
    """The filler an item's text is, whole or after its bold label and backticks."""
    plain = _normalize(plain)
    if plain in fillers:
        return plain
    if not source.startswith("**") and "`" not in source:
        return None  # nothing to strip: the rest is the item itself, not a filler
    rest = _normalize(_LABEL_PREFIX.sub("", source, count=1).replace("`", ""))
    return rest if rest in fillers and rest != _normalize(source) else None


def _filler_code_lines(page: Page, fillers: frozenset[str]) -> Iterator[Placeholder]:
    for code in page.code_blocks:
        for offset, raw in enumerate(code.text.splitlines()):
            text = (_TRAILING_COMMENT.sub("", raw) if "#" in raw else raw).strip()
            if not text or text not in fillers:
                continue
            number = code.first_line + offset
            column = page.line_text(number).find(text) + 1 or 1
            yield Placeholder(text, Span(number, column, number, column + len(text)), False)


def _filler_tagline(page: Page, fillers: frozenset[str]) -> Iterator[Placeholder]:
    tagline = page.tagline
    if tagline is None:
        return
    line = page.line_text(tagline.span.line)
    for match in _TAGLINE_LABEL.finditer(line):
        if _normalize(match.group(1)) in fillers:
            span = Span(tagline.span.line, match.start() + 1, tagline.span.line, match.end() + 1)
            yield Placeholder(match.group(), span, bracketed=False)


def _normalize(text: str) -> str:
    return " ".join(text.split())
