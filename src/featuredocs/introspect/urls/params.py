"""Query parameters a view reads itself: ``request.GET[...]``, ``query_params.get(...)``.

Read from the view's own source (its AST), never by running it. ``request.GET["x"]``
raises when ``x`` is missing, so a subscript read marks the parameter required; a read
wrapped in ``int(...)``/``float(...)``/``bool(...)`` gives its type (``integer``,
``number``, ``boolean``: the names the DRF and ninja adapters use too).
"""

from __future__ import annotations

import ast
from collections.abc import Iterable, Iterator
from typing import Any

from featuredocs.introspect.urls.source import parsed_source
from featuredocs.model import QueryParamFact

_QUERY_DICTS = frozenset({"GET", "query_params"})
_READ_METHODS = frozenset({"get", "getlist", "pop", "__getitem__", "__contains__"})
# Converters wrapped around a read, to the type names every adapter uses.
_CONVERTERS = {
    "int": "integer", "float": "number", "Decimal": "number", "bool": "boolean",
    "str": "string", "UUID": "string",
}


def request_query_params(objects: Iterable[Any]) -> tuple[QueryParamFact, ...]:
    """Parameters read from the query string in the source of every object given."""
    found: dict[str, QueryParamFact] = {}
    for obj in objects:
        tree = parsed_source(obj)
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


def _reads(tree: ast.AST) -> Iterator[QueryParamFact]:
    aliases = _query_dict_aliases(tree)
    parents = {child: node for node in ast.walk(tree) for child in ast.iter_child_nodes(node)}
    # ast.walk is breadth-first; parameters are listed in the order the source reads them.
    nodes = sorted(
        (n for n in ast.walk(tree) if hasattr(n, "lineno")),
        key=lambda n: (n.lineno, n.col_offset),
    )
    for node in nodes:
        read = _read_of(node, aliases)
        if read is not None:
            name, required = read
            yield QueryParamFact(name, "request", _converted_type(node, parents), required)


def _read_of(node: ast.AST, aliases: set[str]) -> tuple[str, bool] | None:
    """``(name, required)`` when ``node`` reads one key of the query string."""
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
    """``request.GET``, ``self.request.query_params``, or a local name bound to one."""
    if isinstance(node, ast.Attribute) and node.attr in _QUERY_DICTS:
        return True
    return isinstance(node, ast.Name) and node.id in aliases


def _query_dict_aliases(tree: ast.AST) -> set[str]:
    """Local names assigned a query dict: ``params = request.query_params``."""
    aliases: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Assign) and _is_query_dict(node.value, set()):
            aliases.update(t.id for t in node.targets if isinstance(t, ast.Name))
    return aliases


def _converted_type(node: ast.AST, parents: dict[ast.AST, ast.AST]) -> str | None:
    parent = parents.get(node)
    if isinstance(parent, ast.Call) and isinstance(parent.func, ast.Name):
        if parent.func.id in _CONVERTERS and parent.args and parent.args[0] is node:
            return _CONVERTERS[parent.func.id]
    return None


def _string(node: ast.AST) -> str | None:
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return node.value
    return None
