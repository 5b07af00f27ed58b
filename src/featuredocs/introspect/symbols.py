"""Dotted names defined in the project's own code, for checking dotted paths in pages.

``billing.tasks.send_reminders`` (a function), ``billing.models.Reminder.mark_sent`` (a
method of a top-level class); ``modules`` holds ``billing`` and ``billing.tasks``. Names a
module imports are included: ``billing.send_reminders`` resolves when ``billing/__init__.py``
re-exports it. No Django here.
"""

from __future__ import annotations

import ast

from featuredocs.introspect.locate import assigned_names, nested_blocks
from featuredocs.introspect.sources import ProjectSources


def collect_symbols(sources: ProjectSources) -> tuple[frozenset[str], frozenset[str]]:
    symbols: set[str] = set()
    modules: set[str] = set()
    for source in sources.files:
        if not source.module:
            continue
        parts = source.module.split(".")
        modules.update(".".join(parts[: i + 1]) for i in range(len(parts)))
        for name, node in _top_level(source.tree.body):
            symbols.add(f"{source.module}.{name}")
            if isinstance(node, ast.ClassDef):
                symbols.update(f"{source.module}.{name}.{member}" for member in _members(node))
    return frozenset(symbols), frozenset(modules)


def _top_level(body: list[ast.stmt]) -> list[tuple[str, ast.stmt]]:
    found: list[tuple[str, ast.stmt]] = []
    for statement in body:
        if isinstance(statement, ast.FunctionDef | ast.AsyncFunctionDef | ast.ClassDef):
            found.append((statement.name, statement))
        elif isinstance(statement, ast.Assign | ast.AnnAssign | ast.AugAssign):
            found.extend((name, statement) for name in assigned_names(statement))
        elif isinstance(statement, ast.Import):
            found.extend(((a.asname or a.name.split(".")[0]), statement) for a in statement.names)
        elif isinstance(statement, ast.ImportFrom):
            found.extend((a.asname or a.name, statement) for a in statement.names if a.name != "*")
        elif isinstance(statement, ast.If | ast.Try | ast.With):
            for block in nested_blocks(statement):
                found.extend(_top_level(block))
    return found


def _members(node: ast.ClassDef) -> list[str]:
    members = []
    for statement in node.body:
        if isinstance(statement, ast.FunctionDef | ast.AsyncFunctionDef | ast.ClassDef):
            members.append(statement.name)
        elif isinstance(statement, ast.Assign | ast.AnnAssign):
            members.extend(assigned_names(statement))
    return members
