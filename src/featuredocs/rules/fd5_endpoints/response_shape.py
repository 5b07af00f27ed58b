"""Compare a documented response body with the fields an endpoint produces.

Keys are compared; the values of the keys the endpoint produces are left to the rules
that read them (FD509 a field's choices). A body of error keys only (``{"detail": …}``,
``{"error": …}``) is an error answer, whatever the label above it says. A documented object is compared with the
endpoint's fields, a documented list element by element; nesting is followed only where
the facts know the nested fields (a method field or a JSON field may hold anything).

A paginated list answers ``{"count": …, "next": …, "previous": …, "results": [items]}``
(the paginator's own keys in ``pagination_keys``). Pages often show one item instead of
the envelope, and the same path's POST answers with a bare item: a documented object
whose keys are all item keys is therefore read as an item.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from featuredocs.model import EndpointFact, ResponseField, reads
from featuredocs.rules.fd5_endpoints.json_shape import JsonKey, JsonValue, Kind

RESULTS_KEY = "results"
#: The keys an error answer carries instead of the resource: DRF's ``detail`` and
#: ``non_field_errors`` (``{"detail": "Authentication credentials were not provided."}``
#: from any view a permission guards), and the ``error`` or ``message`` a view's own
#: ``JsonResponse`` sends with a 4xx status.
_ERROR_KEYS = frozenset({"detail", "error", "errors", "message", "non_field_errors", "code"})


@dataclass(frozen=True, slots=True)
class UnproducedKey:
    """A documented key the endpoint does not produce.

    ``trail`` is where it sits (``results[].items[]``, '' at the top); ``siblings`` are
    the keys the endpoint does produce there.
    """

    key: JsonKey
    trail: str
    siblings: tuple[str, ...]

    @property
    def dotted(self) -> str:
        if self.trail in ("", "[]"):  # the top level, or the items of a top-level list
            return self.key.name
        return f"{self.trail}.{self.key.name}"


def unproduced_keys(body: JsonValue, endpoint: EndpointFact) -> list[UnproducedKey]:
    """Documented keys the endpoint does not produce; none when its response is unknown."""
    return [UnproducedKey(key, trail, siblings) for key, field, trail, siblings in _keys(body, endpoint) if field is None]


def produced_keys(body: JsonValue, endpoint: EndpointFact) -> Iterator[tuple[JsonKey, ResponseField]]:
    """Documented keys the endpoint produces, each with its field."""
    for key, field, _, _ in _keys(body, endpoint):
        if field is not None:
            yield key, field


_Walked = tuple[JsonKey, ResponseField | None, str, tuple[str, ...]]


def _keys(body: JsonValue, endpoint: EndpointFact) -> Iterator[_Walked]:
    """Each documented key with the field it is (None when the endpoint has no such key),
    where it sits and the keys the endpoint produces there."""
    if endpoint.response is None or _error_answer(body, endpoint.response):
        return iter(())
    if not endpoint.paginated:
        return _compare_value(body, endpoint.response, "")
    return _compare_paginated(body, endpoint.response, endpoint.pagination_keys)


def _compare_paginated(
    body: JsonValue, items: tuple[ResponseField, ...], envelope: tuple[str, ...]
) -> Iterator[_Walked]:
    if body.kind is not Kind.OBJECT:
        yield from _compare_value(body, items, "")
        return
    item_names = _by_name(items)
    if all(key.name in item_names for key in body.keys):
        yield from _compare_object(body, items, "")  # one item, shown unwrapped
        return
    if not envelope:
        return  # a paginator whose keys are unknown: the top level could be anything
    if not any(key.name in envelope for key in body.keys):
        yield from _compare_object(body, items, "")  # an item with keys it does not have
        return
    for key in body.keys:
        if key.name not in envelope:
            yield key, None, "", envelope
        elif key.name == RESULTS_KEY:
            yield from _compare_value(key.value, items, RESULTS_KEY)


def _compare_value(
    value: JsonValue, fields: tuple[ResponseField, ...], trail: str
) -> Iterator[_Walked]:
    if value.kind is Kind.OBJECT:
        yield from _compare_object(value, fields, trail)
    elif value.kind is Kind.ARRAY:
        for item in value.items:
            yield from _compare_value(item, fields, f"{trail}[]")


def _compare_object(
    value: JsonValue, fields: tuple[ResponseField, ...], trail: str
) -> Iterator[_Walked]:
    by_name = _by_name(fields)
    siblings = tuple(by_name)
    for key in value.keys:
        field = by_name.get(key.name)
        yield key, field, trail, siblings
        if field is not None and field.children:
            inner = f"{trail}.{key.name}" if trail else key.name
            yield from _compare_value(key.value, field.children, inner)


def _error_answer(body: JsonValue, fields: tuple[ResponseField, ...]) -> bool:
    """Whether ``body`` is an error answer: an object of error keys only, none of which
    the endpoint's own answer has."""
    if body.kind is not Kind.OBJECT or not body.keys:
        return False
    names = _by_name(fields)
    return all(key.name in _ERROR_KEYS and key.name not in names for key in body.keys)


@reads.by_identity(limit=4096)
def _by_name(fields: tuple[ResponseField, ...]) -> dict[str, ResponseField]:
    """The fields by name, built once per response: pages repeat their endpoints' examples."""
    return {field.name: field for field in fields}
