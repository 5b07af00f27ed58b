"""Small readings of the AST the ORM checks share: what a call is named, its string
arguments, and where in the page a name or a path sits."""

from __future__ import annotations

import ast
from collections.abc import Iterator

from featuredocs.model import Span
from featuredocs.rules.fd3_models.pycode import PythonBlock


def attribute_span(block: PythonBlock, node: ast.Attribute) -> Span:
    """Where the name after the dot sits."""
    end = getattr(node, "end_col_offset", None)
    return block.span(node.end_lineno or node.lineno, (end or 0) - len(node.attr.encode()), len(node.attr))


def path_span(block: PythonBlock, node: ast.AST, path: str) -> Span:
    if isinstance(node, ast.Constant):
        whole = block.string_span(node)
        skipped = len(str(node.value)) - len(path)  # a leading "-" in order_by
        if 0 < skipped and whole.end_column - whole.column == len(str(node.value)):
            return Span.at(whole.line, whole.column + skipped, len(path))
        return whole
    return block.node_span(node, len(path))  # type: ignore[arg-type]


def callee(func: ast.expr) -> str | None:
    if isinstance(func, ast.Attribute):
        return func.attr
    return func.id if isinstance(func, ast.Name) else None


def strings(args: list[ast.expr]) -> Iterator[ast.Constant]:
    for arg in args:
        if isinstance(arg, ast.Constant) and isinstance(arg.value, str):
            yield arg


def relation_strings(args: list[ast.expr]) -> Iterator[ast.Constant]:
    """String paths, and the lookup of ``Prefetch("items", queryset=...)``."""
    for arg in args:
        if isinstance(arg, ast.Call) and callee(arg.func) == "Prefetch":
            yield from strings(arg.args[:1])
        else:
            yield from strings([arg])
