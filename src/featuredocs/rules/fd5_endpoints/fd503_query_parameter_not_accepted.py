from __future__ import annotations

import re
from collections.abc import Iterator
from urllib.parse import unquote

from featuredocs.model import EndpointFact, Finding, Page, Severity, Span
from featuredocs.rules.base import CheckContext, Rule
from featuredocs.rules.fd5_endpoints.documented import DRF_ALWAYS, accepted_params, documented_params, same_job
from featuredocs.rules.fd5_endpoints.hints import where
from featuredocs.rules.registry import register
from featuredocs.rules.suggest import closest, listing



@register
class QueryParameterNotAccepted(Rule):
    """A documented query parameter is not one the endpoint reads.

    What it does:
        Reads the query parameters a page documents for an endpoint (items under
        **Query Parameters:** or a bold **Query parameters** title, the names such a label
        lists on its own line (``**Query parameters:** `page`, `q` ``), a table with a
        Parameter column there or, for a GET endpoint, with nothing introducing it, the
        query string of a request line or of a ``curl`` call, the data of ``curl -G``,
        HTTPie's ``status==paid`` items, the keys of a ``requests`` call's ``params={…}``,
        the Query or Filters column of an endpoints table, and its Parameters column on a
        GET row) and checks each against the parameters the view accepts: DRF filter sets, search
        and ordering filters and pagination, django-ninja signatures, and ``request.GET``
        reads in the view's own code and in the project's own filter backends and
        paginators. A plain Django view is checked only when its code reads query
        parameters in a way that can be seen.

        A value a query string (an HTTPie item, a ``params`` dict) gives a parameter with known choices (a
        filter on a field with choices, the fields of an ordering filter, each maybe with
        ``-``) must be one of them: ``?status=refunded`` where no status is ``refunded``. Placeholders
        (``<status>``, ``{status}``, ``STATUS``, ``...``) stand for any.

        It stays silent on an endpoint whose accepted parameters cannot all be listed: a
        filter backend or paginator from another package, or code that hands the whole
        query dict on (``SearchForm(request.GET)``, ``request.GET.items()``,
        ``**request.GET``) or reads a key it computes.

    Why is this bad?
        An unknown query parameter is silently ignored: the client gets an unfiltered
        list and believes it is filtered.

    Example:
        ```markdown
        **Query Parameters:**
        - `state` (string, optional): Only orders in this state
        ```

    Use instead:
        ```markdown
        **Query Parameters:**
        - `status` (string, optional): Only orders in this status
        ```

    Fix safety:
        No fix: a close name is shown as a hint, but a renamed filter may also have
        changed what it accepts.
    """

    code = "FD503"
    name = "QueryParameterNotAccepted"
    summary = "documented query parameter not accepted by the endpoint"
    severity = Severity.ERROR
    needs_facts = True
    reference_pages = True

    def check(self, page: Page, ctx: CheckContext) -> Iterator[Finding]:
        for param, endpoint in documented_params(page, ctx):
            accepted = accepted_params(endpoint)
            if accepted is None:
                continue
            if param.name.text in accepted:
                yield from self._values(page, param.name.text, param.name.span, endpoint)
                continue
            yield self.finding(
                page,
                param.name.span,
                f"query parameter `{param.name.text}` is not accepted by `{endpoint.path}`",
                _hint(param.name.text, accepted, endpoint),
            )

    def _values(self, page: Page, name: str, span: Span, endpoint: EndpointFact) -> Iterator[Finding]:
        """The value a query string gives a parameter with known choices must be one."""
        fact = next((p for p in endpoint.query_params if p.name == name and p.choices), None)
        value = _value_after(page, span) if fact is not None else None
        if fact is None or value is None:
            return
        text, column = value
        for found in _CHOSEN.finditer(text):
            choice = found["choice"]
            if choice in fact.choices or _PLACEHOLDER.fullmatch(choice):
                continue
            at = Span(span.line, column + found.start("choice"), span.line, column + found.end("choice"))
            match = closest(choice, fact.choices)
            hint = f"did you mean `{match}`?" if match else f"choices: {listing(list(fact.choices))}"
            yield self.finding(
                page, at, f"`{choice}` is not a value `{name}` accepts on `{endpoint.path}`",
                hint + where(endpoint),
            )


#: One value of a query string's parameter; ``ordering`` takes a list, each maybe descending.
_CHOSEN = re.compile(r"(?:^|,)[-+]?(?P<choice>[^,]+)")
#: A value that stands for one: ``<status>``, ``{status}``, ``...``, ``STATUS``, ``x``.
_PLACEHOLDER = re.compile(r"<.*>|\{.*\}|\.\.\.|…|[A-Z_]+|x+|value|\*")
_VALUE = re.compile(r"(?:==?|[\"']\s*:\s*[\"'])(?P<value>[^&#\s`'\"()<>\\]*(?:<[^>]*>)?)")


def _value_after(page: Page, span: Span) -> tuple[str, int] | None:
    """``paid`` of ``?status=paid`` (or of HTTPie's ``status==paid``, of ``"status": "paid"``
    in a ``requests`` call's ``params``) right after the parameter's name, and its column."""
    if span.line != span.end_line:
        return None
    line = page.line_text(span.line)
    found = _VALUE.match(line, span.end_column - 1)
    if found is None or not found["value"]:
        return None
    return unquote(found["value"]), found.start("value") + 1


def _hint(name: str, accepted: frozenset[str], endpoint: EndpointFact) -> str:
    match = same_job(name, endpoint) or closest(name, accepted)
    if match is not None:
        return f"did you mean `{match}`?{where(endpoint)}"
    shown = sorted(accepted - DRF_ALWAYS)
    if not shown:
        return f"it reads no query parameters{where(endpoint)}"
    return f"accepted: {listing(shown)}{where(endpoint)}"
