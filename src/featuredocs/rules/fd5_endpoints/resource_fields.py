"""Response fields a page lists under a heading that names a resource, not an endpoint.

``### Order response``, ``### The order object``, ``### Order fields`` (also ``… response
fields``, ``… representation``) over a table with a Field column, or a list of names in
code, describes the shape the endpoints around it answer with: those the enclosing
section documents (see :mod:`.section_endpoints`) whose path names the resource
(``/api/v1/orders/``, ``/api/v1/orders/{id}/pay/`` for *Order*). A name is drift only
when none of them produces it, which :func:`~.response_fields.unproduced_names` judges.

Not a resource's response: a heading about a request or an error (``### Order request``,
``### Request body``, ``### Order errors``, ``### Order response (404)``), a model's
fields (``### Order model fields``: the models' rules read those), a list or table a
short label introduces as something else (``Request body:``, ``Each item:``), and a
heading whose resource no endpoint around it names.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Iterator
from functools import lru_cache

from featuredocs.model import BlockKind, Page, Section
from featuredocs.rules.fd5_endpoints.declarations import EndpointClaim
from featuredocs.rules.fd5_endpoints.response_fields import (
    ResponseFieldClaim,
    is_fields_label,
    listed_fields,
)
from featuredocs.rules.fd5_endpoints.responses import introduced_otherwise
from featuredocs.rules.fd5_endpoints.section_endpoints import EndpointPlaces, chain_of

_RESOURCE_TITLE = re.compile(
    r"(?:the\s+|an?\s+)?(?P<resource>[A-Za-z][\w-]*(?:\s+[A-Za-z][\w-]*){0,2}?)\s+"
    r"(?:response|object|fields|representation|resource)(?:\s+(?:fields|body|format|shape))?"
    r"(?:\s*\((?P<note>[^)]*)\))?",
    re.I,
)
#: Resource words that say the heading is about something other than what is answered.
_NOT_ANSWERED = frozenset({
    "request", "requests", "error", "errors", "input", "body", "payload", "query", "filter",
    "filters", "form", "path", "header", "headers", "create", "update", "write", "model",
    "database", "db", "table", "search", "webhook", "event", "events", "validation",
})
_NOT_SUCCESS = re.compile(r"\b[13-5]\d\d\b|error|fail|invalid", re.I)
_PATH_PARAMETER = re.compile(r"\{.*\}|<.*>|:.*")


def resource_fields(page: Page, places: EndpointPlaces) -> Iterator[ResponseFieldClaim]:
    """The fields each resource heading of the page lists, for the endpoints that
    answer with that resource."""
    for section in page.walk():
        resource = _resource(section.title) if section.level >= 2 else None
        if resource is None:
            continue
        endpoints = _naming(places.around(chain_of(page, section)), resource)
        if endpoints:
            yield from _section_fields(section, endpoints)


@lru_cache(maxsize=4096)  # pages of one app repeat the same titles
def _resource(title: str) -> tuple[str, ...] | None:
    """The path segments a resource heading's resource may be written as (``orders``
    for *Order*, ``order-items`` for *Order item*), or None for another heading."""
    title = title.strip(" *_`")
    found = _RESOURCE_TITLE.fullmatch(title)
    if found is None or is_fields_label(title) or _NOT_SUCCESS.search(found["note"] or ""):
        return None
    words = found["resource"].lower().split()
    if any(word in _NOT_ANSWERED for word in words):
        return None
    *first, last = words
    forms = {last, last + "s", last + "es", last[:-1] + "ies" if last.endswith("y") else last}
    if last.endswith("s"):
        forms.add(last[:-1])
    return tuple(sorted(join.join([*first, form]) for form in forms for join in ("", "-", "_")))


def _naming(endpoints: tuple[EndpointClaim, ...], forms: tuple[str, ...]) -> tuple[EndpointClaim, ...]:
    """The endpoints whose path has a literal segment that writes the resource."""
    return tuple(
        claim for claim in endpoints
        if any(
            segment.lower() in forms
            for segment in claim.path.text.split("/")
            if not _PATH_PARAMETER.fullmatch(segment)
        )
    )


def _section_fields(section: Section, endpoints: tuple[EndpointClaim, ...]) -> Iterator[ResponseFieldClaim]:
    """The names of the section's own lists and tables, except those a label or an error
    status introduces as something else."""
    first, *also = endpoints
    for index, block in enumerate(section.blocks):
        if block.kind not in (BlockKind.LIST, BlockKind.TABLE) or introduced_otherwise(section.blocks, index):
            continue
        for claim in listed_fields(block, first):
            yield dataclasses.replace(claim, also=tuple(also))
