from __future__ import annotations

import dataclasses
import re
from collections.abc import Iterator

from featuredocs.model import Applicability, Edit, Finding, Fix, Page, Severity
from featuredocs.rules.base import CheckContext, Rule
from featuredocs.rules.fd5_endpoints.declarations import ClaimKind, EndpointClaim
from featuredocs.rules.fd5_endpoints.hints import closest_endpoint, where
from featuredocs.rules.fd5_endpoints.resolve import How, Resolution, resolutions_for
from featuredocs.rules.fd5_endpoints.url_names import UnknownName, UrlNameClaim, unknown_name, url_name_claims
from featuredocs.rules.page_text import lines_holding
from featuredocs.rules.other_times import named_as_absent
from featuredocs.rules.registry import register
from featuredocs.rules.suggest import listing

#: Words that say a path written on their line is the one the page's paths are below.
_BASE_WORDS = re.compile(r"\b(?:base|relative\s+to|prefix(?:ed)?|mounted|served\s+under)\b", re.I)
#: A method before the path makes it an endpoint (`GET /api/v1/`, the API's root view).
_ENDPOINT_BEFORE = re.compile(r"\b(?:GET|POST|PUT|PATCH|DELETE|HEAD|OPTIONS)\s+[`'\"]?\Z")


@register
class EndpointNotFound(Rule):
    """A documented API path resolves to no URL pattern of the project.

    What it does:
        Reads every endpoint a page names (``### GET /api/v1/orders/`` headings, ``http``
        request lines, ``GET /path`` in inline code and tables, ``curl``/HTTPie/``requests``
        calls in example code) and matches its path against the project's URL patterns.
        Parameters match whatever their spelling (``{id}``, ``<int:pk>``, ``:id``, or a
        literal ``7``); a format suffix (``/orders.json``, ``/orders/7.json``) matches a
        route that has format-suffix twins, as a ``DefaultRouter``'s routes do. A value
        must be one the parameter's converter accepts: ``/products/TEA-001/`` does not
        resolve to ``products/<int:pk>/``, nor ``abc`` to a ``<uuid:...>`` or a
        ``re_path()`` group ``[0-9]+``; the hint names the converter. A placeholder in a
        value's place (``ID``, ``PRODUCT_ID``, ``pk``, ``…``) and a registered converter,
        whose regex is not in the facts, accept anything. A path that matches once a mount
        prefix of the project's ``include()``s is put in front is reported as a warning
        whose hint gives the full path, unless the page says its paths are below that
        prefix (``Base URL: `https://shop.example.com/api/v1` ``, "relative to
        `/api/v1`"); a path that differs only by its trailing slash is reported with a fix.

        A call in example code, like a URL with a host, is judged only when its path starts
        like one of the project's routes (``curl https://api.stripe.com/v1/charges`` is not).

        URL names count as paths: ``reverse("orders:order-detail")`` (and ``reverse_lazy``,
        ``redirect``, ``resolve_url``) and ``{% url 'orders:order-detail' pk %}``, in code
        or inline code, must name a route of the project. A name is judged only in a
        namespace of the project's own views (not ``admin:``), or without a namespace
        when it looks like one of theirs; a sentence about a change names no route.

        A path in prose, or in a request block with a ``Host:`` header, may be another
        service's (``Stripe's `POST /v1/payment_intents` ``): it is judged only when it
        looks like the project's — it starts like one of its routes, a mount prefix
        makes it one, or it misses a route by one segment written close to it. Headings,
        tables and endpoint labels are always judged.

    Why is this bad?
        A client that calls the documented path gets a 404 (or, without its trailing
        slash, a redirect that drops the request body). The usual cause is a renamed or
        re-mounted route.

    Example:
        ```markdown
        ### GET /api/v1/order/{id}/
        ```

    Use instead:
        ```markdown
        ### GET /api/v1/orders/{id}/
        ```

    Fix safety:
        Adding or removing a trailing slash the project's route has or lacks is a safe
        fix. Other paths get a hint (the closest path, or the full path with its mount
        prefix), never an edit: the page may describe the API as clients see it behind a
        proxy.
    """

    code = "FD501"
    name = "EndpointNotFound"
    summary = "documented API path does not resolve"
    severity = Severity.ERROR
    needs_facts = True
    reference_pages = True

    def check(self, page: Page, ctx: CheckContext) -> Iterator[Finding]:
        for claim, resolution in resolutions_for(page, ctx).items():
            if resolution.how is not How.EXACT and named_as_absent(page, claim.path.span):
                continue  # "`GET /orders/{id}/invoice/` was removed in 2.0"
            if resolution.how is How.SLASH and claim.kind is not ClaimKind.BARE:
                yield self._slash(page, claim, resolution)
            elif resolution.how is How.PREFIX and not _below_stated_base(page, claim, resolution):
                yield self._prefix(page, claim, resolution)
            elif resolution.how is How.CONVERTER:
                yield self._misfit(page, claim, resolution)
            elif resolution.how is How.NONE:
                yield self._missing(page, ctx, claim)
        assert ctx.facts is not None
        for named in url_name_claims(page):
            unknown = unknown_name(ctx.facts, named.name)
            if unknown is not None:
                yield self._unnamed(page, named, unknown)

    def _unnamed(self, page: Page, named: UrlNameClaim, unknown: UnknownName) -> Finding:
        if unknown.close is None:
            namespace = named.name.rpartition(":")[0]
            return self.finding(
                page, named.span, f"URL name `{named.name}` does not reverse to any endpoint",
                f"the `{namespace}` namespace has no route of that name",
            )
        fix = Fix(f"reverse `{unknown.close}`", (Edit(named.span, unknown.close),), Applicability.UNSAFE)
        return self.finding(
            page,
            named.span,
            f"URL name `{named.name}` does not reverse to any endpoint",
            f"did you mean `{unknown.close}`?{where(unknown.endpoint)}",
            fix,
        )

    def _slash(self, page: Page, claim: EndpointClaim, resolution: Resolution) -> Finding:
        fixed = resolution.full_paths[0]
        ending = "ends" if fixed.endswith("/") else "does not end"
        fix = None
        if page.written(claim.path.span) == claim.path.text:
            fix = Fix(f"write the path as `{fixed}`", (Edit(claim.path.span, fixed),))
        return self.finding(
            page,
            claim.path.span,
            f"path `{claim.path.text}` does not resolve: the route {ending} with `/`",
            f"the project's path is `{fixed}`{where(resolution.endpoint)}",
            fix,
        )

    def _prefix(self, page: Page, claim: EndpointClaim, resolution: Resolution) -> Finding:
        finding = self.finding(
            page,
            claim.path.span,
            f"path `{claim.path.text}` is written without its mount prefix",
            f"full path: {listing(resolution.full_paths)}{where(resolution.endpoint)}",
        )
        return dataclasses.replace(finding, severity=Severity.WARNING)

    def _misfit(self, page: Page, claim: EndpointClaim, resolution: Resolution) -> Finding:
        assert resolution.misfit is not None
        route = resolution.endpoints[0]
        return self.finding(
            page,
            claim.path.span,
            f"path `{claim.path.text}` does not resolve to any endpoint",
            f"{resolution.misfit.reason}: the route is `{route.path}` "
            f"(`{resolution.misfit.declaration}`){where(resolution.endpoint)}",
        )

    def _missing(self, page: Page, ctx: CheckContext, claim: EndpointClaim) -> Finding:
        assert ctx.facts is not None
        match = closest_endpoint(ctx.facts, claim.shape)
        hint = f"did you mean `{match.path}`?{where(match)}" if match is not None else None
        return self.finding(
            page,
            claim.path.span,
            f"path `{claim.path.text}` does not resolve to any endpoint",
            hint,
        )


def _below_stated_base(page: Page, claim: EndpointClaim, resolution: Resolution) -> bool:
    """Whether the page states a base its paths are written below that is the mount
    prefix ``claim`` leaves out: a line that writes the prefix, alone or at the end of a
    URL and not as an endpoint, with words that make it a base or prefix."""
    written = claim.path.text.lstrip("/")
    for full in resolution.full_paths:
        base = full[: len(full) - len(written)].rstrip("/")
        ends = re.compile(re.escape(base) + r"/?(?![\w/.-])")
        for line in lines_holding(page, base) if base else ():
            text = page.line_text(line)
            if _BASE_WORDS.search(text) and any(
                not _ENDPOINT_BEFORE.search(text, 0, found.start()) for found in ends.finditer(text)
            ):
                return True
    return False
