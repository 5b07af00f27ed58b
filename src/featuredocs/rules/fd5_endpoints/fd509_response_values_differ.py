from __future__ import annotations

import json
import re
from collections.abc import Iterator

from featuredocs.model import EndpointFact, Finding, Page, ResponseField, Severity, Span, reads
from featuredocs.rules.base import CheckContext, Rule
from featuredocs.rules.enumerations import PlacedList, Wording, differences, named, values_after
from featuredocs.rules.fd5_endpoints.claims import claims_for
from featuredocs.rules.fd5_endpoints.hints import where
from featuredocs.rules.fd5_endpoints.resolve import answering, resolutions_for
from featuredocs.rules.fd5_endpoints.response_shape import produced_keys
from featuredocs.rules.fd5_endpoints.responses import ResponseClaim
from featuredocs.rules.fd5_endpoints.response_fields import ResponseFieldClaim, produced_field
from featuredocs.rules.registry import register


@register
class ResponseValuesDiffer(Rule):
    """The values a page lists for a response field differ from the ones it takes.

    What it does:
        Reads the values a response field's item or row lists after its name — under
        ``**Response fields:**``, a *Response* heading or a resource's fields heading
        (``- `status` (string): one of `pending`, `paid` or `cancelled` ``, a table's
        description or Values cell) — and, for a field a model serializer renders from a
        model field declared with ``choices``, reports each listed value that is not one
        of them. When the list says it is every value (it ends in *or*, or follows *one
        of*, *either*, *choices*), it also reports the choices it leaves out. A list
        none of whose values is a choice is taken for prose and not compared. Where a
        listing describes the answer of several endpoints, each must render the field
        with the same choices. In a documented response body, a field's string value
        that is not one of its choices is reported too (``"status": "sent"``); a
        placeholder (``"string"``, ``"<status>"``) is not.

    Why is this bad?
        A client written from the page switches on the values it lists: a value added
        to the model and not to the page reaches code that never expected it.

    Example:
        ```markdown
        - `status` (string): One of `pending`, `paid` or `cancelled`.
        ```
        while ``Order.Status`` also has ``shipped`` and ``expired``.

    Use instead:
        ```markdown
        - `status` (string): One of `pending`, `paid`, `shipped`, `expired` or `cancelled`.
        ```

    Fix safety:
        Unsafe, and only for a complete list: the fix writes the field's choices, in the
        model's order and the page's style, in place of the list.
    """

    code = "FD509"
    name = "ResponseValuesDiffer"
    summary = "documented response field values differ from the field's choices"
    severity = Severity.WARNING
    needs_facts = True
    reference_pages = True

    def check(self, page: Page, ctx: CheckContext) -> Iterator[Finding]:
        resolutions = resolutions_for(page, ctx)
        claims = claims_for(page, ctx)
        for claim in claims.response_fields:
            taken = _taken(claim, answering(claim.endpoints, resolutions))
            found = values_after(page, claim.span) if taken is not None else None
            if taken is not None and found is not None:
                yield from self._compare(page, claim, *taken, found)
        for response in claims.responses:
            resolution = resolutions.get(response.endpoint)
            endpoint = resolution.endpoint if resolution is not None else None
            if endpoint is not None:
                yield from self._example_values(page, response, endpoint)

    def _example_values(self, page: Page, response: ResponseClaim, endpoint: EndpointFact) -> Iterator[Finding]:
        """A documented body's string values, each of a field with choices."""
        if endpoint.response is None or not _with_choices(endpoint.response):
            return  # most answers have none: their bodies are not walked again
        for key, field in produced_keys(response.body, endpoint):
            value = key.value.text
            if not field.choices or value is None or value in field.choices or not _SAMPLE.fullmatch(value):
                continue
            span = _value_span(page, response.span_of(key), value)
            yield self.finding(
                page, span,
                f"`{value}` is not a value `{key.name}` takes in `{endpoint.path}`'s response",
                f"`{key.name}` takes {named(field.choices)}{where(endpoint)}",
            )

    def _compare(
        self, page: Page, claim: ResponseFieldClaim, endpoint: EndpointFact, field: ResponseField, found: PlacedList
    ) -> Iterator[Finding]:
        if not any(value in field.choices for value in found.values):
            return  # labels, or another list on the line: not the field's values
        wording = Wording(
            rejected=f"`{{value}}` is not a value `{claim.written}` takes in `{endpoint.path}`'s response",
            name=field.name,
            accepts=f"`{claim.written}` takes {named(field.choices)}{where(endpoint)}",
            fix="list the field's values",
            where=str(endpoint.location) if endpoint.location else None,
        )
        for span, message, hint, fix in differences(found, field.choices, wording):
            yield self.finding(page, span, message, hint, fix)


#: A value an example gives as one of the field's (``"sent"``), not a placeholder
#: (``"string"``, ``"<status>"``, ``"..."``) or words.
_SAMPLE = re.compile(r"(?!(?:string|str|enum|choice|value|text)$)[\w-]+")


@reads.by_identity(limit=4096)
def _with_choices(fields: tuple[ResponseField, ...]) -> bool:
    """Whether a field of the response, at any depth, has choices."""
    return any(field.choices or _with_choices(field.children) for field in fields)


def _value_span(page: Page, key: Span, value: str) -> Span:
    """The quoted value after its key, on the key's line; the key where it is not there."""
    line = page.line_text(key.line)
    quoted = json.dumps(value, ensure_ascii=False)
    at = line.find(quoted, key.end_column - 1)
    if at < 0:
        return key
    return Span(key.line, at + 2, key.line, at + len(quoted))


def _taken(claim: ResponseFieldClaim, endpoints: list[EndpointFact]) -> tuple[EndpointFact, ResponseField] | None:
    """The first endpoint and the field the claim names there, when every endpoint that
    renders it has the same known choices; None otherwise."""
    rendering = [(endpoint, produced_field(claim, endpoint)) for endpoint in endpoints]
    known = [(endpoint, field) for endpoint, field in rendering if field is not None]
    if not known or len({field.choices for _, field in known}) != 1 or not known[0][1].choices:
        return None
    return known[0]

