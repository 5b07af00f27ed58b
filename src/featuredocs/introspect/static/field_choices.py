"""A model field's ``choices`` read from the source: a literal list of pairs (grouped or
not, or a dict), a module constant holding one, or a Choices class (``Status.choices``,
or the class itself). Labels are read where the source fixes them, and only there: a
field with one label that cannot be read gets none, rather than some guessed."""

from __future__ import annotations

import ast
from collections.abc import Iterator
from typing import TYPE_CHECKING

from featuredocs.introspect.static.classes import ClassRef, Classes
from featuredocs.introspect.static.modules import Module, ModuleIndex
from featuredocs.introspect.static.namespace import module_evaluator
from featuredocs.introspect.static.texts import GETTEXT, call_name, label_of
from featuredocs.introspect.static.values import is_known

if TYPE_CHECKING:
    from featuredocs.introspect.static.model_fields import FieldContext, FieldDecl

_CHOICES_ROOTS = frozenset({
    "django.db.models.Choices", "django.db.models.TextChoices", "django.db.models.IntegerChoices",
    "enum.Enum", "enum.IntEnum", "enum.StrEnum",
})
#: How many names a list of choices is followed through (``CHOICES = BASE_CHOICES``), and
#: how deep its groups and spread lists are read.
_DEPTH = 8

Choices = tuple[tuple[str, ...], tuple[str, ...]]
#: A choice's value and label as a literal writes them, each None when not read.
Pair = tuple[str | None, str | None]


def choice_member_value(node: ast.expr, decl: FieldDecl, ctx: FieldContext) -> object | None:
    """``Status.PENDING`` → ``"pending"``: the value of a Choices (or Enum) member."""
    if not isinstance(node, ast.Attribute):
        return None
    choices_class = ctx.classes.nested_class(decl.owner.module, node.value, decl.owner)
    if choices_class is None or not _is_choices(ctx.classes, choices_class):
        return None
    return enum_members(ctx.classes, choices_class).get(node.attr)


def field_choices(node: ast.expr, decl: FieldDecl, ctx: FieldContext) -> Choices:
    """The stored values a field's ``choices`` allow, () when they cannot be read; and the
    label of each, () when one cannot be."""
    module = decl.owner.module
    named = node.value if isinstance(node, ast.Attribute) and node.attr == "choices" else node
    choices_class = ctx.classes.nested_class(module, named, decl.owner)
    if choices_class is not None and _is_choices(ctx.classes, choices_class):
        return _class_choices(ctx.classes, choices_class)
    if named is not node:
        return (), ()
    values = flat_choices(module_evaluator(ctx.classes.index, module).eval(node))
    pairs = _literal_choices(node, module, ctx.classes.index, 0)
    if pairs is None:
        return values, ()
    written = tuple(value for value, _label in pairs)
    if not values and None not in written:
        values = written  # ``constants.CHOICES``: another module's constant, read where it is assigned
    labels = tuple(label for _value, label in pairs if label is not None)
    return values, labels if written == values and len(labels) == len(values) else ()


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


def _literal_choices(node: ast.expr, module: Module, index: ModuleIndex, depth: int) -> list[Pair] | None:
    """(value, label) of each choice a literal list of pairs (or dict) writes, groups
    flattened as :func:`flat_choices` flattens them; None when it is no such literal."""
    entries = _entries(node, module, index, depth)
    if entries is None:
        return None
    pairs: list[Pair] = []
    for entry_module, key, label in entries:
        evaluator = module_evaluator(index, entry_module)
        if isinstance(evaluator.eval(label), list | tuple | dict):  # a group: its name, then its choices
            group = _literal_choices(label, entry_module, index, depth + 1)
            if group is None:
                return None
            pairs.extend(group)
            continue
        value = evaluator.eval(key)
        pairs.append((str(value) if is_known(value) else None, label_of(label, evaluator)))
    return pairs


def _entries(
    node: ast.expr, module: Module, index: ModuleIndex, depth: int,
) -> list[tuple[Module, ast.expr, ast.expr]] | None:
    """The (module, value, label) nodes of each pair a literal list, tuple or dict writes;
    ``depth`` counts the lists it is spread into or grouped in, which ends a constant
    spread into itself (``CHOICES = [*CHOICES, …]``)."""
    if depth > _DEPTH:
        return None
    module, node = _assigned(node, module, index)
    if isinstance(node, ast.Dict):
        if any(key is None for key in node.keys):
            return None  # ``{**BASE, …}``
        return [(module, key, value) for key, value in zip(node.keys, node.values, strict=True) if key is not None]
    if not isinstance(node, ast.List | ast.Tuple):
        return None
    entries = []
    for element in node.elts:
        if isinstance(element, ast.Starred):  # ``*BASE_CHOICES``
            spread = _entries(element.value, module, index, depth + 1)
            if spread is None:
                return None
            entries.extend(spread)
            continue
        pair_module, pair = _assigned(element, module, index)
        if not (isinstance(pair, ast.List | ast.Tuple) and len(pair.elts) == 2):
            return None
        if any(isinstance(item, ast.Starred) for item in pair.elts):
            return None
        entries.append((pair_module, pair.elts[0], pair.elts[1]))
    return entries


def _assigned(node: ast.expr, module: Module, index: ModuleIndex) -> tuple[Module, ast.expr]:
    """The expression a name stands for, followed to where it is assigned, and its module."""
    for _ in range(_DEPTH):
        if not isinstance(node, ast.Name | ast.Attribute):
            break
        dotted = index.qualify(module, node)
        found = index.definition(dotted) if dotted and "." in dotted else None
        if found is None or not isinstance(found[1], ast.expr):
            break
        module, node = found
    return module, node


def _class_choices(classes: Classes, ref: ClassRef) -> Choices:
    """A Choices class's values and labels: a member's label as written, or the one Django
    makes of its name (``BANK_TRANSFER`` → ``Bank Transfer``)."""
    evaluator = module_evaluator(classes.index, ref.module)
    values: list[str] = []
    labels: list[str | None] = []
    for name, value_node, label_node in _members(ref):
        value = evaluator.eval(value_node)
        if not is_known(value):
            continue
        values.append(str(value))
        labels.append(label_of(label_node, evaluator) if label_node is not None else _named_label(name, value))
    read = tuple(label for label in labels if label is not None)
    return tuple(values), read if len(read) == len(values) else ()


def class_choice_values(classes: Classes, module: Module, node: ast.expr) -> tuple[str, ...] | None:
    """The values a ``choices=`` argument outside a model (an argparse option, a
    django-filter ``ChoiceFilter``) takes from a Choices or Enum class: ``Status.choices``,
    ``Status.values``, the class itself, or ``[kind.value for kind in Kind]``; None when
    it names no such class."""
    named: ast.expr = node
    if isinstance(node, ast.Attribute) and node.attr in ("choices", "values"):
        named = node.value
    elif isinstance(node, ast.ListComp) and len(node.generators) == 1:
        loop = node.generators[0]
        item = node.elt.value if isinstance(node.elt, ast.Attribute) and node.elt.attr == "value" else node.elt
        if loop.ifs or not (isinstance(loop.target, ast.Name) and isinstance(item, ast.Name) and item.id == loop.target.id):
            return None
        named = loop.iter
    ref = classes.nested_class(module, named, None)
    if ref is None or not _is_choices(classes, ref):
        return None
    values = _class_choices(classes, ref)[0]
    return values or None


def _named_label(name: str, value: object) -> str | None:
    """Django's label for a member written without one; None when Django would take the
    value's last item for its label, which the source gives in a way not read here."""
    if isinstance(value, list | tuple) and len(value) > 1 and isinstance(value[-1], str):
        return None
    return name.replace("_", " ").title()


def _is_choices(classes: Classes, ref: ClassRef) -> bool:
    return any(name in _CHOICES_ROOTS for name in classes.mro(ref.dotted)[1:])


def enum_members(classes: Classes, ref: ClassRef) -> dict[str, object]:
    """Member name → value for a Choices/Enum class body (``PAID = "paid", "Paid"``)."""
    evaluator = module_evaluator(classes.index, ref.module)
    members: dict[str, object] = {}
    for name, value_node, _label in _members(ref):
        value = evaluator.eval(value_node)
        if is_known(value):
            members[name] = value
    return members


def _members(ref: ClassRef) -> Iterator[tuple[str, ast.expr, ast.expr | None]]:
    """Each member a Choices/Enum class body assigns: its name, its value's node, and its
    label's when it writes one (``PAID = "paid", _("Paid")``)."""
    for statement in ref.node.body:
        if not (isinstance(statement, ast.Assign) and len(statement.targets) == 1):
            continue
        target = statement.targets[0]
        if not isinstance(target, ast.Name) or target.id.startswith("_"):
            continue
        value_node, label = statement.value, None
        if isinstance(value_node, ast.Tuple) and len(value_node.elts) >= 2 and _is_label(value_node.elts[-1]):
            elements, label = value_node.elts[:-1], value_node.elts[-1]
            value_node = elements[0] if len(elements) == 1 else ast.Tuple(elements, ast.Load())
        yield target.id, value_node, label


def _is_label(node: ast.expr) -> bool:
    if isinstance(node, ast.Constant):
        return isinstance(node.value, str)
    return isinstance(node, ast.Call) and call_name(node) in GETTEXT
