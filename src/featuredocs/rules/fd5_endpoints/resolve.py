"""Which of the project's endpoints a documented path names, and how sure that is.

A documented path resolves when it matches an endpoint with parameters as wildcards
(:func:`~.paths.match_score`). When it does not, two near misses are recognised before
calling it unknown: the same path with or without its trailing slash, and the path with
a mount prefix of the project's ``include()``s put in front (pages often write
``/orders/{id}/`` for ``/api/v2/orders/{id}/``).
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from featuredocs.model import EndpointFact, Page, ProjectFacts
from featuredocs.rules.base import CheckContext
from featuredocs.rules.fd5_endpoints.claims import claims_for
from featuredocs.rules.fd5_endpoints.declarations import ClaimKind, EndpointClaim
from featuredocs.rules.fd5_endpoints.paths import (
    PathShape,
    is_catch_all,
    is_under,
    match_score,
    shape,
)


class How(StrEnum):
    EXACT = "exact"
    SLASH = "slash"  # matches once the trailing slash is added or removed
    PREFIX = "prefix"  # matches once a mount prefix is put in front
    PARTIAL = "partial"  # a bare path that is the start of real paths (``/api/v1/``)
    EXTERNAL = "external"  # an absolute URL outside the project's URL space
    NONE = "none"


@dataclass(frozen=True, slots=True)
class Resolution:
    how: How
    endpoints: tuple[EndpointFact, ...] = ()  # the best matches, most specific first
    full_paths: tuple[str, ...] = ()  # SLASH, PREFIX: the documented path, corrected

    @property
    def endpoint(self) -> EndpointFact | None:
        """The one endpoint meant, or None when none or several match equally well."""
        return self.endpoints[0] if len(self.endpoints) == 1 else None


class EndpointIndex:
    """The project's endpoints and mount prefixes as path shapes, built once per run."""

    def __init__(self, facts: ProjectFacts) -> None:
        self.facts = facts
        self.shapes = [
            (endpoint, shape(endpoint.path), is_catch_all(endpoint.path))
            for endpoint in facts.endpoints
        ]
        self.prefixes = list(facts.url_prefixes)
        self.roots = {s.segments[0] for _, s, _ in self.shapes if s.segments}
        project_apps = {app.label for app in facts.apps if app.project}
        self.project = tuple(
            e for e in facts.endpoints if e.location is not None or e.app in project_apps
        )

    def match(self, documented: PathShape, *, catch_all: bool = True) -> tuple[EndpointFact, ...]:
        """The endpoints that match best (a catch-all route only when nothing else does)."""
        scored = [
            (match_score(documented, real, catch_all=rest), endpoint)
            for endpoint, real, rest in self.shapes
        ]
        found = [(score, e) for score, e in scored if score is not None and (catch_all or score >= 0)]
        if not found:
            return ()
        best = max(score for score, _ in found)
        return tuple(e for score, e in found if score == best)

    def resolve(self, claim: EndpointClaim) -> Resolution:
        documented = claim.shape
        exact = self.match(documented)
        if exact:
            return Resolution(How.EXACT, exact)
        if claim.kind is ClaimKind.BARE and any(is_under(s, documented) for _, s, _ in self.shapes):
            return Resolution(How.PARTIAL)
        if claim.absolute and documented.segments and documented.segments[0] not in self.roots:
            return Resolution(How.EXTERNAL)
        toggled = self.match(documented.with_slash(not documented.trailing_slash), catch_all=False)
        if toggled:
            path = claim.path.text
            fixed = path.rstrip("/") if documented.trailing_slash else path + "/"
            return Resolution(How.SLASH, toggled, (fixed,))
        return self._with_prefix(claim) or Resolution(How.NONE)

    def _with_prefix(self, claim: EndpointClaim) -> Resolution | None:
        endpoints: list[EndpointFact] = []
        full_paths: list[str] = []
        for prefix in self.prefixes:
            full = prefix.rstrip("/") + "/" + claim.path.text.lstrip("/")
            found = self.match(shape(full), catch_all=False)
            new = [e for e in found if e not in endpoints]
            if new:
                endpoints.extend(new)
                full_paths.append(full)
        if not endpoints:
            return None
        return Resolution(How.PREFIX, tuple(endpoints), tuple(full_paths))


_cache: list[tuple[ProjectFacts, EndpointIndex]] = []


def index_for(facts: ProjectFacts) -> EndpointIndex:
    """The index of the facts of this run (one run checks every page against one facts)."""
    if not _cache or _cache[0][0] is not facts:
        _cache[:] = [(facts, EndpointIndex(facts))]
    return _cache[0][1]


def resolutions_for(page: Page, ctx: CheckContext) -> dict[EndpointClaim, Resolution]:
    """Every endpoint claim of the page, resolved once per run and shared by the rules."""
    assert ctx.facts is not None
    index = index_for(ctx.facts)

    def resolve_all(page: Page) -> dict[EndpointClaim, Resolution]:
        return {claim: index.resolve(claim) for claim in claims_for(page, ctx).endpoints}

    return ctx.memo("fd5.resolved", page, resolve_all)
