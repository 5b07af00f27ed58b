"""URL endpoints of a Django project: plain Django views, DRF and django-ninja.

Call :func:`collect_endpoints` after ``django.setup()``. The walk over the resolver is
framework-neutral; each pattern is then described by the first adapter that recognises
its view (ninja, DRF, plain Django). The DRF and ninja adapters are imported only when
the project has already imported those packages, so projects without them never load
them. No database connection is opened.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

from featuredocs.introspect.urls.django import describe_django_view
from featuredocs.introspect.urls.walk import RouteEntry, walk_urls
from featuredocs.model import EndpointFact

Adapter = Callable[[RouteEntry, Path], EndpointFact | None]

__all__ = ["collect_endpoints"]


def collect_endpoints(
    project_root: Path, urlconf: str | None = None
) -> tuple[tuple[EndpointFact, ...], tuple[str, ...]]:
    """Every endpoint (sorted by path, then methods) and the include() mount prefixes.

    Importing the URLconf may raise whatever the project's code raises; describing one
    view never does: what cannot be read is left unknown (None).
    """
    entries, prefixes = walk_urls(urlconf)
    adapters = _adapters()
    endpoints = [_routed(_describe(entry, project_root, adapters), entry) for entry in entries]
    endpoints.sort(key=lambda e: (e.path, e.methods or ()))
    return tuple(endpoints), tuple(prefixes)


def _describe(entry: RouteEntry, project_root: Path, adapters: list[Adapter]) -> EndpointFact:
    for adapter in adapters:
        try:
            endpoint = adapter(entry, project_root)
        except Exception:  # one unreadable view must not hide the others
            endpoint = None
        if endpoint is not None:
            return endpoint
    try:
        return describe_django_view(entry, project_root)
    except Exception:
        return EndpointFact(path=entry.path, name=entry.name, path_params=entry.path_params)


def _routed(endpoint: EndpointFact, entry: RouteEntry) -> EndpointFact:
    """What the URL pattern alone says, whichever adapter described the view."""
    return replace(endpoint, path_converters=entry.path_converters, format_suffix=entry.format_suffix)


def _adapters() -> list[Adapter]:
    adapters: list[Adapter] = []
    if sys.modules.get("ninja") is not None:
        try:
            from featuredocs.introspect.urls.ninja import describe_ninja_view
        except ImportError:
            pass
        else:
            adapters.append(describe_ninja_view)
    if sys.modules.get("rest_framework") is not None:
        try:
            from featuredocs.introspect.urls.drf import describe_drf_view
        except ImportError:
            pass
        else:
            adapters.append(describe_drf_view)
    return adapters
