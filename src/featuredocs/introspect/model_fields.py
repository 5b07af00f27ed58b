"""FieldFacts of one model: forward fields, relations and reverse relations."""

from __future__ import annotations

import enum
from typing import Any

from django.db import models
from django.db.models.fields.reverse_related import ForeignObjectRel
from django.utils import translation

from featuredocs.introspect.locate import Locator
from featuredocs.model import FieldFact, SourceLocation
from featuredocs.secrets import safe_repr


def model_label(model: Any) -> str | None:
    """``app.Model`` for a model class; a lazy ``"app.Model"`` string as written."""
    if model is None:
        return None
    if isinstance(model, str):
        return model
    meta = getattr(model, "_meta", None)
    return meta.label if meta is not None else getattr(model, "__name__", str(model))


def field_facts(model: type[models.Model], locator: Locator) -> tuple[FieldFact, ...]:
    facts = []
    for field in _model_fields(model):
        if isinstance(field, ForeignObjectRel):
            facts.append(_reverse_fact(model, field, locator))
        else:
            facts.append(_forward_fact(model, field, locator))
    return tuple(facts)


def _model_fields(model: type[models.Model]) -> list[Any]:
    try:
        return list(model._meta.get_fields(include_parents=True))
    except Exception:  # abstract models with unresolved relations
        meta = model._meta
        return [*meta.local_fields, *meta.local_many_to_many, *meta.private_fields]


def _forward_fact(model: type[models.Model], field: Any, locator: Locator) -> FieldFact:
    owner = getattr(field, "model", None) or model
    choices, labels = field_choices(field)
    return FieldFact(
        name=field.name,
        field_class=type(field).__name__,
        internal_type=_internal_type(field),
        column=getattr(field, "column", None) if getattr(field, "concrete", False) else None,
        related_model=model_label(getattr(field, "related_model", None)),
        null=bool(getattr(field, "null", False)),
        blank=bool(getattr(field, "blank", False)),
        has_default=_has_default(field) or _has_db_default(field),
        default=_any_default(field),
        choices=choices,
        choice_labels=labels,
        help_text=str(getattr(field, "help_text", "") or ""),
        primary_key=bool(getattr(field, "primary_key", False)),
        unique=bool(getattr(field, "unique", False)),
        db_index=bool(getattr(field, "db_index", False)),
        is_relation=bool(field.is_relation),
        many_to_many=bool(field.many_to_many),
        auto_created=bool(getattr(field, "auto_created", False)),
        inherited_from=_inherited_from(model, owner),
        location=field_location(owner, field.name, locator),
        max_length=_int_option(field, "max_length"),
        max_digits=_int_option(field, "max_digits"),
        decimal_places=_int_option(field, "decimal_places"),
        on_delete=_on_delete(field),
    )


def _on_delete(field: Any) -> str | None:
    """``CASCADE`` for ``on_delete=models.CASCADE``; ``SET`` for ``models.SET(...)``, whose
    handler Django builds as ``set_on_delete``."""
    if not (field.many_to_one or field.one_to_one) or getattr(field, "auto_created", False):
        # many-to-many and generic relations delete their links, always; a parent link
        # Django adds for multi-table inheritance is no field a page documents
        return None
    handler = getattr(getattr(field, "remote_field", None), "on_delete", None)
    if handler is None:
        return None
    name = getattr(handler, "__name__", "")
    return "SET" if name == "set_on_delete" else name or None


def _int_option(field: Any, name: str) -> int | None:
    value = getattr(field, name, None)
    return value if type(value) is int else None


def _reverse_fact(model: type[models.Model], rel: ForeignObjectRel, locator: Locator) -> FieldFact:
    remote = rel.field  # the ForeignKey / OneToOne / ManyToMany on the other model
    accessor = rel.get_accessor_name() or rel.name
    return FieldFact(
        name=accessor,
        field_class=type(rel).__name__,
        internal_type=_internal_type(remote),
        related_model=model_label(rel.related_model),
        null=True,
        blank=True,
        is_relation=True,
        many_to_many=bool(rel.many_to_many),
        reverse=True,
        auto_created=True,
        inherited_from=_inherited_from(model, rel.model),
        location=field_location(remote.model, remote.name, locator),
        query_name=rel.name,
    )


def _inherited_from(model: type[models.Model], owner: Any) -> str | None:
    if owner is None or isinstance(owner, str) or owner is model:
        return None
    return model_label(owner)


def _internal_type(field: Any) -> str:
    try:
        return str(field.get_internal_type())
    except Exception:  # private fields such as GenericForeignKey have none
        return type(field).__name__


def _has_default(field: Any) -> bool:
    try:
        return bool(field.has_default())
    except Exception:
        return False


def _has_db_default(field: Any) -> bool:
    try:
        return bool(field.has_db_default())
    except Exception:  # Django before 5.0, or not a concrete field
        return False


def _any_default(field: Any) -> str | None:
    """The Python default, else the database default (``db_default=Now()``)."""
    if _has_default(field):
        return default_repr(field)
    if _has_db_default(field):
        value = field.db_default
        # Django wraps a plain db_default in Value(); show what was written
        return safe_repr(value.value) if isinstance(value, models.Value) else str(value)
    return None


def default_repr(field: Any) -> str:
    """The default as a reader would write it: a value's repr, a callable's name."""
    default = field.default
    if isinstance(default, enum.Enum):
        return safe_repr(default.value)
    if callable(default):
        return callable_name(default)
    return safe_repr(default)


def callable_name(value: Any) -> str:
    """``timezone.now`` for django.utils.timezone.now, ``dict`` for the builtin."""
    qualname = getattr(value, "__qualname__", None) or type(value).__name__
    module = getattr(value, "__module__", None)
    if not module or module == "builtins":
        return qualname
    return f"{module.rpartition('.')[2]}.{qualname}"


def field_choices(field: Any) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """The values a field's choices store, out of their groups, and the label of each
    (none when one cannot be read).

    Labels are read with translation off: a lazy label gives the text its source writes,
    as static mode reads it, whatever language the settings make the default.
    """
    try:
        flat = list(field.flatchoices or ())
    except Exception:
        return (), ()
    if not flat:
        return (), ()
    values = tuple(str(value.value if isinstance(value, enum.Enum) else value) for value, _label in flat)
    try:
        with translation.override(None):
            labels = tuple(str(label) for _value, label in flat)
    except Exception:  # a lazy label whose text fails to build
        return values, ()
    return values, labels


def field_location(owner: Any, name: str, locator: Locator) -> SourceLocation | None:
    """The line that declares ``name`` on ``owner`` or the first base class that does."""
    if owner is None or isinstance(owner, str):
        return None
    classes = [c for c in owner.__mro__ if c is not models.Model and c is not object]
    return locator.attribute_location(classes, name)
