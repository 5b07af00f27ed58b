"""What a view's own source says: the query parameters it reads, the literal JSON it
returns, the methods its decorators allow. The same readings live mode makes from the
source of the imported view, made here on the AST of the project's files.
"""

from __future__ import annotations

import ast
import re
from collections.abc import Iterable, Iterator

from featuredocs.model import QueryParamFact, ResponseField

_QUERY_DICTS = frozenset({"GET", "query_params"})
_READ_METHODS = frozenset({"get", "getlist", "pop", "__getitem__", "__contains__"})
_CONVERTERS = {
    "int": "integer", "float": "number", "Decimal": "number", "bool": "boolean",
    "str": "string", "UUID": "string",
}
_STATUS_NAME = re.compile(r"HTTP_(\d{3})_")
_MAX_DEPTH = 6
#: Function decorators that restrict methods, as ``require_http_methods`` presets.
METHOD_DECORATORS = {
    "require_GET": ("GET",), "require_POST": ("POST",), "require_safe": ("GET", "HEAD"),
}


# --- query parameters ------------------------------------------------------------------------


def request_query_params(trees: Iterable[ast.AST]) -> tuple[QueryParamFact, ...]:
    """Parameters read from ``request.GET`` / ``request.query_params`` in these trees."""
    found: dict[str, QueryParamFact] = {}
    for tree in trees:
        for param in _reads(tree):
            known = found.get(param.name)
            if known is None:
                found[param.name] = param
            else:
                found[param.name] = QueryParamFact(
                    param.name, "request", known.type or param.type, known.required or param.required,
                )
    return tuple(found.values())


def _reads(tree: ast.AST) -> Iterator[QueryParamFact]:
    aliases = _aliases(tree)
    parents = {child: node for node in ast.walk(tree) for child in ast.iter_child_nodes(node)}
    nodes = sorted((n for n in ast.walk(tree) if hasattr(n, "lineno")),
                   key=lambda n: (n.lineno, n.col_offset))
    for node in nodes:
        read = _read_of(node, aliases)
        if read is not None:
            yield QueryParamFact(read[0], "request", _converted_type(node, parents), read[1])


def _read_of(node: ast.AST, aliases: set[str]) -> tuple[str, bool] | None:
    if isinstance(node, ast.Subscript) and _is_query_dict(node.value, aliases):
        key = _string(node.slice)
        if key is not None and isinstance(node.ctx, ast.Load):
            return key, True
    if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute):
        if node.func.attr in _READ_METHODS and _is_query_dict(node.func.value, aliases):
            key = _string(node.args[0]) if node.args else None
            if key is not None:
                return key, node.func.attr == "__getitem__"
    if isinstance(node, ast.Compare) and len(node.ops) == 1:
        if isinstance(node.ops[0], ast.In | ast.NotIn) and _is_query_dict(node.comparators[0], aliases):
            key = _string(node.left)
            if key is not None:
                return key, False
    return None


def _is_query_dict(node: ast.AST, aliases: set[str]) -> bool:
    if isinstance(node, ast.Attribute) and node.attr in _QUERY_DICTS:
        return True
    return isinstance(node, ast.Name) and node.id in aliases


def _aliases(tree: ast.AST) -> set[str]:
    return {
        target.id
        for node in ast.walk(tree)
        if isinstance(node, ast.Assign) and _is_query_dict(node.value, set())
        for target in node.targets if isinstance(target, ast.Name)
    }


def _converted_type(node: ast.AST, parents: dict[ast.AST, ast.AST]) -> str | None:
    parent = parents.get(node)
    if isinstance(parent, ast.Call) and isinstance(parent.func, ast.Name):
        if parent.func.id in _CONVERTERS and parent.args and parent.args[0] is node:
            return _CONVERTERS[parent.func.id]
    return None


def _string(node: ast.AST) -> str | None:
    return node.value if isinstance(node, ast.Constant) and isinstance(node.value, str) else None


# --- JSON bodies -------------------------------------------------------------------------------


def json_response_fields(
    tree: ast.AST | None, call_names: frozenset[str] = frozenset({"JsonResponse"})
) -> tuple[ResponseField, ...] | None:
    """Keys of the literal dict every success ``return JsonResponse({...})`` agrees on."""
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
    return func.id if isinstance(func, ast.Name) else func.attr if isinstance(func, ast.Attribute) else ""


def _is_error_status(call: ast.Call) -> bool:
    for keyword in call.keywords:
        if keyword.arg == "status":
            code = _status_code(keyword.value)
            return code is None or code >= 300
    return False


def _status_code(node: ast.AST) -> int | None:
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
            return None
        fields.append(_value_field(key.value, value, depth))
    return tuple(fields)


def _value_field(name: str, value: ast.AST, depth: int) -> ResponseField:
    if isinstance(value, ast.Dict):
        return ResponseField(name, _dict_shape(value, depth + 1) or (), type="object")
    if isinstance(value, ast.List | ast.ListComp):
        element = value.elt if isinstance(value, ast.ListComp) else (value.elts[0] if value.elts else None)
        children = _dict_shape(element, depth + 1) if isinstance(element, ast.Dict) else None
        return ResponseField(name, children or (), many=True, type="array")
    if isinstance(value, ast.Constant):
        kinds = {bool: "boolean", int: "integer", float: "number", str: "string"}
        return ResponseField(name, type=kinds.get(type(value.value)))
    return ResponseField(name)


# --- decorators --------------------------------------------------------------------------------


def decorator_methods(decorators: list[ast.expr]) -> tuple[str, ...] | None:
    """Methods ``@require_GET``, ``@require_http_methods([...])`` and the like allow
    (intersected when stacked); None when no decorator restricts them."""
    allowed: list[str] | None = None
    for decorator in decorators:
        methods = _decorator_methods(decorator)
        if methods is not None:
            allowed = methods if allowed is None else [m for m in allowed if m in methods]
    return tuple(allowed) if allowed is not None else None


def _decorator_methods(decorator: ast.expr) -> list[str] | None:
    name = decorator.id if isinstance(decorator, ast.Name) else (
        decorator.attr if isinstance(decorator, ast.Attribute) else None)
    if name in METHOD_DECORATORS:
        return list(METHOD_DECORATORS[name])
    if isinstance(decorator, ast.Call) and _call_name(decorator) == "require_http_methods":
        return _method_list(decorator.args[0] if decorator.args else None)
    return None


def api_view_methods(decorators: list[ast.expr]) -> tuple[str, ...] | None:
    """DRF's ``@api_view(["GET", "POST"])`` (GET when no list is given); None without one."""
    for decorator in decorators:
        if isinstance(decorator, ast.Call) and _call_name(decorator) == "api_view":
            argument = decorator.args[0] if decorator.args else next(
                (k.value for k in decorator.keywords if k.arg == "http_method_names"), None)
            methods = _method_list(argument) if argument is not None else ["GET"]
            return tuple(methods or ())
        if _call_name_of(decorator) == "api_view":
            return ("GET",)
    return None


def _call_name_of(node: ast.expr) -> str:
    return node.id if isinstance(node, ast.Name) else node.attr if isinstance(node, ast.Attribute) else ""


def _method_list(node: ast.AST | None) -> list[str] | None:
    if isinstance(node, ast.List | ast.Tuple | ast.Set):
        names = [_string(e) for e in node.elts]
        if all(n is not None for n in names):
            return [str(n).upper() for n in names]
    return None
