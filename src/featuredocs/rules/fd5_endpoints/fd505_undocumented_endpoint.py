from __future__ import annotations

from collections.abc import Iterator

from featuredocs.model import EndpointFact, Finding, Page, Severity, Span
from featuredocs.rules.base import CheckContext, Rule
from featuredocs.rules.fd5_endpoints.claims import claims_for
from featuredocs.rules.fd5_endpoints.declarations import ClaimKind
from featuredocs.rules.fd5_endpoints.hints import label, where
from featuredocs.rules.fd5_endpoints.paths import common_prefix, shape
from featuredocs.rules.fd5_endpoints.resolve import endpoints_under, resolutions_for
from featuredocs.rules.registry import register

#: Claims that say "this page documents this endpoint"; a mention in prose does not.
_DOCUMENTING = frozenset({ClaimKind.HEADING, ClaimKind.LABEL, ClaimKind.REQUEST, ClaimKind.TABLE})
#: ``/api/`` alone is everybody's URL space; a feature's is deeper.
_MIN_DEPTH = 2


@register
class UndocumentedEndpoint(Rule):
    """An endpoint in the URL space a page documents is missing from the page.

    What it does:
        Takes the endpoints the page documents (headings, request blocks, endpoint
        tables), finds their longest common path prefix — the feature's URL space, at
        least two segments deep, such as ``/api/v1/orders/`` — and reports each of the
        project's own endpoints under that prefix that the page does not name anywhere.

    Why is this bad?
        A new route next to the documented ones is almost always part of the same
        feature; readers of the page do not learn that it exists.

    Example:
        ```markdown
        ### GET /api/v1/orders/
        ### GET /api/v1/orders/{id}/
        ```
        while the project also routes ``POST /api/v1/orders/{pk}/refund/``.

    Use instead:
        ```markdown
        ### POST /api/v1/orders/{id}/refund/
        ```

    Fix safety:
        No fix: the description of an endpoint has to be written by a person;
        ``featuredocs sync`` can add its skeleton.
    """

    code = "FD505"
    name = "UndocumentedEndpoint"
    summary = "endpoint in the feature's URL space not documented"
    severity = Severity.WARNING
    needs_facts = True

    def check(self, page: Page, ctx: CheckContext) -> Iterator[Finding]:
        assert ctx.facts is not None
        claims = claims_for(page, ctx)
        resolutions = resolutions_for(page, ctx)
        named = {e.path for r in resolutions.values() for e in r.endpoints}
        documenting = [
            (claim, endpoint)
            for claim, resolution in resolutions.items()
            if claim.kind in _DOCUMENTING
            for endpoint in resolution.endpoints
        ]
        space = common_prefix(shape(endpoint.path) for _, endpoint in documenting)
        if space is None or len(space.segments) < _MIN_DEPTH:
            return
        written = _written(documenting[0][1].path, len(space.segments))
        at = claims.api_heading or documenting[0][0].path.span
        for endpoint in endpoints_under(ctx.facts, space):
            if endpoint.path not in named:
                yield self._undocumented(page, at, endpoint, written)

    def _undocumented(self, page: Page, at: Span, endpoint: EndpointFact, space: str) -> Finding:
        return self.finding(
            page,
            at,
            f"endpoint `{label(endpoint)}` is not documented",
            f"it is under `{space}`, the URL space this page documents{where(endpoint)}",
        )


def _written(path: str, depth: int) -> str:
    """The first ``depth`` segments of a real path, parameter names as the project has them."""
    segments = path.strip("/").split("/")[:depth]
    return "/" + "/".join(segments) + "/"
