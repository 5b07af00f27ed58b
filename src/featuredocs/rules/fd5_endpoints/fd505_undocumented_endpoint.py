from __future__ import annotations

from collections.abc import Iterator

from featuredocs.model import EndpointFact, Finding, Page, Severity, Span
from featuredocs.rules.base import CheckContext, Rule
from featuredocs.rules.fd5_endpoints.claims import claims_for
from featuredocs.rules.fd5_endpoints.declarations import ClaimKind
from featuredocs.rules.fd5_endpoints.hints import label, where
from featuredocs.rules.fd5_endpoints.paths import WILDCARD, PathShape, common_prefix, shape
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

        Where the documented paths only part ways at the mount point of an included
        URLconf (``POST /api/v1/orders/`` and ``GET /api/v1/products/{id}/`` meet at
        ``/api/v1/``, which the page does not document itself), the prefix is the API's
        root, shared by several features, not one feature's space: which of the routes
        under it belong to the page cannot be told, and the rule stays silent. Paths
        that part ways deeper (``reports/summary/`` and ``reports/activity/``, or
        ``{id}/pay/`` and ``{id}/refund/``) stay in one space.

        An endpoint that another feature page documents (names with its method in a
        heading, a label, a request line or a table, as ``featuredocs coverage`` counts
        it) is not reported: a feature's routes are often split across pages, such as
        ``/api/v1/invoices/stats/`` on the reporting page. Which pages document what is
        looked at each time the report is made, so a change to the other page is seen
        at once.

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
        shapes = [shape(endpoint.path) for _, endpoint in documenting]
        space = common_prefix(shapes)
        if space is None or len(space.segments) < _MIN_DEPTH:
            return
        if space.text in ctx.facts.url_prefixes and _parts_resources(space, shapes):
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
            endpoint=endpoint.path,
        )


def _parts_resources(space: PathShape, documented: list[PathShape]) -> bool:
    """Whether the documented paths only meet at ``space`` and part ways there into
    different resources: two or more literal segments below a mount point the page does
    not document itself (``/api/v1/`` for ``orders/`` and ``products/{id}/``).

    Paths that part ways below an item (``{pk}/pay/``, ``{pk}/refund/``), or into a
    collection and its items (``orders/``, ``orders/{pk}/``), stay in one resource."""
    depth = len(space.segments)
    if any(path.segments == space.segments for path in documented):
        return False
    if WILDCARD in space.segments[-1]:
        return False
    below = {path.segments[depth] for path in documented}
    return len([segment for segment in below if WILDCARD not in segment]) > 1


def _written(path: str, depth: int) -> str:
    """The first ``depth`` segments of a real path, parameter names as the project has them."""
    segments = path.strip("/").split("/")[:depth]
    return "/" + "/".join(segments) + "/"
