"""Which of the project's endpoints a documented path names, and how sure that is.

A documented path resolves when it matches an endpoint with parameters as wildcards
(:func:`~.paths.match_score`), the match with the most literal segments first: a request
line's (or an example call's) ``/products/availability/`` is the ``availability`` route,
not ``/products/{pk}/`` called with the value ``availability``. A request line's word is read as a value only
while the page does not name the same path as a route elsewhere (a heading, a table, a
label): once that route is gone, the request line is missing too, not a call of the
detail route. When it does not match, two near misses are recognised before
calling it unknown: the same path with or without its trailing slash, and the path with
a mount prefix of the project's ``include()``s put in front (pages often write
``/orders/{id}/`` for ``/api/v2/orders/{id}/``). A route marked ``format_suffix`` has
format-suffix twins (DRF's ``DefaultRouter``, ``format_suffix_patterns``): ``/orders.json``
and ``/orders/7.json`` resolve to it. A value its parameter's converter rejects does not
fill it (``/products/TEA-001/`` for ``products/<int:pk>/``, see :mod:`.converters`): such a
path is a near miss that names the value and the converter.

Not every path a page writes is the project's: prose names other services' APIs
(Stripe's ``POST /v1/payment_intents``), and so do URLs and request blocks written with
a host. Such a path is the project's only when it starts like one of its routes; one in
prose also when a mount prefix makes it one, or when it misses a route by one segment
written close to the route's (``/ordres/{id}/``). Any other is outside the project.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from enum import StrEnum

from featuredocs.model import EndpointFact, Page, ProjectFacts, reads
from featuredocs.rules.base import CheckContext, asked_index
from featuredocs.rules.fd5_endpoints.claims import claims_for
from featuredocs.rules.fd5_endpoints.converters import Misfit, SegmentCheck, segment_checks
from featuredocs.rules.fd5_endpoints.declarations import ClaimKind, EndpointClaim
from featuredocs.rules.fd5_endpoints.paths import (
    WILDCARD,
    PathShape,
    is_catch_all,
    is_placeholder_value,
    is_value,
    segment_pattern,
    shape,
)
from featuredocs.rules.suggest import closest


#: The suffixes format-suffix twin routes accept (``.json``).
_FORMAT_SUFFIX = re.compile(r"(?P<stem>[^/]*)\.[a-z0-9]+")


class How(StrEnum):
    EXACT = "exact"
    SLASH = "slash"  # matches once the trailing slash is added or removed
    PREFIX = "prefix"  # matches once a mount prefix is put in front
    CONVERTER = "converter"  # matches but for a value a parameter's converter rejects
    PARTIAL = "partial"  # a bare path that is the start of real paths (``/api/v1/``)
    EXTERNAL = "external"  # a URL, or a path in prose, outside the project's URL space
    NONE = "none"


@dataclass(frozen=True, slots=True)
class Resolution:
    how: How
    endpoints: tuple[EndpointFact, ...] = ()  # the best matches, most specific first
    full_paths: tuple[str, ...] = ()  # SLASH, PREFIX: the documented path, corrected
    misfit: Misfit | None = None  # CONVERTER: the value rejected

    @property
    def endpoint(self) -> EndpointFact | None:
        """The one endpoint meant, or None when none or several match equally well."""
        return self.endpoints[0] if len(self.endpoints) == 1 else None


@dataclass(frozen=True, slots=True)
class PathQuestion:
    """What resolving a claim depends on, asked of any version of the facts."""

    shape: PathShape
    text: str  # the path as written
    kind: ClaimKind
    absolute: bool  # written with scheme and host, or in a request with a Host header
    named_as_route: bool  # the page names the path as a route elsewhere


@dataclass(frozen=True, slots=True)
class _Route:
    endpoint: EndpointFact
    shape: PathShape
    catch_all: bool
    position: int  # in the facts: equally good matches keep the facts' order
    checks: tuple[SegmentCheck | None, ...]  # what each segment's parameters accept

    def misfit(self, segments: tuple[str, ...]) -> Misfit | None:
        """The first written value a parameter's converter rejects, if any."""
        checks = self.checks
        if self.catch_all and len(segments) > len(checks):  # the rest is the last one's
            checks = checks[:-1]
        found = (check.misfit(written) for written, check in zip(segments, checks) if check)
        return next((misfit for misfit in found if misfit is not None), None)


class _Node:
    """One segment of the route tree: a documented path walks it segment by segment, so
    it meets only the routes that can still match instead of every route."""

    __slots__ = ("children", "parameters", "ends", "catch_alls")

    def __init__(self) -> None:
        self.children: dict[str, _Node] = {}
        # Segments with a parameter (``{}``, ``{}.json``), which a documented literal may fill.
        self.parameters: list[tuple[str, re.Pattern[str], _Node]] = []
        self.ends: list[_Route] = []  # routes with exactly the segments leading here
        self.catch_alls: list[_Route] = []  # catch-all routes among them

    def child(self, segment: str) -> _Node:
        node = self.children.get(segment)
        if node is None:
            node = self.children[segment] = _Node()
            if WILDCARD in segment:
                self.parameters.append((segment, segment_pattern(segment), node))
        return node


class EndpointIndex:
    """The project's endpoints and mount prefixes as path shapes, built once per run.

    Routes sit in a tree of their segments, and every documented shape is matched once:
    a thousand pages name the same few paths.
    """

    def __init__(self, facts: ProjectFacts) -> None:
        self.facts = facts
        routes = [
            _Route(e, shape(e.path), is_catch_all(e.path, e.path_converters), position, segment_checks(e))
            for position, e in enumerate(facts.endpoints)
        ]
        self._routes = {route.endpoint.path: route for route in reversed(routes)}
        self._tree = _Node()
        self._starts: set[tuple[str, ...]] = set()
        for route in routes:
            node = self._tree
            for size, segment in enumerate(route.shape.segments):
                self._starts.add(route.shape.segments[:size])
                node = node.child(segment)
            self._starts.add(route.shape.segments)
            node.ends.append(route)
            if route.catch_all:
                node.catch_alls.append(route)
        self._matches: dict[tuple[PathShape, bool, bool, bool], tuple[EndpointFact, ...]] = {}
        self._under: dict[tuple[str, ...], list[EndpointFact]] | None = None
        self._near: dict[PathShape, bool] = {}
        self._resolved: dict[PathQuestion, Resolution] = {}
        self.shapes = {route.endpoint.path: route.shape for route in routes}
        self.prefixes = list(facts.url_prefixes)
        self.roots = {route.shape.segments[0] for route in routes if route.shape.segments}
        # what a page writes first when it leaves out a mount prefix: `orders` of /api/v1/orders/
        mounts = {shape(prefix).segments for prefix in self.prefixes}
        sizes = {len(mount) for mount in mounts}
        self.mounted_roots = {
            segments[size]
            for segments in (route.shape.segments for route in routes)
            for size in sizes
            if len(segments) > size and segments[:size] in mounts and WILDCARD not in segments[size]
        }
        project_apps = {app.label for app in facts.apps if app.project}
        self.project = tuple(
            e for e in facts.endpoints if e.location is not None or e.app in project_apps
        )

    def match(
        self, documented: PathShape, *, catch_all: bool = True, words: bool = True,
        converters: bool = True,
    ) -> tuple[EndpointFact, ...]:
        """The endpoints that match best (a catch-all route only when nothing else does);
        ``words``: see :func:`~.paths.match_score`; ``converters``: a written value must be
        one its parameter's converter accepts."""
        key = (documented, catch_all, words, converters)
        if key not in self._matches:
            self._matches[key] = self._best(documented, catch_all, words, converters)
        return self._matches[key]

    def _best(
        self, documented: PathShape, catch_all: bool, words: bool, converters: bool
    ) -> tuple[EndpointFact, ...]:
        """What :func:`~.paths.match_score` says of every route, read off the tree."""
        found: list[tuple[bool, int, int, EndpointFact]] = []  # (shorter, position, score, …)
        segments = documented.segments
        pending = [(self._tree, 0, 0)]
        while pending:
            node, depth, score = pending.pop()
            if depth == len(segments):
                found.extend(
                    (False, route.position, score, route.endpoint)
                    for route in node.ends
                    if route.shape.trailing_slash == documented.trailing_slash
                    and not (converters and route.misfit(segments))
                )
                continue
            if catch_all:  # the last parameter takes the remaining segments
                found.extend((True, route.position, -1, route.endpoint) for route in node.catch_alls
                             if not (converters and route.misfit(segments)))
            written = segments[depth]
            exact = node.children.get(written)
            if exact is not None:
                pending.append((exact, depth + 1, score + (WILDCARD not in written)))
            if WILDCARD in written or not node.parameters:
                continue
            if not words and not (is_value(written) or is_placeholder_value(written)):
                continue
            for actual, pattern, child in node.parameters:
                if actual != written and pattern.fullmatch(written):
                    pending.append((child, depth + 1, score))
        if not found:
            return ()
        found.sort()
        best = max(score for _, _, score, _ in found)
        return tuple(endpoint for _, _, score, endpoint in found if score == best)

    def is_start_of_a_route(self, documented: PathShape) -> bool:
        return documented.segments in self._starts

    def project_under(self, space: PathShape) -> list[EndpointFact]:
        """The project's own endpoints under ``space`` (see :func:`~.paths.is_under`), in
        the facts' order."""
        if self._under is None:
            self._under = defaultdict(list)
            for endpoint in self.project:
                segments = self.shapes[endpoint.path].segments
                for size in range(len(segments) + 1):
                    self._under[segments[:size]].append(endpoint)
        return self._under.get(space.segments, [])

    def resolve(self, question: PathQuestion) -> Resolution:
        """How ``question``'s path resolves; each question worked out once, as a thousand
        pages ask the same few."""
        found = self._resolved.get(question)
        if found is None:
            found = self._resolved[question] = self._resolve(question)
        return found

    def _resolve(self, question: PathQuestion) -> Resolution:
        documented = question.shape
        # A request line shows a call, with example values; elsewhere a word names a route.
        words = question.kind in CALLS and not question.named_as_route
        exact = self.match(documented, words=words) or self._format_twin(documented, words)
        if exact:
            return Resolution(How.EXACT, exact)
        misfit = self._misfit(documented, words)
        if misfit is not None:
            return misfit
        if question.kind is ClaimKind.BARE and self.is_start_of_a_route(documented):
            return Resolution(How.PARTIAL)
        outside = bool(documented.segments) and documented.segments[0] not in self.roots
        if question.absolute and outside:
            return Resolution(How.EXTERNAL)
        toggled = self.match(
            documented.with_slash(not documented.trailing_slash), catch_all=False, words=words
        )
        if toggled:
            path = question.text
            fixed = path.rstrip("/") if documented.trailing_slash else path + "/"
            return Resolution(How.SLASH, toggled, (fixed,))
        prefixed = self._with_prefix(question.text, words)
        if prefixed is not None:
            return prefixed
        if (
            outside and question.kind in _PROSE and documented.segments[0] not in self.mounted_roots
            and not self.is_near_a_route(documented)
        ):
            return Resolution(How.EXTERNAL)
        return Resolution(How.NONE)

    def is_near_a_route(self, documented: PathShape) -> bool:
        """Whether a project route of the same length differs from the documented path in
        one literal segment only, written close to it: ``/ordres/{id}/``, ``/orders/{pk}/``."""
        if documented not in self._near:
            self._near[documented] = any(
                _one_segment_off(documented.segments, self.shapes[endpoint.path].segments)
                for endpoint in self.project
            )
        return self._near[documented]

    def _format_twin(self, documented: PathShape, words: bool) -> tuple[EndpointFact, ...]:
        """The routes ``/orders.json`` or ``/orders/7.json/`` is the format-suffix twin of:
        those marked ``format_suffix``."""
        for stem in _format_stems(documented):
            found = self.match(stem, catch_all=False, words=words)
            twins = tuple(endpoint for endpoint in found if endpoint.format_suffix)
            if twins:
                return twins
        return ()

    def _misfit(self, documented: PathShape, words: bool) -> Resolution | None:
        """A path that matches once converters are left aside: the value they reject."""
        candidates = [(documented, self.match(documented, words=words, converters=False))]
        for stem in _format_stems(documented):
            loose = self.match(stem, catch_all=False, words=words, converters=False)
            candidates.append((stem, tuple(e for e in loose if e.format_suffix)))
        for written, endpoints in candidates:
            for endpoint in endpoints:
                misfit = self._routes[endpoint.path].misfit(written.segments)
                if misfit is not None:
                    return Resolution(How.CONVERTER, endpoints, misfit=misfit)
        return None

    def _with_prefix(self, text: str, words: bool) -> Resolution | None:
        endpoints: list[EndpointFact] = []
        full_paths: list[str] = []
        for prefix in self.prefixes:
            full = prefix.rstrip("/") + "/" + text.lstrip("/")
            found = self.match(shape(full), catch_all=False, words=words)
            new = [e for e in found if e not in endpoints]
            if new:
                endpoints.extend(new)
                full_paths.append(full)
        if not endpoints:
            return None
        return Resolution(How.PREFIX, tuple(endpoints), tuple(full_paths))


#: Claims that show a call, with example values in the path.
CALLS = frozenset({ClaimKind.REQUEST, ClaimKind.CALL})
#: Claims in running text, which may name any service's API.
_PROSE = frozenset({ClaimKind.INLINE, ClaimKind.BARE})


def _format_stems(documented: PathShape) -> tuple[PathShape, ...]:
    """``/orders/7`` with and without its slash, for ``/orders/7.json``; none without a suffix."""
    suffixed = _FORMAT_SUFFIX.fullmatch(documented.segments[-1]) if documented.segments else None
    if suffixed is None:
        return ()
    stem = suffixed.group("stem")
    segments = documented.segments[:-1] + ((stem,) if stem else ())
    return (PathShape(segments, True), PathShape(segments, False))  # the twin's slash is optional


def _one_segment_off(written: tuple[str, ...], actual: tuple[str, ...]) -> bool:
    if len(written) != len(actual):
        return False
    off = [(w, a) for w, a in zip(written, actual, strict=True) if not fills(w, a)]
    if len(off) != 1:
        return False
    [(wrong, real)] = off
    return WILDCARD not in real and closest(wrong, (real,)) is not None


def fills(written: str, actual: str) -> bool:
    """A written segment stands where a real one is: the same, a parameter, or a value
    (``7``, not a word) its parameter accepts."""
    if written == actual:
        return True
    if WILDCARD not in actual:
        return False
    if WILDCARD in written:
        return True
    return is_value(written) and segment_pattern(actual).fullmatch(written) is not None


@asked_index
def index_for(facts: ProjectFacts) -> EndpointIndex:
    """Pages do not read the index directly but ask it questions (:func:`resolved`,
    :func:`endpoints_under`)."""
    return EndpointIndex(facts)


#: The fields of the facts the index is built from.
ROUTES_FROM = ("endpoints", "apps", "url_prefixes")

#: How a documented path resolves. A page depends on the answers it got, not on every
#: route: a new endpoint touches only the pages whose paths it answers differently.
resolved = reads.asking("fd5.resolve", lambda facts, question: index_for(facts).resolve(question),
                        reading=ROUTES_FROM)

#: The project's own endpoints under a URL space.
endpoints_under = reads.asking("fd5.under", lambda facts, space: tuple(index_for(facts).project_under(space)),
                               reading=ROUTES_FROM)


def resolve_claim(facts: ProjectFacts, claim: EndpointClaim, *, named_as_route: bool = False) -> Resolution:
    """``named_as_route``: the page names the claim's path as a route elsewhere."""
    question = PathQuestion(claim.shape, claim.path.text, claim.kind, claim.absolute, named_as_route)
    return resolved(facts, question)


def resolutions_for(page: Page, ctx: CheckContext) -> dict[EndpointClaim, Resolution]:
    """Every endpoint claim of the page, resolved once per run and shared by the rules."""
    assert ctx.facts is not None
    facts = ctx.facts

    def resolve_all(page: Page) -> dict[EndpointClaim, Resolution]:
        claims = claims_for(page, ctx).endpoints
        routes = {claim.shape for claim in claims if claim.kind not in CALLS}
        return {claim: resolve_claim(facts, claim, named_as_route=claim.shape in routes) for claim in claims}

    return ctx.memo("fd5.resolved", page, resolve_all)


def answering(claims: Iterable[EndpointClaim], resolutions: dict[EndpointClaim, Resolution]) -> list[EndpointFact]:
    """The project's endpoints ``claims`` name whose response is known, each once (a
    page's ``GET`` and ``POST /api/v1/orders/`` are one route)."""
    found: dict[str, EndpointFact] = {}
    for claim in claims:
        resolution = resolutions.get(claim)
        endpoint = resolution.endpoint if resolution is not None else None
        if endpoint is not None and endpoint.response is not None:
            found.setdefault(endpoint.path, endpoint)
    return list(found.values())
