"""What a view's own source says about its requests and answers, read from its AST.

One reading for both modes: live mode parses the source of the imported view, static mode
hands over the nodes of the project's files. Nothing here imports Django.

- Query parameters read from ``request.GET`` / ``request.query_params``. ``request.GET["x"]``
  raises when ``x`` is missing, so a subscript read marks the parameter required; a read
  wrapped in ``int(...)``/``float(...)``/``bool(...)`` gives its type (``integer``,
  ``number``, ``boolean``: the names the DRF and ninja readers use too).
- The keys of the literal dict a view returns as ``JsonResponse({...})``.
"""

from __future__ import annotations

import ast
import re
from collections.abc import Iterable, Iterator

from featuredocs.introspect.parsed import branches, child_nodes, per_run
from featuredocs.model import QueryParamFact, ResponseField

_QUERY_DICTS = frozenset({"GET", "query_params"})
_READ_METHODS = frozenset({"get", "getlist", "pop", "__getitem__", "__contains__"})
# Converters wrapped around a read, to the type names every reader uses.
_CONVERTERS = {
    "int": "integer", "float": "number", "Decimal": "number", "bool": "boolean",
    "str": "string", "UUID": "string",
}
_STATUS_NAME = re.compile(r"HTTP_(\d{3})_")
_MAX_DEPTH = 6


def call_name(call: ast.Call) -> str:
    """``JsonResponse`` for ``JsonResponse(...)`` and ``http.JsonResponse(...)``."""
    func = call.func
    if isinstance(func, ast.Name):
        return func.id
    return func.attr if isinstance(func, ast.Attribute) else ""


def string_value(node: ast.AST) -> str | None:
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return node.value
    return None


# --- query parameters ------------------------------------------------------------------------


def request_query_params(trees: Iterable[ast.AST | None]) -> tuple[QueryParamFact, ...]:
    """Parameters read from the query string in these trees (None for a source that could
    not be read), in the order the source reads them."""
    found: dict[str, QueryParamFact] = {}
    for tree in trees:
        if tree is None:
            continue
        for param in _reads(tree):
            known = found.get(param.name)
            if known is None:
                found[param.name] = param
            else:  # read several ways: required if any read requires it
                found[param.name] = QueryParamFact(
                    param.name, "request", known.type or param.type,
                    known.required or param.required,
                )
    return tuple(found.values())


@per_run
def _reads(tree: ast.AST) -> tuple[QueryParamFact, ...]:
    """Each tree is read once per run: a view's bases and handlers serve many routes."""
    return tuple(_each_read(tree))


def _each_read(tree: ast.AST) -> Iterator[QueryParamFact]:
    nodes = branches(tree)
    if not any(isinstance(n, ast.Attribute) and n.attr in _QUERY_DICTS for n in nodes):
        return  # every read goes through ``.GET`` or ``.query_params``, or a name bound to one
    aliases = _query_dict_aliases(nodes)
    parents = {child: node for node in nodes for child in child_nodes(node)}
    # ast.walk is breadth-first; parameters are listed in the order the source reads them.
    ordered = sorted(
        (n for n in nodes if hasattr(n, "lineno")),
        key=lambda n: (n.lineno, n.col_offset),
    )
    for node in ordered:
        read = _read_of(node, aliases)
        if read is not None:
            name, required = read
            yield QueryParamFact(name, "request", _converted_type(node, parents), required)


def _read_of(node: ast.AST, aliases: set[str]) -> tuple[str, bool] | None:
    """``(name, required)`` when ``node`` reads one key of the query string."""
    if isinstance(node, ast.Subscript) and _is_query_dict(node.value, aliases):
        key = string_value(node.slice)
        if key is not None and isinstance(node.ctx, ast.Load):
            return key, True
    if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute):
        if node.func.attr in _READ_METHODS and _is_query_dict(node.func.value, aliases):
            key = string_value(node.args[0]) if node.args else None
            if key is not None:
                return key, node.func.attr == "__getitem__"
    if isinstance(node, ast.Compare) and len(node.ops) == 1:
        if isinstance(node.ops[0], ast.In | ast.NotIn) and _is_query_dict(node.comparators[0], aliases):
            key = string_value(node.left)
            if key is not None:
                return key, False
    return None


def _is_query_dict(node: ast.AST, aliases: set[str]) -> bool:
    """``request.GET``, ``self.request.query_params``, or a local name bound to one."""
    if isinstance(node, ast.Attribute) and node.attr in _QUERY_DICTS:
        return True
    return isinstance(node, ast.Name) and node.id in aliases


def _query_dict_aliases(nodes: Iterable[ast.AST]) -> set[str]:
    """Local names assigned a query dict: ``params = request.query_params``."""
    aliases: set[str] = set()
    for node in nodes:
        if isinstance(node, ast.Assign) and _is_query_dict(node.value, set()):
            aliases.update(t.id for t in node.targets if isinstance(t, ast.Name))
    return aliases


def _converted_type(node: ast.AST, parents: dict[ast.AST, ast.AST]) -> str | None:
    parent = parents.get(node)
    if isinstance(parent, ast.Call) and isinstance(parent.func, ast.Name):
        if parent.func.id in _CONVERTERS and parent.args and parent.args[0] is node:
            return _CONVERTERS[parent.func.id]
    return None


# --- JsonResponse({...}) bodies ----------------------------------------------------------


@per_run
def json_response_fields(
    tree: ast.AST | None, call_names: frozenset[str] = frozenset({"JsonResponse"})
) -> tuple[ResponseField, ...] | None:
    """Keys of the literal dict the code in ``tree`` returns as ``JsonResponse({...})``.

    Error answers (``status=`` 300 or more) are set aside. Known only when every other
    such return passes a literal dict with string keys and all of them agree; anything
    else (or no tree) is unknown (None).
    """
    if tree is None:
        return None
    shapes: list[tuple[ResponseField, ...]] = []
    for node in branches(tree):
        call = node.value if isinstance(node, ast.Return) else None
        if not (isinstance(call, ast.Call) and call_name(call) in call_names):
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
