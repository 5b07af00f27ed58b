"""Which settings an app's code reads, and which environment variables feed a setting.

The facts know every setting and every environment read, but not who uses what. A
feature page documents the settings its app reads (``settings.ORDER_EXPIRY``) and the
environment variables behind them (``ORDER_EXPIRY = {"enabled": os.getenv(...)}`` in the
settings module), so both are read here from the project's source with :mod:`ast`. The
source is only parsed, never imported.
"""

from __future__ import annotations

import ast
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from featuredocs.model import EnvVarFact, ProjectFacts

_SKIPPED_FOLDERS = frozenset({"migrations", "__pycache__", "node_modules"})


def settings_read_in(folder: Path) -> frozenset[str]:
    """``UPPER_CASE`` names read as ``settings.NAME`` (or ``getattr(settings, "NAME")``)
    by the Python files under ``folder``, where ``settings`` is ``django.conf``'s."""
    names: set[str] = set()
    for path in _python_files(folder):
        text = _read(path)
        # Most modules never import django.conf: they are not parsed (9 in 10 files of
        # the benchmark's project, a second of coverage's run at full size).
        if text is None or not _NAMES_DJANGO_CONF.search(text):
            continue
        tree = _parse_text(text, path)
        if tree is not None and _imports_django_settings(tree):
            names.update(_setting_reads(tree))
    return frozenset(names)


#: ``from django.conf import``, as Python allows it to be spelled.
_NAMES_DJANGO_CONF = re.compile(r"django[\s\\]*\.[\s\\]*conf\b")


def _python_files(folder: Path) -> Iterator[Path]:
    if not folder.is_dir():
        return
    for path in sorted(folder.rglob("*.py")):
        parts = path.relative_to(folder).parts
        if not any(part in _SKIPPED_FOLDERS or part.startswith(".") for part in parts):
            yield path


def _parse(path: Path) -> ast.Module | None:
    text = _read(path)
    return _parse_text(text, path) if text is not None else None


def _read(path: Path) -> str | None:
    try:
        return path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return None  # a file the project cannot import either: nothing to learn from it


def _parse_text(text: str, path: Path) -> ast.Module | None:
    try:
        return ast.parse(text, filename=str(path))
    except (SyntaxError, ValueError):
        return None


def _imports_django_settings(tree: ast.Module) -> bool:
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.module == "django.conf":
            if any(alias.name == "settings" and alias.asname is None for alias in node.names):
                return True
    return False


def _setting_reads(tree: ast.Module) -> Iterator[str]:
    for node in ast.walk(tree):
        if (
            isinstance(node, ast.Attribute)
            and isinstance(node.value, ast.Name)
            and node.value.id == "settings"
            and node.attr.isupper()
        ):
            yield node.attr
        elif _is_getattr_on_settings(node):
            assert isinstance(node, ast.Call)
            name = node.args[1]
            assert isinstance(name, ast.Constant)
            yield str(name.value)


def _is_getattr_on_settings(node: ast.AST) -> bool:
    return (
        isinstance(node, ast.Call)
        and isinstance(node.func, ast.Name)
        and node.func.id == "getattr"
        and len(node.args) >= 2
        and isinstance(node.args[0], ast.Name)
        and node.args[0].id == "settings"
        and isinstance(node.args[1], ast.Constant)
        and isinstance(node.args[1].value, str)
        and node.args[1].value.isupper()
    )


# --- the settings module ---------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class _Assignment:
    name: str
    first_line: int
    last_line: int
    names_used: frozenset[str]


def settings_file(facts: ProjectFacts) -> str | None:
    """The settings module's path relative to the root: where most settings are assigned."""
    counts: dict[str, int] = {}
    for setting in facts.settings:
        if setting.project and setting.location is not None:
            counts[setting.location.path] = counts.get(setting.location.path, 0) + 1
    return max(counts, key=lambda path: counts[path]) if counts else None


def env_behind_settings(root: Path, facts: ProjectFacts) -> dict[str, frozenset[str]]:
    """For each setting assigned in the settings module, the environment variables its
    value reads, directly or through other settings it names (``REMINDERS`` uses
    ``DEFAULT_FROM_EMAIL``, which reads ``SHOP_FROM_EMAIL``)."""
    rel = settings_file(facts)
    tree = _parse(root / rel) if rel else None
    if rel is None or tree is None:
        return {}
    assignments = {a.name: a for a in _assignments(tree.body)}
    direct = {
        name: frozenset(_env_read_between(facts.env_vars, rel, a.first_line, a.last_line))
        for name, a in assignments.items()
    }
    return {name: _closure(name, assignments, direct) for name in assignments}


def _assignments(body: Iterable[ast.stmt]) -> Iterator[_Assignment]:
    for statement in body:
        if isinstance(statement, ast.Assign | ast.AnnAssign):
            targets = statement.targets if isinstance(statement, ast.Assign) else [statement.target]
            used = frozenset(
                n.id for n in ast.walk(statement.value) if isinstance(n, ast.Name)
            ) if statement.value is not None else frozenset()
            for target in targets:
                if isinstance(target, ast.Name) and target.id.isupper():
                    yield _Assignment(
                        target.id, statement.lineno, statement.end_lineno or statement.lineno, used
                    )
        elif isinstance(statement, ast.If | ast.Try):
            # settings assigned under `if DEBUG:` or `try:` are settings all the same
            yield from _assignments(statement.body)
            yield from _assignments(statement.orelse)


def _env_read_between(
    env_vars: Iterable[EnvVarFact], path: str, first: int, last: int
) -> Iterator[str]:
    for var in env_vars:
        if any(loc.path == path and first <= loc.line <= last for loc in var.locations):
            yield var.name


def _closure(
    name: str, assignments: dict[str, _Assignment], direct: dict[str, frozenset[str]]
) -> frozenset[str]:
    seen: set[str] = set()
    pending = [name]
    found: set[str] = set()
    while pending:
        current = pending.pop()
        if current in seen or current not in assignments:
            continue
        seen.add(current)
        found.update(direct[current])
        pending.extend(assignments[current].names_used)
    return frozenset(found)
