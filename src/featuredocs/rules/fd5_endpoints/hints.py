"""How the endpoint rules name endpoints and point at them in messages and hints."""

from __future__ import annotations

from collections.abc import Iterable

from featuredocs.model import EndpointFact
from featuredocs.rules.fd5_endpoints.paths import PathShape
from featuredocs.rules.fd5_endpoints.resolve import EndpointIndex
from featuredocs.rules.suggest import closest

_LISTED = 6


def label(endpoint: EndpointFact) -> str:
    """``GET, POST /api/v1/orders/``, or the bare path when the methods are unknown."""
    if not endpoint.methods:
        return endpoint.path
    return f"{', '.join(endpoint.methods)} {endpoint.path}"


def where(endpoint: EndpointFact | None) -> str:
    """`` (orders/views.py:11)`` when the endpoint's view is in the project, else ''."""
    return f" ({endpoint.location})" if endpoint is not None and endpoint.location else ""


def listing(names: Iterable[str]) -> str:
    """```a`, `b`, `c``` with an ellipsis after a handful."""
    names = list(names)
    shown = ", ".join(f"`{name}`" for name in names[:_LISTED])
    return shown + (", …" if len(names) > _LISTED else "")


def closest_endpoint(documented: PathShape, index: EndpointIndex) -> EndpointFact | None:
    """The endpoint whose path reads most like the documented one (parameters ignored)."""
    for pool in (index.project, index.facts.endpoints):
        by_shape: dict[str, EndpointFact] = {}
        for endpoint in pool:
            by_shape.setdefault(index.shapes[endpoint.path].text, endpoint)
        match = closest(documented.text, by_shape)
        if match is not None:
            return by_shape[match]
    return None
