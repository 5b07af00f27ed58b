"""The response shape of a DRF serializer read from its source: declared fields, and for a
``ModelSerializer`` the ``Meta.fields`` typed by the model's fields, nested serializers
followed. A serializer whose fields cannot be read is unknown (None), never guessed.
"""

from __future__ import annotations

import ast

from featuredocs.introspect.imports import call_argument
from featuredocs.introspect.static.classes import ClassRef, Classes
from featuredocs.introspect.static.model_lookup import ModelLookup
from featuredocs.introspect.static.namespace import module_evaluator
from featuredocs.introspect.static.settings import SettingsRead
from featuredocs.introspect.static.values import is_known
from featuredocs.model import FieldFact, ModelFact, ResponseField

_DRF = "rest_framework."
_MAX_DEPTH = 6
_SERIALIZER_BASES = frozenset({"BaseSerializer", "Serializer", "ModelSerializer",
                               "HyperlinkedModelSerializer", "ListSerializer"})
_MODEL_SERIALIZERS = frozenset({"ModelSerializer", "HyperlinkedModelSerializer"})
_RELATED = frozenset({"PrimaryKeyRelatedField", "SlugRelatedField", "StringRelatedField",
                      "HyperlinkedRelatedField", "RelatedField"})
#: DRF field classes to the JSON type they render (as live introspection maps them).
_JSON_TYPES: dict[str, str | None] = {
    "BooleanField": "boolean", "NullBooleanField": "boolean", "IntegerField": "integer",
    "FloatField": "number", "CharField": "string", "ChoiceField": "string",
    "DateTimeField": "string", "DateField": "string", "TimeField": "string",
    "DurationField": "string", "UUIDField": "string", "FileField": "string",
    "ImageField": "string", "EmailField": "string", "URLField": "string", "SlugField": "string",
    "RegexField": "string", "IPAddressField": "string", "FilePathField": "string",
    "DictField": "object", "JSONField": None, "HStoreField": "object",
    "ListField": "array", "MultipleChoiceField": "array",
}
_INTEGER_MODEL_FIELDS = frozenset({
    "AutoField", "BigAutoField", "SmallAutoField", "IntegerField", "BigIntegerField",
    "SmallIntegerField", "PositiveIntegerField", "PositiveSmallIntegerField",
    "PositiveBigIntegerField",
})
_STRING_MODEL_FIELDS = frozenset({
    "CharField", "TextField", "SlugField", "UUIDField", "GenericIPAddressField",
    "IPAddressField", "FilePathField", "FileField", "DateField", "DateTimeField",
    "TimeField", "DurationField",
})


class SerializerReader:
    def __init__(self, classes: Classes, settings: SettingsRead,
                 models: ModelLookup) -> None:
        self.classes = classes
        self.settings = settings
        self.models = models

    def is_serializer(self, dotted: str) -> bool:
        return any(name.startswith(_DRF) and name.rpartition(".")[2] in _SERIALIZER_BASES
                   for name in self.classes.mro(dotted))

    def fields(self, dotted: str, depth: int = 0) -> tuple[ResponseField, ...] | None:
        ref = self.classes.get(dotted)
        if ref is None or depth > _MAX_DEPTH or not self.is_serializer(dotted):
            return None
        declared = self._declared(ref)
        if not self._is_model_serializer(dotted):
            return tuple(field for field in declared.values() if field is not None)
        names = self._model_field_names(ref, declared)
        if names is None:
            return None
        model = self._meta_model(ref)
        write_only = self._write_only(ref)
        result = []
        for name in names:
            if name in write_only:
                continue
            if name in declared:
                if declared[name] is not None:
                    result.append(declared[name])
                continue
            result.append(self._model_field(name, model))
        return tuple(result)

    # --- declared fields ---------------------------------------------------------------------

    def _declared(self, ref: ClassRef) -> dict[str, ResponseField | None]:
        """Declared fields along the MRO, base classes first; None marks write-only ones."""
        declared: dict[str, ResponseField | None] = {}
        for cls in reversed(self.classes.refs_in_mro(ref.dotted)):
            for statement in cls.node.body:
                if not isinstance(statement, ast.Assign) or len(statement.targets) != 1:
                    continue
                target = statement.targets[0]
                if not isinstance(target, ast.Name) or not isinstance(statement.value, ast.Call):
                    continue
                field = self._declared_field(cls, target.id, statement.value)
                if field is not False:
                    declared.pop(target.id, None)
                    declared[target.id] = field  # type: ignore[assignment]
        return declared

    def _declared_field(self, cls: ClassRef, name: str, call: ast.Call) -> ResponseField | None | bool:
        dotted = self.classes.resolve(cls.module, call.func) or ""
        evaluator = module_evaluator(self.classes.index, cls.module)
        if evaluator.eval(call_argument(call, None, "write_only")) is True:
            return None
        many = evaluator.eval(call_argument(call, None, "many")) is True
        if self.is_serializer(dotted):
            children = self.fields(dotted) or ()
            if many:
                return ResponseField(name, children, many=True, type="array")
            return ResponseField(name, children, type="object")
        kind = self._drf_field_kind(dotted)
        if kind is None:
            return False  # not a field: a constant or a helper object
        if kind == "HiddenField":
            return None  # set by the server, never rendered
        if kind == "ListField":
            child = call_argument(call, None, "child")
            inner = self.classes.resolve(cls.module, child.func) if isinstance(child, ast.Call) else None
            children = self.fields(inner) if inner and self.is_serializer(inner) else None
            return ResponseField(name, children or (), many=True, type="array")
        if many and kind in _RELATED:
            return ResponseField(name, many=True, type="array")
        if kind == "DecimalField":
            coerce = evaluator.eval(call_argument(call, None, "coerce_to_string"))
            return ResponseField(name, type=self._decimal_type(coerce if isinstance(coerce, bool) else None))
        return ResponseField(name, type=_JSON_TYPES.get(kind))

    def _drf_field_kind(self, dotted: str) -> str | None:
        for name in self.classes.mro(dotted):
            short = name.rpartition(".")[2]
            if name.startswith(_DRF) and (short.endswith("Field") or short in _RELATED):
                return short
        return None

    def _decimal_type(self, coerce: bool | None) -> str:
        if coerce is None:
            options = self.settings.get("REST_FRAMEWORK")
            coerce = options.get("COERCE_DECIMAL_TO_STRING", True) if isinstance(options, dict) else True
        return "string" if coerce else "number"

    # --- ModelSerializer -------------------------------------------------------------------------

    def _is_model_serializer(self, dotted: str) -> bool:
        return any(name.startswith(_DRF) and name.rpartition(".")[2] in _MODEL_SERIALIZERS
                   for name in self.classes.mro(dotted))

    def _meta(self, ref: ClassRef) -> tuple[ClassRef, ast.ClassDef] | None:
        for cls in self.classes.refs_in_mro(ref.dotted):
            meta = cls.nested("Meta")
            if meta is not None:
                return cls, meta
        return None

    def _meta_value(self, ref: ClassRef, name: str) -> tuple[ClassRef, ast.expr] | None:
        found = self._meta(ref)
        if found is None:
            return None
        owner, meta = found
        for statement in meta.body:
            if isinstance(statement, ast.Assign) and any(
                isinstance(t, ast.Name) and t.id == name for t in statement.targets
            ):
                return owner, statement.value
        return None

    def _meta_model(self, ref: ClassRef) -> ModelFact | None:
        found = self._meta_value(ref, "model")
        if found is None:
            return None
        dotted = self.classes.resolve(found[0].module, found[1])
        return self.models.by_dotted(dotted) if dotted else None

    def _meta_list(self, ref: ClassRef, name: str) -> object:
        found = self._meta_value(ref, name)
        if found is None:
            return None
        return module_evaluator(self.classes.index, found[0].module).eval(found[1])

    def _model_field_names(
        self, ref: ClassRef, declared: dict[str, ResponseField | None]
    ) -> list[str] | None:
        """``Meta.fields`` as listed, or the model's default fields less ``Meta.exclude``."""
        fields = self._meta_list(ref, "fields")
        if isinstance(fields, list | tuple) and is_known(fields):
            return [str(f) for f in fields]
        excluded = self._meta_list(ref, "exclude")
        excluded = excluded if isinstance(excluded, list | tuple) and is_known(excluded) else None
        model = self._meta_model(ref)
        if model is None or not (fields == "__all__" or (fields is None and excluded is not None)):
            return None
        return [n for n in _default_names(model, declared) if n not in (excluded or ())]

    def _write_only(self, ref: ClassRef) -> set[str]:
        extra = self._meta_list(ref, "extra_kwargs")
        if not isinstance(extra, dict):
            return set()
        return {str(k) for k, v in extra.items() if isinstance(v, dict) and v.get("write_only") is True}

    def _model_field(self, name: str, model: ModelFact | None) -> ResponseField:
        field = model.field(name) if model is not None else None
        if field is None or field.reverse:
            return ResponseField(name)  # a property or method: ReadOnlyField, any JSON value
        if field.many_to_many:
            return ResponseField(name, many=True, type="array")
        if field.is_relation:
            return ResponseField(name)
        return ResponseField(name, type=self._model_type(field), choices=field.choices or ())

    def _model_type(self, field: FieldFact) -> str | None:
        if field.choices:
            return "string"
        kind = field.internal_type
        if kind in _INTEGER_MODEL_FIELDS:
            return "integer"
        if kind in {"BooleanField", "NullBooleanField"}:
            return "boolean"
        if kind in _STRING_MODEL_FIELDS:
            return "string"
        if kind == "FloatField":
            return "number"
        if kind == "DecimalField":
            return self._decimal_type(None)
        return None


def _default_names(model: ModelFact, declared: dict[str, ResponseField | None]) -> list[str]:
    """``fields = "__all__"``: the pk, declared fields, plain fields, then forward relations."""
    forward = [f for f in model.fields if not f.reverse and f.column is not None]
    pk = [f.name for f in forward if f.primary_key][:1]
    plain = [f.name for f in forward if not f.is_relation and not f.primary_key]
    relations = [f.name for f in model.fields if f.is_relation and not f.reverse and not f.primary_key]
    return list(dict.fromkeys([*pk, *declared, *plain, *relations]))
