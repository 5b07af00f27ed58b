from __future__ import annotations

from collections.abc import Iterator

from featuredocs.model import EndpointFact, Finding, Page, QueryParamFact, Severity
from featuredocs.rules.base import CheckContext, Rule
from featuredocs.rules.fd5_endpoints.documented import checked_parameter_lists, unlisted_params
from featuredocs.rules.fd5_endpoints.hints import where
from featuredocs.rules.registry import register

#: How the endpoint comes to read a parameter, by :attr:`QueryParamFact.source`.
_READ_BY = {
    "filterset": "a filter of the view's filter set",
    "search": "read by the view's search filter",
    "ordering": "read by the view's ordering filter",
    "pagination": "read by the view's paginator",
    "request": "read by the view's code",
    "ninja": "an argument of the django-ninja operation",
}


@register
class UndocumentedQueryParameter(Rule):
    """A query parameter the endpoint reads is missing from its Query Parameters list.

    What it does:
        For each Query Parameters list of a page (``**Query Parameters:**`` and the
        items under it) that documents one of the project's endpoints, reports the
        parameters the endpoint reads (see FD503) that the list does not mention in any
        of its items. DRF's ``format`` is not expected. Lists of endpoints whose
        parameters cannot all be known (a filter backend or paginator from another
        package, the whole query dict handed to a form) are not checked, nor are
        endpoints documented without such a list. A stale item that FD503 reports
        with the parameter's new name leaves that parameter listed.

    Why is this bad?
        A filter, ordering or page size nobody knows about; usually added to the view
        after the page was written. ``featuredocs sync`` adds it to the list, so a page
        this rule passes is one ``sync --check`` passes too.

    Example:
        ```markdown
        ### GET /api/v1/orders/

        **Query Parameters:**
        - `status` (string, optional): Only orders in this status
        ```
        while the view's filter set also filters on ``customer``.

    Use instead:
        ```markdown
        **Query Parameters:**
        - `status` (string, optional): Only orders in this status
        - `customer` (integer, optional): Only this customer's orders
        ```

    Fix safety:
        No fix: the description must be written by a person (``featuredocs sync`` adds
        the item with the parameter's type and choices).
    """

    code = "FD510"
    name = "UndocumentedQueryParameter"
    summary = "query parameter not documented"
    severity = Severity.WARNING
    needs_facts = True

    def check(self, page: Page, ctx: CheckContext) -> Iterator[Finding]:
        if ctx.facts is None:
            return
        for listed in checked_parameter_lists(page, ctx):
            endpoint = listed.endpoint
            for fact in unlisted_params(listed.labelled, listed.params, endpoint, listed.accepted):
                yield self.finding(
                    page,
                    listed.labelled.span,
                    f"query parameter `{fact.name}` of `{endpoint.path}` is not in its {listed.labelled.label} list",
                    _hint(fact, endpoint),
                )


def _hint(fact: QueryParamFact, endpoint: EndpointFact) -> str:
    read_by = _READ_BY.get(fact.source, "read by the view")
    return f"`{fact.name}` is {read_by}{where(endpoint)}"
