"""Query parameters a DRF view accepts through its filter backends and paginator, read
from the view's class attributes and the ``REST_FRAMEWORK`` setting.

django-filter's parameter types follow the filter it would build for each model field
(a ``NumberFilter`` for numbers, a ``ChoiceFilter`` with the field's choices, a model
choice for relations), as far as the model's fields are known.

A backend or paginator defined in the project adds the ``request.query_params`` reads of
its own methods; one from another package, or one that cannot be found, leaves the
parameters incomplete.
"""

from __future__ import annotations

import ast
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass

from featuredocs.introspect.param_defaults import ordering_default, size_default, size_maximum
from featuredocs.introspect.source_reads import QueryReads, query_reads
from featuredocs.introspect.static.classes import Classes
from featuredocs.introspect.static.field_choices import class_choice_values, flat_choices
from featuredocs.introspect.static.model_lookup import ModelLookup
from featuredocs.introspect.static.modules import Module
from featuredocs.introspect.static.namespace import module_evaluator
from featuredocs.introspect.static.settings import SettingsRead
from featuredocs.introspect.static.values import is_known
from featuredocs.introspect.static.view_classes import Attribute, ViewClass
from featuredocs.model import FieldFact, ModelFact, QueryParamFact

_DRF = "rest_framework."
_NUMBER_TYPES = frozenset({
    "IntegerField", "BigIntegerField", "SmallIntegerField", "PositiveIntegerField",
    "PositiveSmallIntegerField", "PositiveBigIntegerField", "DecimalField", "FloatField",
    "AutoField", "BigAutoField", "SmallAutoField",
})
_TYPES_BY_INTERNAL = {
    "BooleanField": "boolean", "NullBooleanField": "boolean", "DateField": "date",
    "DateTimeField": "datetime", "TimeField": "time", "UUIDField": "string",
}
_RANGE_LOOKUPS = frozenset({"gt", "gte", "lt", "lte", "exact", "in"})
_TEXT_LOOKUPS = frozenset({"exact", "iexact", "contains", "icontains", "startswith",
                           "istartswith", "endswith", "iendswith", "regex", "iregex"})
_FILTER_TYPES = {
    "CharFilter": "string", "ChoiceFilter": "string", "NumberFilter": "number",
    "BooleanFilter": "boolean", "DateFilter": "date", "DateTimeFilter": "datetime",
    "TimeFilter": "time", "UUIDFilter": "string", "ModelChoiceFilter": None,
    "ModelMultipleChoiceFilter": None,
}
_STANDARD_KEYS = ("count", "next", "previous", "results")
#: Classes of these packages read only the parameters listed for them here.
_KNOWN_PREFIXES = ("rest_framework.filters.", "rest_framework.pagination.", "django_filters.")
#: DRF's attributes that name a parameter, with the setting that overrides the default.
_DRF_KEY_ATTRIBUTES: dict[str, tuple[str | None, str | None]] = {
    "search_param": ("SEARCH_PARAM", "search"), "ordering_param": ("ORDERING_PARAM", "ordering"),
    "page_query_param": (None, "page"), "page_size_query_param": (None, None),
    "limit_query_param": (None, "limit"), "offset_query_param": (None, "offset"),
    "cursor_query_param": (None, "cursor"),
}
_UNREAD = object()  # neither a name nor None: a key that names an unknown parameter


@dataclass(frozen=True)
class Pagination:
    params: tuple[QueryParamFact, ...]
    paginates: bool
    keys: tuple[str, ...]
    complete: bool = True


class DrfParams:
    def __init__(self, classes: Classes, settings: SettingsRead,
                 models: ModelLookup) -> None:
        self.classes = classes
        self.settings = settings
        self.models = models
        options = settings.get("REST_FRAMEWORK")
        self.options = options if isinstance(options, dict) else {}

    # --- filter backends -------------------------------------------------------------------

    def backend_params(self, view: ViewClass) -> QueryReads:
        params: list[QueryParamFact] = []
        backends = self._backends(view)
        complete = backends is not None
        for backend in backends or ():
            own = self.own_reads(backend)
            complete = complete and own.complete
            leaves = {name.rpartition(".")[2] for name in self.classes.mro(backend)}
            if "DjangoFilterBackend" in leaves:
                params.extend(self._filterset_params(view))
            elif "SearchFilter" in leaves and view.attribute("search_fields") is not None:
                name = self._param(backend, "search_param", "SEARCH_PARAM", "search")
                params.append(QueryParamFact(name, "search", "string"))
            elif "OrderingFilter" in leaves:
                name = self._param(backend, "ordering_param", "ORDERING_PARAM", "ordering")
                params.append(QueryParamFact(name, "ordering", "string", choices=self._ordering(view),
                                             default=self._ordering_default(view, backend)))
            params.extend(own.params)
        return QueryReads(_first_per_name(params), complete)

    def _backends(self, view: ViewClass) -> list[str] | None:
        """The backends' dotted names; None when some cannot be named."""
        attribute = view.attribute("filter_backends")
        if attribute is not None:
            if not isinstance(attribute.node, ast.List | ast.Tuple):
                return None
            found = [self.classes.resolve(attribute.module, e) for e in attribute.node.elts]
            return [d for d in found if d] if all(found) else None
        configured = self.options.get("DEFAULT_FILTER_BACKENDS", ())
        if isinstance(configured, list | tuple) and is_known(configured):
            return [str(c) for c in configured]
        return None

    def own_reads(self, dotted: str) -> QueryReads:
        """The query-string reads of the project's classes in ``dotted``'s MRO; incomplete
        when a class from another package (not DRF's or django-filter's) is among them."""
        trees: list[ast.AST] = []
        foreign = False
        for name in self.classes.mro(dotted):
            ref = self.classes.get(name)
            if ref is not None and ref.module.project:
                trees.append(ref.node)
            elif not name.startswith(_KNOWN_PREFIXES):
                foreign = True
        reads = query_reads(trees, self.attributes(dotted))
        return QueryReads(reads.params, reads.complete and not foreign)

    def attributes(self, dotted: str) -> Callable[[str], object]:
        """The ``self.<attribute>`` lookup of :func:`query_reads` on a class read from source:
        its own bodies first, then what DRF's classes set."""
        def lookup(name: str) -> object:
            for ref in self.classes.refs_in_mro(dotted):
                node = ref.body_value(name)
                if node is not None:
                    value = module_evaluator(self.classes.index, ref.module).eval(node)
                    return value if is_known(value) else _UNREAD
            from_drf = any(n.startswith(_DRF) for n in self.classes.mro(dotted))
            if name not in _DRF_KEY_ATTRIBUTES or not from_drf:
                return _UNREAD
            setting, default = _DRF_KEY_ATTRIBUTES[name]
            value = self.options.get(setting, default) if setting else default
            return value if value is None or isinstance(value, str) else _UNREAD

        return lookup

    def _param(self, backend: str, attribute: str, setting: str, default: str) -> str:
        for ref in self.classes.refs_in_mro(backend):
            node = ref.body_value(attribute)
            if node is not None:
                value = module_evaluator(self.classes.index, ref.module).eval(node)
                return value if isinstance(value, str) else default
        value = self.options.get(setting, default)
        return value if isinstance(value, str) else default

    def _ordering(self, view: ViewClass) -> tuple[str, ...]:
        value = self._value(view.attribute("ordering_fields"))
        if isinstance(value, list | tuple) and is_known(value):
            return tuple(str(f) for f in value)
        return ()

    def _ordering_default(self, view: ViewClass, backend: str) -> str | None:
        """The view's ``ordering``, unless a class other than DRF's among the backend's
        decides the default ordering, as its live reading would say."""
        for name in self.classes.mro(backend):
            ref = self.classes.get(name)
            own = ref is not None and ref.module.project
            if (own and ref.method("get_default_ordering") is not None) or not (own or name.startswith(_DRF)):
                return None
        value = self._value(view.attribute("ordering"))
        return ordering_default(value) if is_known(value) else None

    def _value(self, attribute: Attribute | None) -> object:
        if attribute is None:
            return None
        return module_evaluator(self.classes.index, attribute.module).eval(attribute.node)

    def _filterset_params(self, view: ViewClass) -> Iterator[QueryParamFact]:
        model = self._view_model(view)
        filterset = view.attribute("filterset_class")
        if filterset is not None:
            yield from self._filterset_class_params(filterset, model)
            return
        fields = self._value(view.attribute("filterset_fields"))
        yield from self._declared_params(fields, model)

    def _declared_params(self, fields: object, model: ModelFact | None) -> Iterator[QueryParamFact]:
        if isinstance(fields, dict) and is_known(fields):
            for name, lookups in fields.items():
                for lookup in lookups or ("exact",):
                    param = name if lookup == "exact" else f"{name}__{lookup}"
                    yield self._model_param(param, str(name), str(lookup), model)
        elif isinstance(fields, list | tuple) and is_known(fields):
            for name in fields:
                yield self._model_param(str(name), str(name), "exact", model)

    def _filterset_class_params(
        self, attribute: Attribute, model: ModelFact | None
    ) -> Iterator[QueryParamFact]:
        dotted = self.classes.resolve(attribute.module, attribute.node)
        ref = self.classes.get(dotted) if dotted else None
        if ref is None:
            return
        declared: dict[str, QueryParamFact] = {}
        for cls in reversed(self.classes.refs_in_mro(ref.dotted)):
            for statement in cls.node.body:
                if isinstance(statement, ast.Assign) and isinstance(statement.value, ast.Call):
                    kind = _call_name(statement.value)
                    if kind.endswith("Filter"):
                        choices = self._filter_choices(cls.module, statement.value)
                        for target in statement.targets:
                            if isinstance(target, ast.Name):
                                kind_type = _FILTER_TYPES.get(kind)
                                declared[target.id] = QueryParamFact(target.id, "filterset", kind_type, choices=choices)
        metas = (c.nested("Meta") for c in self.classes.refs_in_mro(ref.dotted))
        meta = next((m for m in metas if m is not None), None)
        meta_model = model
        fields: object = None
        if meta is not None:
            evaluator = module_evaluator(self.classes.index, ref.module)
            for statement in meta.body:
                if isinstance(statement, ast.Assign) and isinstance(statement.targets[0], ast.Name):
                    if statement.targets[0].id == "fields":
                        fields = evaluator.eval(statement.value)
                    elif statement.targets[0].id == "model":
                        model_dotted = self.classes.resolve(ref.module, statement.value)
                        meta_model = self.models.by_dotted(model_dotted) if model_dotted else model
        generated = {p.name: p for p in self._declared_params(fields, meta_model)}
        yield from {**generated, **declared}.values()

    def _filter_choices(self, module: Module, call: ast.Call) -> tuple[str, ...]:
        """The values a declared filter's ``choices=`` allows, as django-filter reads them:
        a Choices class's, or a literal list's of pairs; () when unknown."""
        node = next((keyword.value for keyword in call.keywords if keyword.arg == "choices"), None)
        if node is None:
            return ()
        of_class = class_choice_values(self.classes, module, node)
        if of_class is not None:
            return of_class
        return flat_choices(module_evaluator(self.classes.index, module).eval(node))

    def _view_model(self, view: ViewClass) -> ModelFact | None:
        attribute = view.attribute("queryset")
        if attribute is None:
            return None
        return queryset_model(self.classes, self.models, attribute.module, attribute.node)

    def _model_param(self, param: str, path: str, lookup: str, model: ModelFact | None) -> QueryParamFact:
        field = _follow(path, model, self.models.by_label)
        if field is None:
            return QueryParamFact(param, "filterset")
        if lookup == "isnull":
            return QueryParamFact(param, "filterset", "boolean")
        if field.is_relation:
            return QueryParamFact(param, "filterset", None)
        if field.choices and lookup == "exact":
            return QueryParamFact(param, "filterset", "string", choices=field.choices)
        if field.internal_type in _NUMBER_TYPES and lookup in _RANGE_LOOKUPS:
            return QueryParamFact(param, "filterset", "number")
        if field.internal_type in _TYPES_BY_INTERNAL:
            return QueryParamFact(param, "filterset", _TYPES_BY_INTERNAL[field.internal_type])
        if lookup in _TEXT_LOOKUPS:
            return QueryParamFact(param, "filterset", "string")
        return QueryParamFact(param, "filterset")

    # --- pagination --------------------------------------------------------------------------

    def pagination(self, view: ViewClass) -> Pagination | None:
        attribute = view.attribute("pagination_class")
        if attribute is not None:
            if isinstance(attribute.node, ast.Constant) and attribute.node.value is None:
                return None
            dotted = self.classes.resolve(attribute.module, attribute.node)
        else:
            configured = self.options.get("DEFAULT_PAGINATION_CLASS")
            dotted = configured if isinstance(configured, str) else None
        if not dotted:
            return None
        return self._paginator(self.classes.index.canonical(dotted))

    def _paginator(self, dotted: str) -> Pagination | None:
        found = self._known_paginator(dotted)
        own = self.own_reads(dotted)
        if found is None:  # not found at all: no envelope to read, nor parameters
            return Pagination((), False, (), complete=False)
        params = _first_per_name((*found.params, *own.params))
        return Pagination(params, found.paginates, found.keys, own.complete)

    def _known_paginator(self, dotted: str) -> Pagination | None:
        leaves = {n.rpartition(".")[2] for n in self.classes.mro(dotted) if n.startswith(_DRF)}
        page_size = self._attribute(dotted, "page_size", self.options.get("PAGE_SIZE"))
        if "PageNumberPagination" in leaves:
            params = [self._query_param(dotted, "page_query_param", "page", "integer")]
            params += self._page_size_param(dotted, page_size)
            return Pagination(tuple(params), page_size is not None, self._keys(dotted, _STANDARD_KEYS))
        if "LimitOffsetPagination" in leaves:
            limit = self._attribute(dotted, "default_limit", self.options.get("PAGE_SIZE"))
            params = [self._query_param(dotted, "limit_query_param", "limit", "integer", size_default(limit),
                                        size_maximum(self._attribute(dotted, "max_limit", None))),
                      self._query_param(dotted, "offset_query_param", "offset", "integer")]
            return Pagination(tuple(params), limit is not None, self._keys(dotted, _STANDARD_KEYS))
        if "CursorPagination" in leaves:
            params = [self._query_param(dotted, "cursor_query_param", "cursor", "string")]
            params += self._page_size_param(dotted, page_size)
            return Pagination(tuple(params), page_size is not None, self._keys(dotted, _STANDARD_KEYS[1:]))
        if self.classes.get(dotted) is None:
            return None
        return Pagination((), True, self._keys(dotted, ()))

    def _query_param(self, dotted: str, attribute: str, name: str, kind: str,
                     default: str | None = None, maximum: int | None = None) -> QueryParamFact:
        return QueryParamFact(str(self._attribute(dotted, attribute, name)), "pagination", kind,
                              default=default, maximum=maximum)

    def _attribute(self, dotted: str, name: str, default: object) -> object:
        for ref in self.classes.refs_in_mro(dotted):
            node = ref.body_value(name)
            if node is not None:
                value = module_evaluator(self.classes.index, ref.module).eval(node)
                return value if is_known(value) else default
        return default

    def _page_size_param(self, dotted: str, page_size: object) -> list[QueryParamFact]:
        name = self._attribute(dotted, "page_size_query_param", None)
        if not (isinstance(name, str) and name):
            return []
        maximum = size_maximum(self._attribute(dotted, "max_page_size", None))
        return [QueryParamFact(name, "pagination", "integer", default=size_default(page_size), maximum=maximum)]

    def _keys(self, dotted: str, standard: tuple[str, ...]) -> tuple[str, ...]:
        """Keys of the literal dict a project's ``get_paginated_response`` returns."""
        for ref in self.classes.refs_in_mro(dotted):
            method = ref.method("get_paginated_response")
            if method is None:
                continue
            for node in ast.walk(method):
                if isinstance(node, ast.Return) and isinstance(node.value, ast.Call) and node.value.args:
                    keys = _literal_keys(node.value.args[0])
                    if keys:
                        return keys
            return standard
        return standard


def queryset_model(classes: Classes, models: ModelLookup, module: Module, node: ast.AST,
                   depth: int = 0) -> ModelFact | None:
    """The model of ``Order.objects.filter(...)``, also through a function that returns one."""
    while isinstance(node, ast.Call | ast.Attribute | ast.Subscript):
        node = node.func if isinstance(node, ast.Call) else node.value
    dotted = classes.resolve(module, node)
    if not dotted or depth > 4:
        return None
    model = models.by_dotted(dotted)
    if model is not None:
        return model
    found = classes.index.definition(dotted) if "." in dotted else None
    if found is not None and isinstance(found[1], ast.FunctionDef | ast.AsyncFunctionDef):
        returns = [n.value for n in ast.walk(found[1]) if isinstance(n, ast.Return) and n.value is not None]
        if len(returns) == 1:
            return queryset_model(classes, models, found[0], returns[0], depth + 1)
    return None


def _follow(
    path: str, model: ModelFact | None, by_label: Callable[[str], ModelFact | None]
) -> FieldFact | None:
    """The field a ``category__slug`` path ends on, following relations between models."""
    current, field = model, None
    for part in path.split("__"):
        if current is None:
            return None
        field = current.field(part) or next((f for f in current.fields if f.query_name == part), None)
        if field is None:
            return None
        current = by_label(field.related_model) if field.is_relation and field.related_model else None
    return field


def _first_per_name(params: Iterable[QueryParamFact]) -> tuple[QueryParamFact, ...]:
    merged: dict[str, QueryParamFact] = {}
    for param in params:
        merged.setdefault(param.name, param)
    return tuple(merged.values())


def _call_name(call: ast.Call) -> str:
    func = call.func
    return func.id if isinstance(func, ast.Name) else func.attr if isinstance(func, ast.Attribute) else ""


def _literal_keys(node: ast.AST) -> tuple[str, ...]:
    if isinstance(node, ast.Dict):
        items: list[ast.expr | None] = list(node.keys)
    elif isinstance(node, ast.Call) and node.args and isinstance(node.args[0], ast.List | ast.Tuple):
        items = [e.elts[0] if isinstance(e, ast.Tuple) and e.elts else None for e in node.args[0].elts]
    else:
        return ()
    keys = [k.value for k in items if isinstance(k, ast.Constant) and isinstance(k.value, str)]
    return tuple(keys) if len(keys) == len(items) else ()
