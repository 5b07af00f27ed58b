"""What a page says about API endpoints, as typed claims with spans.

- **Endpoints** (see :mod:`.declarations`): headings, ``http`` request lines, table rows
  and inline code naming ``METHOD /path``; bare paths conservatively; calls in example
  code (``curl``, HTTPie, ``requests``: see :mod:`.calls`).
- **Query parameters**: the names in a written query string (``?status=paid``), and
  items `` - `status` (string, optional): … `` (or a table with a Parameter column) under
  **Query Parameters:** (or a bold title alone, **Query parameters**), the names that label
  lists on its own line, or a table with a Parameter column that nothing introduces —
  attributed to the endpoint whose section they are in. Values a sentence gives one
  ("`ordering` takes `created_at` or `total_cents`") are read apart, for the GET
  endpoints around it (see :mod:`.prose_params`).
- **Responses** (see :mod:`.responses`): the JSON under **Response:** (or a *Response*
  sub-heading), read for its keys, attributed the same way; error responses left out.
  Fields listed instead (see :mod:`.response_fields`), and those listed under a heading
  that names a resource (``### Order response``), for the endpoints around it that
  answer with it (see :mod:`.resource_fields`).

A section belongs to the endpoint its own heading declares, else to the one endpoint its
own request lines and example calls (``curl``, HTTPie, ``requests``) call, else to its
parent's; a section under a placeholder heading, or calling several endpoints, belongs to
none.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache

from featuredocs.model import Block, BlockKind, ListItem, Page, Section, Span, TableRow
from featuredocs.rules.base import CheckContext
from featuredocs.rules.fd5_endpoints.calls import call_claims
from featuredocs.rules.fd5_endpoints.declarations import (
    EndpointClaim,
    Word,
    heading_claims,
    inline_claims,
    is_api_section,
    keep_bare,
    label_claims,
    request_claims,
    table_claims,
)
from featuredocs.rules.fd5_endpoints.paths import placeholder_paths
from featuredocs.rules.fd5_endpoints.prose_params import ProseValuesClaim, prose_values
from featuredocs.rules.fd5_endpoints.resource_fields import resource_fields
from featuredocs.rules.fd5_endpoints.response_fields import ResponseFieldClaim, section_response_fields
from featuredocs.rules.fd5_endpoints.responses import ResponseClaim, section_responses
from featuredocs.rules.fd5_endpoints.section_endpoints import EndpointPlaces
from featuredocs.rules.page_text import any_line_within
from featuredocs.rules.titles import titled_lists

_QUERY_LABEL = re.compile(r"query(?:[- ]string)?(?:\s+param(?:eter)?s?)?|query\s+string", re.I)
# Labels that mean query parameters only for an endpoint read with GET.
_GET_PARAMETERS_LABEL = re.compile(r"(?:url\s+)?param(?:eter)?s?|filters?", re.I)
# The column of a table that lists query parameters with nothing introducing it.
_PARAMETER_HEADER = re.compile(r"(?:query\s+)?param(?:eter)?s?|query\s+string", re.I)
_NOT_QUERY_TITLE = re.compile(r"\b(?:path|body|headers?|form|json|cookies?|responses?|fields?)\b", re.I)
_NOT_QUERY_PLACES = frozenset({"path", "body", "header", "form", "cookie"})
_PARAMETER_COLUMN = re.compile(r"(?:query\s+)?(?:param(?:eter)?|name|field|key)s?", re.I)
_DEFAULT_COLUMN = re.compile(r"default(?:\s+value)?s?", re.I)
_NAME = re.compile(r"[A-Za-z_][\w.\[\]-]*")
_ITEM_NAME = re.compile(rf"\s*(`+)\s*(?P<name>{_NAME.pattern})\s*\1(?P<rest>.*)", re.S)
#: A name an item pairs with its first: `` / `price__lte` ``, `` or `page_size` ``.
_PAIRED_NAME = re.compile(rf"\s*(?:/|,|or\b|and\b)\s*(`+)\s*(?P<name>{_NAME.pattern})\s*\1")
_NOT_QUERY = re.compile(r"\(\s*[^)]*\b(?:path|body|header|form|json|cookie)\b", re.I)
#: A label's own line that lists names and nothing else: `` `page`, `page_size` and `q`. ``
_NAME_LIST = re.compile(r"`[A-Za-z_][\w.\[\]-]*`(?:\s*(?:,\s*(?:and\s+|or\s+)?|and\s+|or\s+)`[A-Za-z_][\w.\[\]-]*`)+\.?")
_LISTED_NAME = re.compile(r"`(?P<name>[^`]+)`")
_PATH_PARAM_NAME = re.compile(r"\{([^{}/]+)\}|<(?:[^<>:/]+:)?([^<>/]+)>|(?<=/):([A-Za-z_]\w*)")


@dataclass(frozen=True, slots=True)
class QueryParamClaim:
    name: Word
    endpoint: EndpointClaim
    default_cell: Span | None = None  # its row's cell under a Default column


@dataclass(frozen=True, slots=True)
class EndpointClaims:
    endpoints: tuple[EndpointClaim, ...] = ()
    query_params: tuple[QueryParamClaim, ...] = ()
    responses: tuple[ResponseClaim, ...] = ()
    response_fields: tuple[ResponseFieldClaim, ...] = ()
    prose_values: tuple[ProseValuesClaim, ...] = ()
    api_heading: Span | None = None  # the API section's heading, where page-wide findings go


# --- attribution ------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class _Attribution:
    declared: dict[int, EndpointClaim]
    placeholders: set[int]
    requests: tuple[EndpointClaim, ...]  # request lines and calls, in page order
    request_lines: tuple[int, ...]  # the line of each

    def endpoint_of(self, section: Section, above: EndpointClaim | None) -> EndpointClaim | None:
        """The endpoint ``section`` belongs to; ``above``: the one its parent belongs to."""
        line = section.heading.span.line
        if line in self.placeholders:
            return None
        if line in self.declared:
            return self.declared[line]
        if not self.requests:
            return above
        lines = self.request_lines
        own = self.requests[bisect_left(lines, line + 1) : bisect_right(lines, _own_end(section))]
        if len({r.shape for r in own}) == 1:
            return own[0]
        if own:
            return None  # several endpoints: a list here could be about any of them
        return above


def _own_end(section: Section) -> int:
    """The last line of a section before its first sub-section."""
    if section.subsections:
        return section.subsections[0].heading.span.line - 1
    return section.end_line


# --- query parameters -------------------------------------------------------------------------


def _is_query_label(label: str, endpoint: EndpointClaim) -> bool:
    kind = _query_label_kind(label)
    if kind is not _GET_ONLY:
        return kind
    return bool(endpoint.methods) and all(m.text in ("GET", "HEAD") for m in endpoint.methods)


_GET_ONLY = None  # a label that names query parameters of a GET endpoint only


@lru_cache(maxsize=4096)  # pages repeat the same few labels and titles
def _query_label_kind(label: str) -> bool | None:
    """True for a query-parameter label, None for one only a GET endpoint's is, else False."""
    label = label.strip()
    if _QUERY_LABEL.fullmatch(label):
        return True
    return _GET_ONLY if _GET_PARAMETERS_LABEL.fullmatch(label) else False


@lru_cache(maxsize=4096)  # asked once per documented parameter, of a few paths per page
def _path_param_names(path: str) -> frozenset[str]:
    return frozenset(next(g for g in m.groups() if g) for m in _PATH_PARAM_NAME.finditer(path))


def _item_params(page: Page, item: ListItem, endpoint: EndpointClaim) -> list[QueryParamClaim]:
    """The parameter an item names first, and those it pairs with it
    (`` `price__gte` / `price__lte` (integer): … ``)."""
    match = _ITEM_NAME.match(item.source)
    if match is None:
        return []
    names = [match.group("name")]
    rest = match.group("rest")
    while (more := _PAIRED_NAME.match(rest)) is not None:
        names.append(more.group("name"))
        rest = rest[more.end():]
    if _NOT_QUERY.match(rest.strip()):
        return []
    found = []
    for name in names:
        if name in _path_param_names(endpoint.path.text):
            continue
        code = next((c for c in item.codes if c.text.strip() == name), None)
        if code is None:
            continue
        start = page.line_text(code.span.line).find(name, code.span.column - 1)
        span = Span(code.span.line, start + 1, code.span.line, start + 1 + len(name))
        found.append(QueryParamClaim(Word(name, span), endpoint))
    return found


def _value_params(page: Page, span: Span | None, endpoint: EndpointClaim) -> Iterator[QueryParamClaim]:
    """The names a label lists on its own line (``**Query parameters:** `page`, `q` ``):
    two at least, and nothing else (``see `OrderFilter` `` names no parameter)."""
    if span is None or span.line != span.end_line:
        return
    text = page.line_text(span.line)[: span.end_column - 1]
    if not _NAME_LIST.fullmatch(text, span.column - 1):
        return
    path_params = _path_param_names(endpoint.path.text)
    for found in _LISTED_NAME.finditer(text, span.column - 1):
        name = found["name"]
        if name not in path_params:
            word = Word(name, Span(span.line, found.start("name") + 1, span.line, found.end("name") + 1))
            yield QueryParamClaim(word, endpoint)


def _table_params(
    page: Page, rows: tuple[TableRow, ...], endpoint: EndpointClaim
) -> Iterator[QueryParamClaim]:
    if not rows or not rows[0].header:
        return
    headers = [cell.strip() for cell in rows[0].cells]
    column = next((i for i, cell in enumerate(headers) if _PARAMETER_COLUMN.fullmatch(cell)), None)
    if column is None:
        return
    default = next((i for i, cell in enumerate(headers) if _DEFAULT_COLUMN.fullmatch(cell)), None)
    path_params = _path_param_names(endpoint.path.text)
    for row in rows[1:]:
        if any(cell.strip(" `*").lower() in _NOT_QUERY_PLACES for cell in row.cells):
            continue  # an ``In`` column says the parameter goes elsewhere
        word = _cell_name(page, row, column) if column < len(row.cells) else None
        if word is not None and word.text not in path_params:
            cell = row.spans[default] if default is not None and default < len(row.spans) else None
            yield QueryParamClaim(word, endpoint, cell)


def _cell_name(page: Page, row: TableRow, column: int) -> Word | None:
    """The parameter a cell names: its first inline code, else the whole cell."""
    span = row.spans[column]
    codes = [
        code for code in row.codes
        if code.span.line == span.line and span.column <= code.span.column < span.end_column
    ]
    name = codes[0].text.strip() if codes else row.cells[column].strip()
    if not _NAME.fullmatch(name):
        return None
    found = page.line_text(span.line).find(name, span.column - 1)
    if found < 0:
        return None
    return Word(name, Span(span.line, found + 1, span.line, found + 1 + len(name)))


def _labelled_tables(section: Section) -> Iterator[tuple[str, Block]]:
    """Tables right after a paragraph that starts with a label: (label, table)."""
    for index, block in enumerate(section.blocks[1:], start=1):
        if block.kind is not BlockKind.TABLE:
            continue
        before = section.blocks[index - 1]
        labels = [
            lb.label for lb in section.labelled
            if before.span.line <= lb.span.line <= before.span.end_line
        ]
        if before.kind is BlockKind.PARAGRAPH and labels:
            yield labels[-1], block


def _unlabelled_tables(section: Section) -> Iterator[tuple[str, Block]]:
    """Tables a section holds with nothing introducing them, not a label nor a sentence
    ending in a colon: (the header of their parameter column, table)."""
    if _NOT_QUERY_TITLE.search(section.title):
        return
    for index, block in enumerate(section.blocks):
        if block.kind is not BlockKind.TABLE or not block.rows or not block.rows[0].header:
            continue
        before = section.blocks[index - 1] if index else None
        if before is not None and before.kind is BlockKind.PARAGRAPH:
            if before.plain.rstrip().endswith(":") or any(
                before.span.line <= lb.span.line <= before.span.end_line for lb in section.labelled
            ):
                continue
        cells = (cell.strip() for cell in block.rows[0].cells)
        header = next((cell for cell in cells if _PARAMETER_HEADER.fullmatch(cell)), None)
        if header is not None:
            yield header, block


def _section_params(
    page: Page, section: Section, endpoint: EndpointClaim, tables: bool
) -> Iterator[QueryParamClaim]:
    """``tables``: whether the page has tables at all (their blocks are not walked otherwise)."""
    for labelled in section.labelled:
        if _is_query_label(labelled.label, endpoint):
            for item in labelled.items:
                yield from _item_params(page, item, endpoint)
            if not labelled.items and labelled.value:
                yield from _value_params(page, labelled.value_span, endpoint)
    for title, _, block in titled_lists(section):
        if _is_query_label(title, endpoint):
            for item in block.items:
                yield from _item_params(page, item, endpoint)
    for label, table in _labelled_tables(section) if tables else ():
        if _is_query_label(label, endpoint):
            yield from _table_params(page, table.rows, endpoint)
    titled = section.level >= 3 and _is_query_label(section.title, endpoint)
    if not titled and tables:  # a section titled so has every table read below
        for header, table in _unlabelled_tables(section):
            if _is_query_label(header, endpoint):
                yield from _table_params(page, table.rows, endpoint)
    if titled:
        for block in section.blocks:
            if block.kind is BlockKind.TABLE:
                yield from _table_params(page, block.rows, endpoint)
            for item in block.items:
                yield from _item_params(page, item, endpoint)


# --- the page ---------------------------------------------------------------------------------


def extract(page: Page, placeholders: frozenset[str] = frozenset()) -> EndpointClaims:
    """Every endpoint claim of one page."""
    placeholders = placeholders or placeholder_paths(None)
    headings, placeholder_lines = heading_claims(page, placeholders)
    requests = list(request_claims(page, placeholders))
    sections = tuple(page.walk())
    tables = list(table_claims(page, sections, placeholders))
    declared: dict[int, EndpointClaim] = {c.line: c for c in headings}
    labels = _label_declarations(page, sections, placeholders, declared)
    taken = {(c.path.span.line, c.path.span.column) for c in (*headings, *tables, *labels)}
    inline = list(inline_claims(page, placeholders, taken))
    calls = list(call_claims(page, placeholders))
    endpoints = keep_bare([*headings, *labels, *requests, *tables, *inline, *calls])
    in_order = tuple(sorted([*requests, *calls], key=lambda claim: claim.line))
    attribution = _Attribution(
        declared, placeholder_lines, in_order, tuple(claim.line for claim in in_order)
    )
    params = [QueryParamClaim(word, claim) for claim in endpoints for word in claim.query]
    responses: list[ResponseClaim] = []
    response_fields: list[ResponseFieldClaim] = []
    marked = sorted({*declared, *attribution.request_lines})
    tables = "|" in page.text
    for section, endpoint in _attributed(page.sections, attribution, None, marked):
        params.extend(_section_params(page, section, endpoint, tables))
        responses.extend(section_responses(page, section, endpoint))
        response_fields.extend(section_response_fields(page, section, endpoint))
    places = EndpointPlaces.of(endpoints)
    read = {claim.listing for claim in response_fields}
    response_fields.extend(c for c in resource_fields(page, places) if c.listing not in read)
    named = {param.name.span for param in params}
    prose = tuple(c for c in prose_values(page, places) if c.name.span not in named)
    api = next((s for s in page.sections if is_api_section(s)), None)
    return EndpointClaims(
        endpoints=tuple(sorted(endpoints, key=_place_and_kind)),
        query_params=tuple(params),
        responses=tuple(responses),
        response_fields=tuple(response_fields),
        prose_values=prose,
        api_heading=api.heading.span if api is not None else None,
    )


def _place_and_kind(claim: EndpointClaim) -> tuple[int, int, int, int, str]:
    """What claims are sorted by: their path's span, then their kind; as plain numbers,
    which compare without a call per comparison."""
    span = claim.path.span
    return span.line, span.column, span.end_line, span.end_column, claim.kind


def _label_declarations(
    page: Page,
    sections: tuple[Section, ...],
    placeholders: frozenset[str],
    declared: dict[int, EndpointClaim],
) -> list[EndpointClaim]:
    """``**Endpoint:**`` labels; one declares its section when the heading does not."""
    found: list[EndpointClaim] = []
    for section in sections:
        if not section.labelled:
            continue
        own = list(label_claims(page, section, placeholders))
        if not own:
            continue
        found.extend(own)
        line = section.heading.span.line
        if line not in declared and len({claim.shape for claim in own}) == 1:
            declared[line] = own[0]
    return found


def _attributed(
    sections: tuple[Section, ...],
    attribution: _Attribution,
    above: EndpointClaim | None,
    marked: list[int],
) -> Iterator[tuple[Section, EndpointClaim]]:
    """Every section that belongs to an endpoint, with it, in page order. ``marked``: the
    sorted lines of declaring headings and request lines; a part of the page that belongs
    to no endpoint and holds none of them belongs to none all through, and is not walked."""
    for section in sections:
        if above is None and not any_line_within(marked, section.heading.span.line, section.end_line):
            continue
        endpoint = attribution.endpoint_of(section, above)
        if endpoint is not None:
            yield section, endpoint
        yield from _attributed(section.subsections, attribution, endpoint, marked)


def claims_for(page: Page, ctx: CheckContext) -> EndpointClaims:
    """The page's claims, extracted once per run and shared by the family's rules."""
    placeholders = placeholder_paths(ctx.schema)
    return ctx.memo("fd5.claims", page, lambda p: extract(p, placeholders))
