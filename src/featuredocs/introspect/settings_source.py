"""Where each setting is assigned in the project's settings module(s), from their AST.

Follows ``from .base import *`` into other settings files of the project, in execution
order, so the location is the assignment that wins. No Django here: static mode reads
settings the same way.
"""

from __future__ import annotations

import ast
import importlib.util
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from featuredocs.introspect.imports import resolve_relative
from featuredocs.introspect.locate import assigned_names, nested_blocks
from featuredocs.introspect.sources import is_project_path, parse_source, relative_path
from featuredocs.model import SourceLocation


@dataclass
class SettingAssignment:
    name: str
    location: SourceLocation
    node: ast.expr | None  # the assigned value, when a plain ``NAME = value``


@dataclass
class _Walk:
    root: Path
    found: dict[str, SettingAssignment] = field(default_factory=dict)
    seen: set[Path] = field(default_factory=set)


def settings_assignments(
    root: Path, module: str, path: Path | None = None
) -> dict[str, SettingAssignment]:
    """UPPER_CASE assignments of ``module`` and the project modules it star-imports."""
    walk = _Walk(root)
    path = path or module_path(module, root)
    if path is not None:
        _read_module(walk, path, module)
    return walk.found


def module_path(module: str, root: Path) -> Path | None:
    """The file of a module under ``root`` (``a.b`` → ``a/b.py`` or ``a/b/__init__.py``)."""
    base = root.joinpath(*module.split("."))
    for candidate in (base.with_suffix(".py"), base / "__init__.py"):
        if candidate.is_file():
            return candidate
    try:
        spec = importlib.util.find_spec(module)
    except (ImportError, ValueError):
        return None
    origin = getattr(spec, "origin", None) if spec else None
    return Path(origin) if origin and origin.endswith(".py") else None


def _read_module(walk: _Walk, path: Path, module: str) -> None:
    if path in walk.seen or not is_project_path(path, walk.root):
        return
    walk.seen.add(path)
    parsed = parse_source(path)
    rel = relative_path(path, walk.root)
    if parsed is None or rel is None:
        return
    _read_body(walk, parsed[0].body, rel, module, path.name == "__init__.py")


def _read_body(walk: _Walk, body: list[ast.stmt], rel: str, module: str, package: bool) -> None:
    for statement in body:
        if isinstance(statement, ast.ImportFrom) and any(a.name == "*" for a in statement.names):
            target = resolve_relative(module, package, statement.level, statement.module)
            path = module_path(target, walk.root) if target else None
            if target and path is not None:
                _read_module(walk, path, target)
        elif isinstance(statement, ast.If | ast.Try | ast.With):
            for block in nested_blocks(statement):
                _read_body(walk, block, rel, module, package)
        else:
            _record(walk, statement, rel)


def _record(walk: _Walk, statement: ast.stmt, rel: str) -> None:
    for name in assigned_names(statement):
        if not name.isupper():
            continue
        if isinstance(statement, ast.AugAssign) and name in walk.found:
            continue  # ``INSTALLED_APPS += [...]`` extends; the definition stays where it was
        value = statement.value if isinstance(statement, ast.Assign | ast.AnnAssign) else None
        walk.found[name] = SettingAssignment(name, SourceLocation(rel, statement.lineno), value)


def nested_keys(value: Any, prefix: str = "") -> list[str]:
    """Dotted paths of every string key of nested dicts: ``nested``, ``nested.sub_option``."""
    if not isinstance(value, Mapping):
        return []
    keys = []
    for key, child in value.items():
        if not isinstance(key, str):
            continue
        path = f"{prefix}{key}"
        keys.append(path)
        keys.extend(nested_keys(child, path + "."))
    return keys
