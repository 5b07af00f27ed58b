"""Response fields a page lists for an endpoint, in a list or a table instead of a body.

``**Response fields:**`` (or ``Response:``, ``Returns:``, a *Response* sub-heading)
followed by a list whose items start with a name in code (``- `total_cents` (integer):
…``) or by a table with a Field column. Nested names are written with dots
(``items.sku``, ``items[].sku``) or as items nested under their parent's item.

Error responses are the rule's business as for bodies: a label with an error status
(``Response (404):``) introduces no fields. A list whose names are mostly not the
endpoint's fields documents something else (headers, status codes): see
:func:`unproduced_names`.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass

from featuredocs.model import Block, BlockKind, EndpointFact, ListItem, Page, ResponseField, Section, Span
from featuredocs.rules.fd5_endpoints.declarations import EndpointClaim
from featuredocs.rules.fd5_endpoints.responses import is_success_label
from featuredocs.rules.table_cells import cell_code, column_titles

#: What a response label may add to say it lists fields: ``Response fields``, ``Returns (keys)``.
_FIELDS_WORD = re.compile(r"\s+(?:fields|keys|attributes|properties|schema|shape)\b", re.I)
_NAME = re.compile(r"[A-Za-z_]\w*(?:\[\])?(?:\.[A-Za-z_]\w*(?:\[\])?)*")
_FIELD_HEADERS = frozenset({"field", "fields", "name", "key", "attribute", "property", "field name"})
RESULTS_KEY = "results"


@dataclass(frozen=True, slots=True)
class ResponseFieldClaim:
    """A name the page lists as a field of ``endpoint``'s response; ``span`` covers
    ``written`` (``items[].sku``), and ``path`` is its segments (``items``, ``sku``).
    ``listing`` is where its list or table starts: the names of one listing are judged
    together. ``also``: the other endpoints a listing under a resource heading describes
    (``### Order response``, see :mod:`.resource_fields`): a name any of them produces is
    a field of the shape they share."""

    endpoint: EndpointClaim
    path: tuple[str, ...]
    written: str
    span: Span
    listing: Span
    also: tuple[EndpointClaim, ...] = ()

    @property
    def endpoints(self) -> tuple[EndpointClaim, ...]:
        return (self.endpoint, *self.also)


def section_response_fields(page: Page, section: Section, endpoint: EndpointClaim) -> Iterator[ResponseFieldClaim]:
    """The fields a section about ``endpoint`` lists for its response."""
    introduced: list[Block] = []
    if section.level >= 3 and is_fields_label(section.title):
        introduced.extend(block for block in section.blocks if block.kind in (BlockKind.LIST, BlockKind.TABLE))
    for before, block in zip(section.blocks, section.blocks[1:]):
        if before.kind is BlockKind.PARAGRAPH and block.kind in (BlockKind.LIST, BlockKind.TABLE):
            text = before.plain.strip()
            if text.endswith(":") and is_fields_label(text[:-1]) and block not in introduced:
                introduced.append(block)
    for block in introduced:
        yield from listed_fields(block, endpoint)


def listed_fields(block: Block, endpoint: EndpointClaim) -> Iterator[ResponseFieldClaim]:
    """The names a list or a table with a Field column gives as ``endpoint``'s fields."""
    if block.kind is BlockKind.LIST:
        yield from _item_claims(block.items, (), endpoint, block.span)
    elif block.kind is BlockKind.TABLE:
        yield from _table_claims(block, endpoint)


def is_fields_label(text: str) -> bool:
    """``Response``, ``Response fields``, ``Returns (keys)``; not an error response's."""
    return is_success_label(_FIELDS_WORD.sub("", text.strip(" *_"), count=1))


def _item_claims(
    items: Iterable[ListItem], parent: tuple[str, ...], endpoint: EndpointClaim, listing: Span
) -> Iterator[ResponseFieldClaim]:
    for item in items:
        code = item.codes[0] if item.codes else None
        if code is None or not item.source.lstrip("*_ ").startswith("`") or code.span.line != item.span.line:
            continue
        written = code.text.strip()
        if _NAME.fullmatch(written) is None:
            continue
        path = (*parent, *_segments(written))
        yield ResponseFieldClaim(endpoint, path, written, code.span, listing)
        yield from _item_claims(item.children, path, endpoint, listing)


def _table_claims(block: Block, endpoint: EndpointClaim) -> Iterator[ResponseFieldClaim]:
    header = block.rows[0] if block.rows else None
    if header is None or not header.header:
        return
    titles = column_titles(header)
    column = next((i for i, title in enumerate(titles) if title in _FIELD_HEADERS), None)
    if column is None:
        return
    for row in block.rows[1:]:
        if column >= len(row.cells):
            continue
        written = row.cells[column].strip().strip("`*").strip()
        if _NAME.fullmatch(written) is None:
            continue
        cell = row.spans[column]
        code = cell_code(row, column)
        span = code.span if code is not None else Span.at(cell.line, cell.column + max(row.cells[column].find(written), 0), len(written))
        yield ResponseFieldClaim(endpoint, _segments(written), written, span, block.span)


def _segments(written: str) -> tuple[str, ...]:
    return tuple(part.removesuffix("[]") for part in written.split("."))


# --- compared with the endpoint ------------------------------------------------------


@dataclass(frozen=True, slots=True)
class UnproducedName:
    """A listed name the endpoint does not produce: ``segment`` of the claim's path is
    the first one missing, and ``siblings`` are the names produced there."""

    claim: ResponseFieldClaim
    segment: int
    siblings: tuple[str, ...]

    @property
    def dotted(self) -> str:
        """The name as the page writes it (``items[].skuu``), after the names of the items
        it is nested in, up to the missing segment."""
        written = self.claim.written.split(".")
        names = [*self.claim.path[: len(self.claim.path) - len(written)], *written]
        return ".".join(names[: self.segment + 1])


def unproduced_names(claims: list[ResponseFieldClaim], endpoints: Sequence[EndpointFact]) -> list[UnproducedName]:
    """The names of one listing that none of ``endpoints`` produces (the one it is about,
    or those answering with the resource it describes), judged against the first that
    does not; none when most of the listing's names are not their fields (the list is
    about something else) or no response of theirs is known."""
    known = [endpoint for endpoint in endpoints if endpoint.response is not None]
    if not known or not claims:
        return []
    missing: list[UnproducedName] = []
    for claim in claims:
        found = [_missing(claim, endpoint) for endpoint in known]
        if found[0] is not None and all(found):
            missing.append(found[0])
    if 2 * len(missing) > len(claims):
        return []
    return missing


def _missing(claim: ResponseFieldClaim, endpoint: EndpointFact) -> UnproducedName | None:
    found = _field_at(claim, endpoint)
    return found if isinstance(found, UnproducedName) else None


def produced_field(claim: ResponseFieldClaim, endpoint: EndpointFact) -> ResponseField | None:
    """The field of ``endpoint``'s response that ``claim`` names; None when it produces
    none by that name or its shape there is unknown."""
    found = _field_at(claim, endpoint)
    return found if isinstance(found, ResponseField) else None


def _field_at(claim: ResponseFieldClaim, endpoint: EndpointFact) -> ResponseField | UnproducedName | None:
    """Where ``claim``'s path leads in the response: a field, the first name it lacks,
    or None where nothing is known (a paginator's unknown keys, a field of any shape)."""
    fields = endpoint.response
    if fields is None:
        return None
    path, skipped = claim.path, 0
    if endpoint.paginated and path[0] not in _names(fields):
        envelope = endpoint.pagination_keys
        if not envelope:
            return None  # a paginator whose keys are unknown: the top level could be anything
        if path[0] not in envelope:
            return UnproducedName(claim, 0, (*envelope, *_names(fields)))
        if path[0] != RESULTS_KEY or len(path) == 1:
            return None
        path, skipped = path[1:], 1
    field = None
    for index, segment in enumerate(path):
        if field is not None:
            if not field.children:
                return None  # nothing known deeper: a method or JSON field may hold anything
            fields = field.children
        by_name = {each.name: each for each in fields}
        field = by_name.get(segment)
        if field is None:
            return UnproducedName(claim, index + skipped, tuple(by_name))
    return field


def _names(fields: tuple[ResponseField, ...]) -> tuple[str, ...]:
    return tuple(field.name for field in fields)
