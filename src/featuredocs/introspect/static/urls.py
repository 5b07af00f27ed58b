"""Endpoints from the URLconf's source: ``collect_endpoints`` for static mode.

Walks ``ROOT_URLCONF`` (see ``url_walk``), lets routers, the admin and django-ninja add
their routes, and describes each route's view (see ``endpoints``). Paths, parameters and
the include() mount prefixes are normalised exactly as live mode normalises them.
"""

from __future__ import annotations

import ast

from featuredocs.introspect.static.admin_routes import AdminRoutes
from featuredocs.introspect.static.apps import StaticApp
from featuredocs.introspect.static.classes import Classes
from featuredocs.introspect.static.drf_routers import RouterRoutes
from featuredocs.introspect.static.endpoints import Describer
from featuredocs.introspect.static.model_lookup import ModelLookup
from featuredocs.introspect.static.modules import Module, ModuleIndex
from featuredocs.introspect.static.ninja_routes import NinjaRoutes
from featuredocs.introspect.static.settings import SettingsRead
from featuredocs.introspect.static.url_walk import Fragment, Route, UrlWalker
from featuredocs.model import EndpointFact, ModelFact

FORMAT_PARAM = "format"


class _Specials:
    """Routers, the admin and django-ninja, each asked in turn about a pattern."""

    def __init__(self, *readers: RouterRoutes | AdminRoutes | NinjaRoutes) -> None:
        self.readers = readers

    def include_like(self, walker: UrlWalker, module: Module, node: ast.AST,
                     fragments: tuple[Fragment, ...], namespaces: tuple[str, ...]) -> bool:
        return any(r.include_like(walker, module, node, fragments, namespaces) for r in self.readers)


def collect_endpoints(
    index: ModuleIndex, classes: Classes, apps: list[StaticApp], settings: SettingsRead,
    models: tuple[ModelFact, ...], warnings: list[str],
) -> tuple[tuple[EndpointFact, ...], tuple[str, ...]]:
    urlconf = settings.get("ROOT_URLCONF")
    if not isinstance(urlconf, str) or not urlconf:
        warnings.append("endpoints: ROOT_URLCONF cannot be read from the settings")
        return (), ()
    lookup = ModelLookup(classes, models)
    ninja = NinjaRoutes(classes, settings)
    walker = UrlWalker(classes, settings, _Specials(
        RouterRoutes(classes, lookup), AdminRoutes(classes, apps, lookup), ninja))
    state = walker.walk(urlconf)
    warnings.extend(f"endpoints: {w}" for w in state.warnings)
    routes: dict[str, Route] = {}
    for route in state.routes:
        if FORMAT_PARAM not in route.params:
            routes.setdefault(route.path, route)  # the first pattern wins, as in Django
    describer = Describer(classes, apps, settings, lookup, ninja)
    endpoints = sorted((describer.describe(r) for r in routes.values()),
                       key=lambda e: (e.path, e.methods or ()))
    prefixes = sorted((p for p in state.prefixes if p != "/" and "{" + FORMAT_PARAM + "}" not in p),
                      key=lambda p: (-len(p), p))
    return tuple(endpoints), tuple(prefixes)
