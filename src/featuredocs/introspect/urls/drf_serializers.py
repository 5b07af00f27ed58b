"""The response shape of a DRF serializer: its readable fields, nested, lists marked.

Instantiating a serializer needs no database connection: ``ModelSerializer`` builds its
fields from the model's ``_meta`` (validators read the backend's integer ranges from
``connection.ops``, which connects to nothing). A plain ``ModelSerializer`` (see
``drf_model_shapes``) is read without building its fields at all.
"""

from __future__ import annotations

from typing import Any

from rest_framework import serializers
from rest_framework.settings import api_settings

from featuredocs.introspect.model_fields import field_choices
from featuredocs.introspect.parsed import per_run
from featuredocs.introspect.urls.drf_model_shapes import plain_model_shape
from featuredocs.model import ResponseField

_MAX_DEPTH = 6
# DRF field classes (by name, along the MRO) to the JSON type they render.
_JSON_TYPES = {
    "BooleanField": "boolean", "NullBooleanField": "boolean",
    "IntegerField": "integer", "FloatField": "number",
    "CharField": "string", "ChoiceField": "string", "DateTimeField": "string",
    "DateField": "string", "TimeField": "string", "DurationField": "string",
    "UUIDField": "string", "FileField": "string",
    "DictField": "object", "JSONField": None, "HStoreField": "object",
    "ListField": "array", "MultipleChoiceField": "array",
}


@per_run
def serializer_fields(serializer_class: Any) -> tuple[ResponseField, ...] | None:
    """The fields a serializer class renders, or None when it cannot be instantiated.

    Read once per class: a router's list and detail routes share their serializer, and
    building a ``ModelSerializer``'s fields is the dearest read there is."""
    try:
        serializer = serializer_class()
    except Exception:  # a serializer that needs context or arguments: unknown
        return None
    shape = plain_model_shape(serializer, json_type_of_class)
    if shape is not None:
        return shape
    return built_fields(serializer)


def built_fields(serializer: Any) -> tuple[ResponseField, ...] | None:
    """The fields of ``serializer`` as DRF builds and binds them."""
    try:
        return _fields_of(serializer, 0)
    except Exception:  # a field class of a package we do not know: unknown shape
        return None


def _fields_of(serializer: Any, depth: int) -> tuple[ResponseField, ...] | None:
    fields = _bound_fields(serializer)
    if fields is None:
        return None
    model_fields = _model_fields_of(serializer, fields)
    return tuple(
        _response_field(name, field, depth, model_fields.get(name))
        for name, field in fields.items()
        if not getattr(field, "write_only", False)
    )


def _model_fields_of(serializer: Any, fields: dict[str, Any]) -> dict[str, Any]:
    """The model fields a ``ModelSerializer`` built ``fields`` from, by name: those it
    does not declare itself, rendering the model field of the same name."""
    if not isinstance(serializer, serializers.ModelSerializer):
        return {}
    try:
        options = serializer.Meta.model._meta
        declared = type(serializer)._declared_fields
    except Exception:  # no model to read: no choices
        return {}
    found = {}
    for name, field in fields.items():
        if name in declared or getattr(field, "source", None) != name:
            continue
        try:
            found[name] = options.get_field(name)
        except Exception:  # a property or a method: no choices
            continue
    return found


def _bound_fields(serializer: Any) -> dict[str, Any] | None:
    try:
        return dict(serializer.fields)
    except Exception:  # a field that needs the request or the view: unknown
        return None


def _response_field(name: str, field: Any, depth: int, model_field: Any = None) -> ResponseField:
    if isinstance(field, serializers.ListSerializer):
        return ResponseField(name, _children(field.child, depth), many=True, type="array")
    if isinstance(field, serializers.BaseSerializer):
        return ResponseField(name, _children(field, depth), type="object")
    if isinstance(field, serializers.ListField):
        child = getattr(field, "child", None)
        if isinstance(child, serializers.BaseSerializer):
            return ResponseField(name, _children(child, depth), many=True, type="array")
        return ResponseField(name, many=True, type="array")
    many = isinstance(field, serializers.ManyRelatedField)
    if model_field is not None and isinstance(field, serializers.ChoiceField) and not isinstance(
        field, serializers.MultipleChoiceField
    ):
        return ResponseField(name, type=_json_type(field), choices=field_choices(model_field)[0])
    return ResponseField(name, many=many, type="array" if many else _json_type(field))


def _children(serializer: Any, depth: int) -> tuple[ResponseField, ...]:
    if depth >= _MAX_DEPTH:
        return ()
    return _fields_of(serializer, depth + 1) or ()


def _json_type(field: Any) -> str | None:
    if isinstance(field, serializers.DecimalField):
        coerce = getattr(field, "coerce_to_string", api_settings.COERCE_DECIMAL_TO_STRING)
        return "string" if coerce else "number"
    return json_type_of_class(type(field))


def json_type_of_class(field_class: type) -> str | None:
    """The JSON type a field class renders; a decimal as built without arguments."""
    if issubclass(field_class, serializers.DecimalField):
        coerce = getattr(field_class, "coerce_to_string", api_settings.COERCE_DECIMAL_TO_STRING)
        return "string" if coerce else "number"
    for klass in field_class.__mro__:
        if klass.__name__ in _JSON_TYPES:
            return _JSON_TYPES[klass.__name__]
    return None  # method fields, relations, read-only attributes: any JSON value
