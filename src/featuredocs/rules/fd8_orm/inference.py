"""What the names in a page's Python examples stand for: a model, an instance, a queryset.

A deliberately small inference, flow-insensitive and page-wide (examples continue from
one block to the next): a name gets a type only when every place that binds it agrees
(``order = Order.objects.get(...)``, ``for order in Order.objects.filter(...)``,
``def f(order: Order)``). Anything else — a custom manager method, a helper's return
value, a name bound two different ways — is unknown, and unknown means silent.
"""

from __future__ import annotations

import ast
from collections.abc import Iterator
from dataclasses import dataclass, field, replace

from featuredocs.model import ModelFact, ProjectFacts
from featuredocs.rules.fd3_models.code_models import looks_like_model
from featuredocs.rules.fd3_models.pycode import PythonBlock
from featuredocs.rules.fd3_models.resolve import ModelResolver

#: Queryset methods that return a queryset of the same model.
CHAINING = frozenset({
    "all", "filter", "exclude", "order_by", "distinct", "select_related", "prefetch_related",
    "annotate", "alias", "only", "defer", "using", "reverse", "none", "select_for_update",
    "union", "intersection", "difference", "complex_filter", "values", "values_list", "extra",
})
#: Queryset methods that return one instance.
SINGLE = frozenset({
    "get", "first", "last", "earliest", "latest", "create",
    "aget", "afirst", "alast", "aearliest", "alatest", "acreate",
})
#: Queryset methods that return ``(instance, created)``.
PAIRED = frozenset({"get_or_create", "update_or_create", "aget_or_create", "aupdate_or_create"})


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
    """A manager or queryset. ``instances`` False after ``values()``: rows are dicts."""

    model: ModelFact
    extra: frozenset[str] = frozenset()
    open: bool = False
    instances: bool = True


@dataclass(frozen=True, slots=True)
class Pair:
    """``get_or_create``'s ``(instance, created)``."""

    first: Instance


Type = ModelClass | Instance | Rows | Pair | None
_PENDING = object()


@dataclass
class Inference:
    """Types of expressions across every Python block of one page."""

    facts: ProjectFacts
    resolver: ModelResolver
    blocks: tuple[PythonBlock, ...]
    _bindings: dict[str, list[ast.AST | Type]] = field(default_factory=dict)
    _types: dict[str, object] = field(default_factory=dict)
    _by_label: dict[str, ModelFact] = field(default_factory=dict)
    _own_classes: dict[str, frozenset[str]] = field(default_factory=dict)

    def __post_init__(self) -> None:
        self._by_label = {model.label: model for model in self.facts.models}
        for block in self.blocks:
            for node in block.nodes():
                _collect_bindings(node, self)

    # --- bindings ---------------------------------------------------------------------

    def bind(self, name: str, source: ast.AST | Type) -> None:
        self._bindings.setdefault(name, []).append(source)

    def name_type(self, name: str) -> Type:
        if name not in self._bindings:
            model = self.resolver.resolve_code_name(name)
            return ModelClass(model) if model is not None else None
        cached = self._types.get(name)
        if cached is _PENDING:
            return None  # a cycle: x = x.parent
        if name in self._types:
            return cached  # type: ignore[return-value]
        self._types[name] = _PENDING
        result: Type = None
        for position, source in enumerate(self._bindings[name]):
            found = self._binding_type(source)
            if found is None or (position and found != result):
                result = None
                break
            result = found
        self._types[name] = result
        return result

    def _binding_type(self, source: ast.AST | Type) -> Type:
        if isinstance(source, ast.expr):
            return self.type_of(source)
        if isinstance(source, _Element):
            return _element(self.type_of(source.iterable))
        if isinstance(source, _First):
            value = self.type_of(source.value)
            return value.first if isinstance(value, Pair) else None
        if isinstance(source, _Annotation):
            return self._annotation(source.annotation)
        if isinstance(source, _Import):
            model = self.resolver.resolve_code_name(source.alias)
            return ModelClass(model) if model is not None else None
        if isinstance(source, _Self):
            model = self.resolver.resolve_code_name(source.class_name)
            return Instance(model, known=source.known) if model is not None else None
        if isinstance(source, _ClassName):
            model = self.resolver.resolve_code_name(source.class_name)
            return ModelClass(model) if model is not None else None
        return source if isinstance(source, ModelClass | Instance | Rows | Pair) else None

    def _annotation(self, annotation: ast.expr) -> Type:
        name = annotation.value if isinstance(annotation, ast.Constant) else None
        if isinstance(annotation, ast.Name):
            name = annotation.id
        if not isinstance(name, str) or not name.isidentifier():
            return None
        found = self.name_type(name)
        return Instance(found.model) if isinstance(found, ModelClass) else None

    def related(self, label: str | None) -> ModelFact | None:
        return self._by_label.get(label) if label else None

    # --- expressions --------------------------------------------------------------------

    def type_of(self, node: ast.expr) -> Type:
        if isinstance(node, ast.Name):
            return self.name_type(node.id)
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
            if fact.many_to_many or (fact.reverse and fact.field_class != "OneToOneRel"):
                return Rows(target)
            return Instance(target)
        return None

    def _call(self, node: ast.Call) -> Type:
        func = node.func
        if isinstance(func, ast.Attribute):
            return _method_result(self.type_of(func.value), func.attr, node)
        if isinstance(func, ast.Name):
            called = self.name_type(func.id)
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
    if not isinstance(receiver, Rows):
        return None
    if method in CHAINING:
        return _chained(receiver, method, call)
    if method in SINGLE:
        return _instance_of(receiver)
    if method in PAIRED:
        first = _instance_of(receiver)
        return Pair(first) if first is not None else None
    return None


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
    return _instance_of(iterable) if isinstance(iterable, Rows) else None


# --- binding sites ------------------------------------------------------------------------


@dataclass(frozen=True)
class _Element:
    iterable: ast.expr  # for x in iterable


@dataclass(frozen=True)
class _First:
    value: ast.expr  # x, created = value


@dataclass(frozen=True)
class _Annotation:
    annotation: ast.expr


@dataclass(frozen=True)
class _Import:
    alias: str


@dataclass(frozen=True)
class _Self:
    class_name: str
    known: frozenset[str]


@dataclass(frozen=True)
class _ClassName:
    class_name: str


_UNKNOWN = "unknown"


def _collect_bindings(node: ast.AST, inference: Inference) -> None:
    if isinstance(node, ast.Assign):
        for target in node.targets:
            _bind_target(target, node.value, inference)
    elif isinstance(node, ast.AnnAssign) and isinstance(node.target, ast.Name):
        source = node.value if node.value is not None else _Annotation(node.annotation)
        inference.bind(node.target.id, source)
    elif isinstance(node, ast.NamedExpr):
        inference.bind(node.target.id, node.value)
    elif isinstance(node, ast.For | ast.AsyncFor | ast.comprehension):
        _bind_loop(node.target, node.iter, inference)
    elif isinstance(node, ast.ImportFrom | ast.Import):
        for alias in node.names:
            name = alias.asname or alias.name.split(".")[0]
            inference.bind(name, _Import(name) if isinstance(node, ast.ImportFrom) else _UNKNOWN)
    elif isinstance(node, ast.ClassDef):
        if looks_like_model(node):
            inference.bind(node.name, _ClassName(node.name))
            _bind_methods(node, inference)
        else:
            inference.bind(node.name, _UNKNOWN)
    elif isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef | ast.Lambda):
        _bind_arguments(node, inference)
    else:
        for name in _other_bound_names(node):
            inference.bind(name, _UNKNOWN)


def _bind_target(target: ast.expr, value: ast.expr, inference: Inference) -> None:
    if isinstance(target, ast.Name):
        inference.bind(target.id, value)
    elif isinstance(target, ast.Tuple | ast.List):
        for position, element in enumerate(target.elts):
            if isinstance(element, ast.Name):
                inference.bind(element.id, _First(value) if position == 0 else _UNKNOWN)
            else:
                for name in _names_in(element):
                    inference.bind(name, _UNKNOWN)


def _bind_loop(target: ast.expr, iterable: ast.expr, inference: Inference) -> None:
    if isinstance(target, ast.Name):
        inference.bind(target.id, _Element(iterable))
    else:
        for name in _names_in(target):
            inference.bind(name, _UNKNOWN)


def _bind_methods(node: ast.ClassDef, inference: Inference) -> None:
    """``self`` in a method of ``class Invoice(models.Model)`` is an Invoice."""
    known = frozenset(_class_body_names(node))
    for statement in node.body:
        if isinstance(statement, ast.FunctionDef | ast.AsyncFunctionDef):
            decorators = {d.id for d in statement.decorator_list if isinstance(d, ast.Name)}
            arguments = statement.args.posonlyargs + statement.args.args
            if arguments and not decorators & {"staticmethod", "classmethod"}:
                inference.bind(arguments[0].arg, _Self(node.name, known))


def _class_body_names(node: ast.ClassDef) -> Iterator[str]:
    for statement in node.body:
        if isinstance(statement, ast.FunctionDef | ast.AsyncFunctionDef | ast.ClassDef):
            yield statement.name
        elif isinstance(statement, ast.Assign):
            for target in statement.targets:
                yield from _names_in(target)
        elif isinstance(statement, ast.AnnAssign) and isinstance(statement.target, ast.Name):
            yield statement.target.id


def _bind_arguments(node: ast.FunctionDef | ast.AsyncFunctionDef | ast.Lambda, inference: Inference) -> None:
    if not isinstance(node, ast.Lambda):
        inference.bind(node.name, _UNKNOWN)
    arguments = node.args
    every = [*arguments.posonlyargs, *arguments.args, *arguments.kwonlyargs]
    every += [a for a in (arguments.vararg, arguments.kwarg) if a is not None]
    for argument in every:
        if argument.annotation is not None:
            inference.bind(argument.arg, _Annotation(argument.annotation))
        elif not _is_bound_self(argument.arg, inference):
            inference.bind(argument.arg, _UNKNOWN)


def _is_bound_self(name: str, inference: Inference) -> bool:
    return any(isinstance(s, _Self) for s in inference._bindings.get(name, ()))


def _other_bound_names(node: ast.AST) -> Iterator[str]:
    if isinstance(node, ast.AugAssign | ast.withitem):
        target = node.target if isinstance(node, ast.AugAssign) else node.optional_vars
        if target is not None:
            yield from _names_in(target)
    elif isinstance(node, ast.ExceptHandler) and node.name:
        yield node.name
    elif isinstance(node, ast.MatchAs | ast.MatchStar) and node.name:
        yield node.name


def _names_in(target: ast.AST) -> Iterator[str]:
    for node in ast.walk(target):
        if isinstance(node, ast.Name):
            yield node.id
