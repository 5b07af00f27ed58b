"""The endpoint index answers exactly what scoring every route would answer."""

from __future__ import annotations

import itertools

import pytest

from featuredocs.model import AppFact, EndpointFact, ProjectFacts
from featuredocs.rules.fd5_endpoints.paths import PathShape, is_catch_all, match_score, shape
from featuredocs.rules.fd5_endpoints.resolve import EndpointIndex

PATHS = (
    "/api/v1/",
    "/api/v1/orders/",
    "/api/v1/orders/{pk}/",
    "/api/v1/orders/{pk}/refund/",
    "/api/v1/orders/latest/",
    "/api/v1/orders/{pk}.json",
    "/api/v1/orders/export",
    "/api/v1/{kind}/{pk}/",
    "/api/v1/products/{sku}/",
    "/api/v1/products/stock/",
    "/api/v1/products/v{version}.json",
    "/files/{path}",
    "/files/{rest_of_url}/",
    "/media/{splat}",
    "/health",
    "/",
)

DOCUMENTED = (
    "/",
    "/health",
    "/health/",
    "/api/v1/",
    "/api/v1/orders/",
    "/api/v1/orders",
    "/api/v1/orders/7/",
    "/api/v1/orders/{id}/",
    "/api/v1/orders/latest/",
    "/api/v1/orders/availability/",
    "/api/v1/orders/7.json",
    "/api/v1/orders/{id}.json",
    "/api/v1/orders/7/refund/",
    "/api/v1/orders/SO-1/refund/",
    "/api/v1/orders/export",
    "/api/v1/customers/7/",
    "/api/v1/products/stock/",
    "/api/v1/products/v2.json",
    "/api/v1/products/vnext.json",
    "/files/a",
    "/files/a/b/c",
    "/files/a/b/c/",
    "/media/a/b",
    "/nowhere/at/all/",
)


def _facts() -> ProjectFacts:
    # Every path twice (two methods): equally good matches keep the facts' order.
    endpoints = tuple(
        EndpointFact(path, (method,), app="orders")
        for path in PATHS
        for method in ("GET", "POST")
    )
    return ProjectFacts(
        root=".", mode="static", apps=(AppFact("orders", "orders", "orders", True),),
        endpoints=endpoints,
    )


def _scored(
    facts: ProjectFacts, documented: PathShape, catch_all: bool, words: bool
) -> tuple[EndpointFact, ...]:
    """Every route scored, the same length first, then the catch-alls."""
    routes = [(e, shape(e.path), is_catch_all(e.path)) for e in facts.endpoints]
    same = [r for r in routes if len(r[1].segments) == len(documented.segments)]
    if catch_all:
        same += [r for r in routes if r[2] and r not in same]
    found = []
    for endpoint, real, is_catch in same:
        score = match_score(documented, real, catch_all=is_catch, words=words)
        if score is not None and (catch_all or score >= 0):
            found.append((score, endpoint))
    best = max((score for score, _ in found), default=None)
    return tuple(endpoint for score, endpoint in found if score == best)


@pytest.mark.parametrize("path", DOCUMENTED)
def test_the_index_matches_what_scoring_every_route_gives(path: str) -> None:
    facts = _facts()
    index = EndpointIndex(facts)
    for catch_all, words in itertools.product((True, False), repeat=2):
        documented = shape(path)
        expected = _scored(facts, documented, catch_all, words)
        assert index.match(documented, catch_all=catch_all, words=words) == expected, (
            path, catch_all, words,
        )


def test_routes_under_a_url_space_and_starts_of_routes() -> None:
    index = EndpointIndex(_facts())
    under = index.project_under(shape("/api/v1/orders/"))
    assert [e.path for e in under][::2] == [
        "/api/v1/orders/",
        "/api/v1/orders/{pk}/",
        "/api/v1/orders/{pk}/refund/",
        "/api/v1/orders/latest/",
        "/api/v1/orders/{pk}.json",
        "/api/v1/orders/export",
    ]
    assert index.project_under(shape("/api/v2/")) == []
    assert index.is_start_of_a_route(shape("/api/v1/products/"))
    assert index.is_start_of_a_route(shape("/api/"))
    assert not index.is_start_of_a_route(shape("/api/v2/"))
