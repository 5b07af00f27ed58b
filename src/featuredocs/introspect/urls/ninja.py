"""django-ninja: operations behind each URL, their query parameters and response schemas.

A ``NinjaAPI`` mounts one Django view per path; the view closes over a ``PathView`` whose
``operations`` hold the methods, the view function and the pydantic models. Older
releases (< 1.4) used the bound method ``PathView._sync_view`` as the view, newer ones a
closure over the ``PathView``; both are recognised. An integer's ``le``/``lt`` bounds
are its cap; the parameters ``@paginate`` adds are described in :mod:`ninja_pagination`.
Imported only when the project has loaded ``ninja``.
"""

from __future__ import annotations

import datetime
import decimal
import enum
import inspect
import types
import typing
import uuid
from pathlib import Path
from typing import Any

import ninja
from ninja.operation import PathView
from pydantic import BaseModel

from featuredocs.introspect.ninja_sizes import count_maximum, declared_cap
from featuredocs.introspect.param_defaults import literal_default
from featuredocs.introspect.urls.ninja_pagination import Leaf, bounds, paginator_of
from featuredocs.introspect.urls.source import (
    app_label,
    dotted_path,
    normalise_methods,
    source_location,
)
from featuredocs.introspect.urls.walk import RouteEntry
from featuredocs.model import EndpointFact, QueryParamFact, ResponseField

NINJA_VERSION = tuple(int(p) for p in ninja.__version__.split(".")[:2] if p.isdigit())
# 1.0 moved to pydantic 2 (``model_fields``), which everything below reads.
SUPPORTED_SINCE = (1, 0)
_MAX_DEPTH = 6
_SCALAR_TYPES: dict[Any, str] = {
    int: "integer", float: "number", decimal.Decimal: "number", bool: "boolean",
    str: "string", uuid.UUID: "string", datetime.date: "date",
    datetime.datetime: "datetime", datetime.time: "time",
}


def describe_ninja_view(entry: RouteEntry, project_root: Path) -> EndpointFact | None:
    if NINJA_VERSION < SUPPORTED_SINCE:
        return None
    path_view = path_view_of(entry.callback)
    if path_view is None or not path_view.operations:
        return None
    operations = list(path_view.operations)
    main = next((op for op in operations if "GET" in op.methods), operations[0])
    function = _declared_function(main.view_func)
    return EndpointFact(
        path=entry.path,
        methods=normalise_methods(m for op in operations for m in op.methods),
        name=entry.name,
        view=dotted_path(function),
        path_params=entry.path_params,
        query_params=_query_params(operations),
        response=response_fields(main),
        app=app_label(function),
        framework="ninja",
        location=source_location(function, project_root),
    )


def _declared_function(view: Any) -> Any:
    """The function the operation was declared on, under ``@paginate``'s wrapper (and any
    other decorator that keeps ``__wrapped__``)."""
    try:
        return inspect.unwrap(view)
    except ValueError:  # a cycle of ``__wrapped__``
        return view


def path_view_of(callback: Any) -> PathView | None:
    owner = getattr(callback, "__self__", None)
    if isinstance(owner, PathView):
        return owner
    for cell in getattr(callback, "__closure__", None) or ():
        try:
            value = cell.cell_contents
        except ValueError:
            continue
        if isinstance(value, PathView):
            return value
    return None


# --- query parameters ---------------------------------------------------------------------


def _query_params(operations: list[Any]) -> tuple[QueryParamFact, ...]:
    found: dict[str, QueryParamFact] = {}
    for operation in operations:
        paged = paginator_of(getattr(operation, "view_func", None))
        for model in getattr(operation, "models", ()):
            if getattr(model, "__ninja_param_source__", None) != "query":
                continue
            flatten = getattr(model, "__ninja_flatten_map__", None) or {
                name: (name,) for name in model.model_fields
            }
            for name, route in flatten.items():
                leaf = _leaf(model, route)
                param = _query_param(name, leaf)
                if paged is not None and leaf is not None and route[0] == paged.argument:
                    param = paged.param(param, leaf)
                found.setdefault(name, param)
    return tuple(found.values())


def _leaf(model: type[BaseModel], route: tuple[str, ...]) -> Leaf | None:
    """The field a flattened name leads to (``Query[Filters]`` spreads its fields)."""
    required, current, leaf = True, model, None
    for step in route:
        found = _field_named(current, step)
        if found is None:
            return None
        required = required and found[1].is_required()
        leaf = Leaf(found[0], found[1], required)
        current = _model_in(found[1].annotation)
    return leaf


def _query_param(name: str, leaf: Leaf | None) -> QueryParamFact:
    if leaf is None:
        return QueryParamFact(name, "ninja")
    annotation = leaf.field.annotation
    kind = _type_name(annotation)
    default = None if leaf.required else literal_default(leaf.field.default)
    maximum = count_maximum(declared_cap(bounds(leaf.field))) if kind == "integer" else None
    return QueryParamFact(name, "ninja", kind, leaf.required, _choices(annotation), default, maximum)


def _field_named(model: Any, name: str) -> tuple[str, Any] | None:
    """(attribute, field) of the field called ``name``, or aliased so."""
    fields = getattr(model, "model_fields", None) or {}
    if name in fields:
        return name, fields[name]
    return next(((n, f) for n, f in fields.items() if f.alias == name), None)


# --- response schemas ---------------------------------------------------------------------


def response_fields(operation: Any) -> tuple[ResponseField, ...] | None:
    """Fields of the success response's schema; a list body is described by its items."""
    models = getattr(operation, "response_models", None) or {}
    codes = sorted(c for c in models if isinstance(c, int) and 200 <= c < 300)
    wrapper = models.get(codes[0]) if codes else None
    found = _field_named(wrapper, "response")
    if found is None:
        return None
    annotation = _optional_inner(found[1].annotation)
    if _list_item(annotation) is not None:
        annotation = _list_item(annotation)
    model = _model_in(annotation)
    return _model_fields(model, 0) if model is not None else None


def _model_fields(model: type[BaseModel], depth: int) -> tuple[ResponseField, ...]:
    fields = []
    for name, info in model.model_fields.items():
        if info.exclude:
            continue
        fields.append(_response_field(name, info.annotation, depth))
    return tuple(fields)


def _response_field(name: str, annotation: Any, depth: int) -> ResponseField:
    annotation = _optional_inner(annotation)
    item = _list_item(annotation)
    many = item is not None
    model = _model_in(item if many else annotation)
    children = _model_fields(model, depth + 1) if model is not None and depth < _MAX_DEPTH else ()
    if many:
        return ResponseField(name, children, many=True, type="array")
    kind = "object" if model is not None else _type_name(annotation)
    return ResponseField(name, children, type=kind)


# --- annotations ------------------------------------------------------------------------


def _optional_inner(annotation: Any) -> Any:
    """``X | None`` and ``Annotated[X, ...]`` to ``X``."""
    while True:
        origin = typing.get_origin(annotation)
        if origin is typing.Annotated:
            annotation = typing.get_args(annotation)[0]
            continue
        if origin in (typing.Union, types.UnionType):
            options = [a for a in typing.get_args(annotation) if a is not type(None)]
            if len(options) == 1:
                annotation = options[0]
                continue
        return annotation


def _list_item(annotation: Any) -> Any:
    origin = typing.get_origin(annotation)
    if origin in (list, tuple, set, frozenset):
        args = typing.get_args(annotation)
        return _optional_inner(args[0]) if args else Any
    return None


def _model_in(annotation: Any) -> type[BaseModel] | None:
    annotation = _optional_inner(annotation)
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    return None


def _type_name(annotation: Any) -> str | None:
    annotation = _optional_inner(annotation)
    if _list_item(annotation) is not None:
        return "array"
    if typing.get_origin(annotation) is typing.Literal:
        return "string"
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return "object"
    if annotation in _SCALAR_TYPES:
        return _SCALAR_TYPES[annotation]
    for kind, name in _SCALAR_TYPES.items():  # str enums, constrained subclasses
        if isinstance(annotation, type) and issubclass(annotation, kind):
            return name
    return None


def _choices(annotation: Any) -> tuple[str, ...]:
    """``Literal["a", "b"]``'s values, or an enum's (a model's ``TextChoices``): what the
    query string may give."""
    annotation = _optional_inner(annotation)
    if typing.get_origin(annotation) is typing.Literal:
        return tuple(str(v) for v in typing.get_args(annotation))
    if isinstance(annotation, type) and issubclass(annotation, enum.Enum):
        return tuple(str(member.value) for member in annotation)
    return ()
