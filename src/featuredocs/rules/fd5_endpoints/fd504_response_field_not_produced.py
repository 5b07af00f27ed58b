from __future__ import annotations

from collections.abc import Iterator

from featuredocs.model import EndpointFact, Finding, Page, Severity
from featuredocs.rules.base import CheckContext, Rule
from featuredocs.rules.fd5_endpoints.claims import claims_for
from featuredocs.rules.fd5_endpoints.hints import listing, where
from featuredocs.rules.fd5_endpoints.resolve import resolutions_for
from featuredocs.rules.fd5_endpoints.response_shape import UnproducedKey, unproduced_keys
from featuredocs.rules.registry import register
from featuredocs.rules.suggest import closest


@register
class ResponseFieldNotProduced(Rule):
    """A documented response body has a key the endpoint never produces.

    What it does:
        Reads the JSON under **Response:**, **Returns:** or a plain ``Example response:`` line
        (comments, trailing commas and ``...`` are allowed) and compares its keys,
        nesting and lists with the fields the endpoint renders: a DRF serializer's
        readable fields, or the literal dict a view returns.
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
                    _hint(missing, endpoint),
                )


def _hint(missing: UnproducedKey, endpoint: EndpointFact) -> str:
    match = closest(missing.key.name, missing.siblings)
    if match is not None:
        return f"did you mean `{match}`?{where(endpoint)}"
    if not missing.siblings:
        return f"it produces no fields here{where(endpoint)}"
    return f"produced here: {listing(missing.siblings)}{where(endpoint)}"
