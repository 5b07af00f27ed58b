"""django-ninja's query parameters read from source, sorted the way ninja sorts an
operation's arguments (``ninja.signature.details.ViewSignature``).

An argument is a query parameter when its ``Query(...)`` (in its default, in
``Annotated[int, Query(...)]`` or as ``Query[Filters]``) says so, or when nothing else
claims it: not a path parameter, not a list and not a schema (those are the body). A
schema in the query spreads its fields into parameters, nested schemas included. An
argument whose annotation cannot be read leaves the operation's parameters incomplete.
An integer's ``le``/``lt`` bounds are its cap (``QueryParamFact.maximum``).
"""

from __future__ import annotations

import ast
from collections.abc import Iterator
from dataclasses import dataclass, field

from featuredocs.introspect.ninja_sizes import count_maximum, declared_cap
from featuredocs.introspect.param_defaults import literal_default
from featuredocs.introspect.static.classes import Classes, ClassRef
from featuredocs.introspect.static.field_choices import enum_members
from featuredocs.introspect.static.modules import Module
from featuredocs.introspect.static.namespace import module_evaluator
from featuredocs.introspect.static.ninja_annotations import SCALARS, list_item, name_of, optional_inner, scalar
from featuredocs.introspect.static.values import is_known
from featuredocs.model import QueryParamFact

#: ninja's parameter functions (and their ``…Ex`` twins) by the source they declare.
_SOURCES = {"Query": "query", "Path": "path", "Header": "header", "Cookie": "cookie",
            "Body": "body", "Form": "form", "File": "file"}
_SOURCES |= {f"{name}Ex": source for name, source in _SOURCES.items()}
_FIELD_CALLS = frozenset({"Field", *_SOURCES})
_LIBRARIES = ("ninja", "pydantic", "typing", "typing_extensions")
_SCHEMA_BASES = frozenset({"Schema", "BaseModel", "FilterSchema"})
_MODEL_BASES = _SCHEMA_BASES | {"ModelSchema"}
_CHOICES_TYPES = {"TextChoices": "string", "IntegerChoices": "integer"}
#: Bases of an enum whose values a parameter takes (Django's choices are enums).
_ENUMS = frozenset({"Enum", "StrEnum", "IntEnum", "Choices", "TextChoices", "IntegerChoices"})
_NO_FIELDS = frozenset({"Generic", "ABC"})
_UPLOADS = frozenset({"ninja.UploadedFile", "ninja.files.UploadedFile"})
_REQUIRED = object()  # no default: ``= Query(...)``, or nothing written
_MAX_DEPTH = 6


@dataclass
class Declared:
    """What an argument or a schema field declares: its annotation, the keywords of its
    ``Query(...)``/``Field(...)`` calls (``alias``, ``le``, ``lt``), its default value, and
    whether metadata we cannot read may bound it."""

    module: Module
    annotation: ast.expr | None
    source: str | None = None
    keywords: dict[str, ast.expr] = field(default_factory=dict)
    default: object = _REQUIRED
    unread_metadata: bool = False


@dataclass(frozen=True, slots=True)
class Leaf:
    """A query parameter as read: the attribute it fills, its fact and its default value."""

    attribute: str
    param: QueryParamFact
    default: object
    declared: float | None  # the cap its own bounds set (see ``declared_cap``)


class NinjaParams:
    def __init__(self, classes: Classes) -> None:
        self.classes = classes

    def arguments(self, module: Module, function: ast.FunctionDef | ast.AsyncFunctionDef,
                  path_params: set[str]) -> list[Leaf] | None:
        """The query parameters of an operation's own arguments; None when one is unread."""
        found: list[Leaf] = []
        for argument, default in _arguments(function):
            declared = self._argument(module, argument, default)
            source = self._source(declared, argument.arg in path_params)
            if source is None:
                return None
            if source != "query":
                continue
            leaves = self.leaves(argument.arg, declared, "ninja")
            if leaves is None:
                return None
            found.extend(leaves)
        return found

    def leaves(self, name: str, declared: Declared, source: str, depth: int = 0,
               required: bool = True) -> list[Leaf] | None:
        """The parameters one argument or field gives: itself, or a schema's fields."""
        required = required and declared.default is _REQUIRED
        schema = self.schema(declared.module, declared.annotation)
        if schema is None and self._model_like(declared.module, declared.annotation):
            return None  # a schema whose fields cannot be read
        if schema is None:
            alias = module_evaluator(self.classes.index, declared.module).eval(declared.keywords.get("alias"))
            shown = alias if isinstance(alias, str) and alias else name
            return [self._leaf(name, shown, declared, source, required)]
        if depth >= _MAX_DEPTH:
            return None
        found: list[Leaf] = []
        for attribute, inner in self.fields(schema).items():
            leaves = self.leaves(attribute, inner, source, depth + 1, required)
            if leaves is None:
                return None
            found.extend(leaves)
        return found

    def schema(self, module: Module, annotation: ast.expr | None, within: ClassRef | None = None) -> ClassRef | None:
        """The schema class an annotation names (in ``within``'s body), when its fields
        can be read."""
        if annotation is None or scalar(annotation) is not None:
            return None
        ref = self.classes.nested_class(module, optional_inner(annotation), within)
        if ref is None:
            return None
        names = self._mro_names(ref)
        unread = {n.rpartition(".")[2] for n in self.classes.mro(ref.dotted) if self.classes.get(n) is None}
        return ref if names & _SCHEMA_BASES and unread <= _SCHEMA_BASES | _NO_FIELDS else None

    def fields(self, schema: ClassRef) -> dict[str, Declared]:
        """A schema's fields in pydantic's order: a base's first, a redefined one in place."""
        found: dict[str, Declared] = {}
        for cls in reversed(self.classes.refs_in_mro(schema.dotted)):
            for statement in cls.node.body:
                if not (isinstance(statement, ast.AnnAssign) and isinstance(statement.target, ast.Name)):
                    continue
                if statement.target.id.startswith("_") or name_of(_subscripted(statement.annotation)) == "ClassVar":
                    continue
                found[statement.target.id] = self._field(cls.module, statement.annotation, statement.value)
        return found

    # --- one argument or field -------------------------------------------------------------------

    def _argument(self, module: Module, argument: ast.arg, default: ast.expr | None) -> Declared:
        declared = self._annotation(module, argument.annotation)
        if isinstance(default, ast.Call) and self._callee(module, default) in _SOURCES and declared.source is None:
            self._take_call(declared, default, self._callee(module, default))
        elif default is not None:  # ninja hands the argument's default to ``Annotated[int, Query()]``
            declared.default = self._value(module, default)
        if declared.annotation is None:
            declared.annotation = _annotation_of(declared.default)
        return declared

    def _field(self, module: Module, annotation: ast.expr, value: ast.expr | None) -> Declared:
        declared = self._annotation(module, annotation)
        if isinstance(value, ast.Call) and self._callee(module, value) in _FIELD_CALLS:
            self._take_call(declared, value, "Field")
        elif value is not None:
            declared.default = self._value(module, value)
        return declared

    def _annotation(self, module: Module, annotation: ast.expr | None) -> Declared:
        """``Query[Filters]``, ``Query[int, {"le": 100}]``, ``Annotated[int, Query(le=100)]``."""
        declared = Declared(module, annotation)
        if not isinstance(annotation, ast.Subscript):
            return declared
        callee = self._callee(module, annotation.value)
        parts = annotation.slice.elts if isinstance(annotation.slice, ast.Tuple) else [annotation.slice]
        if callee in _SOURCES:
            declared.annotation, declared.source = parts[0], _SOURCES[callee]
            if len(parts) > 1 and isinstance(parts[1], ast.Dict):
                declared.keywords = {k.value: v for k, v in zip(parts[1].keys, parts[1].values, strict=True)
                                     if isinstance(k, ast.Constant) and isinstance(k.value, str)}
        elif callee == "Annotated" and len(parts) > 1:
            declared.annotation = parts[0]
            for entry in parts[1:]:
                name = self._callee(module, entry) if isinstance(entry, ast.Call) else ""
                if isinstance(entry, ast.Call) and name in _FIELD_CALLS:
                    self._take_call(declared, entry, name)
                else:  # ``annotated_types.Le(100)`` and the like may bound it too
                    declared.unread_metadata = True
        return declared

    def _take_call(self, declared: Declared, call: ast.Call, callee: str) -> None:
        if callee in _SOURCES:
            declared.source = _SOURCES[callee]
        declared.keywords |= {k.arg: k.value for k in call.keywords if k.arg}
        written = call.args[0] if call.args else declared.keywords.get("default")
        if written is not None:
            declared.default = self._value(declared.module, written)
        elif "default_factory" in declared.keywords:
            declared.default = None  # a default exists, but no literal of it

    def _source(self, declared: Declared, in_path: bool) -> str | None:
        """Where ninja reads an argument from; None when its annotation cannot be read."""
        if declared.source is not None:
            return declared.source
        if in_path:
            return "path"
        inner = optional_inner(declared.annotation) if declared.annotation is not None else None
        if inner is None:
            return "query"
        if list_item(inner) is not None or self._model_like(declared.module, inner):
            return "body"
        if scalar(inner) is not None:
            return "query"
        if self.classes.resolve(declared.module, inner) in _UPLOADS:
            return "file"
        ref = self.classes.nested_class(declared.module, inner, None)
        return "query" if ref is not None else None

    def _leaf(self, attribute: str, name: str, declared: Declared, source: str, required: bool) -> Leaf:
        kind, choices = scalar(declared.annotation) or (self._class_type(declared), self._enum_choices(declared))
        default = None if required else literal_default(declared.default)
        cap = declared_cap(self._bounds(declared)) if not declared.unread_metadata else None
        maximum = count_maximum(cap) if kind == "integer" else None
        param = QueryParamFact(name, source, kind, required, choices, default, maximum)
        return Leaf(attribute, param, declared.default, cap)

    def _bounds(self, declared: Declared) -> Iterator[tuple[str, object]]:
        evaluator = module_evaluator(self.classes.index, declared.module)
        for kind in ("le", "lt"):
            if kind in declared.keywords:
                value = evaluator.eval(declared.keywords[kind])
                if value is not None:
                    yield kind, value if is_known(value) else object()

    def _class_type(self, declared: Declared) -> str | None:
        """An enum's or a constrained type's scalar base (``class Status(str, Enum)``)."""
        if declared.annotation is None:
            return None
        ref = self.classes.nested_class(declared.module, optional_inner(declared.annotation), None)
        for base in self.classes.mro(ref.dotted) if ref is not None else ():
            if base.rpartition(".")[2] in SCALARS and self.classes.get(base) is None:
                return SCALARS[base.rpartition(".")[2]]
            if base.rpartition(".")[2] in _CHOICES_TYPES:  # Django's, derived from str or int
                return _CHOICES_TYPES[base.rpartition(".")[2]]
        return None

    def _enum_choices(self, declared: Declared) -> tuple[str, ...]:
        """The values of an enum the parameter is typed with (a model's ``TextChoices``)."""
        if declared.annotation is None:
            return ()
        ref = self.classes.nested_class(declared.module, optional_inner(declared.annotation), None)
        if ref is None or not self._mro_names(ref) & _ENUMS:
            return ()
        return tuple(str(value) for value in enum_members(self.classes, ref).values())

    def _model_like(self, module: Module, annotation: ast.expr | None) -> bool:
        ref = self.classes.nested_class(module, optional_inner(annotation), None) if annotation is not None else None
        return ref is not None and bool(self._mro_names(ref) & _MODEL_BASES)

    def _mro_names(self, ref: ClassRef) -> set[str]:
        return {n.rpartition(".")[2] for n in self.classes.mro(ref.dotted)}

    def _callee(self, module: Module, node: ast.AST) -> str:
        """``Query`` for ``Query``, ``ninja.Query`` or ``params.Query``; '' for another's."""
        if isinstance(node, ast.Call):
            node = node.func
        dotted = self.classes.index.qualify(module, node) or ""
        if "." in dotted and dotted.split(".")[0] not in _LIBRARIES:
            return ""
        return dotted.rpartition(".")[2]

    def _value(self, module: Module, node: ast.expr) -> object:
        if isinstance(node, ast.Constant) and node.value is Ellipsis:
            return _REQUIRED
        value = module_evaluator(self.classes.index, module).eval(node)
        if not is_known(value) and isinstance(node, ast.Attribute):  # ``Size.SMALL``: its value
            ref = self.classes.nested_class(module, node.value, None)
            if ref is not None and self._mro_names(ref) & _ENUMS:
                value = enum_members(self.classes, ref).get(node.attr, value)
        return value if is_known(value) else object()


def _arguments(function: ast.FunctionDef | ast.AsyncFunctionDef) -> list[tuple[ast.arg, ast.expr | None]]:
    """The operation's arguments after the request, each with its default."""
    arguments = function.args
    defaults = [None] * (len(arguments.args) - len(arguments.defaults)) + list(arguments.defaults)
    return [*list(zip(arguments.args, defaults, strict=True))[1:],
            *zip(arguments.kwonlyargs, arguments.kw_defaults, strict=True)]


def _annotation_of(default: object) -> ast.expr:
    """ninja's annotation for an argument without one: its default's type, else ``str``."""
    kind = type(default).__name__ if isinstance(default, bool | int | float | str) else "str"
    return ast.Name(kind, ast.Load())


def _subscripted(node: ast.expr) -> ast.expr:
    return node.value if isinstance(node, ast.Subscript) else node
