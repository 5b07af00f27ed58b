"""A model field's ``choices`` read from the source: a literal list of pairs (grouped or
not, or a dict), a module constant holding one, or a Choices class (``Status.choices``,
or the class itself)."""

from __future__ import annotations

import ast
from typing import TYPE_CHECKING

from featuredocs.introspect.static.classes import ClassRef, Classes
from featuredocs.introspect.static.namespace import module_evaluator
from featuredocs.introspect.static.texts import GETTEXT, call_name
from featuredocs.introspect.static.values import is_known

if TYPE_CHECKING:
    from featuredocs.introspect.static.model_fields import FieldContext, FieldDecl

_CHOICES_ROOTS = frozenset({
    "django.db.models.Choices", "django.db.models.TextChoices", "django.db.models.IntegerChoices",
    "enum.Enum", "enum.IntEnum", "enum.StrEnum",
})


def choice_member_value(node: ast.expr, decl: FieldDecl, ctx: FieldContext) -> object | None:
    """``Status.PENDING`` → ``"pending"``: the value of a Choices (or Enum) member."""
    if not isinstance(node, ast.Attribute):
        return None
    choices_class = ctx.classes.nested_class(decl.owner.module, node.value, decl.owner)
    if choices_class is None or not _is_choices(ctx.classes, choices_class):
        return None
    return enum_members(ctx.classes, choices_class).get(node.attr)


def choice_values(node: ast.expr, decl: FieldDecl, ctx: FieldContext) -> tuple[str, ...]:
    """The stored values a field's ``choices`` allow, or () when they cannot be read."""
    module = decl.owner.module
    if isinstance(node, ast.Attribute) and node.attr == "choices":
        choices_class = ctx.classes.nested_class(module, node.value, decl.owner)
        if choices_class is not None and _is_choices(ctx.classes, choices_class):
            return tuple(str(v) for v in enum_members(ctx.classes, choices_class).values())
        return ()
    choices_class = ctx.classes.nested_class(module, node, decl.owner)
    if choices_class is not None and _is_choices(ctx.classes, choices_class):
        return tuple(str(v) for v in enum_members(ctx.classes, choices_class).values())
    return flat_choices(module_evaluator(ctx.classes.index, module).eval(node))


def flat_choices(value: object) -> tuple[str, ...]:
    """``[("a", "A"), ("Group", [("b", "B")])]`` or ``{"a": "A"}`` → ``("a", "b")``."""
    if isinstance(value, dict):
        value = list(value.items())
    if not isinstance(value, list | tuple):
        return ()
    found: list[str] = []
    for item in value:
        if not (isinstance(item, list | tuple) and len(item) == 2):
            return ()
        key, label = item
        if isinstance(label, list | tuple | dict):
            found.extend(flat_choices(label))
        elif is_known(key):
            found.append(str(key))
        else:
            return ()
    return tuple(found)


def _is_choices(classes: Classes, ref: ClassRef) -> bool:
    return any(name in _CHOICES_ROOTS for name in classes.mro(ref.dotted)[1:])


def enum_members(classes: Classes, ref: ClassRef) -> dict[str, object]:
    """Member name → value for a Choices/Enum class body (``PAID = "paid", "Paid"``)."""
    evaluator = module_evaluator(classes.index, ref.module)
    members: dict[str, object] = {}
    for statement in ref.node.body:
        if not (isinstance(statement, ast.Assign) and len(statement.targets) == 1):
            continue
        target = statement.targets[0]
        if not isinstance(target, ast.Name) or target.id.startswith("_"):
            continue
        value_node = statement.value
        if isinstance(value_node, ast.Tuple) and len(value_node.elts) >= 2 and _is_label(value_node.elts[-1]):
            elements = value_node.elts[:-1]
            value_node = elements[0] if len(elements) == 1 else ast.Tuple(elements, ast.Load())
        value = evaluator.eval(value_node)
        if is_known(value):
            members[target.id] = value
    return members


def _is_label(node: ast.expr) -> bool:
    if isinstance(node, ast.Constant):
        return isinstance(node.value, str)
    return isinstance(node, ast.Call) and call_name(node) in GETTEXT
