"""``class Invoice(models.Model): …`` in a page's Python blocks, as model claims.

Each field assignment (``total = models.DecimalField(...)``) claims a field of that
class; ``db_index=True``, ``unique=True`` and the ``Meta`` options (``indexes``,
``constraints``, ``unique_together``, ``index_together``) claim indexes. Whether a class
describes a real model or illustrates one that does not exist is decided with the facts.
"""

from __future__ import annotations

import ast
from collections.abc import Iterator
from dataclasses import dataclass

from featuredocs.model import Span
from featuredocs.rules.fd3_models.field_items import FieldClaim
from featuredocs.rules.fd3_models.field_types import ANCESTORS, DocumentedType
from featuredocs.rules.fd3_models.index_items import IndexClaim
from featuredocs.rules.fd3_models.pycode import PythonBlock

RELATION_CALLS = frozenset({"ForeignKey", "OneToOneField", "ManyToManyField", "GenericRelation"})
#: Bases of classes that share a model's name without being the model: API schemas,
#: serializers, forms, filters, admin classes.
NOT_MODEL_BASES = frozenset({
    "BaseModel", "Schema", "ModelSchema", "Serializer", "ModelSerializer",
    "HyperlinkedModelSerializer", "Form", "ModelForm", "FilterSet", "ModelAdmin", "TypedDict",
    "NamedTuple", "Enum", "TextChoices", "IntegerChoices", "Choices", "Protocol",
})
NOT_MODEL_MODULES = frozenset({
    "serializers", "forms", "ninja", "pydantic", "schemas", "filters", "django_filters",
    "admin", "enum", "typing",
})


@dataclass(frozen=True, slots=True)
class CodeClass:
    """A class with bases in a Python block, its field assignments and Meta indexes."""

    name: str
    span: Span
    fields: tuple[FieldClaim, ...]
    indexes: tuple[IndexClaim, ...]


def looks_like_model(node: ast.ClassDef) -> bool:
    """A class with bases, none of which marks a schema, serializer, form or enum."""
    if not node.bases:
        return False
    for base in node.bases:
        if callee_name(base) in NOT_MODEL_BASES:
            return False
        if isinstance(base, ast.Attribute) and isinstance(base.value, ast.Name):
            if base.value.id in NOT_MODEL_MODULES:
                return False
    return True


def read_classes(blocks: tuple[PythonBlock, ...]) -> Iterator[CodeClass]:
    for block in blocks:
        for node in block.of_type(ast.ClassDef):
            if looks_like_model(node):
                yield CodeClass(
                    name=node.name,
                    span=_name_span(block, node),
                    fields=tuple(_fields(block, node)),
                    indexes=(*_field_indexes(block, node), *_meta_indexes(block, node)),
                )


def _name_span(block: PythonBlock, node: ast.ClassDef) -> Span:
    line = block.lines[node.lineno - 1]
    column = line.find(node.name, node.col_offset)
    return block.span(node.lineno, len(line[:column].encode("utf-8")), len(node.name))


def _field_calls(node: ast.ClassDef) -> Iterator[tuple[ast.Name, ast.Call, str]]:
    """(target, call, class name) for each ``name = SomeField(...)`` in the class body."""
    for statement in node.body:
        if isinstance(statement, ast.Assign) and len(statement.targets) == 1:
            target, value = statement.targets[0], statement.value
        elif isinstance(statement, ast.AnnAssign) and statement.value is not None:
            target, value = statement.target, statement.value
        else:
            continue
        if isinstance(target, ast.Name) and isinstance(value, ast.Call):
            name = callee_name(value.func)
            if name is not None and (name in ANCESTORS or _models_attribute(value.func)):
                yield target, value, name


def _models_attribute(func: ast.expr) -> bool:
    """``models.MoneyField``-like: a field class taken from a ``models`` module."""
    return (
        isinstance(func, ast.Attribute) and func.attr.endswith("Field")
        and isinstance(func.value, ast.Name) and func.value.id.endswith("models")
    )


def callee_name(func: ast.expr) -> str | None:
    if isinstance(func, ast.Attribute):
        return func.attr
    if isinstance(func, ast.Name):
        return func.id
    return None


def _fields(block: PythonBlock, node: ast.ClassDef) -> Iterator[FieldClaim]:
    for target, call, class_name in _field_calls(node):
        documented = None
        if class_name in ANCESTORS:
            documented = DocumentedType(class_name, (class_name,), _related(call, class_name))
        yield FieldClaim(target.id, block.node_span(target), documented, block.node_span(call.func))


def _related(call: ast.Call, class_name: str) -> str | None:
    if class_name not in RELATION_CALLS:
        return None
    target = call.args[0] if call.args else _keyword(call, "to")
    if isinstance(target, ast.Constant) and isinstance(target.value, str):
        return target.value
    return callee_name(target) if target is not None else None


def _keyword(call: ast.Call, name: str) -> ast.expr | None:
    return next((k.value for k in call.keywords if k.arg == name), None)


def _true(call: ast.Call, name: str) -> bool:
    value = _keyword(call, name)
    return isinstance(value, ast.Constant) and value.value is True


def _field_indexes(block: PythonBlock, node: ast.ClassDef) -> Iterator[IndexClaim]:
    for target, call, _ in _field_calls(node):
        unique = _true(call, "unique")
        if unique or _true(call, "db_index"):
            span = block.node_span(target)
            yield IndexClaim((target.id,), None, unique, span, (span,))


def _meta_indexes(block: PythonBlock, node: ast.ClassDef) -> Iterator[IndexClaim]:
    meta = next(
        (s for s in node.body if isinstance(s, ast.ClassDef) and s.name == "Meta"), None
    )
    if meta is None:
        return
    for statement in meta.body:
        if not (isinstance(statement, ast.Assign) and len(statement.targets) == 1):
            continue
        target = statement.targets[0]
        option = target.id if isinstance(target, ast.Name) else ""
        if option in {"indexes", "constraints"}:
            yield from _index_objects(block, statement.value)
        elif option in {"unique_together", "index_together"}:
            yield from _together(block, statement.value, unique=option == "unique_together")


def _index_objects(block: PythonBlock, value: ast.expr) -> Iterator[IndexClaim]:
    for element in _elements(value):
        if not isinstance(element, ast.Call):
            continue
        kind = callee_name(element.func)
        if kind not in {"Index", "UniqueConstraint"}:
            continue
        fields = _strings(_keyword(element, "fields"))
        name_node = _keyword(element, "name")
        name = name_node.value if isinstance(name_node, ast.Constant) else None
        if not fields and name is None:
            continue  # an expression index: nothing to compare by field name
        span = (
            block.string_span(name_node) if isinstance(name_node, ast.Constant)
            else block.node_span(element.func)
        )
        yield IndexClaim(
            tuple(value.lstrip("-") for value, _ in fields),
            name if isinstance(name, str) else None,
            kind == "UniqueConstraint",
            span,
            tuple(block.string_span(node) for _, node in fields),
        )


def _together(block: PythonBlock, value: ast.expr, *, unique: bool) -> Iterator[IndexClaim]:
    groups = _elements(value)
    if groups and all(isinstance(g, ast.Constant) for g in groups):
        groups = [value]  # ("a", "b") is one group, as Django reads it
    for group in groups:
        fields = _strings(group)
        if fields:
            spans = tuple(block.string_span(node) for _, node in fields)
            yield IndexClaim(tuple(v for v, _ in fields), None, unique, spans[0], spans)


def _elements(value: ast.expr | None) -> list[ast.expr]:
    return list(value.elts) if isinstance(value, (ast.List, ast.Tuple, ast.Set)) else []


def _strings(value: ast.expr | None) -> list[tuple[str, ast.Constant]]:
    return [
        (e.value, e) for e in _elements(value)
        if isinstance(e, ast.Constant) and isinstance(e.value, str)
    ]
