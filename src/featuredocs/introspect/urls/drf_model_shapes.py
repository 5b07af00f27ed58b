"""The response shape of a plain ``ModelSerializer`` without building its fields.

Building a ``ModelSerializer``'s fields works out every field's arguments (validators,
labels, uniqueness) only for the field class to be kept: the response shape needs the
class, the field's name and whether it is a list. For a serializer that changes nothing
of how ``ModelSerializer`` builds its fields (no declared fields, no extra arguments, no
nesting, DRF's own field classes and methods), the class is picked as
``ModelSerializer.build_field`` picks it. Anything else is left to DRF (None here).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from rest_framework import serializers
from rest_framework.fields import ReadOnlyField
from rest_framework.utils import model_meta
from rest_framework.utils.field_mapping import ClassLookupDict

from featuredocs.introspect.model_fields import field_choices
from featuredocs.model import ResponseField

_BASE = serializers.ModelSerializer
#: What ``ModelSerializer.fields`` builds on; a serializer redefining any of them is built.
_BUILDERS = (
    "__init__", "__new__", "fields", "get_fields", "get_field_names", "get_default_field_names",
    "get_extra_kwargs", "get_uniqueness_extra_kwargs", "include_extra_kwargs", "build_field",
    "build_standard_field", "build_relational_field", "build_nested_field",
    "build_property_field", "build_url_field", "build_unknown_field",
    "serializer_field_mapping", "serializer_related_field", "serializer_related_to_field",
    "serializer_choice_field", "url_field_name",
)


def plain_model_shape(
    serializer: Any, json_type: Callable[[type], str | None]
) -> tuple[ResponseField, ...] | None:
    """The readable fields of a plain ``ModelSerializer``, or None when it is not one."""
    try:
        return _shape(serializer, json_type)
    except Exception:  # whatever DRF would make of it, it is DRF's to say
        return None


def _shape(serializer: Any, json_type: Callable[[type], str | None]) -> tuple[ResponseField, ...] | None:
    kind = type(serializer)
    if not issubclass(kind, _BASE) or "fields" in vars(serializer):
        return None
    if any(getattr(kind, name) is not getattr(_BASE, name) for name in _BUILDERS):
        return None
    meta = kind.Meta
    if kind._declared_fields or getattr(meta, "depth", 0):
        return None
    model = meta.model
    if model_meta.is_abstract_model(model):
        return None
    info = model_meta.get_field_info(model)
    names = serializer.get_field_names({}, info)
    extra, hidden = serializer.get_uniqueness_extra_kwargs(names, {}, serializer.get_extra_kwargs())
    if extra or hidden:
        return None
    mapping = ClassLookupDict(_BASE.serializer_field_mapping)
    shape = []
    for name in names:
        if name in info.fields_and_pk:
            field = info.fields_and_pk[name]
            if field.one_to_one and field.primary_key:
                return None
            if type(field).__module__.startswith("django.contrib.postgres"):
                return None
            field_class = _BASE.serializer_choice_field if field.choices else mapping[field]
            shape.append(ResponseField(name, type=json_type(field_class), choices=field_choices(field)[0]))
        elif name in info.relations:
            relation = info.relations[name]
            if relation.to_many:
                shape.append(ResponseField(name, many=True, type="array"))
            else:
                shape.append(ResponseField(name, type=_relation_type(relation, json_type)))
        elif hasattr(model, name):
            shape.append(ResponseField(name, type=json_type(ReadOnlyField)))
        else:
            return None  # the URL field, or a name DRF refuses
    return tuple(shape)


def _relation_type(relation: Any, json_type: Callable[[type], str | None]) -> str | None:
    types = {json_type(_BASE.serializer_related_field), json_type(_BASE.serializer_related_to_field)}
    if len(types) != 1:
        raise ValueError("the relation's field class decides its type")
    return types.pop()
