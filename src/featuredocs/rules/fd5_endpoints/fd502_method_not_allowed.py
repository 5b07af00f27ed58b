from __future__ import annotations

from collections.abc import Iterator

from featuredocs.model import Finding, Page, Severity
from featuredocs.rules.base import CheckContext, Rule
from featuredocs.rules.fd5_endpoints.declarations import EndpointClaim
from featuredocs.rules.fd5_endpoints.hints import where
from featuredocs.rules.fd5_endpoints.resolve import Resolution, resolutions_for
from featuredocs.rules.other_times import named_as_absent
from featuredocs.rules.registry import register

#: Answered by every class-based view without a handler of its own.
_ALWAYS_ANSWERED = frozenset({"OPTIONS"})


@register
class MethodNotAllowed(Rule):
    """A documented endpoint exists, but not with the documented HTTP method.

    What it does:
        For every endpoint a page names with a method (``### DELETE /api/v1/orders/{id}/``,
        ``PATCH /…`` request lines, ``GET /…`` in inline code and tables, ``curl -X DELETE``
        and other calls in example code), checks the method against the ones the view
        accepts: a ViewSet route's actions, a class-based view's handlers and
        ``http_method_names``, ``@require_http_methods`` on a function view.
        ``HEAD`` counts as allowed wherever ``GET`` is. Views whose methods cannot be known
        (a plain function view without a decorator) are not checked.

    Why is this bad?
        The documented call answers 405 Method Not Allowed. Typically the method was
        switched off (``http_method_names``) or moved to another route.

    Example:
        ```markdown
        ### DELETE /api/v1/orders/{id}/
        ```

    Use instead:
        ```markdown
        ### POST /api/v1/orders/{id}/cancel/
        ```

    Fix safety:
        No fix: which call replaces the documented one is a decision for the author.
    """

    code = "FD502"
    name = "MethodNotAllowed"
    summary = "documented HTTP method not allowed by the endpoint"
    severity = Severity.ERROR
    needs_facts = True
    reference_pages = True

    def check(self, page: Page, ctx: CheckContext) -> Iterator[Finding]:
        for claim, resolution in resolutions_for(page, ctx).items():
            allowed = allowed_methods(resolution)
            if allowed is None:
                continue
            found = list(self._check_claim(page, claim, resolution, allowed))
            if found and not named_as_absent(page, claim.path.span):  # "There is no `PUT /orders/{id}/`"
                yield from found

    def _check_claim(
        self, page: Page, claim: EndpointClaim, resolution: Resolution, allowed: tuple[str, ...]
    ) -> Iterator[Finding]:
        path = resolution.endpoints[0].path
        for method in claim.methods:
            if method.text in allowed or method.text in _ALWAYS_ANSWERED:
                continue
            if method.text == "HEAD" and "GET" in allowed:
                continue
            yield self.finding(
                page,
                method.span,
                f"`{method.text}` is not allowed on `{path}`",
                f"allowed: {', '.join(allowed)}{where(resolution.endpoint)}",
            )


def allowed_methods(resolution: Resolution) -> tuple[str, ...] | None:
    """The methods any of the matching endpoints accepts; None when any is unknown."""
    if not resolution.endpoints:
        return None
    allowed: list[str] = []
    for endpoint in resolution.endpoints:
        if not endpoint.methods:  # unknown, or a view that declares no handler at all
            return None
        allowed.extend(m for m in endpoint.methods if m not in allowed)
    return tuple(allowed)
