"""Where a view lives: its dotted path, source file and line, owning app, parsed source."""

from __future__ import annotations

import ast
import functools
import inspect
import sys
import textwrap
from pathlib import Path
from typing import Any

from django.apps import apps

from featuredocs.introspect.definitions import definition, source_file
from featuredocs.introspect.parsed import per_run
from featuredocs.introspect.sources import resolved
from featuredocs.model import SourceLocation

# Conventional order for listing methods; anything else sorts after, alphabetically.
_METHOD_ORDER = ("GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS", "TRACE")
_IMPLICIT_METHODS = frozenset({"HEAD", "OPTIONS"})
_MAX_UNWRAP = 8
_INSTALLED_PACKAGES = frozenset({"site-packages", "dist-packages"})


def normalise_methods(methods: Any) -> tuple[str, ...]:
    """Upper-case, de-duplicated, in conventional order, without HEAD/OPTIONS.

    HEAD and OPTIONS come for free with GET and with every class-based view, so they are
    kept only when they are all the view accepts.
    """
    upper = {str(m).upper() for m in methods}
    explicit = upper - _IMPLICIT_METHODS or upper
    return tuple(sorted(explicit, key=_method_rank))


def _method_rank(method: str) -> tuple[int, str]:
    if method in _METHOD_ORDER:
        return _METHOD_ORDER.index(method), method
    return len(_METHOD_ORDER), method


def dotted_path(obj: Any) -> str:
    module = getattr(obj, "__module__", None) or ""
    name = getattr(obj, "__qualname__", None) or getattr(obj, "__name__", None) or repr(obj)
    return f"{module}.{name}" if module else name


@per_run
def source_location(obj: Any, project_root: Path) -> SourceLocation | None:
    """The file (relative to the project root, POSIX) and first line of ``obj``'s source."""
    filename = source_file(obj)
    found = definition(obj) if filename else None
    if found is not None:
        line = found.line
    else:
        try:
            filename = inspect.getsourcefile(obj)
            _, line = inspect.getsourcelines(obj)
        except (OSError, TypeError):
            return None
    if not filename:
        return None
    if not is_project_file(filename, project_root):
        return None
    relative = resolved(filename).relative_to(resolved(str(project_root)))
    return SourceLocation(relative.as_posix(), max(line, 1))


def is_project_file(filename: str, project_root: Path) -> bool:
    """Inside the project root, and not in a virtualenv kept there."""
    return _is_project_file(filename, str(project_root))


@per_run
def _is_project_file(filename: str, project_root: str) -> bool:
    path = resolved(filename)
    if not path.is_relative_to(resolved(project_root)):
        return False
    return not _INSTALLED_PACKAGES & set(path.parts)


def app_label(obj: Any) -> str | None:
    module = getattr(obj, "__module__", None)
    return _module_app_label(module) if module else None


@per_run
def _module_app_label(module: str) -> str | None:
    config = apps.get_containing_app_config(module)
    return config.label if config else None


@per_run
def parsed_source(obj: Any) -> ast.AST | None:
    """The AST of ``obj``'s own source (a function or a class: its definition node), or
    None when unreadable. Read as ``inspect.getsource`` text would parse: a definition whose
    text cannot be dedented reads as nothing."""
    found = definition(obj)
    if found is not None:
        return found.node if found.dedents else None
    try:
        text = inspect.getsource(obj)
    except (OSError, TypeError):
        return None
    try:
        return ast.parse(textwrap.dedent(text))
    except SyntaxError:
        return None


def unwrap(func: Any) -> Any:
    """The innermost function behind ``functools.wraps`` decorators and ``partial``."""
    for _ in range(_MAX_UNWRAP):
        if isinstance(func, functools.partial):
            func = func.func
            continue
        try:
            inner = inspect.unwrap(func)
        except ValueError:  # a cycle of __wrapped__
            return func
        if inner is func:
            return func
        func = inner
    return func


@per_run
def own_sources(target: Any, project_root: Path) -> tuple[Any, ...]:
    """A view function, or a view class and its bases defined in the project's own files:
    where the view's own code (``request.GET`` reads, return values) lives."""
    if not isinstance(target, type):
        return (target,)
    own = []
    for klass in target.__mro__:
        module = sys.modules.get(klass.__module__)
        filename = getattr(module, "__file__", None)
        if filename and is_project_file(filename, project_root):
            own.append(klass)
    return tuple(own)
