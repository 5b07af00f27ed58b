"""IndexFacts of one model, however the index or uniqueness rule was declared."""

from __future__ import annotations

import ast
import re
from collections.abc import Iterator
from typing import Any

from django.db import models
from django.db.models.constants import LOOKUP_SEP

from featuredocs.introspect.locate import Locator, ParsedModule, body_assignment
from featuredocs.introspect.model_fields import field_location
from featuredocs.introspect.parsed import branches, per_run
from featuredocs.model import IndexFact, SourceLocation


def index_facts(model: type[models.Model], locator: Locator) -> tuple[IndexFact, ...]:
    table_model = model._meta.concrete_model or model if model._meta.proxy else model
    facts = _field_indexes(table_model, locator)
    meta = table_model._meta
    meta_lines = _MetaLines(table_model, locator)
    for index in meta.indexes:
        call = meta_lines.call("indexes", index.name)
        facts.append(IndexFact(
            kind="index",
            fields=tuple(index.fields),
            name=index.name or None,
            expressions=_expressions(index, call),
            condition=_condition(index, call),
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
        elif isinstance(constraint, models.CheckConstraint):
            facts.append(_check_constraint(constraint, meta_lines))
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
    call = meta_lines.call("constraints", constraint.name)
    return IndexFact(
        kind="unique_constraint",
        fields=tuple(constraint.fields),
        name=constraint.name,
        expressions=_expressions(constraint, call),
        condition=_condition(constraint, call),
        location=meta_lines.entry("constraints", constraint.name),
    )


def _check_constraint(constraint: Any, meta_lines: _MetaLines) -> IndexFact:
    """A ``CheckConstraint``: its fields are those its condition looks up, in order."""
    call = meta_lines.call("constraints", constraint.name)
    # ``condition`` since Django 5.1, ``check`` before
    condition = getattr(constraint, "condition", None) or getattr(constraint, "check", None)
    keywords = call.node.keywords if call is not None else []
    written = next((call.text(k.value) for k in keywords if call is not None and k.arg in ("condition", "check")), None)
    return IndexFact(
        kind="check_constraint",
        fields=tuple(dict.fromkeys(_looked_up(condition))),
        name=constraint.name,
        condition=written or (str(condition) if condition is not None else None),
        location=meta_lines.entry("constraints", constraint.name),
    )


def _looked_up(condition: Any) -> Iterator[str]:
    """The fields a ``Q`` looks up: ``Q(total__gte=0) | Q(status="void")`` gives total, status."""
    for child in getattr(condition, "children", ()):
        if isinstance(child, tuple) and child and isinstance(child[0], str):
            yield child[0].split(LOOKUP_SEP)[0]
        else:
            yield from _looked_up(child)


def _expressions(index: Any, call: _SourceCall | None) -> tuple[str, ...]:
    """Expressions as written (``Lower("email")``), else as Django prints them."""
    expressions = tuple(getattr(index, "expressions", ()) or ())
    if call is not None:
        written = [call.text(arg) for arg in call.node.args if not isinstance(arg, ast.Starred)]
        if len(written) == len(expressions):
            return tuple(written)
    return tuple(str(e) for e in expressions)


def _condition(index: Any, call: _SourceCall | None) -> str | None:
    """The condition as written (``Q(status="paid")``), else as Django prints it."""
    condition = getattr(index, "condition", None)
    if condition is None:
        return None
    if call is not None:
        for keyword in call.node.keywords:
            if keyword.arg == "condition":
                return call.text(keyword.value)
    return str(condition)


class _SourceCall:
    """An ``Index(...)`` or ``UniqueConstraint(...)`` call found in a ``Meta`` body."""

    def __init__(self, parsed: ParsedModule, node: ast.Call) -> None:
        self.parsed = parsed
        self.node = node

    def text(self, node: ast.AST) -> str:
        return self.parsed.segment(node)


class _MetaLines:
    """Lines of ``class Meta`` entries in the model or the abstract base that declares them."""

    def __init__(self, model: type[models.Model], locator: Locator) -> None:
        self._locator = locator
        self._metas: list[tuple[ParsedModule, ast.ClassDef]] = []
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
        """The line of the named entry, or of the option's assignment when unnamed."""
        for parsed, meta in self._metas:
            statement = body_assignment(meta, option)
            if statement is None:
                continue
            call = _named_call(statement, name) if name else None
            if name and call is None:
                continue  # declared under the same option by another class in the MRO
            return self._locator.at(parsed.path, call.lineno if call else statement.lineno)
        return None

    def call(self, option: str, name: str | None) -> _SourceCall | None:
        if not name:
            return None
        for parsed, meta in self._metas:
            statement = body_assignment(meta, option)
            call = _named_call(statement, name) if statement is not None else None
            if call is not None:
                return _SourceCall(parsed, call)
        return None


def _named_call(statement: ast.stmt, name: str) -> ast.Call | None:
    for written, node in _named_calls(statement):
        if _index_name_matches(written, name):
            return node
    return None


@per_run
def _named_calls(statement: ast.stmt) -> list[tuple[str, ast.Call]]:
    """The calls with a ``name=`` constant in an option's statement, in walk order: read
    once, however many indexes of the option are looked up."""
    found = []
    for node in branches(statement):
        if isinstance(node, ast.Call):
            for keyword in node.keywords:
                if keyword.arg == "name" and isinstance(keyword.value, ast.Constant):
                    found.append((str(keyword.value.value), node))
    return found


def _index_name_matches(written: str, actual: str) -> bool:
    # abstract bases write "%(app_label)s_%(class)s_idx"; compare the fixed parts
    if "%(" not in written:
        return written == actual
    pattern = re.escape(written)
    pattern = re.sub(r"%\\\((?:app_label|class)\\\)s", ".+", pattern)
    return re.fullmatch(pattern, actual) is not None
