from __future__ import annotations

from collections.abc import Iterator

from featuredocs.model import Applicability, EndpointFact, Edit, Finding, Fix, Page, QueryParamFact, Severity
from featuredocs.rules.base import CheckContext, Rule
from featuredocs.rules.fd5_endpoints.documented import documented_params
from featuredocs.rules.fd5_endpoints.hints import where
from featuredocs.rules.fd5_endpoints.param_defaults import (
    default_text,
    differs,
    documented_default,
    rendered_default,
)
from featuredocs.rules.fd5_endpoints.said_sizes import said_sizes
from featuredocs.rules.written_defaults import DocumentedDefault
from featuredocs.rules.registry import register

#: Where each kind of parameter takes its default from, for the hint.
_DEFAULT_FROM = {
    "ordering": "the view's `ordering`",
    "pagination": "the pagination class's page size",
    "request": "the view's read of the query string",
    "ninja": "the view's argument",
}
#: A django-ninja paginator's other parameters, whose defaults its ``Input`` schema sets.
_POSITION_PARAMS = frozenset({"page", "offset"})


@register
class ParameterDefaultDiffers(Rule):
    """The default a page gives a query parameter is not the one the endpoint uses.

    What it does:
        Reads the default written on a query parameter's item or table row —
        ```-created_at` by default``, ``default: 20``, ``defaults to `name```, a Default
        column — and compares it with the one the endpoint applies when the parameter is
        left out: the view's ``ordering`` for DRF's ordering filter, the pagination
        class's ``page_size`` (or ``default_limit``) for its size parameter (and a
        django-ninja paginator's ``Input`` for its others), the fallback of
        ``request.GET.get("sort", "name")``, a django-ninja argument's default. Values
        compare as text, leniently (``20`` is ``"20"``, ``true`` is ``True``); an
        ordering may name only the first of the fields the view orders by. A parameter
        whose default is unknown (a backend deciding its own ordering, a computed value)
        is never reported, nor is a default in words (*newest first by default*).

        A sentence may give the page size too: "Pages hold 25 orders", "20 results per
        page", "`page_size` defaults to 20". It is compared with the page-size parameter
        of the paginated GET endpoints of the section around it, when they agree on it;
        what else a sentence counts (*100 requests per minute*, *the admin shows 50 per
        page*) is not read.

    Why is this bad?
        A client that relies on the documented default gets another: a list documented
        as newest first arrives oldest first, or a page holds fewer items than promised.

    Example:
        ```markdown
        - `ordering` (string, optional): `created_at` or `total_cents`; `created_at` by default
        ```
        while the view sets ``ordering = ["-created_at"]``.

    Use instead:
        ```markdown
        - `ordering` (string, optional): `created_at` or `total_cents`; `-created_at` by default
        ```

    Fix safety:
        Safe: the fix writes the endpoint's default in place of the documented one, in
        the page's form (its quotes, ``true`` or ``True``). Unsafe for a page size read
        from a sentence, whose wording may mean something else.
    """

    code = "FD507"
    name = "ParameterDefaultDiffers"
    summary = "documented query parameter default differs from the endpoint's"
    severity = Severity.WARNING
    needs_facts = True
    reference_pages = True

    def check(self, page: Page, ctx: CheckContext) -> Iterator[Finding]:
        for param, endpoint in documented_params(page, ctx):
            fact = _with_default(endpoint.query_params, param.name.text)
            written = documented_default(page, param, endpoint) if fact is not None else None
            if written is not None and fact is not None and differs(written, fact):
                yield self._report(page, written, fact, endpoint, Applicability.SAFE)
        for said in said_sizes(page, ctx):
            size = DocumentedDefault(str(said.default.value), said.default.span) if said.default else None
            if size is not None and said.param.default is not None and differs(size, said.param):
                yield self._report(page, size, said.param, said.endpoint, Applicability.UNSAFE)

    def _report(
        self,
        page: Page,
        written: DocumentedDefault,
        fact: QueryParamFact,
        endpoint: EndpointFact,
        applicability: Applicability,
    ) -> Finding:
        replacement = rendered_default(written, fact)
        return self.finding(
            page,
            written.span,
            f"query parameter `{fact.name}` is documented to default to `{written.text}`, "
            f"but `{endpoint.path}` uses `{default_text(fact.default or '')}`",
            hint=f"the default comes from {_default_from(fact)}{where(endpoint)}",
            fix=Fix(f"write the default {replacement}", (Edit(written.span, replacement),), applicability),
        )


def _default_from(fact: QueryParamFact) -> str:
    if fact.source == "pagination" and fact.name in _POSITION_PARAMS:
        return "the pagination class's `Input` schema"
    return _DEFAULT_FROM.get(fact.source, "the view")


def _with_default(params: tuple[QueryParamFact, ...], name: str) -> QueryParamFact | None:
    return next((param for param in params if param.name == name and param.default is not None), None)
