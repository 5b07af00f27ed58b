"""The typed page model: what the Markdown stage produces and every rule reads.

Every element keeps its :class:`Span` in the page's source so findings point at exact
lines and columns. Text fields hold the *source* text (Markdown included) unless the
name says ``plain``.
"""

from __future__ import annotations

import copyreg
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass, field, fields
from enum import StrEnum
from operator import attrgetter
from pathlib import Path
from types import MappingProxyType
from typing import Any

from featuredocs.model.frozen import filled_on_read, memo_field, pickled_without_memos, quick_init
from featuredocs.model.span import Span


@filled_on_read("span")
@pickled_without_memos
@quick_init
@dataclass(frozen=True, slots=True)
class InlineCode:
    """A backtick span: ``text`` is its content without the backticks."""

    text: str
    span: Span
    _lazy: tuple[Any, ...] | None = memo_field()


@quick_init
@dataclass(frozen=True, slots=True)
class Link:
    """A Markdown link or image. ``target`` is the destination exactly as written."""

    text: str
    target: str
    span: Span
    image: bool = False


@filled_on_read("span")
@pickled_without_memos
@quick_init
@dataclass(frozen=True, slots=True)
class ListItem:
    """One list item.

    ``source`` is the item's own text without the list marker (``- ``, ``1. ``), up to its
    first nested list; for an item the parser swallowed as a link reference definition
    (``- [Capability 1]: Description``) it is still the raw text. ``span`` covers ``source``.
    """

    source: str
    plain: str
    span: Span
    codes: tuple[InlineCode, ...] = ()
    links: tuple[Link, ...] = ()
    children: tuple[ListItem, ...] = ()
    ordered: bool = False
    _lazy: tuple[Any, ...] | None = memo_field()


@quick_init
@dataclass(frozen=True, slots=True)
class CodeBlock:
    """A fenced or indented code block.

    ``language`` is the first word of the info string, lower-cased ('' when none).
    ``first_line`` is the page line of the block's first content line, so the n-th
    (0-based) line of ``text`` sits on page line ``first_line + n``.
    """

    language: str
    text: str
    span: Span
    first_line: int
    fenced: bool = True


@quick_init
@dataclass(frozen=True, slots=True)
class TableRow:
    cells: tuple[str, ...]
    spans: tuple[Span, ...]
    codes: tuple[InlineCode, ...] = ()
    header: bool = False


class BlockKind(StrEnum):
    PARAGRAPH = "paragraph"
    LIST = "list"
    CODE = "code"
    TABLE = "table"
    QUOTE = "quote"
    HTML = "html"
    RULE = "rule"
    DEFINITION = "definition"  # a link reference definition standing alone


@filled_on_read("span", "source", "plain")
@pickled_without_memos
@quick_init
@dataclass(frozen=True, slots=True)
class Block:
    """A top-level block inside a section (headings are sections, not blocks).

    ``source`` is the raw source slice. A LIST carries ``items``, a CODE block ``code``,
    a TABLE ``rows``; every block carries the inline code spans and links it contains.
    """

    kind: BlockKind
    span: Span
    source: str
    plain: str = ""
    items: tuple[ListItem, ...] = ()
    code: CodeBlock | None = None
    rows: tuple[TableRow, ...] = ()
    codes: tuple[InlineCode, ...] = ()
    links: tuple[Link, ...] = ()
    _lazy: tuple[Any, ...] | None = memo_field()


@filled_on_read("span", "value", "value_span")
@pickled_without_memos
@quick_init
@dataclass(frozen=True, slots=True)
class LabelledBlock:
    """A bold label and what it introduces: ``**Fields:**`` followed by a list.

    ``label`` is the label without asterisks or the trailing colon (``Fields``,
    ``Command Options``, ``TTL``). ``value`` is any text after the label on the same
    paragraph (``**TTL**: 15 minutes`` gives ``15 minutes``). ``items`` is the list that
    follows the label (or shares its paragraph), ``code`` the code block that follows it.
    """

    label: str
    span: Span
    value: str = ""
    value_span: Span | None = None
    items: tuple[ListItem, ...] = ()
    code: CodeBlock | None = None
    _lazy: tuple[Any, ...] | None = memo_field()


@quick_init
@dataclass(frozen=True, slots=True)
class Heading:
    level: int
    source: str
    plain: str
    slug: str
    span: Span


@pickled_without_memos
@quick_init
@dataclass(frozen=True, slots=True)
class Section:
    """A heading and everything up to the next heading of the same or a higher level."""

    heading: Heading
    blocks: tuple[Block, ...]
    labelled: tuple[LabelledBlock, ...]
    subsections: tuple[Section, ...]
    end_line: int  # last page line that belongs to the section, subsections included
    # Rules walk the same sections many times over: the flat list is made once.
    _walked: tuple[Section, ...] | None = memo_field()

    @property
    def title(self) -> str:
        return self.heading.plain

    @property
    def level(self) -> int:
        return self.heading.level

    def walk(self) -> Iterator[Section]:
        """This section and every section below it, in document order."""
        return iter(self.walk_all())

    def walk_all(self) -> tuple[Section, ...]:
        """What :meth:`walk` goes through, as a tuple made once."""
        walked = self._walked
        if walked is None:
            if self.subsections:
                walked = (self, *[s for sub in self.subsections for s in sub.walk_all()])
            else:
                walked = (self,)
            object.__setattr__(self, "_walked", walked)
        return walked

    def labelled_block(self, *labels: str) -> LabelledBlock | None:
        wanted = {label.casefold() for label in labels}
        for block in self.labelled:
            if block.label.casefold() in wanted:
                return block
        return None

    def code_blocks(self, deep: bool = True) -> Iterator[CodeBlock]:
        for section in self.walk() if deep else (self,):
            for block in section.blocks:
                if block.code is not None:
                    yield block.code


@quick_init
@dataclass(frozen=True, slots=True)
class Suppression:
    """``<!-- featuredocs: ignore FD202 FD203 -->``: silences the codes on ``line`` + 1.

    ``codes`` empty means every code. ``whole_page`` for ``ignore-file``.
    """

    line: int
    codes: tuple[str, ...]
    whole_page: bool = False

    def covers(self, code: str, line: int) -> bool:
        """Whether the comment silences ``code`` reported on ``line``."""
        return (self.whole_page or self.line == line - 1) and (not self.codes or code_matches(code, self.codes))


def code_matches(code: str, selectors: Iterable[str]) -> bool:
    """Whether ``code`` is one of ``selectors``: a code, a family (``FD3``) or ``ALL``."""
    return any(s.upper() == "ALL" or code.startswith(s.upper()) for s in selectors)


@pickled_without_memos
@dataclass(frozen=True, slots=True)
class Page:
    """One parsed Markdown page.

    ``path`` is absolute; ``rel`` is relative to the docs root (POSIX), and ``display``
    is what findings print (relative to the working directory when possible).
    """

    path: Path
    rel: str
    display: str
    text: str
    front_matter: Mapping[str, object] = field(default_factory=lambda: MappingProxyType({}))
    title: Heading | None = None
    tagline: Block | None = None
    preamble: tuple[Block, ...] = ()
    sections: tuple[Section, ...] = ()
    headings: tuple[Heading, ...] = ()
    code_blocks: tuple[CodeBlock, ...] = ()
    links: tuple[Link, ...] = ()
    codes: tuple[InlineCode, ...] = ()
    suppressions: tuple[Suppression, ...] = ()
    lines: tuple[str, ...] = ()
    _walked: tuple[Section, ...] | None = memo_field()

    def walk(self) -> Iterator[Section]:
        """Every section of the page (H2 and below), in document order."""
        return iter(self.walk_all())

    def walk_all(self) -> tuple[Section, ...]:
        """What :meth:`walk` goes through, as a tuple made once per page."""
        walked = self._walked
        if walked is None:
            walked = tuple([s for section in self.sections for s in section.walk_all()])
            object.__setattr__(self, "_walked", walked)
        return walked

    def find_sections(self, *titles: str, level: int | None = None) -> list[Section]:
        """Sections whose plain title matches one of ``titles`` (case-insensitively)."""
        wanted = {t.casefold() for t in titles}
        return [
            s
            for s in self.walk()
            if s.title.casefold() in wanted and (level is None or s.level == level)
        ]

    def section_at(self, line: int) -> tuple[Section, ...]:
        """The chain of sections (outermost first) that contains ``line``."""
        chain: list[Section] = []
        candidates = self.sections
        while True:
            for section in candidates:
                if section.heading.span.line <= line <= section.end_line:
                    chain.append(section)
                    candidates = section.subsections
                    break
            else:
                return tuple(chain)

    def line_text(self, line: int) -> str:
        return self.lines[line - 1] if 0 < line <= len(self.lines) else ""

    def written(self, span: Span) -> str:
        """The text a one-line ``span`` covers (what a fix would replace); empty for a
        span over several lines."""
        if span.line != span.end_line:
            return ""
        return self.line_text(span.line)[span.column - 1 : span.end_column - 1]

    @property
    def anchors(self) -> frozenset[str]:
        """Every heading anchor GitHub would generate for this page."""
        return frozenset(h.slug for h in self.headings)


#: The pages ``featuredocs index`` writes at the docs root, beside the feature pages: the
#: documentation index and the two references. They describe the project as it is now.
INDEX_FILE = "README.md"
COMMANDS_FILE = "commands.md"
API_FILE = "api.md"
REFERENCE_PAGES = frozenset((INDEX_FILE, COMMANDS_FILE, API_FILE))


@dataclass(frozen=True, slots=True)
class DocSet:
    """Every page under the docs root, plus the files a link may point at."""

    root: Path
    pages: tuple[Page, ...]
    files: frozenset[str] = frozenset()  # every file under the docs root, relative POSIX
    _by_rel: Mapping[str, Page] = field(default_factory=dict, compare=False, repr=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "_by_rel", {page.rel: page for page in self.pages})

    def page(self, rel: str) -> Page | None:
        return self._by_rel.get(rel)


def _pickled_with_span_inline(cls: type[Any], rebuild: Callable[..., Any]) -> None:
    """Pickle ``cls`` with its span's four numbers in place of the span, ``rebuild`` taking
    them in that place. Headings and links are most of what the cache keeps of a page (its
    light copy); without a span object of their own, they are written a third faster."""
    names = [f.name for f in fields(cls) if f.init]
    at = names.index("span")
    flat = attrgetter(*names[:at], "span.line", "span.column", "span.end_line", "span.end_column", *names[at + 1 :])

    def __reduce__(self: Any) -> tuple[Any, ...]:
        if type(self) is not cls:  # a subclass may have fields of its own: all are kept
            return (copyreg.__newobj__, (type(self),), self.__getstate__())
        return (rebuild, flat(self))

    cls.__reduce__ = __reduce__  # type: ignore[method-assign]


def _heading(level: int, source: str, plain: str, slug: str, line: int, column: int, end_line: int, end_column: int) -> Heading:
    return Heading(level, source, plain, slug, Span(line, column, end_line, end_column))


def _link(text: str, target: str, line: int, column: int, end_line: int, end_column: int, image: bool) -> Link:
    return Link(text, target, Span(line, column, end_line, end_column), image)


_pickled_with_span_inline(Heading, _heading)
_pickled_with_span_inline(Link, _link)
