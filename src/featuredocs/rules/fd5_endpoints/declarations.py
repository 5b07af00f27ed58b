"""Where a page names an endpoint: headings, request lines, tables and inline code.

- ``### GET /api/v1/orders/`` (also ``### GET, POST /api/…``, ``### `GET /…` ``, and a
  trailing `` — description``) anywhere in the page; ``### /api/v1/orders/`` only under a
  section titled like *API Endpoints*.
- Request lines of ``http`` blocks (``GET /api/v1/orders/?status=paid HTTP/1.1``), and of
  untagged blocks whose line carries an ``HTTP/1.1`` version. One followed by a ``Host:``
  header is read as written with its host, like a URL: it may be another service's.
- Table rows with a method cell and a path in inline code.
- Inline code: ``GET /api/v1/orders/`` is a claim; a bare ``/api/v1/orders/`` is one only
  when it starts like a path the page documents with a method (see :func:`keep_bare`).

The template's example endpoint (``GET /api/feature/resource/``) and bracketed or elided
paths are placeholders: they name nothing.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from enum import StrEnum
from functools import lru_cache

from featuredocs.model import (
    BlockKind,
    CodeBlock,
    Heading,
    InlineCode,
    Page,
    Section,
    Span,
    TableRow,
)
from featuredocs.rules.fd5_endpoints.paths import (
    PathShape,
    Target,
    common_prefix,
    is_placeholder,
    is_under,
    looks_like_file,
    parse_heading,
    parse_methods,
    parse_request,
    parse_request_line,
    shape,
)
from featuredocs.rules.fd5_endpoints.places import (
    code_line_span,
    find_in_line,
    inline_text_span,
)
from featuredocs.rules.fd5_endpoints.query_columns import column_params, query_column
from featuredocs.rules.page_text import any_line_within

_API_TITLE = re.compile(r"\b(?:api|apis|endpoints?|routes?|urls?)\b", re.IGNORECASE)
_REQUEST_LANGUAGES = frozenset({"http", "https", "rest"})
_HTTP_VERSION = re.compile(r"\sHTTP/\d(?:\.\d)?\s*$")
_ESCAPE = re.compile(r"\\(.)")
_HEADER = re.compile(r"\s*[A-Za-z][\w-]*\s*:")
_HOST_HEADER = re.compile(r"\s*host\s*:\s*\S", re.IGNORECASE)
_ENDPOINT_LABEL = re.compile(r"endpoint|url|route|path|request|http request", re.IGNORECASE)
_METHOD_LABEL = re.compile(r"(?:http\s+)?methods?", re.IGNORECASE)


class ClaimKind(StrEnum):
    HEADING = "heading"
    LABEL = "label"  # **Endpoint:** `GET /api/v1/orders/`
    REQUEST = "request"
    TABLE = "table"
    INLINE = "inline"
    BARE = "bare"
    CALL = "call"  # curl, HTTPie, requests in example code (see :mod:`.calls`)


@dataclass(frozen=True, slots=True)
class Word:
    text: str
    span: Span


@dataclass(frozen=True, slots=True)
class EndpointClaim:
    """A place where the page says an endpoint exists; ``methods`` empty for a bare path."""

    path: Word
    methods: tuple[Word, ...]
    kind: ClaimKind
    query: tuple[Word, ...] = ()  # parameter names in the written query string
    absolute: bool = False  # written with scheme and host, or a Host header

    def __hash__(self) -> int:
        # Claims are looked up by the rules page after page: their place and kind tell
        # them apart without hashing each of their words (and spans) in turn.
        span = self.path.span
        return hash((span.line, span.column, self.kind))

    @property
    def shape(self) -> PathShape:
        return shape(self.path.text)

    @property
    def line(self) -> int:
        return self.path.span.line


def is_api_section(section: Section) -> bool:
    return section.level == 2 and _is_api_title(section.title)


@lru_cache(maxsize=4096)  # every page has a few second-level titles, the same from page to page
def _is_api_title(title: str) -> bool:
    return _API_TITLE.search(title) is not None


# --- headings ---------------------------------------------------------------------------------


def heading_claims(
    page: Page, placeholders: frozenset[str]
) -> tuple[list[EndpointClaim], set[int]]:
    """Endpoint headings, and the lines of headings that keep a placeholder endpoint."""
    claims: list[EndpointClaim] = []
    placeholder_lines: set[int] = set()
    # Only a heading with a slash can name a path: the parts of the page without one
    # are not walked.
    slashed_lines = [heading.span.line for heading in page.headings if "/" in heading.source]
    if not slashed_lines:
        return claims, placeholder_lines
    for top in page.sections:
        if not any_line_within(slashed_lines, top.heading.span.line, top.end_line):
            continue
        api = is_api_section(top)
        for section in [s for s in top.walk_all() if "/" in s.heading.source]:
            if section is top and api:
                continue
            line = section.heading.span.line
            claim = _heading_claim(page, section.heading, api)
            if claim is None:
                continue
            if is_placeholder(claim.path.text, placeholders):
                placeholder_lines.add(line)
            else:
                claims.append(claim)
    return claims, placeholder_lines


def _heading_claim(page: Page, heading: Heading, under_api: bool) -> EndpointClaim | None:
    target = _heading_target(heading.source, under_api)
    if target is not None:
        return _placed(page, heading.span.line, target, ClaimKind.HEADING)
    codes = [code for code in page.codes if code.span.line == heading.span.line]
    found = [c for c in (_inline_claim(page, code) for code in codes) if c and c.methods]
    if len(found) == 1:
        return EndpointClaim(found[0].path, found[0].methods, ClaimKind.HEADING, found[0].query)
    return None


@lru_cache(maxsize=4096)  # pages of one app write the same endpoint headings
def _heading_target(source: str, under_api: bool) -> Target | None:
    text = _ESCAPE.sub(r"\1", source.replace("`", "").replace("*", "")).strip()
    return parse_heading(text, bare=under_api)


def _placed(page: Page, line: int, target: Target, kind: ClaimKind) -> EndpointClaim | None:
    texts = [m.text for m in target.methods] + [target.path.text]
    spans = find_in_line(page, line, texts, 1)
    if spans is None:
        return None
    methods = tuple(Word(m.text, s) for m, s in zip(target.methods, spans, strict=False))
    path = Word(target.path.text, spans[-1])
    query = find_in_line(page, line, [q.text for q in target.query], spans[-1].end_column) if target.query else []
    words = tuple(Word(q.text, s) for q, s in zip(target.query, query or (), strict=False))
    return EndpointClaim(path, methods, kind, words, target.absolute)


# --- labels -----------------------------------------------------------------------------------


def label_claims(
    page: Page, section: Section, placeholders: frozenset[str]
) -> Iterator[EndpointClaim]:
    """``**Endpoint:** `GET /api/v1/orders/` ``, or ``**URL:** `/api/v1/orders/` `` with a
    ``**Method:** `GET` `` label next to it, in one section's own paragraphs."""
    named = [lb for lb in section.labelled if _label_is(_ENDPOINT_LABEL, lb.label) and lb.value_span]
    if not named:
        return
    methods = next(
        (lb for lb in section.labelled if _label_is(_METHOD_LABEL, lb.label) and lb.value_span), None
    )
    for labelled in named:
        text = _ESCAPE.sub(r"\1", labelled.value.replace("`", "")).strip()
        target = parse_request(text, bare=text.startswith("/"))
        if target is None or is_placeholder(target.path.text, placeholders):
            continue
        claim = _placed(page, labelled.value_span.line, target, ClaimKind.LABEL)
        if claim is not None and not claim.methods and methods is not None:
            claim = _with_methods(page, claim, methods.value, methods.value_span)
        if claim is not None and claim.methods:
            yield claim


@lru_cache(maxsize=4096)  # pages repeat the same few labels
def _label_is(pattern: re.Pattern[str], label: str) -> bool:
    return pattern.fullmatch(label.strip()) is not None


def _with_methods(page: Page, claim: EndpointClaim, value: str, span: Span | None) -> EndpointClaim:
    found = parse_methods(value.replace("`", ""))
    if found is None or span is None:
        return claim
    placed = find_in_line(page, span.line, [m.text for m in found], span.column)
    if placed is None:
        return claim
    words = tuple(Word(m.text, s) for m, s in zip(found, placed, strict=True))
    return EndpointClaim(claim.path, words, claim.kind, claim.query, claim.absolute)


# --- request blocks ---------------------------------------------------------------------------


def request_claims(page: Page, placeholders: frozenset[str]) -> Iterator[EndpointClaim]:
    for code in page.code_blocks:
        tagged = code.language in _REQUEST_LANGUAGES
        if not tagged and (code.language or "HTTP/" not in code.text):
            continue
        found = _request_targets(code.text, tagged, placeholders)
        if found:
            lines = code.text.splitlines()
            for index, target in found:
                yield _request_claim(page, code, index, target, lines)


@lru_cache(maxsize=4096)  # pages of one app show the same requests
def _request_targets(
    text: str, tagged: bool, placeholders: frozenset[str]
) -> tuple[tuple[int, Target], ...]:
    """The request lines of a block's text: (line index, what it requests)."""
    found: list[tuple[int, Target]] = []
    lines = text.splitlines()
    for index, line in enumerate(lines):
        if not tagged and not _HTTP_VERSION.search(line):
            continue
        target = parse_request_line(line)
        if target is not None and not is_placeholder(target.path.text, placeholders):
            if _names_a_host(lines[index + 1 :]):
                target = dataclasses.replace(target, absolute=True)
            found.append((index, target))
    return tuple(found)


def _names_a_host(after: list[str]) -> bool:
    """Whether the headers after a request line (up to the first other line) hold a Host."""
    for line in after:
        if not _HEADER.match(line):
            return False
        if _HOST_HEADER.match(line):
            return True
    return False


def _request_claim(
    page: Page, code: CodeBlock, index: int, target: Target, lines: list[str]
) -> EndpointClaim:
    def word(piece_text: str, start: int) -> Word:
        return Word(piece_text, code_line_span(page, code, index, start, len(piece_text), lines))

    return EndpointClaim(
        word(target.path.text, target.path.start),
        tuple(word(m.text, m.start) for m in target.methods),
        ClaimKind.REQUEST,
        tuple(word(q.text, q.start) for q in target.query),
        target.absolute,
    )


# --- tables and inline code -------------------------------------------------------------------


def table_claims(
    page: Page, sections: Iterable[Section], placeholders: frozenset[str]
) -> Iterator[EndpointClaim]:
    """Rows such as ``| GET | `/api/v1/orders/` | … |`` or ``| `GET /api/v1/orders/` | … |``
    in ``sections`` (every section of the page)."""
    if "|" not in page.text:
        return  # no table: its blocks are not walked
    for section in sections:
        for block in section.blocks:
            if block.kind is BlockKind.TABLE:
                header = block.rows[0] if block.rows and block.rows[0].header else None
                query = query_column(header) if header is not None else None
                for row in block.rows:
                    claim = None if row.header else _row_claim(page, row)
                    if claim is not None and not is_placeholder(claim.path.text, placeholders):
                        yield claim if query is None else _with_column_params(page, row, claim, *query)


def _with_column_params(page: Page, row: TableRow, claim: EndpointClaim, column: int, get_only: bool) -> EndpointClaim:
    """The claim with the query parameters its row names in the table's query column."""
    if get_only and any(method.text.upper() not in {"GET", "HEAD"} for method in claim.methods):
        return claim
    named = tuple(Word(name, span) for name, span in column_params(page, row, column))
    return dataclasses.replace(claim, query=claim.query + named) if named else claim


def _row_claim(page: Page, row: TableRow) -> EndpointClaim | None:
    inline = [c for c in (_inline_claim(page, code) for code in row.codes) if c is not None]
    requests = [c for c in inline if c.methods]
    if len(requests) == 1:
        found = requests[0]
        return EndpointClaim(
            found.path, found.methods, ClaimKind.TABLE, found.query, found.absolute
        )
    methods = _methods_cell(page, row)
    if not methods:
        return None
    paths = [c for c in inline if not c.methods and not c.absolute] or _plain_paths(page, row)
    if len(paths) != 1:
        return None
    return EndpointClaim(paths[0].path, methods, ClaimKind.TABLE, paths[0].query)


def _methods_cell(page: Page, row: TableRow) -> tuple[Word, ...]:
    for cell, span in zip(row.cells, row.spans, strict=False):
        found = parse_methods(cell.replace("`", ""))
        if found is not None:
            texts = [m.text for m in found]
            placed = find_in_line(page, span.line, texts, span.column)
            if placed is not None:
                return tuple(Word(t, s) for t, s in zip(texts, placed, strict=True))
    return ()


def _plain_paths(page: Page, row: TableRow) -> list[EndpointClaim]:
    """Paths written in a cell without backticks: ``| GET | /api/v1/orders/ |``."""
    found: list[EndpointClaim] = []
    for cell, span in zip(row.cells, row.spans, strict=False):
        text = cell.strip()
        target = parse_request(text, bare=True) if text.startswith("/") else None
        placed = find_in_line(page, span.line, [text], span.column) if target else None
        if target is not None and placed is not None:
            path_span = placed[0]
            end = path_span.column + len(target.path.text)
            path = Word(target.path.text, Span(span.line, path_span.column, span.line, end))
            found.append(EndpointClaim(path, (), ClaimKind.BARE))
    return found


def inline_claims(
    page: Page, placeholders: frozenset[str], taken: set[tuple[int, int]]
) -> Iterator[EndpointClaim]:
    """Inline code that is not already part of a heading or table claim."""
    for code in page.codes:
        if "/" not in code.text:
            continue  # most inline code: no path in it
        claim = _inline_claim(page, code)
        if claim is None or (claim.path.span.line, claim.path.span.column) in taken:
            continue
        if is_placeholder(claim.path.text, placeholders):
            continue
        if not claim.methods and (claim.absolute or looks_like_file(claim.path.text)):
            continue
        yield claim


def _inline_claim(page: Page, code: InlineCode) -> EndpointClaim | None:
    if "/" not in code.text:
        return None
    target = _inline_target(code.text)
    if target is None:
        return None

    def word(text: str, start: int) -> Word | None:
        span = inline_text_span(page, code, start, len(text))
        return Word(text, span) if span is not None else None

    path = word(target.path.text, target.path.start)
    methods = [word(m.text, m.start) for m in target.methods]
    if path is None or None in methods:
        return None
    query = tuple(w for w in (word(q.text, q.start) for q in target.query) if w is not None)
    kind = ClaimKind.INLINE if methods else ClaimKind.BARE
    return EndpointClaim(path, tuple(m for m in methods if m), kind, query, target.absolute)


@lru_cache(maxsize=8192)  # the same paths are quoted from page to page
def _inline_target(text: str) -> Target | None:
    return parse_request(text, bare=text.strip().startswith("/"))


def keep_bare(claims: Iterable[EndpointClaim]) -> list[EndpointClaim]:
    """Bare paths count only inside the URL space of the paths the page documents with a
    method (their common prefix, at least two segments deep): ``/api/v1/orders/{id}/``
    on a page about ``/api/v1/orders/``; not ``/api/v1/`` or ``/var/log/`` in prose."""
    claims = list(claims)
    space = common_prefix(c.shape for c in claims if c.methods)
    if space is None or len(space.segments) < 2:
        return [c for c in claims if c.kind is not ClaimKind.BARE]
    return [c for c in claims if c.kind is not ClaimKind.BARE or is_under(c.shape, space)]
