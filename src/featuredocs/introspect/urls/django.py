"""Plain Django views: class-based views, function views and their method decorators."""

from __future__ import annotations

import ast
import re
from functools import cache
from pathlib import Path
from typing import Any

from django.views.decorators.http import require_http_methods

from featuredocs.introspect.urls.params import request_query_params
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
from featuredocs.model import EndpointFact, ResponseField

_METHOD_LIST_VARIABLE = "request_method_list"
_METHOD_DECORATORS_VARIABLE = "decorators"  # django.utils.decorators._multi_decorate
_MAX_DEPTH = 6
_STATUS_NAME = re.compile(r"HTTP_(\d{3})_")


def describe_django_view(entry: RouteEntry, project_root: Path) -> EndpointFact:
    view_class = getattr(entry.callback, "view_class", None)
    if isinstance(view_class, type):
        target: Any = view_class
        methods = class_view_methods(
            view_class, getattr(entry.callback, "view_initkwargs", {}), entry.callback
        )
        handler = getattr(view_class, "get", None)
        response = json_response_fields(handler) if handler else None
    else:
        target = unwrap(entry.callback)
        methods = decorated_methods(entry.callback)
        response = json_response_fields(target)
    return EndpointFact(
        path=entry.path,
        methods=methods,
        name=entry.name,
        view=dotted_path(target),
        path_params=entry.path_params,
        query_params=request_query_params(own_sources(target, project_root)),
        response=response,
        app=app_label(target),
        framework="django",
        location=source_location(target, project_root),
    )


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


# --- JsonResponse({...}) bodies ----------------------------------------------------------


def json_response_fields(
    func: Any, call_names: frozenset[str] = frozenset({"JsonResponse"})
) -> tuple[ResponseField, ...] | None:
    """Keys of the literal dict a view returns as ``JsonResponse({...})``.

    Error answers (``status=`` 300 or more) are set aside. Known only when every other
    such return passes a literal dict with string keys and all of them agree; anything
    else is unknown (None).
    """
    tree = parsed_source(func)
    if tree is None:
        return None
    shapes: list[tuple[ResponseField, ...]] = []
    for node in ast.walk(tree):
        call = node.value if isinstance(node, ast.Return) else None
        if not (isinstance(call, ast.Call) and _call_name(call) in call_names):
            continue
        if _is_error_status(call):
            continue
        shape = _dict_shape(call.args[0], 0) if call.args else None
        if shape is None:
            return None
        shapes.append(shape)
    if not shapes or any(shape != shapes[0] for shape in shapes):
        return None
    return shapes[0]


def _call_name(call: ast.Call) -> str:
    func = call.func
    if isinstance(func, ast.Name):
        return func.id
    return func.attr if isinstance(func, ast.Attribute) else ""


def _is_error_status(call: ast.Call) -> bool:
    """``status=404``, ``status=400``…; a computed status counts as an error answer too,
    since the success body is the one a page documents."""
    for keyword in call.keywords:
        if keyword.arg == "status":
            code = _status_code(keyword.value)
            return code is None or code >= 300
    return False


def _status_code(node: ast.AST) -> int | None:
    """``201``, or DRF's ``status.HTTP_201_CREATED``."""
    if isinstance(node, ast.Constant) and isinstance(node.value, int):
        return node.value
    name = node.attr if isinstance(node, ast.Attribute) else node.id if isinstance(node, ast.Name) else ""
    match = _STATUS_NAME.match(name)
    return int(match.group(1)) if match else None


def _dict_shape(node: ast.AST, depth: int) -> tuple[ResponseField, ...] | None:
    if not isinstance(node, ast.Dict) or depth > _MAX_DEPTH:
        return None
    fields: list[ResponseField] = []
    for key, value in zip(node.keys, node.values, strict=True):
        if not (isinstance(key, ast.Constant) and isinstance(key.value, str)):
            return None  # ``**other`` or a computed key: the shape is not readable
        fields.append(_value_field(key.value, value, depth))
    return tuple(fields)


def _value_field(name: str, value: ast.AST, depth: int) -> ResponseField:
    if isinstance(value, ast.Dict):
        return ResponseField(name, _dict_shape(value, depth + 1) or (), type="object")
    if isinstance(value, ast.List | ast.ListComp):
        element = value.elt if isinstance(value, ast.ListComp) else (value.elts[0] if value.elts else None)
        children = _dict_shape(element, depth + 1) if isinstance(element, ast.Dict) else None
        return ResponseField(name, children or (), many=True, type="array")
    return ResponseField(name, type=_literal_type(value))


def _literal_type(value: ast.AST) -> str | None:
    if isinstance(value, ast.Constant):
        kinds = {bool: "boolean", int: "integer", float: "number", str: "string"}
        return kinds.get(type(value.value))
    return None
