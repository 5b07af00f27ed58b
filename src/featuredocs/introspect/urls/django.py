"""Plain Django views: class-based views, function views and their method decorators."""

from __future__ import annotations

from functools import cache
from pathlib import Path
from typing import Any

from django.views.decorators.http import require_http_methods

from featuredocs.introspect.source_reads import class_attributes, json_response_fields, query_reads
from featuredocs.introspect.urls.source import (
    app_label,
    dotted_path,
    normalise_methods,
    own_sources,
    parsed_source,
    source_location,
    unwrap,
)
from featuredocs.introspect.urls.walk import RouteEntry
from featuredocs.model import EndpointFact, QueryParamFact

_METHOD_LIST_VARIABLE = "request_method_list"
_METHOD_DECORATORS_VARIABLE = "decorators"  # django.utils.decorators._multi_decorate


def describe_django_view(entry: RouteEntry, project_root: Path) -> EndpointFact:
    view_class = getattr(entry.callback, "view_class", None)
    page = None
    if isinstance(view_class, type):
        target: Any = view_class
        initkwargs = getattr(entry.callback, "view_initkwargs", {})
        methods = class_view_methods(view_class, initkwargs, entry.callback)
        handler = getattr(view_class, "get", None)
        response = json_response_fields(parsed_source(handler)) if handler else None
        page = list_page_param(view_class, initkwargs)
    else:
        target = unwrap(entry.callback)
        methods = decorated_methods(entry.callback)
        response = json_response_fields(parsed_source(target))
    reads = query_reads(
        map(parsed_source, own_sources(target, project_root)),
        class_attributes(target),
    )
    params = reads.params
    if page is not None and page.name not in {param.name for param in params}:
        params = (*params, page)
    return EndpointFact(
        path=entry.path,
        methods=methods,
        name=entry.name,
        view=dotted_path(target),
        path_params=entry.path_params,
        query_params=params,
        response=response,
        app=app_label(target),
        framework="django",
        location=source_location(target, project_root),
        query_params_complete=reads.complete,
    )


def list_page_param(view_class: type, initkwargs: dict[str, Any]) -> QueryParamFact | None:
    """``?page=`` of a ``ListView`` that paginates (``paginate_by``): Django reads it for
    the view (``page_kwarg``), whatever the view's own code reads."""
    from django.views.generic.list import MultipleObjectMixin

    if not issubclass(view_class, MultipleObjectMixin):
        return None
    if not initkwargs.get("paginate_by", getattr(view_class, "paginate_by", None)):
        return None
    page_kwarg = initkwargs.get("page_kwarg", getattr(view_class, "page_kwarg", "page"))
    return QueryParamFact(page_kwarg, "pagination", "integer") if isinstance(page_kwarg, str) else None


def class_view_methods(
    view_class: type, initkwargs: dict[str, Any], callback: Any = None
) -> tuple[str, ...]:
    """The methods a ``View`` subclass has handlers for, within its ``http_method_names``.

    ``require_POST(View.as_view())`` in the URLconf and
    ``@method_decorator(require_POST, name="dispatch")`` on the class narrow them further.
    """
    allowed = initkwargs.get("http_method_names", getattr(view_class, "http_method_names", ()))
    handled = {m.upper() for m in allowed if callable(getattr(view_class, m, None))}
    for restriction in (decorated_methods(callback), decorated_methods(view_class.dispatch)):
        if restriction is not None:
            handled &= set(restriction)
    return normalise_methods(handled)


def decorated_methods(callback: Any) -> tuple[str, ...] | None:
    """Methods allowed by ``require_http_methods`` (and ``require_GET`` …) on a function view.

    Every layer of ``functools.wraps`` is inspected; stacked decorators intersect. None when
    no layer restricts the methods: a bare function view accepts anything it chooses to.
    """
    allowed: list[str] | None = None
    current, seen = callback, set()
    while current is not None and id(current) not in seen:
        seen.add(id(current))
        for methods in _restrictions(current):
            allowed = methods if allowed is None else [m for m in allowed if m in methods]
        current = getattr(current, "__wrapped__", None)
    return None if allowed is None else normalise_methods(allowed)


def _restrictions(func: Any) -> list[list[str]]:
    """Method lists ``func`` enforces: as a ``require_http_methods`` wrapper, or as a
    ``method_decorator`` wrapper closing over such decorators."""
    own = _required_methods(func)
    if own is not None:
        return [own]
    decorators = _closure_value(func, _METHOD_DECORATORS_VARIABLE)
    if not isinstance(decorators, list | tuple):
        return []
    found = (_required_methods(decorator) for decorator in decorators)
    return [methods for methods in found if methods is not None]


def _closure_value(func: Any, name: str) -> Any:
    code = getattr(func, "__code__", None)
    closure = getattr(func, "__closure__", None)
    if code is None or not closure or name not in code.co_freevars:
        return None
    try:
        return closure[code.co_freevars.index(name)].cell_contents
    except ValueError:  # an empty cell
        return None


def _required_methods(func: Any) -> list[str] | None:
    """The method list a ``require_http_methods`` wrapper closes over, read from its cell."""
    code = getattr(func, "__code__", None)
    if code is None:
        return None
    if code not in _require_http_methods_codes() and not code.co_qualname.startswith(
        require_http_methods.__name__ + "."
    ):
        return None
    methods = _closure_value(func, _METHOD_LIST_VARIABLE)
    if isinstance(methods, list | tuple | set | frozenset):
        return [str(m).upper() for m in methods]
    return None


@cache
def _require_http_methods_codes() -> frozenset[Any]:
    """The code objects of Django's own wrappers, sync and async, to recognise them by."""

    def sync_view(request: Any) -> None: ...

    async def async_view(request: Any) -> None: ...

    decorator = require_http_methods(["GET"])
    return frozenset({decorator(sync_view).__code__, decorator(async_view).__code__})
