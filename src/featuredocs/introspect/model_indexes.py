"""IndexFacts of one model, however the index or uniqueness rule was declared."""

from __future__ import annotations

import ast
from typing import Any

from django.db import models

from featuredocs.introspect.locate import Locator, body_assignment
from featuredocs.introspect.model_fields import field_location
from featuredocs.model import IndexFact, SourceLocation


def index_facts(model: type[models.Model], locator: Locator) -> tuple[IndexFact, ...]:
    table_model = model._meta.concrete_model or model if model._meta.proxy else model
    facts = _field_indexes(table_model, locator)
    meta = table_model._meta
    meta_lines = _MetaLines(table_model, locator)
    for index in meta.indexes:
        facts.append(IndexFact(
            kind="index",
            fields=tuple(index.fields),
            name=index.name or None,
            expressions=tuple(str(e) for e in index.expressions),
            condition=str(index.condition) if index.condition is not None else None,
            location=meta_lines.entry("indexes", index.name),
        ))
    for fields in getattr(meta, "index_together", ()) or ():  # removed in Django 5.1
        facts.append(IndexFact("index_together", tuple(fields),
                               location=meta_lines.entry("index_together", None)))
    for fields in meta.unique_together or ():
        facts.append(IndexFact("unique_together", tuple(fields),
                               location=meta_lines.entry("unique_together", None)))
    for constraint in meta.constraints:
        if isinstance(constraint, models.UniqueConstraint):
            facts.append(_unique_constraint(constraint, meta_lines))
    return tuple(facts)


def _field_indexes(model: type[models.Model], locator: Locator) -> list[IndexFact]:
    facts = []
    for field in model._meta.local_concrete_fields:
        if field.primary_key:
            continue
        kind = "unique" if field.unique else "db_index" if field.db_index else None
        if kind:
            where = field_location(field.model, field.name, locator)
            facts.append(IndexFact(kind, (field.name,), location=where))
    return facts


def _unique_constraint(constraint: Any, meta_lines: _MetaLines) -> IndexFact:
    condition = getattr(constraint, "condition", None)
    return IndexFact(
        kind="unique_constraint",
        fields=tuple(constraint.fields),
        name=constraint.name,
        expressions=tuple(str(e) for e in getattr(constraint, "expressions", ())),
        condition=str(condition) if condition is not None else None,
        location=meta_lines.entry("constraints", constraint.name),
    )


class _MetaLines:
    """Lines of ``class Meta`` entries in the model or the abstract base that declares them."""

    def __init__(self, model: type[models.Model], locator: Locator) -> None:
        self._locator = locator
        self._metas: list[tuple[Any, ast.ClassDef]] = []
        for cls in model.__mro__:
            if cls is models.Model or not hasattr(cls, "_meta"):
                continue
            found = locator.class_node(cls)
            if found is None:
                continue
            for statement in found[1].body:
                if isinstance(statement, ast.ClassDef) and statement.name == "Meta":
                    self._metas.append((found[0], statement))

    def entry(self, option: str, name: str | None) -> SourceLocation | None:
        for parsed, meta in self._metas:
            statement = body_assignment(meta, option)
            if statement is None:
                continue
            line = _named_call_line(statement, name) if name else None
            if name and line is None:
                continue  # declared under the same option by another class in the MRO
            return self._locator.at(parsed.path, line or statement.lineno)
        return None


def _named_call_line(statement: ast.stmt, name: str) -> int | None:
    for node in ast.walk(statement):
        if isinstance(node, ast.Call):
            for keyword in node.keywords:
                if keyword.arg == "name" and isinstance(keyword.value, ast.Constant):
                    if _index_name_matches(str(keyword.value.value), name):
                        return node.lineno
    return None


def _index_name_matches(written: str, actual: str) -> bool:
    # abstract bases write "%(app_label)s_%(class)s_idx"; compare the fixed parts
    if "%(" not in written:
        return written == actual
    import re

    pattern = re.escape(written)
    pattern = re.sub(r"%\\\((?:app_label|class)\\\)s", ".+", pattern)
    return re.fullmatch(pattern, actual) is not None
