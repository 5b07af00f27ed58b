"""Django REST framework views: methods, filter/search/ordering/pagination parameters.

Imported only when ``rest_framework`` is already loaded by the project's URLconf, so a
project without DRF never pays for it. Everything is read from classes and their
attributes; views are never dispatched, querysets never evaluated. ``get_serializer_class``
and ``get_queryset`` depend on the request, so the class attributes ``serializer_class``
and ``queryset`` are what is read.
"""

from __future__ import annotations

import ast
import inspect
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any, TypeVar

from rest_framework.generics import GenericAPIView
from rest_framework.mixins import ListModelMixin
from rest_framework.views import APIView

from featuredocs.introspect.parsed import branches, per_run
from featuredocs.introspect.source_reads import (
    QueryReads,
    class_attributes,
    json_response_fields,
    query_reads,
    route_parts,
)
from featuredocs.introspect.urls import drf_params, drf_serializers
from featuredocs.introspect.urls.django import decorated_methods
from featuredocs.introspect.urls.source import (
    app_label,
    dotted_path,
    own_sources,
    normalise_methods,
    parsed_source,
    source_location,
)
from featuredocs.introspect.urls.walk import RouteEntry
from featuredocs.model import EndpointFact

T = TypeVar("T")
_RESPONSE_CALLS = frozenset({"Response", "JsonResponse"})

# ViewSet actions whose response is the serializer's representation.
_SERIALIZER_ACTIONS = frozenset({"list", "create", "retrieve", "update", "partial_update"})


def describe_drf_view(entry: RouteEntry, project_root: Path) -> EndpointFact | None:
    """The endpoint of a DRF view (APIView, generic view, ViewSet, ``@api_view``), else None."""
    view_class = getattr(entry.callback, "cls", None)
    if not (isinstance(view_class, type) and issubclass(view_class, APIView)):
        return None
    actions: dict[str, str] | None = getattr(entry.callback, "actions", None)
    initkwargs: dict[str, Any] = getattr(entry.callback, "initkwargs", None) or {}
    function = api_view_function(view_class)
    target = function or view_class
    handlers = _handlers(view_class, actions)
    filtered = _filters_queryset(view_class, actions, handlers)
    pagination = _safely(drf_params.pagination, view_class, project_root) if filtered else None
    backends = QueryReads()
    if filtered:  # backends that could not be read still read the query string: unknown
        backends = _safely(drf_params.backend_params, view_class, project_root) or QueryReads(complete=False)
    own = query_reads(
        route_parts(map(parsed_source, own_sources(target, project_root)), actions, _extra_handlers(view_class)),
        class_attributes(view_class),
    )
    return EndpointFact(
        path=entry.path,
        methods=view_methods(view_class, actions, initkwargs, entry.callback),
        name=entry.name,
        view=dotted_path(target),
        path_params=entry.path_params,
        query_params=_merge(
            backends.params,
            pagination.params if pagination else (),
            own.params,
        ),
        response=_safely(_response, view_class, actions, initkwargs, function),
        paginated=bool(pagination and pagination.paginates),
        pagination_keys=pagination.keys if pagination and pagination.paginates else (),
        app=app_label(target),
        framework="drf",
        location=source_location(target, project_root),
        query_params_complete=own.complete and backends.complete
        and (pagination is None or pagination.complete),
    )


def _extra_handlers(view_class: type) -> Iterator[str]:
    """The methods that handle a ViewSet's ``@action`` routes (and their ``.mapping``s)."""
    extra = getattr(view_class, "get_extra_actions", None)
    for action in extra() if callable(extra) else ():
        yield action.__name__
        yield from getattr(action, "mapping", {}).values()  # ``@stats.mapping.post``


def view_methods(
    view_class: type, actions: dict[str, str] | None, initkwargs: dict[str, Any],
    callback: Any = None,
) -> tuple[str, ...]:
    """ViewSet routes: the router's ``actions`` map; other views: the defined handlers.

    ``require_http_methods`` around the view or on ``dispatch`` narrows them, as for any
    Django class-based view.
    """
    allowed = initkwargs.get("http_method_names", view_class.http_method_names)
    if actions is not None:
        methods = {m.upper() for m in actions if m in allowed}
    else:
        methods = {m.upper() for m in allowed if callable(getattr(view_class, m, None))}
    for restriction in (decorated_methods(callback), decorated_methods(view_class.dispatch)):
        if restriction is not None:
            methods &= set(restriction)
    return normalise_methods(methods)


def api_view_function(view_class: type) -> Any | None:
    """The function an ``@api_view`` wraps: each handler closes over it as ``func``."""
    for method in view_class.http_method_names:
        handler = view_class.__dict__.get(method)
        if handler is None or not inspect.isfunction(handler):
            continue
        try:
            func = inspect.getclosurevars(handler).nonlocals.get("func")
        except (TypeError, ValueError):
            continue
        if inspect.isfunction(func):
            return func
    return None


def _handlers(view_class: type, actions: dict[str, str] | None) -> list[Any]:
    names = actions.values() if actions is not None else view_class.http_method_names
    return [h for h in (getattr(view_class, n, None) for n in names) if callable(h)]


def _filters_queryset(view_class: type, actions: dict[str, str] | None, handlers: list[Any]) -> bool:
    """Whether this route lists objects through ``filter_queryset``/``paginate_queryset``.

    ``list`` (ListModelMixin) does; ``retrieve`` does too, but a filter parameter on a
    detail URL is not something a page documents, so only list-like routes get them. A
    custom ``@action`` counts when its own source calls ``paginate_queryset``.
    """
    if not issubclass(view_class, GenericAPIView):
        return False
    if actions is not None:
        if "list" in actions.values():
            return True
        return any(_calls(handler, "paginate_queryset") for handler in handlers)
    if issubclass(view_class, ListModelMixin):
        return True
    return any(_calls(handler, "paginate_queryset") for handler in handlers)


@per_run
def _calls(func: Any, method: str) -> bool:
    tree = parsed_source(func)
    if tree is None:
        return False
    return any(
        isinstance(node, ast.Call)
        and isinstance(node.func, ast.Attribute)
        and node.func.attr == method
        for node in branches(tree)
    )


def _response(
    view_class: type, actions: dict[str, str] | None, initkwargs: dict[str, Any],
    function: Any,
) -> Any:
    """The serializer's fields for routes that answer with it; None when unknown.

    An ``@action`` may return anything, so its shape is known only when it names its own
    ``serializer_class``, or its handler returns ``Response({...literal dict...})``, as a
    plain ``APIView`` or ``@api_view`` is known when it does.
    """
    if not issubclass(view_class, GenericAPIView):
        get_handler = (actions or {}).get("get", "get")  # a ViewSet's ``list``/``retrieve``
        handler = function or getattr(view_class, get_handler, None)
        return json_response_fields(parsed_source(handler), _RESPONSE_CALLS) if handler else None
    serializer_class = initkwargs.get("serializer_class")
    if serializer_class is None:
        if actions is not None and not set(actions.values()) & _SERIALIZER_ACTIONS:
            handler = getattr(view_class, actions.get("get") or next(iter(actions.values())), None)
            return json_response_fields(parsed_source(handler), _RESPONSE_CALLS) if handler else None
        serializer_class = getattr(view_class, "serializer_class", None)
    if serializer_class is None:
        return None
    return drf_serializers.serializer_fields(serializer_class)


def _safely(read: Callable[..., T], *args: Any) -> T | None:
    """``read(*args)``, or None when the project's classes make it fail: unknown."""
    try:
        return read(*args)
    except Exception:
        return None


def _merge(*groups: Any) -> tuple[Any, ...]:
    """Parameters from every source, first one wins per name."""
    merged: dict[str, Any] = {}
    for group in groups:
        for param in group:
            merged.setdefault(param.name, param)
    return tuple(merged.values())
