"""What a view's decorators say: the methods ``@require_GET``, ``@require_http_methods`` and
DRF's ``@api_view`` allow, read from the AST as live mode reads them from the imported view.
(Query parameters and JSON bodies are read by ``featuredocs.introspect.source_reads``, in
both modes.)
"""

from __future__ import annotations

import ast

from featuredocs.introspect.source_reads import call_name, string_value

#: Function decorators that restrict methods, as ``require_http_methods`` presets.
METHOD_DECORATORS = {
    "require_GET": ("GET",), "require_POST": ("POST",), "require_safe": ("GET", "HEAD"),
}


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
    name = _call_name_of(decorator)
    if name in METHOD_DECORATORS:
        return list(METHOD_DECORATORS[name])
    if isinstance(decorator, ast.Call) and call_name(decorator) == "require_http_methods":
        return _method_list(decorator.args[0] if decorator.args else None)
    return None


def api_view_methods(decorators: list[ast.expr]) -> tuple[str, ...] | None:
    """DRF's ``@api_view(["GET", "POST"])`` (GET when no list is given); None without one."""
    for decorator in decorators:
        if isinstance(decorator, ast.Call) and call_name(decorator) == "api_view":
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
        names = [string_value(e) for e in node.elts]
        if all(n is not None for n in names):
            return [str(n).upper() for n in names]
    return None
