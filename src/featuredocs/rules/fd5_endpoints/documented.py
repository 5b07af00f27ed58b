"""The query parameters a page documents, each with the endpoint it resolves to, and the
Query Parameters lists they are items of."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from featuredocs.model import EndpointFact, LabelledBlock, ListItem, Page, QueryParamFact, Section, reads
from featuredocs.rules.base import CheckContext
from featuredocs.rules.fd3_models.lookup import successor
from featuredocs.rules.fd5_endpoints.claims import QueryParamClaim, claims_for
from featuredocs.rules.fd5_endpoints.resolve import resolutions_for

_WORD = re.compile(r"\w+")
#: Frameworks whose views' query parameters are read completely from their declarations.
_DECLARED_PARAMS = frozenset({"drf", "ninja"})
#: DRF reads ``?format=json`` on every view (``URL_FORMAT_OVERRIDE``); nobody lists it.
DRF_ALWAYS = frozenset({"format"})
#: What other APIs call the parameters DRF's ordering and search filters read.
_SAME_JOB = {
    "ordering": frozenset({"sort", "sort_by", "sortby", "order", "order_by", "orderby"}),
    "search": frozenset({"q", "query", "search", "term", "keyword", "keywords"}),
}


@reads.by_identity(limit=4096)
def accepted_params(endpoint: EndpointFact) -> frozenset[str] | None:
    """The parameters the endpoint reads, or None when they cannot be known."""
    if not endpoint.query_params_complete:
        return None
    names = frozenset(param.name for param in endpoint.query_params)
    if endpoint.framework == "drf":
        return names | DRF_ALWAYS
    if endpoint.framework in _DECLARED_PARAMS or names:
        return names
    return None


def documented_params(page: Page, ctx: CheckContext) -> Iterator[tuple[QueryParamClaim, EndpointFact]]:
    """Each documented query parameter whose endpoint is one of the project's; the others
    are FD501's to report."""
    resolutions = resolutions_for(page, ctx)
    for param in claims_for(page, ctx).query_params:
        resolution = resolutions.get(param.endpoint)
        if resolution is not None and resolution.endpoint is not None:
            yield param, resolution.endpoint


@dataclass(frozen=True, slots=True)
class ParameterList:
    """A labelled list that documents the query parameters of one of the project's
    endpoints whose parameters are all known: its section, its label, the parameters its
    items name, the endpoint and what the endpoint accepts (FD503's reading)."""

    section: Section
    labelled: LabelledBlock
    params: list[QueryParamClaim]
    endpoint: EndpointFact
    accepted: frozenset[str]


def checked_parameter_lists(page: Page, ctx: CheckContext) -> Iterator[ParameterList]:
    """The :func:`parameter_lists` whose endpoint's parameters can all be known."""
    resolutions = resolutions_for(page, ctx)
    for section, labelled, params in parameter_lists(page, ctx):
        resolution = resolutions.get(params[0].endpoint)
        endpoint = resolution.endpoint if resolution is not None else None
        accepted = accepted_params(endpoint) if endpoint is not None else None
        if endpoint is not None and accepted is not None:
            yield ParameterList(section, labelled, params, endpoint, accepted)


def parameter_lists(page: Page, ctx: CheckContext) -> Iterator[tuple[Section, LabelledBlock, list[QueryParamClaim]]]:
    """Each labelled list that documents query parameters (``**Query Parameters:**``),
    with its section and the parameters its items name. A request line's query string is
    no list."""
    claims = claims_for(page, ctx)
    in_strings = {id(word) for claim in claims.endpoints for word in claim.query}
    listed = [param for param in claims.query_params if id(param.name) not in in_strings]
    if not listed:
        return
    for section in page.walk():
        for labelled in section.labelled:
            lines = {item.span.line for item in labelled.items}
            mine = [param for param in listed if param.name.span.line in lines]
            if mine:
                yield section, labelled, mine


def unlisted_params(
    labelled: LabelledBlock, params: list[QueryParamClaim], endpoint: EndpointFact, accepted: frozenset[str]
) -> list[QueryParamFact]:
    """The parameters ``endpoint`` reads that its list leaves out. A parameter the list
    names in any word of its items counts as listed, and so does the one a stale item was
    renamed to (:func:`renamed_to`): FD503 reports that item with the new name."""
    listed = {param.name.text for param in params}
    listed.update(word for item in _all_items(labelled.items) for word in _WORD.findall(item.source))
    for stale in [param.name.text for param in params if param.name.text not in accepted]:
        renamed = renamed_to(stale, endpoint, listed)
        if renamed is not None:
            listed.add(renamed)
    return [fact for fact in endpoint.query_params if fact.name not in listed and fact.name not in DRF_ALWAYS]


def same_job(name: str, endpoint: EndpointFact) -> str | None:
    """``ordering`` for ``?sort=``: the parameter that does what the written one names."""
    for param in endpoint.query_params:
        if name.casefold() in _SAME_JOB.get(param.source, ()):
            return param.name
    return None


def renamed_to(stale: str, endpoint: EndpointFact, listed: set[str]) -> str | None:
    """The parameter a list's stale ``stale`` item now is, among those not ``listed``: the
    one that does its job (:func:`same_job`), else its
    :func:`~featuredocs.rules.fd3_models.lookup.successor`."""
    candidates = [fact.name for fact in endpoint.query_params if fact.name not in listed]
    job = same_job(stale, endpoint)
    if job is not None:
        return job if job in candidates else None
    return successor(stale, candidates)


def _all_items(items: tuple[ListItem, ...]) -> Iterator[ListItem]:
    for item in items:
        yield item
        yield from _all_items(item.children)
