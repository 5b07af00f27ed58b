"""A model's attributes as a page may name them: methods, properties, managers, nested
classes, and the methods Django generates (``get_status_display``, ``get_next_by_created_at``).

Django's own ``Model`` API is left out, as live introspection leaves it out; so are fields,
which are listed on their own.
"""

from __future__ import annotations

import ast
from collections.abc import Iterator

from featuredocs.introspect.locate import assigned_names
from featuredocs.introspect.static.classes import ClassRef, Classes
from featuredocs.introspect.static.model_meta import declared_managers
from featuredocs.model import FieldFact

#: Names Django adds to every model class; not attributes a page documents.
_GENERATED = frozenset({"DoesNotExist", "MultipleObjectsReturned", "NotUpdated", "Meta"})
_DATE_TYPES = frozenset({"DateField", "DateTimeField"})


def manager_names(classes: Classes, ref: ClassRef, bases: list[ClassRef]) -> list[str]:
    """Managers the model and its model bases declare, nearest first."""
    names: list[str] = []
    for cls in [ref, *bases]:
        for name in declared_managers(classes, cls):
            if name not in names:
                names.append(name)
    return names


def attribute_names(
    classes: Classes, ref: ClassRef, fields: tuple[FieldFact, ...], managers: list[str],
    inherited: frozenset[str] | set[str] = frozenset(),
) -> tuple[str, ...]:
    field_names = {f.name for f in fields} | {f"{f.name}_id" for f in fields if f.is_relation}
    field_names |= {f.column for f in fields if f.column}
    names: set[str] = set(managers) | _generated(fields) | set(inherited)
    for cls in classes.refs_in_mro(ref.dotted):
        names.update(_body_names(cls.node))
    return tuple(sorted(
        n for n in names if not n.startswith("_") and n not in _GENERATED and n not in field_names
    ))


_CHOICES_ROOTS = frozenset({"Choices", "TextChoices", "IntegerChoices"})


def choices_members(classes: Classes, ref: ClassRef) -> tuple[str, ...]:
    """``Status.PAID`` for each member of a choices class the model or its bases nest."""
    members: set[str] = set()
    for cls in classes.refs_in_mro(ref.dotted):
        for statement in cls.node.body:
            if isinstance(statement, ast.ClassDef) and not statement.name.startswith("_"):
                if _is_choices(classes, cls, statement):
                    members.update(
                        f"{statement.name}.{name}" for name in _member_names(statement)
                    )
    return tuple(sorted(members))


def _is_choices(classes: Classes, owner: ClassRef, node: ast.ClassDef) -> bool:
    for base in node.bases:
        dotted = classes.resolve(owner.module, base)
        if dotted and any(_is_django_choices(name) for name in (dotted, *classes.mro(dotted))):
            return True
    return False


def _is_django_choices(dotted: str) -> bool:
    return dotted.startswith("django.db.models.") and dotted.rpartition(".")[2] in _CHOICES_ROOTS


def _member_names(node: ast.ClassDef) -> Iterator[str]:
    """What an enum's body assigns: its members (``PAID = "paid", "Paid"``)."""
    for statement in node.body:
        if isinstance(statement, ast.Assign):
            yield from (name for name in assigned_names(statement) if not name.startswith("_"))


def _body_names(node: ast.ClassDef) -> set[str]:
    names: set[str] = set()
    for statement in node.body:
        if isinstance(statement, ast.FunctionDef | ast.AsyncFunctionDef | ast.ClassDef):
            names.add(statement.name)
        elif isinstance(statement, ast.Assign | ast.AnnAssign):
            names.update(assigned_names(statement))
    return names


def _generated(fields: tuple[FieldFact, ...]) -> set[str]:
    names: set[str] = set()
    for field in fields:
        if field.reverse:
            continue
        if field.internal_type in _DATE_TYPES and not field.null:
            names.update({f"get_next_by_{field.name}", f"get_previous_by_{field.name}"})
        if field.choices:
            names.add(f"get_{field.name}_display")
    return names
