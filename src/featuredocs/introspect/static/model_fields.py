"""Model fields read from class bodies: ``name = models.XField(...)`` and what Django infers.

The options Django reads (``null``, ``blank``, ``default``, ``choices``, ``help_text``,
``unique``, ``db_index``, ``primary_key``, ``db_column``) are taken as written, with the
defaults Django applies (a ForeignKey is indexed, a OneToOneField unique, ``auto_now``
implies ``blank``). Defaults are shown the way live introspection shows them: a value's
repr, an enum member's value, a callable's ``module.name``.
"""

from __future__ import annotations

import ast
from collections.abc import Callable
from dataclasses import dataclass

from featuredocs.introspect.imports import call_argument
from featuredocs.introspect.static.classes import ClassRef, Classes
from featuredocs.introspect.static.django_known import (
    AUTO_FIELDS,
    DEFAULT_MAX_LENGTH,
    FIELD_INTERNAL_TYPES,
    FORWARD_RELATIONS,
    INDEXED_BY_DEFAULT,
    PRIVATE_FIELDS,
)
from featuredocs.introspect.static.field_choices import choice_member_value, field_choices
from featuredocs.introspect.static.modules import Module
from featuredocs.introspect.static.namespace import module_evaluator
from featuredocs.introspect.static.texts import text_of
from featuredocs.introspect.static.values import Evaluator, is_known
from featuredocs.model import FieldFact, SourceLocation
from featuredocs.secrets import safe_repr

FIELD_ROOT = "django.db.models.Field"
_BUILTIN_CALLABLES = frozenset({"dict", "list", "set", "tuple", "str", "int", "float", "bool"})


@dataclass(frozen=True)
class FieldDecl:
    """A field as a class body declares it."""

    name: str
    call: ast.Call
    field_class: str  # the class as named: ``CharField``, ``MoneyField``
    kind: str  # the Django field class it is or derives from
    internal_type: str
    owner: ClassRef  # the class whose body declares it

    @property
    def line(self) -> int:
        return self.call.lineno

    @property
    def forward_relation(self) -> bool:
        return self.kind in FORWARD_RELATIONS

    def option(self, name: str) -> ast.expr | None:
        return call_argument(self.call, None, name)


def field_kind(classes: Classes, module: Module, func: ast.expr) -> tuple[str, str, str] | None:
    """``(class name, Django kind, internal type)`` when ``func`` is a model field class."""
    dotted = classes.resolve(module, func)
    if not dotted:
        return None
    name = dotted.rpartition(".")[2]
    for ancestor in classes.mro(dotted):
        short = ancestor.rpartition(".")[2]
        if _is_django_class(ancestor) and short in FIELD_INTERNAL_TYPES:
            return name, short, _declared_internal_type(classes, dotted) or FIELD_INTERNAL_TYPES[short]
        if ancestor == FIELD_ROOT:
            return name, name, _declared_internal_type(classes, dotted) or name
    if classes.get(dotted) is None and name.endswith("Field"):
        return name, name, name  # a field class featuredocs cannot follow: its own type
    return None


def _is_django_class(dotted: str) -> bool:
    return dotted.startswith("django.db.models.") or dotted.startswith("django.contrib.")


def _declared_internal_type(classes: Classes, dotted: str) -> str | None:
    """A project field class's own ``get_internal_type`` returning a constant."""
    for ref in classes.refs_in_mro(dotted):
        method = ref.method("get_internal_type")
        if method is None:
            continue
        returns = [n for n in ast.walk(method) if isinstance(n, ast.Return)]
        if len(returns) == 1 and isinstance(returns[0].value, ast.Constant):
            value = returns[0].value.value
            return value if isinstance(value, str) else None
        return None
    return None


def declared_fields(classes: Classes, ref: ClassRef) -> tuple[list[FieldDecl], set[str]]:
    """The fields a class body declares, and the other names it assigns (which hide an
    inherited field of that name: ``field = None`` removes it)."""
    fields: list[FieldDecl] = []
    others: set[str] = set()
    for statement in ref.node.body:
        if not isinstance(statement, ast.Assign | ast.AnnAssign) or statement.value is None:
            continue
        targets = statement.targets if isinstance(statement, ast.Assign) else [statement.target]
        names = [t.id for t in targets if isinstance(t, ast.Name)]
        kind = None
        if isinstance(statement.value, ast.Call):
            kind = field_kind(classes, ref.module, statement.value.func)
        for name in names:
            if kind is None:
                others.add(name)
            else:
                fields.append(FieldDecl(name, statement.value, *kind, ref))  # type: ignore[arg-type]
    return fields, others


@dataclass(frozen=True)
class FieldContext:
    """What building one model's fields needs: the model, and how to name other models."""

    classes: Classes
    app_label: str  # of the concrete model the field ends up on
    model_name: str
    user_model: str  # AUTH_USER_MODEL
    label_of: Callable[[str], str | None]  # dotted class → model label

    def location(self, decl: FieldDecl) -> SourceLocation | None:
        rel = decl.owner.module.rel
        return SourceLocation(rel, decl.line) if rel is not None else None


def forward_fact(decl: FieldDecl, ctx: FieldContext, inherited_from: str | None = None) -> FieldFact:
    evaluator = module_evaluator(ctx.classes.index, decl.owner.module)
    flags = {name: _flag(evaluator, decl.option(name)) for name in
             ("null", "blank", "unique", "primary_key", "auto_now", "auto_now_add")}
    db_index = decl.option("db_index")
    private = decl.kind in PRIVATE_FIELDS
    default_node = decl.option("default")
    db_default = decl.option("db_default")
    written_choices = decl.option("choices")
    choices, labels = field_choices(written_choices, decl, ctx) if written_choices is not None else ((), ())
    return FieldFact(
        name=decl.name,
        field_class=decl.field_class,
        internal_type=decl.internal_type,
        column=None if private else _column(decl, evaluator),
        related_model=relation_target(decl, ctx),
        null=(flags["null"] and decl.kind != "ManyToManyField") or decl.kind == "GenericRelation",
        blank=flags["blank"] or flags["auto_now"] or flags["auto_now_add"]
        or decl.kind in AUTO_FIELDS or decl.kind == "GenericRelation",
        has_default=default_node is not None or db_default is not None,
        default=_default_text(default_node if default_node is not None else db_default, decl, ctx),
        choices=choices,
        choice_labels=labels,
        help_text=text_of(decl.option("help_text"), evaluator),
        primary_key=flags["primary_key"],
        unique=flags["unique"] or flags["primary_key"] or decl.kind == "OneToOneField",
        db_index=_flag(evaluator, db_index) if db_index is not None else decl.kind in INDEXED_BY_DEFAULT,
        is_relation=decl.forward_relation or private or decl.kind == "ForeignObject",
        many_to_many=decl.kind == "ManyToManyField",
        inherited_from=inherited_from,
        location=ctx.location(decl),
        max_length=_max_length(decl, evaluator),
        max_digits=_int_option(decl, evaluator, "max_digits"),
        decimal_places=_int_option(decl, evaluator, "decimal_places"),
        on_delete=_on_delete(decl),
    )


def _max_length(decl: FieldDecl, evaluator: Evaluator) -> int | None:
    """The field's ``max_length``: as given, else the one its class fills in; None when
    it is computed (a subclass that sets its own cannot be read without running it)."""
    if decl.kind == "UUIDField":
        return DEFAULT_MAX_LENGTH["UUIDField"]  # UUIDField sets its own whatever it is given
    node = decl.option("max_length")
    if node is None:
        return DEFAULT_MAX_LENGTH.get(decl.kind) if decl.kind == decl.field_class else None
    value = evaluator.eval(node)
    return value if type(value) is int and is_known(value) else None


def _int_option(decl: FieldDecl, evaluator: Evaluator, name: str) -> int | None:
    """An option a DecimalField keeps as it is given (``max_digits``, ``decimal_places``)."""
    if decl.kind != "DecimalField":
        return None
    value = evaluator.eval(decl.option(name)) if decl.option(name) is not None else None
    return value if type(value) is int and is_known(value) else None


def _on_delete(decl: FieldDecl) -> str | None:
    """The handler ``on_delete`` names (``models.CASCADE`` → ``CASCADE``; ``models.SET(0)``
    → ``SET``), as written: a relation's second argument or its keyword."""
    if decl.kind not in _DELETING_RELATIONS:
        return None
    node = call_argument(decl.call, 1, "on_delete")
    if isinstance(node, ast.Call):
        node = node.func
    if isinstance(node, ast.Attribute):
        return node.attr
    return node.id if isinstance(node, ast.Name) else None


_DELETING_RELATIONS = frozenset({"ForeignKey", "OneToOneField", "ForeignObject"})


def _flag(evaluator: Evaluator, node: ast.expr | None) -> bool:
    value = evaluator.eval(node) if node is not None else False
    return bool(value) if is_known(value) else False


def _column(decl: FieldDecl, evaluator: Evaluator) -> str:
    written = evaluator.eval(decl.option("db_column"))
    if isinstance(written, str) and written:
        return written
    return f"{decl.name}_id" if decl.kind in {"ForeignKey", "OneToOneField"} else decl.name


def relation_target(decl: FieldDecl, ctx: FieldContext) -> str | None:
    """The label of the model a relation points to (``auth.User``, ``orders.Order``)."""
    if not (decl.forward_relation or decl.kind in {"GenericRelation", "ForeignObject"}):
        return None
    node = decl.option("to") or (decl.call.args[0] if decl.call.args else None)
    if node is None:
        return None
    module = decl.owner.module
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return _lazy_label(node.value, ctx)
    if isinstance(node, ast.Call):  # get_user_model()
        name = ctx.classes.resolve(module, node.func) or ""
        return ctx.user_model if name.endswith("get_user_model") else None
    dotted = ctx.classes.resolve(module, node) or ""
    if dotted in {"django.conf.settings.AUTH_USER_MODEL", "settings.AUTH_USER_MODEL"}:
        return ctx.user_model
    value = module_evaluator(ctx.classes.index, module).eval(node)
    if isinstance(value, str):
        return _lazy_label(value, ctx)
    return ctx.label_of(dotted) or module.segment(node)


def _lazy_label(text: str, ctx: FieldContext) -> str:
    if text == "self":
        return f"{ctx.app_label}.{ctx.model_name}"
    if "." in text:
        return text
    return f"{ctx.app_label}.{text}"


# --- defaults -------------------------------------------------------------------------------


def _default_text(node: ast.expr | None, decl: FieldDecl, ctx: FieldContext) -> str | None:
    if node is None:
        return None
    module = decl.owner.module
    member = choice_member_value(node, decl, ctx)
    if member is not None:
        return safe_repr(member)
    if isinstance(node, ast.Name | ast.Attribute):
        dotted = ctx.classes.resolve(module, node) or ""
        found = ctx.classes.index.definition(dotted) if "." in dotted else None
        if found is not None and not isinstance(found[1], ast.expr):
            return callable_name(dotted)  # a function or class: called for each row
        value = module_evaluator(ctx.classes.index, module).eval(node)
        if is_known(value):
            return safe_repr(value)
        if found is None and (dotted in _BUILTIN_CALLABLES or "." in dotted):
            return callable_name(dotted)  # ``timezone.now``: a library's function
    value = module_evaluator(ctx.classes.index, module).eval(node)
    return safe_repr(value) if is_known(value) else module.segment(node)


def callable_name(dotted: str) -> str:
    """``timezone.now`` for ``django.utils.timezone.now``; ``dict`` for the builtin."""
    module, _, name = dotted.rpartition(".")
    if not module or module == "builtins":
        return name
    return f"{module.rpartition('.')[2]}.{name}"
