from __future__ import annotations

import dataclasses
from collections.abc import Iterator

from featuredocs.model import EndpointFact, Finding, Page, QueryParamFact, Severity
from featuredocs.rules.base import CheckContext, Rule
from featuredocs.rules.enumerations import PlacedList, Wording, differences, named, values_after
from featuredocs.rules.fd5_endpoints.claims import claims_for
from featuredocs.rules.fd5_endpoints.declarations import EndpointClaim
from featuredocs.rules.fd5_endpoints.documented import documented_params
from featuredocs.rules.fd5_endpoints.hints import where
from featuredocs.rules.fd5_endpoints.prose_params import ProseValuesClaim
from featuredocs.rules.fd5_endpoints.resolve import Resolution, resolutions_for
from featuredocs.rules.registry import register


@register
class ParameterChoicesDiffer(Rule):
    """The values a page lists for a query parameter differ from the ones it accepts.

    What it does:
        Reads the values a query parameter's description lists — ``One of `pending`,
        `paid` or `cancelled` ``, ```csv`/`json` ``, a table's description or Choices
        cell — and, for a parameter whose accepted values are known (a filter on a field
        with choices, a ``ChoiceFilter``, an ordering filter's fields, a django-ninja
        ``Literal``), reports each listed value it does not accept. When the list says it
        is every value (it ends in *or*, or follows *one of*, *either*, *choices*), it
        also reports the values it leaves out; not for an ordering parameter, whose
        descriptions name a few fields to sort by rather than every one. An ordering
        parameter's values may be written descending (```-created_at`, `created_at` ``,
        in a list, a Values cell or a sub-list) and are compared without the ``-``.

        A sentence may give the values too: "`ordering` takes `created_at` or
        `total_cents`" (also *accepts*, *is one of*, *can be*). It is read for a
        parameter the GET endpoints of the section around it read, with the same known
        choices wherever they do; prose names some values, so only the ones not
        accepted are reported.

    Why is this bad?
        A client that filters on a listed value the API does not accept gets an error or
        an unfiltered list; a value never listed is never used.

    Example:
        ```markdown
        - `status` (string, optional): `pending`, `paid` or `refunded`
        ```
        while orders are ``pending``, ``paid`` or ``cancelled``.

    Use instead:
        ```markdown
        - `status` (string, optional): `pending`, `paid` or `cancelled`
        ```

    Fix safety:
        Unsafe, and only for a complete list: the fix writes the accepted values, in the
        code's order and the page's style, in place of the list.
    """

    code = "FD506"
    name = "ParameterChoicesDiffer"
    summary = "documented query parameter values differ from the accepted ones"
    severity = Severity.WARNING
    needs_facts = True
    reference_pages = True

    def check(self, page: Page, ctx: CheckContext) -> Iterator[Finding]:
        for param, endpoint in documented_params(page, ctx):
            fact = _accepting(endpoint, param.name.text)
            found = values_after(page, param.name.span, fact.source == "ordering") if fact is not None else None
            if fact is not None and found is not None:
                yield from self._compare(page, endpoint, fact, found)
        resolutions = resolutions_for(page, ctx)
        for said in claims_for(page, ctx).prose_values:
            reader = _prose_reader(said, resolutions)
            if reader is not None:
                yield from self._compare(page, *reader, said.values)

    def _compare(self, page: Page, endpoint: EndpointFact, fact: QueryParamFact, found: PlacedList) -> Iterator[Finding]:
        if fact.source == "ordering":
            # Each value may sort descending (`-created_at` is `created_at`), and the
            # list names the fields a reader sorts by most: it leaves none out.
            values = tuple(value.lstrip("-") for value in found.values)
            found = dataclasses.replace(found, values=values, complete=False, inline=None)
        if not any(value in fact.choices for value in found.values):
            return  # labels, or another list on the line: not the parameter's values
        wording = Wording(
            rejected=f"`{{value}}` is not a value `{fact.name}` accepts on `{endpoint.path}`",
            name=fact.name,
            accepts=f"`{fact.name}` accepts {named(fact.choices)}{where(endpoint)}",
            fix="list the accepted values",
            where=str(endpoint.location) if endpoint.location else None,
        )
        for span, message, hint, fix in differences(found, fact.choices, wording):
            yield self.finding(page, span, message, hint, fix)


def _accepting(endpoint: EndpointFact, name: str) -> QueryParamFact | None:
    return next((param for param in endpoint.query_params if param.name == name and param.choices), None)


def _prose_reader(
    said: ProseValuesClaim, resolutions: dict[EndpointClaim, Resolution]
) -> tuple[EndpointFact, QueryParamFact] | None:
    """The endpoint and parameter a sentence's values are of: the parameter of that name
    the section's GET endpoints read, with the same known choices wherever they read it.
    None when none reads it (a body or response field), when they disagree, or when an
    endpoint whose parameters cannot all be listed might read it too."""
    endpoints: dict[str, EndpointFact] = {}
    for claim in said.endpoints:
        resolution = resolutions.get(claim)
        if resolution is not None and resolution.endpoint is not None:
            endpoints.setdefault(resolution.endpoint.path, resolution.endpoint)
    readers = []
    for endpoint in endpoints.values():
        param = next((p for p in endpoint.query_params if p.name == said.name.text), None)
        if param is not None:
            readers.append((endpoint, param))
        elif not endpoint.query_params_complete:
            return None
    if not readers or len({param.choices for _, param in readers}) != 1 or not readers[0][1].choices:
        return None
    return readers[0]

