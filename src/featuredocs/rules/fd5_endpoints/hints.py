"""How the endpoint rules name endpoints and point at them in messages and hints."""

from __future__ import annotations

from featuredocs.model import EndpointFact, ProjectFacts, reads
from featuredocs.rules.fd5_endpoints.paths import WILDCARD, PathShape
from featuredocs.rules.fd5_endpoints.resolve import ROUTES_FROM, EndpointIndex, fills, index_for
from featuredocs.rules.suggest import closest



def label(endpoint: EndpointFact) -> str:
    """``GET, POST /api/v1/orders/``, or the bare path when the methods are unknown."""
    if not endpoint.methods:
        return endpoint.path
    return f"{', '.join(endpoint.methods)} {endpoint.path}"


def where(endpoint: EndpointFact | None) -> str:
    """`` (orders/views.py:11)`` when the endpoint's view is in the project, else ''."""
    return f" ({endpoint.location})" if endpoint is not None and endpoint.location else ""


def _closest(facts: ProjectFacts, documented: PathShape) -> EndpointFact | None:
    """The endpoint the documented path most likely means.

    First a sibling route: the same path but for one literal segment, values standing
    for parameters (``/products/stock/`` for ``/products/availability/``,
    ``/order/7/`` for ``/orders/{pk}/``), the only one or the closest by name; else the
    path that reads most like it (parameters ignored).
    """
    index = index_for(facts)
    return _sibling(documented, index) or _similar(documented, index)


closest_endpoint = reads.asking("fd5.closest", _closest, reading=ROUTES_FROM)


def _sibling(documented: PathShape, index: EndpointIndex) -> EndpointFact | None:
    siblings: dict[tuple[int, str], EndpointFact] = {}
    for endpoint in index.project:
        real = index.shapes[endpoint.path]
        if len(real.segments) != len(documented.segments):
            continue
        pairs = zip(documented.segments, real.segments, strict=True)
        differ = [i for i, (written, actual) in enumerate(pairs) if not fills(written, actual)]
        if len(differ) == 1 and WILDCARD not in real.segments[differ[0]]:
            siblings.setdefault((differ[0], real.segments[differ[0]]), endpoint)
    positions = {position for position, _ in siblings}
    if len(positions) != 1:
        return None
    if len(siblings) == 1:
        return next(iter(siblings.values()))
    (position,) = positions
    names = {name: endpoint for (_, name), endpoint in siblings.items()}
    match = closest(documented.segments[position], names)
    return names[match] if match is not None else None


def _similar(documented: PathShape, index: EndpointIndex) -> EndpointFact | None:
    for pool in (index.project, index.facts.endpoints):
        by_shape: dict[str, EndpointFact] = {}
        for endpoint in pool:
            by_shape.setdefault(index.shapes[endpoint.path].text, endpoint)
        match = closest(documented.text, by_shape)
        if match is not None:
            return by_shape[match]
    return None
