from __future__ import annotations

from collections.abc import Iterator

from featuredocs.model import EndpointFact, Finding, Page, Severity, Span
from featuredocs.rules.base import CheckContext, Rule
from featuredocs.rules.fd5_endpoints.claims import claims_for
from featuredocs.rules.fd5_endpoints.declarations import EndpointClaim
from featuredocs.rules.fd5_endpoints.hints import where
from featuredocs.rules.fd5_endpoints.resolve import Resolution, answering, resolutions_for
from featuredocs.rules.fd5_endpoints.response_fields import ResponseFieldClaim, unproduced_names
from featuredocs.rules.fd5_endpoints.response_shape import unproduced_keys
from featuredocs.rules.other_times import named_as_absent
from featuredocs.rules.registry import register
from featuredocs.rules.suggest import closest, listing


@register
class ResponseFieldNotProduced(Rule):
    """A documented response body has a key the endpoint never produces.

    What it does:
        Reads the JSON under **Response:**, **Returns:** or a plain ``Example response:`` line
        (comments, trailing commas and ``...`` are allowed) and compares its keys,
        nesting and lists with the fields the endpoint renders: a DRF serializer's
        readable fields, or the literal dict a view returns. Fields listed instead of
        shown (a list of ``- `total_cents` (integer): …`` items or a table with a Field
        column, under a response label or heading; ``items[].sku`` or nested items for
        nested fields) are compared the same way; a list most of whose names are not
        the endpoint's fields is about something else (headers) and is left alone, and
        so is an item that says its name is not there (``- `email` — not part of this
        response``).
        A list or table under a heading that names a resource (``### Order response``,
        ``### The order object``, ``### Order fields``) describes what the endpoints of
        the section around it answer with, those whose path names the resource: a name
        is reported only when none of them produces it.
        For a paginated list the envelope (``count``, ``next``, ``previous``,
        ``results``) is compared with the paginator's keys and each item with the
        serializer; a page that shows a single item instead of the envelope is fine.
        Endpoints whose response cannot be known are not checked, and neither are
        values or error responses: ``**Response (404):**``, an ``http`` block with an
        error status line, or a body the sentence before it introduces with an error
        status (``When the SKU is unknown the endpoint answers 404:``).

    Why is this bad?
        Clients are written against the documented body; a key that is not there breaks
        them at run time. Typically a serializer field was renamed or dropped.

    Example:
        ```json
        {"id": 7, "total": 2190}
        ```

    Use instead:
        ```json
        {"id": 7, "total_cents": 2190}
        ```

    Fix safety:
        No fix: a close name is shown as a hint, but the example's value may need to
        change with the key.
    """

    code = "FD504"
    name = "ResponseFieldNotProduced"
    summary = "documented response field not produced by the endpoint"
    severity = Severity.ERROR
    needs_facts = True
    reference_pages = True

    def check(self, page: Page, ctx: CheckContext) -> Iterator[Finding]:
        resolutions = resolutions_for(page, ctx)
        for response in claims_for(page, ctx).responses:
            resolution = resolutions.get(response.endpoint)
            endpoint = resolution.endpoint if resolution is not None else None
            if endpoint is None:
                continue
            for missing in unproduced_keys(response.body, endpoint):
                yield self.finding(
                    page,
                    response.span_of(missing.key),
                    f"response field `{missing.dotted}` is not produced by `{endpoint.path}`",
                    _hint(missing.key.name, missing.siblings, endpoint),
                )
        yield from self._listed(page, ctx, resolutions)

    def _listed(
        self, page: Page, ctx: CheckContext, resolutions: dict[EndpointClaim, Resolution]
    ) -> Iterator[Finding]:
        """The fields listed in lists and tables, judged a listing at a time."""
        listings: dict[tuple[Span, EndpointClaim], list[ResponseFieldClaim]] = {}
        for claim in claims_for(page, ctx).response_fields:
            if not named_as_absent(page, claim.span):  # "`email` — not part of this response"
                listings.setdefault((claim.listing, claim.endpoint), []).append(claim)
        for claims in listings.values():
            endpoints = answering(claims[0].endpoints, resolutions)
            for missing in unproduced_names(claims, endpoints):
                listed = _listed_beside(claims, missing.claim.path[: missing.segment])
                yield self.finding(
                    page,
                    missing.claim.span,
                    f"response field `{missing.dotted}` is not produced by {_paths(endpoints)}",
                    _hint(missing.claim.path[missing.segment], missing.siblings, endpoints[0], listed),
                )


def _paths(endpoints: list[EndpointFact]) -> str:
    return " or ".join(f"`{endpoint.path}`" for endpoint in endpoints)


def _listed_beside(claims: list[ResponseFieldClaim], parent: tuple[str, ...]) -> frozenset[str]:
    """The names a listing gives at the level below ``parent``."""
    depth = len(parent)
    return frozenset(c.path[depth] for c in claims if len(c.path) > depth and c.path[:depth] == parent)


def _hint(name: str, siblings: tuple[str, ...], endpoint: EndpointFact, listed: frozenset[str] = frozenset()) -> str:
    # a name the listing already gives is not what a misspelt one meant
    match = closest(name, [sibling for sibling in siblings if sibling not in listed])
    if match is not None:
        return f"did you mean `{match}`?{where(endpoint)}"
    if not siblings:
        return f"it produces no fields here{where(endpoint)}"
    unlisted = [sibling for sibling in siblings if sibling not in listed]
    if listed and unlisted:
        # the fields the listing leaves out come first, a page's envelope keys last
        unlisted.sort(key=lambda sibling: sibling in endpoint.pagination_keys)
        return f"produced here and not listed: {listing(tuple(unlisted))}{where(endpoint)}"
    return f"produced here: {listing(siblings)}{where(endpoint)}"
