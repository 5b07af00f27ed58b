"""django-ninja annotations read from source: ``X | None``, ``list[X]``, ``Literal[...]``
and the scalar types, as the live reader names them (``integer``, ``string``, ...)."""

from __future__ import annotations

import ast

SCALARS = {"int": "integer", "float": "number", "Decimal": "number", "bool": "boolean",
           "str": "string", "UUID": "string", "date": "date", "datetime": "datetime",
           "time": "time"}
_COLLECTIONS = frozenset({"list", "List", "tuple", "Tuple", "set", "Set", "frozenset"})


def optional_inner(node: ast.expr) -> ast.expr:
    """``X | None`` and ``Optional[X]`` to ``X``."""
    if isinstance(node, ast.BinOp) and isinstance(node.op, ast.BitOr):
        sides = [s for s in (node.left, node.right) if not (isinstance(s, ast.Constant) and s.value is None)]
        return optional_inner(sides[0]) if len(sides) == 1 else node
    if isinstance(node, ast.Subscript) and name_of(node.value) == "Optional":
        return optional_inner(node.slice)
    return node


def list_item(node: ast.AST | None) -> ast.expr | None:
    if isinstance(node, ast.Subscript) and name_of(node.value) in _COLLECTIONS:
        item = node.slice.elts[0] if isinstance(node.slice, ast.Tuple) else node.slice
        return optional_inner(item)
    return None


def scalar(node: ast.expr | None) -> tuple[str | None, tuple[str, ...]] | None:
    """(type, choices) of a plain annotation; None for schemas and anything else."""
    if node is None:
        return None
    node = optional_inner(node)
    if isinstance(node, ast.Subscript) and name_of(node.value) == "Literal":
        values = node.slice.elts if isinstance(node.slice, ast.Tuple) else [node.slice]
        return "string", tuple(str(v.value) for v in values if isinstance(v, ast.Constant))
    if list_item(node) is not None:
        return "array", ()
    name = name_of(node)
    return (SCALARS[name], ()) if name in SCALARS else None


def name_of(node: ast.AST) -> str:
    return node.id if isinstance(node, ast.Name) else node.attr if isinstance(node, ast.Attribute) else ""
