"""Indexes and uniqueness rules of a model, from its fields and its resolved ``Meta``.

``Meta.indexes`` entries without a name get the name Django generates for them
(``orders_orde_custome_c9b64a_idx``): the table name, first column and a digest, as
``Index.set_name_with_model`` computes it.
"""

from __future__ import annotations

import ast
from collections.abc import Iterator
from hashlib import md5

from featuredocs.introspect.imports import call_argument
from featuredocs.introspect.static.classes import Classes
from featuredocs.introspect.static.model_meta import MetaOption
from featuredocs.introspect.static.namespace import module_evaluator
from featuredocs.introspect.static.values import is_known
from featuredocs.model import FieldFact, IndexFact, SourceLocation

_INDEX_SUFFIX = "idx"


def field_indexes(fields: list[FieldFact]) -> list[IndexFact]:
    """``unique=True`` and ``db_index=True`` on the model's own concrete fields."""
    facts = []
    for field in fields:
        if field.primary_key or field.reverse or field.many_to_many or field.column is None:
            continue
        kind = "unique" if field.unique else "db_index" if field.db_index else None
        if kind:
            facts.append(IndexFact(kind, (field.name,), location=field.location))
    return facts


def meta_indexes(
    classes: Classes, options: dict[str, MetaOption], table: str, columns: dict[str, str],
    app_label: str, model_name: str, abstract: bool = False,
) -> list[IndexFact]:
    """``Meta.indexes``, ``*_together``, unique and check constraints. An abstract model's names
    stay as written (``%(class)s``): each concrete child gets its own."""
    facts: list[IndexFact] = []
    names = {} if abstract else {"app_label": app_label.lower(), "class": model_name.lower()}
    if "indexes" in options:
        for call, option in _calls(options["indexes"]):
            facts.append(_index(classes, call, option, "index", names, table, columns))
    for kind in ("index_together", "unique_together"):
        if kind in options:
            facts.extend(_together(classes, options[kind], kind))
    if "constraints" in options:
        for call, option in _calls(options["constraints"]):
            if _call_name(call) == "UniqueConstraint":
                facts.append(_index(classes, call, option, "unique_constraint", names, table, columns))
            elif _call_name(call) == "CheckConstraint":
                facts.append(_check(classes, call, option, names))
    return facts


def _check(classes: Classes, call: ast.Call, option: MetaOption, names: dict[str, str]) -> IndexFact:
    """A ``CheckConstraint``: its fields are those the ``Q`` of its condition looks up."""
    module = option.owner.module
    name = module_evaluator(classes.index, module).eval(call_argument(call, None, "name"))
    # ``condition`` since Django 5.1, ``check`` before
    condition = call_argument(call, None, "condition") or call_argument(call, None, "check")
    looked_up = [
        keyword.arg.split("__")[0]
        for node in (ast.walk(condition) if condition is not None else ())
        if isinstance(node, ast.Call) and _call_name(node) == "Q"
        for keyword in node.keywords
        if keyword.arg is not None
    ]
    return IndexFact(
        kind="check_constraint",
        fields=tuple(dict.fromkeys(looked_up)),
        name=(_fill(name, names) if names else name) if isinstance(name, str) and name else None,
        condition=module.segment(condition) if condition is not None else None,
        location=SourceLocation(module.rel, call.lineno) if module.rel else None,
    )


def _calls(option: MetaOption) -> Iterator[tuple[ast.Call, MetaOption]]:
    node = option.node
    elements = node.elts if isinstance(node, ast.List | ast.Tuple) else []
    for element in elements:
        if isinstance(element, ast.Call):
            yield element, option


def _call_name(call: ast.Call) -> str:
    func = call.func
    return func.attr if isinstance(func, ast.Attribute) else func.id if isinstance(func, ast.Name) else ""


def _index(
    classes: Classes, call: ast.Call, option: MetaOption, kind: str, names: dict[str, str],
    table: str, columns: dict[str, str],
) -> IndexFact:
    module = option.owner.module
    evaluator = module_evaluator(classes.index, module)
    fields = evaluator.eval(call_argument(call, None, "fields"))
    field_names = tuple(str(f) for f in fields) if isinstance(fields, list | tuple) else ()
    field_names = field_names if is_known(fields) else ()
    name = evaluator.eval(call_argument(call, None, "name"))
    if isinstance(name, str) and name:
        name = _fill(name, names) if names else name
    elif kind == "index" and field_names and names:
        name = generated_index_name(table, field_names, columns)
    else:
        name = None
    condition = call_argument(call, None, "condition")
    return IndexFact(
        kind=kind,
        fields=field_names,
        name=name,
        expressions=tuple(module.segment(a) for a in call.args if not isinstance(a, ast.Starred)),
        condition=module.segment(condition) if condition is not None else None,
        location=SourceLocation(module.rel, call.lineno) if module.rel else None,
    )


def _together(classes: Classes, option: MetaOption, kind: str) -> list[IndexFact]:
    value = module_evaluator(classes.index, option.owner.module).eval(option.node)
    if not isinstance(value, list | tuple) or not is_known(value) or not value:
        return []
    groups = [value] if isinstance(value[0], str) else value
    rel = option.owner.module.rel
    where = SourceLocation(rel, option.line) if rel else None
    return [IndexFact(kind, tuple(str(f) for f in group), location=where)
            for group in groups if isinstance(group, list | tuple)]


def _fill(name: str, names: dict[str, str]) -> str:
    try:
        return name % names
    except (KeyError, ValueError, TypeError):
        return name


def generated_index_name(table: str, fields: tuple[str, ...], columns: dict[str, str]) -> str:
    """The name Django gives an unnamed ``Index(fields=[...])`` on ``table``."""
    orders = [(f[1:], "DESC") if f.startswith("-") else (f, "") for f in fields]
    column_names = [columns.get(name, name) for name, _ in orders]
    with_order = [("-%s" if order else "%s") % column
                  for column, (_, order) in zip(column_names, orders, strict=True)]
    digest = md5(usedforsecurity=False)
    for part in [table, *with_order, _INDEX_SUFFIX]:
        digest.update(part.encode())
    name = f"{table[:11]}_{column_names[0][:7]}_{digest.hexdigest()[:6]}_{_INDEX_SUFFIX}"
    if name[0] == "_" or name[0].isdigit():
        name = "D" + name[1:]
    return name
