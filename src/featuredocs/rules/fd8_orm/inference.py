"""What the names in a page's Python examples stand for: a model, an instance, a queryset.

A deliberately small inference. Within a Python block, a use of a name has the type of
the binding in force there: the last one before it, joined with any in a branch or a loop
the use may come from (see :mod:`~featuredocs.rules.fd8_orm.bindings`). A use that its
own block does not bind first continues an earlier example, and gets the type every
binding of the name on the page agrees on. Bindings are ``order = Order.objects.get(...)``,
``for order in Order.objects.filter(...)``, ``def f(order: Order)`` and the like;
bindings that disagree, a helper's return value, a dict where a queryset was expected:
unknown, and unknown means silent.
"""

from __future__ import annotations

import ast
from collections.abc import Iterator
from dataclasses import dataclass, field, replace

from featuredocs.model import ModelFact, ProjectFacts, reads
from featuredocs.rules.fd3_models.resolve import ModelResolver
from featuredocs.rules.fd8_orm.bindings import Binding, Program, Use, dominates, loops_of
from featuredocs.rules.fd8_orm.sites import Annotation, ClassName, Element, First, Import, Self

#: Queryset methods that return a queryset of the same model (``iterator`` is no
#: queryset, but it yields the same instances).
CHAINING = frozenset({
    "all", "filter", "exclude", "order_by", "distinct", "select_related", "prefetch_related",
    "annotate", "alias", "only", "defer", "using", "reverse", "none", "select_for_update",
    "union", "intersection", "difference", "complex_filter", "values", "values_list", "extra",
    "get_queryset", "db_manager", "iterator", "aiterator",
})
#: Queryset methods that return one instance.
SINGLE = frozenset({
    "get", "first", "last", "earliest", "latest", "create",
    "aget", "afirst", "alast", "aearliest", "alatest", "acreate",
})
#: Queryset methods that return ``(instance, created)``.
PAIRED = frozenset({"get_or_create", "update_or_create", "aget_or_create", "aupdate_or_create"})
#: The rest of Django's manager and queryset API: none of it returns the model's rows.
OTHER_API = frozenset({
    "aggregate", "count", "exists", "contains", "in_bulk", "update", "delete", "bulk_create",
    "bulk_update", "explain", "dates", "datetimes", "raw", "as_manager", "from_queryset",
    "check", "deconstruct", "contribute_to_class", "get_by_natural_key", "model", "db",
    "query", "ordered", "get_prefetch_queryset", "get_prefetch_querysets", "auto_created",
    "creation_counter", "resolve_expression", "use_in_migrations", "fetch_mode", "totally_ordered",
}) | {"a" + name for name in ("aggregate", "count", "exists", "contains", "in_bulk", "update",
                                "delete", "bulk_create", "bulk_update", "explain")}
#: Everything Django's managers and querysets answer.
DJANGO_API = CHAINING | SINGLE | PAIRED | OTHER_API
#: What a related manager (``order.items``, ``booking.attendees``) answers besides.
RELATED_API = frozenset({"add", "remove", "clear", "set"}) | {"a" + name for name in ("add", "remove", "clear", "set")}
#: Calls only a queryset answers: builtins answer ``get``, ``values``, ``count``,
#: ``update``, ``reverse``, ``union`` … too, so those prove nothing.
QUERYSET_ONLY = (CHAINING | SINGLE | PAIRED) - {
    "get", "aget", "values", "reverse", "union", "intersection", "difference", "iterator",
}


@dataclass(frozen=True, slots=True)
class ModelClass:
    model: ModelFact


@dataclass(frozen=True, slots=True)
class Instance:
    """An instance; ``extra`` names come from ``annotate``, ``open`` when some are unknown."""

    model: ModelFact
    extra: frozenset[str] = frozenset()
    open: bool = False
    known: frozenset[str] = frozenset()  # names a class in the example itself defines


@dataclass(frozen=True, slots=True)
class Rows:
    """A manager or queryset. ``instances`` False after ``values()``: rows are dicts;
    ``related`` for the manager of a relation's other side (``order.items``)."""

    model: ModelFact
    extra: frozenset[str] = frozenset()
    open: bool = False
    instances: bool = True
    related: bool = False


@dataclass(frozen=True, slots=True)
class Custom:
    """What a method the project's own manager or queryset defines returns
    (``Order.objects.unpaid_older_than(48)``): nearly always a queryset of the same model,
    taken for one once the example treats it as one: a loop over it, or a call only a
    queryset answers (``.filter()``, ``.first()``), not ``.get()`` or ``.values()``,
    which a dict answers too."""

    rows: Rows

    @property
    def model(self) -> ModelFact:
        return self.rows.model


@dataclass(frozen=True, slots=True)
class Pair:
    """``get_or_create``'s ``(instance, created)``."""

    first: Instance


Type = ModelClass | Instance | Rows | Custom | Pair | None
_PENDING = object()


def as_rows(receiver: Type, method: str) -> Rows | None:
    """The queryset ``receiver.method(...)`` is called on, when it surely is one."""
    if isinstance(receiver, Rows):
        return receiver
    if isinstance(receiver, Custom) and method in QUERYSET_ONLY:
        return receiver.rows
    return None


@dataclass
class Inference:
    """Types of expressions across every Python block of one page."""

    facts: ProjectFacts
    resolver: ModelResolver
    program: Program  # the page's bindings and name uses
    _binding_types: dict[int, object] = field(default_factory=dict)  # by id() of a Binding
    _use_types: dict[int, Type] = field(default_factory=dict)  # by id() of an ast.Name
    _expression_types: dict[int, Type] = field(default_factory=dict)  # by id() of a node
    _pending: int = 0  # bindings whose type is being worked out
    _model_classes: dict[str, Type] = field(default_factory=dict)  # by name, see _model_class
    _by_label: reads.KeyMap = field(init=False)

    def __post_init__(self) -> None:
        self._by_label = self.resolver.index.by_label

    # --- names --------------------------------------------------------------------------

    def name_type(self, name: str) -> Type:
        """A name's type wherever it is used: every binding on the page must agree."""
        bindings = self.program.bindings.get(name)
        if not bindings:
            return self._model_class(name)
        return self._agreed(bindings)

    def _model_class(self, name: str) -> Type:
        """The model class a name stands for where no binding of the page's reaches it.
        Worked out once per name: a page names its models again and again."""
        found = self._model_classes.get(name, _PENDING)
        if found is _PENDING:
            model = self.resolver.resolve_code_name(name)
            found = self._model_classes[name] = ModelClass(model) if model is not None else None
        return found  # type: ignore[return-value]

    def _name_at(self, node: ast.Name) -> Type:
        if node.id not in self.program.bindings:  # no example binds it: a model, or unknown
            return self._model_class(node.id)
        key = id(node)
        if key in self._use_types:
            return self._use_types[key]
        use = self.program.use_of(node)
        if use is None:
            return self.name_type(node.id)
        self._use_types[key] = found = self._type_at(node.id, use)
        return found

    def _type_at(self, name: str, use: Use) -> Type:
        visible = [
            b for b in self.program.bindings.get(name, ())
            if self.program.binding_is_visible(b, use)
        ]
        if not visible:  # a model used by name, or bound only in functions elsewhere
            return self._model_class(name)
        in_block = [b for b in visible if b.place[0] == use.place[0]]
        in_force: list[Binding] = []
        for binding in reversed([b for b in in_block if b.place < use.place]):
            in_force.append(binding)
            if dominates(binding, use):
                break
        else:
            # nothing in this block surely binds it first: the example continues an
            # earlier one, and every binding on the page must agree
            return self._agreed(visible)
        # a binding later in a loop around the use reaches it on the next pass, unless a
        # binding inside that loop always comes between
        passes = loops_of(use) - loops_of(in_force[-1])
        in_force += [b for b in in_block if b.place > use.place and loops_of(b) & passes]
        return self._agreed(in_force)

    def _agreed(self, bindings: list[Binding]) -> Type:
        result: Type = None
        for position, binding in enumerate(bindings):
            found = self._binding_type(binding)
            if found is None or (position and found != result):
                return None
            result = found
        return result

    def _binding_type(self, binding: Binding) -> Type:
        cached = self._binding_types.get(id(binding))
        if cached is _PENDING:
            return None  # a cycle: x = x.parent, bound again further down
        if id(binding) in self._binding_types:
            return cached  # type: ignore[return-value]
        self._binding_types[id(binding)] = _PENDING
        self._pending += 1
        result = self._source_type(binding.source)
        self._pending -= 1
        self._binding_types[id(binding)] = result
        return result

    def _source_type(self, source: object) -> Type:
        if isinstance(source, ast.expr):
            return self.type_of(source)
        if isinstance(source, Element):
            return _element(self.type_of(source.iterable))
        if isinstance(source, First):
            value = self.type_of(source.value)
            return value.first if isinstance(value, Pair) else None
        if isinstance(source, Annotation):
            return self._annotation(source.annotation)
        if isinstance(source, Import | ClassName):
            return self._model_class(source.alias if isinstance(source, Import) else source.class_name)
        if isinstance(source, Self):
            model = self.resolver.resolve_code_name(source.class_name)
            return Instance(model, known=source.known) if model is not None else None
        return None

    def _annotation(self, annotation: ast.expr) -> Type:
        if isinstance(annotation, ast.Name):
            found = self.type_of(annotation)
        elif isinstance(annotation, ast.Constant) and isinstance(annotation.value, str):
            found = self.name_type(annotation.value) if annotation.value.isidentifier() else None
        else:
            found = None
        return Instance(found.model) if isinstance(found, ModelClass) else None

    def related(self, label: str | None) -> ModelFact | None:
        return self._by_label.get(label) if label else None

    # --- expressions --------------------------------------------------------------------

    def type_of(self, node: ast.expr) -> Type:
        if isinstance(node, ast.Name):
            return self._name_at(node)
        key = id(node)
        if key in self._expression_types:
            return self._expression_types[key]
        found = self._expression_type(node)
        # Chained calls ask for their receivers again and again. A type worked out
        # inside a cycle (a binding still pending) may read differently once the cycle
        # is closed, so only types worked out outside one are kept.
        if not self._pending:
            self._expression_types[key] = found
        return found

    def _expression_type(self, node: ast.expr) -> Type:
        if isinstance(node, ast.Attribute):
            return self._attribute(self.type_of(node.value), node.attr)
        if isinstance(node, ast.Call):
            return self._call(node)
        if isinstance(node, ast.Await):
            return self.type_of(node.value)
        if isinstance(node, ast.Subscript):
            return self._subscript(self.type_of(node.value), node.slice)
        if isinstance(node, ast.NamedExpr):
            return self.type_of(node.value)
        return None

    def _attribute(self, owner: Type, attr: str) -> Type:
        if isinstance(owner, ModelClass):
            managers = set(owner.model.managers) | {"_default_manager", "_base_manager"}
            return Rows(owner.model) if attr in managers else None
        if isinstance(owner, Instance):
            return self._relation(owner.model, attr)
        return None

    def _relation(self, model: ModelFact, attr: str) -> Type:
        """``order.customer`` is a Customer, ``order.items`` a manager of OrderItems."""
        for fact in model.fields:
            if fact.name != attr or not fact.is_relation:
                continue
            target = self.related(fact.related_model)
            if target is None:
                return None
            if fact.many_to_many or fact.field_class == "GenericRelation" or (
                fact.reverse and fact.field_class != "OneToOneRel"
            ):
                return Rows(target, related=True)
            return Instance(target)
        return None

    def _call(self, node: ast.Call) -> Type:
        func = node.func
        if isinstance(func, ast.Attribute):
            return _method_result(self.type_of(func.value), func.attr, node)
        if isinstance(func, ast.Name):
            called = self.type_of(func)
            if isinstance(called, ModelClass):
                return Instance(called.model)
            if func.id == "get_object_or_404" and node.args:
                target = self.type_of(node.args[0])
                if isinstance(target, ModelClass | Rows):
                    return Instance(target.model)
        return None

    def _subscript(self, value: Type, index: ast.expr) -> Type:
        if isinstance(value, Pair):
            is_first = isinstance(index, ast.Constant) and index.value == 0
            return value.first if is_first else None
        if isinstance(value, Rows):
            if isinstance(index, ast.Slice):
                return value
            return _instance_of(value)
        return None


def _method_result(receiver: Type, method: str, call: ast.Call) -> Type:
    rows = as_rows(receiver, method)
    if rows is None:
        return None
    if method in CHAINING:
        return _chained(replace(rows, related=False) if rows.related else rows, method, call)
    if method in SINGLE:
        return _instance_of(rows)
    if method in PAIRED:
        first = _instance_of(rows)
        return Pair(first) if first is not None else None
    if method in OTHER_API or method.startswith("_") or not rows.instances:
        return None
    return Custom(rows)


def _chained(rows: Rows, method: str, call: ast.Call) -> Rows:
    names = {k.arg for k in call.keywords if k.arg}
    if method in {"annotate", "alias"}:
        opened = rows.open or bool(call.args) or any(k.arg is None for k in call.keywords)
        return replace(rows, extra=rows.extra | names, open=opened)
    if method in {"values", "values_list"}:
        return replace(rows, extra=rows.extra | names, instances=False)
    if method in {"extra", "union", "intersection", "difference"}:
        return replace(rows, open=True)
    if method == "prefetch_related":
        return replace(rows, extra=rows.extra | set(_prefetch_targets(call)))
    return rows


def _prefetch_targets(call: ast.Call) -> Iterator[str]:
    """``Prefetch("items", to_attr="paid_items")`` adds ``paid_items`` to each instance."""
    for arg in call.args:
        if isinstance(arg, ast.Call):
            for keyword in arg.keywords:
                value = keyword.value
                if keyword.arg == "to_attr" and isinstance(value, ast.Constant):
                    yield str(value.value)


def _instance_of(rows: Rows) -> Instance | None:
    return Instance(rows.model, rows.extra, rows.open) if rows.instances else None


def _element(iterable: Type) -> Type:
    """``for x in rows``: an instance, also over a custom method's result."""
    if isinstance(iterable, Custom):
        return _instance_of(iterable.rows)
    return _instance_of(iterable) if isinstance(iterable, Rows) else None


