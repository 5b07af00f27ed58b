"""The page sizes sentences write (see :mod:`.prose_sizes`), each tied to the page-size
parameter it is of: the one the paginated GET endpoints of the section around the
sentence read (``page_size_query_param`` for DRF's page numbers, ``limit`` for limits
and offsets), when they agree on it.

A cap is the page-size parameter's when the sentence names it in code, or speaks of
pages in words and names no other parameter (*ask for up to 200 with `per_page`* is
about a parameter the endpoints do not read). A parameter's own item or row under
**Query Parameters:** is read as such, not again as a sentence; nor is a sentence that
writes a query string.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Iterator
from dataclasses import dataclass

from featuredocs.model import EndpointFact, Page, QueryParamFact, Span
from featuredocs.rules.base import CheckContext
from featuredocs.rules.fd5_endpoints.claims import QueryParamClaim, claims_for
from featuredocs.rules.fd5_endpoints.declarations import EndpointClaim
from featuredocs.rules.fd5_endpoints.prose_sizes import PageSizeClaim, WrittenCount, page_sizes
from featuredocs.rules.fd5_endpoints.resolve import Resolution, resolutions_for
from featuredocs.rules.fd5_endpoints.section_endpoints import EndpointPlaces

#: A paginator's parameters that say where a page starts, not how big it is.
_POSITION_PARAMS = frozenset({"page", "offset", "cursor"})
_PARAM_NAME = re.compile(r"[a-z_][a-z0-9_]*")


@dataclass(frozen=True, slots=True)
class SaidSize:
    """A sentence's page size and cap (either may be None), with the endpoint and the
    page-size parameter they are of; the parameter's ``default`` or ``maximum`` is None
    where the section's endpoints disagree on it."""

    endpoint: EndpointFact
    param: QueryParamFact
    default: WrittenCount | None
    maximum: WrittenCount | None


def said_sizes(page: Page, ctx: CheckContext) -> tuple[SaidSize, ...]:
    """The page's sentences about page sizes, read once per run for FD507 and FD508."""
    return ctx.memo("fd5.said_sizes", page, lambda p: tuple(_said(p, ctx)))


def _said(page: Page, ctx: CheckContext) -> Iterator[SaidSize]:
    claims = claims_for(page, ctx)
    resolutions = resolutions_for(page, ctx)
    items = frozenset(p.name.span.line for p in claims.query_params if p.name not in p.endpoint.query)
    for claim in page_sizes(page, EndpointPlaces.of(claims.endpoints), items):
        if any(_holds(claim, param) for param in claims.query_params):
            continue
        reader = _size_param(claim.endpoints, resolutions)
        said = _tied(claim, *reader) if reader is not None else None
        if said is not None:
            yield said


def _holds(claim: PageSizeClaim, param: QueryParamClaim) -> bool:
    """Whether the sentence writes a query string, or is a parameter's own item or row."""
    in_string = param.name in param.endpoint.query
    return _within(param.name.span, claim.sentence if in_string else claim.text)


def _within(span: Span, outer: Span) -> bool:
    return (outer.line, outer.column) <= (span.line, span.column) and (span.end_line, span.end_column) <= (
        outer.end_line,
        outer.end_column,
    )


def _size_param(
    claims: tuple[EndpointClaim, ...], resolutions: dict[EndpointClaim, Resolution]
) -> tuple[EndpointFact, QueryParamFact] | None:
    """The paginated endpoints' page-size parameter, if all of them have the same one."""
    endpoints: dict[str, EndpointFact] = {}
    for claim in claims:
        resolution = resolutions.get(claim)
        if resolution is not None and resolution.endpoint is not None and resolution.endpoint.paginated:
            endpoints.setdefault(resolution.endpoint.path, resolution.endpoint)
    params = [_page_size(endpoint) for endpoint in endpoints.values()]
    if not params or None in params or len({param.name for param in params if param}) != 1:
        return None
    first = params[0]
    assert first is not None
    if len({param.default for param in params if param}) != 1:
        first = dataclasses.replace(first, default=None)
    if len({param.maximum for param in params if param}) != 1:
        first = dataclasses.replace(first, maximum=None)
    return next(iter(endpoints.values())), first


def _page_size(endpoint: EndpointFact) -> QueryParamFact | None:
    return next(
        (
            param for param in endpoint.query_params
            if param.source == "pagination" and param.name not in _POSITION_PARAMS
            and (param.default is not None or param.maximum is not None)
        ),
        None,
    )


def _tied(claim: PageSizeClaim, endpoint: EndpointFact, param: QueryParamFact) -> SaidSize | None:
    named = dict(claim.named)
    defaults = [found for found in (claim.default, named.get(param.name)) if found is not None]
    default = defaults[0] if len({found.value for found in defaults}) == 1 else None
    others = [name for name in named if name != param.name and _PARAM_NAME.fullmatch(name)]
    tied = param.name in named or (claim.per_page and not others)
    maximum = claim.maximum if tied else None
    if default is None and maximum is None:
        return None
    return SaidSize(endpoint, param, default, maximum)
