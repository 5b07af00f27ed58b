"""What names mean in a module: ``cache`` → ``django.core.cache.cache``, from its imports.

Scope-insensitive on purpose: an import inside a function binds the same meaning as one
at the top, and the scanners only need to recognise well-known names.
"""

from __future__ import annotations

import ast

from featuredocs.introspect.parsed import statements


def resolve_relative(module: str, is_package: bool, level: int, target: str | None) -> str | None:
    """The absolute name of ``from <level dots><target> import …`` inside ``module``."""
    if level == 0:
        return target
    parts = module.split(".") if module else []
    if not is_package:
        parts = parts[:-1]
    up = level - 1
    if up > len(parts):
        return None
    base = parts[: len(parts) - up]
    joined = ".".join([*base, target] if target else base)
    return joined or None


def imported_names(tree: ast.Module, module: str = "", is_package: bool = False) -> dict[str, str]:
    """Local name → dotted name it was imported as, for every import in the module."""
    names: dict[str, str] = {}
    for node in statements(tree):  # imports are statements: the expressions need no visit
        if isinstance(node, ast.Import):
            for alias in node.names:
                if alias.asname:
                    names[alias.asname] = alias.name
                else:
                    top = alias.name.split(".")[0]
                    names[top] = top
        elif isinstance(node, ast.ImportFrom):
            base = resolve_relative(module, is_package, node.level, node.module)
            if base is None:
                continue
            for alias in node.names:
                if alias.name != "*":
                    names[alias.asname or alias.name] = f"{base}.{alias.name}"
    return names


def qualified_name(node: ast.AST, names: dict[str, str]) -> str | None:
    """``os.environ.get`` for ``os.environ.get`` or ``environ.get`` after ``from os import environ``."""
    if isinstance(node, ast.Name):
        return names.get(node.id)
    if isinstance(node, ast.Attribute):
        base = qualified_name(node.value, names)
        return f"{base}.{node.attr}" if base else None
    return None


def string_constant(node: ast.AST | None) -> str | None:
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return node.value
    return None


def call_argument(call: ast.Call, position: int | None, keyword: str | None) -> ast.expr | None:
    """The argument passed at ``position`` or as ``keyword``, whichever was written."""
    if keyword is not None:
        for item in call.keywords:
            if item.arg == keyword:
                return item.value
    if position is not None and position < len(call.args):
        argument = call.args[position]
        return None if isinstance(argument, ast.Starred) else argument
    return None
