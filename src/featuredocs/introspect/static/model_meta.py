"""A model's ``class Meta`` as Django resolves it, and the managers it declares.

A model without its own ``Meta`` inherits the ``Meta`` of its first abstract base;
``class Meta(Base.Meta)`` extends it; ``abstract`` itself is never inherited. A child of
a concrete model inherits only ``ordering`` and ``get_latest_by``.
"""

from __future__ import annotations

import ast
from dataclasses import dataclass

from featuredocs.introspect.locate import assigned_names
from featuredocs.introspect.static.classes import ClassRef, Classes

MODEL_ROOT = "django.db.models.Model"
_MANAGER_ROOTS = frozenset({"django.db.models.Manager", "django.db.models.BaseManager"})
_FROM_CONCRETE_PARENT = ("ordering", "get_latest_by")
_MAX_DEPTH = 8


@dataclass(frozen=True)
class MetaOption:
    """One ``Meta`` entry: its value and the class whose ``Meta`` wrote it."""

    node: ast.expr
    owner: ClassRef
    line: int


def is_model(classes: Classes, ref: ClassRef) -> bool:
    return MODEL_ROOT in classes.mro(ref.dotted)[1:]


def model_bases(classes: Classes, ref: ClassRef) -> list[ClassRef]:
    """Model classes in the MRO after the model itself (abstract ones included)."""
    return [base for base in classes.refs_in_mro(ref.dotted)[1:] if is_model(classes, base)]


def own_meta(ref: ClassRef) -> ast.ClassDef | None:
    return ref.nested("Meta")


def meta_body(ref: ClassRef, meta: ast.ClassDef) -> dict[str, MetaOption]:
    options: dict[str, MetaOption] = {}
    for statement in meta.body:
        if isinstance(statement, ast.Assign | ast.AnnAssign) and statement.value is not None:
            for name in assigned_names(statement):
                options[name] = MetaOption(statement.value, ref, statement.lineno)
    return options


def is_abstract(ref: ClassRef) -> bool:
    meta = own_meta(ref)
    option = meta_body(ref, meta).get("abstract") if meta is not None else None
    return option is not None and isinstance(option.node, ast.Constant) and option.node.value is True


def meta_options(classes: Classes, ref: ClassRef, depth: int = 0) -> dict[str, MetaOption]:
    """Every ``Meta`` option in effect for the model ``ref``."""
    if depth > _MAX_DEPTH:
        return {}
    meta = own_meta(ref)
    bases = model_bases(classes, ref)
    options: dict[str, MetaOption] = {}
    if meta is None:
        # a concrete model keeps no ``Meta`` attribute: the first abstract base's is found
        first = next((b for b in bases if is_abstract(b)), None)
        if first is not None:
            inherited = meta_options(classes, first, depth + 1)
            options = {k: v for k, v in inherited.items() if k != "abstract"}
    else:
        for base in meta.bases:  # class Meta(TimeStampedModel.Meta)
            base_meta = classes.nested_class(ref.module, base, ref)
            owner = _meta_owner(classes, ref, base)
            if base_meta is not None and owner is not None:
                inherited = meta_body(owner, base_meta.node)
                options.update({k: v for k, v in inherited.items() if k != "abstract"})
        options.update(meta_body(ref, meta))
    concrete = next((b for b in bases if not is_abstract(b)), None)
    if concrete is not None:
        parent = meta_options(classes, concrete, depth + 1)
        for name in _FROM_CONCRETE_PARENT:
            if name not in options and name in parent:
                options[name] = parent[name]
    return options


def _meta_owner(classes: Classes, ref: ClassRef, base: ast.expr) -> ClassRef | None:
    """The model class of ``Base.Meta``: ``Base``."""
    if isinstance(base, ast.Attribute):
        return classes.nested_class(ref.module, base.value, ref)
    return None


def declared_managers(classes: Classes, ref: ClassRef) -> list[str]:
    """Names the model's own class body binds to managers."""
    names = []
    for statement in ref.node.body:
        if not isinstance(statement, ast.Assign | ast.AnnAssign) or statement.value is None:
            continue
        if is_manager_value(classes, ref, statement.value):
            names.extend(assigned_names(statement))
    return names


def is_manager_value(classes: Classes, ref: ClassRef, value: ast.expr) -> bool:
    if not isinstance(value, ast.Call):
        return False
    func = value.func
    if isinstance(func, ast.Attribute) and func.attr == "as_manager":
        return True
    if isinstance(func, ast.Call) and isinstance(func.func, ast.Attribute):
        return func.func.attr == "from_queryset"  # Manager.from_queryset(QuerySet)()
    dotted = classes.resolve(ref.module, func)
    if not dotted:
        return False
    if classes.derives_from(dotted, _MANAGER_ROOTS):
        return True
    return classes.get(dotted) is None and dotted.rpartition(".")[2].endswith("Manager")
