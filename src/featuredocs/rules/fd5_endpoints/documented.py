"""The query parameters a page documents, each with the endpoint it resolves to."""

from __future__ import annotations

from collections.abc import Iterator

from featuredocs.model import EndpointFact, Page
from featuredocs.rules.base import CheckContext
from featuredocs.rules.fd5_endpoints.claims import QueryParamClaim, claims_for
from featuredocs.rules.fd5_endpoints.resolve import resolutions_for


def documented_params(page: Page, ctx: CheckContext) -> Iterator[tuple[QueryParamClaim, EndpointFact]]:
    """Each documented query parameter whose endpoint is one of the project's; the others
    are FD501's to report."""
    resolutions = resolutions_for(page, ctx)
    for param in claims_for(page, ctx).query_params:
        resolution = resolutions.get(param.endpoint)
        if resolution is not None and resolution.endpoint is not None:
            yield param, resolution.endpoint
