from __future__ import annotations

from collections.abc import Iterator

from featuredocs.model import Applicability, EndpointFact, Edit, Finding, Fix, Page, QueryParamFact, Severity
from featuredocs.rules.base import CheckContext, Rule
from featuredocs.rules.fd5_endpoints.documented import documented_params
from featuredocs.rules.fd5_endpoints.hints import where
from featuredocs.rules.fd5_endpoints.param_maximum import DocumentedMaximum, documented_maximum
from featuredocs.rules.fd5_endpoints.said_sizes import said_sizes
from featuredocs.rules.registry import register


#: Where each kind of parameter takes its cap from, for the hint.
_CAP_FROM = {
    "pagination": "the pagination class's maximum",
    "ninja": "the parameter's `le`/`lt` bound",
}


@register
class ParameterMaximumDiffers(Rule):
    """The most a page says a page size, limit or other count takes is not the endpoint's cap.

    What it does:
        Reads the cap written on a count parameter's item — ``at most 100``, ``100 at
        most``, ``max: 100``, ``up to 100``, ``≤ 100`` — and compares it with the
        endpoint's: the pagination class's ``max_page_size`` (``max_limit`` for a
        limit), a django-ninja paginator's under its ``Input``'s bound, or the
        ``le``/``lt`` bound of a django-ninja integer (``Query(20, le=100)``). A
        parameter with no cap, one whose cap is unknown, or a bound on anything but an
        integer (a price, a date) is never reported.

        A sentence may give the cap too: "ask for up to 200 with `page_size`", "up to
        100 items per page", "`page_size` (max 100)". It is compared with the page-size
        parameter's cap when the sentence names it in code or speaks of pages, for the
        paginated GET endpoints of the section around it; a cap on something else (*up
        to 5 retries*, *100 requests per minute*) is not read.

    Why is this bad?
        A paginator does not reject a larger size: it quietly answers with the cap; a
        django-ninja bound rejects the request with 422. A client that asks for the
        documented 500 rows gets 100 and pages wrongly, or fails, or a client that could
        ask for more never does.

    Example:
        ```markdown
        - `page_size` (integer, optional): Orders per page, at most 500
        ```
        while the pagination class sets ``max_page_size = 100``.

    Use instead:
        ```markdown
        - `page_size` (integer, optional): Orders per page, at most 100
        ```

    Fix safety:
        Safe: the fix writes the paginator's cap in place of the documented number;
        unsafe for a cap read from a sentence, whose wording may mean something else.
    """

    code = "FD508"
    name = "ParameterMaximumDiffers"
    summary = "documented most a page size, limit or other count takes differs from the endpoint's cap"
    severity = Severity.WARNING
    needs_facts = True
    reference_pages = True

    def check(self, page: Page, ctx: CheckContext) -> Iterator[Finding]:
        for param, endpoint in documented_params(page, ctx):
            fact = _capped(endpoint.query_params, param.name.text)
            written = documented_maximum(page, param, endpoint) if fact is not None else None
            if written is not None and fact is not None and written.value != fact.maximum:
                yield self._report(page, written, fact, endpoint, Applicability.SAFE)
        for said in said_sizes(page, ctx):
            cap = said.maximum
            if cap is not None and said.param.maximum is not None and cap.value != said.param.maximum:
                written = DocumentedMaximum(cap.value, cap.span)
                yield self._report(page, written, said.param, said.endpoint, Applicability.UNSAFE)

    def _report(
        self,
        page: Page,
        written: DocumentedMaximum,
        fact: QueryParamFact,
        endpoint: EndpointFact,
        applicability: Applicability,
    ) -> Finding:
        return self.finding(
            page,
            written.span,
            f"query parameter `{fact.name}` is documented to take at most {written.value}, "
            f"but `{endpoint.path}` caps it at {fact.maximum}",
            hint=f"the cap comes from {_CAP_FROM.get(fact.source, 'the endpoint')}{where(endpoint)}",
            fix=Fix(f"write the cap {fact.maximum}", (Edit(written.span, str(fact.maximum)),), applicability),
        )


def _capped(params: tuple[QueryParamFact, ...], name: str) -> QueryParamFact | None:
    return next((param for param in params if param.name == name and param.maximum is not None), None)
