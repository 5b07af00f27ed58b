"""EndpointFacts for the routes of the URLconf: methods, query parameters and response
shape of each view, as far as its source fixes them, unknown (None) where it does not.
"""

from __future__ import annotations

import ast
from collections.abc import Iterable
from dataclasses import replace

from featuredocs.introspect.source_reads import QueryReads, json_response_fields, query_reads, route_parts
from featuredocs.introspect.static.apps import StaticApp
from featuredocs.introspect.static.classes import Classes
from featuredocs.introspect.static.drf_params import DrfParams, Pagination
from featuredocs.introspect.static.model_lookup import ModelLookup
from featuredocs.introspect.static.modules import Module
from featuredocs.introspect.static.namespace import module_evaluator
from featuredocs.introspect.static.ninja_routes import NinjaOperation, NinjaRoutes
from featuredocs.introspect.static.serializers import SerializerReader
from featuredocs.introspect.static.settings import SettingsRead
from featuredocs.introspect.static.url_walk import Route, ViewTarget
from featuredocs.introspect.static.view_classes import HTTP_METHODS, ViewClass
from featuredocs.introspect.static.view_source import api_view_methods, decorator_methods
from featuredocs.model import EndpointFact, QueryParamFact, SourceLocation

_METHOD_ORDER = ("GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS", "TRACE")
_IMPLICIT = frozenset({"HEAD", "OPTIONS"})
_RESPONSE_CALLS = frozenset({"Response", "JsonResponse"})
_SERIALIZER_ACTIONS = frozenset({"list", "create", "retrieve", "update", "partial_update"})
_ROOT_VIEW = "rest_framework.routers.APIRootView"
#: Django's generic views that page a list by ``?page=`` when ``paginate_by`` is set.
_LIST_VIEWS = frozenset({
    "django.views.generic.ListView", "django.views.generic.list.ListView",
    "django.views.generic.list.BaseListView", "django.views.generic.list.MultipleObjectMixin",
})


def normalise_methods(methods: Iterable[str]) -> tuple[str, ...]:
    """Upper-case, in conventional order, HEAD and OPTIONS only when they are all there is."""
    upper = {m.upper() for m in methods}
    explicit = upper - _IMPLICIT or upper
    rank = {m: i for i, m in enumerate(_METHOD_ORDER)}
    return tuple(sorted(explicit, key=lambda m: (rank.get(m, len(rank)), m)))


class Describer:
    def __init__(self, classes: Classes, apps: list[StaticApp], settings: SettingsRead,
                 models: ModelLookup, ninja: NinjaRoutes) -> None:
        self.classes = classes
        self.apps = apps
        self.params = DrfParams(classes, settings, models)
        self.serializers = SerializerReader(classes, settings, models)
        self.ninja = ninja

    def describe(self, route: Route) -> EndpointFact:
        target = route.target
        base = EndpointFact(path=route.path, name=route.name, path_params=route.params,
                            path_converters=route.converters, format_suffix=route.format_suffix)
        try:
            return self._describe(route, target, base)
        except (RecursionError, ValueError, TypeError, AttributeError, KeyError, IndexError):
            return base  # one unreadable view must not hide the others

    def _describe(self, route: Route, target: ViewTarget, base: EndpointFact) -> EndpointFact:
        if target.kind == "package_view":
            redirect = target.detail.endswith("RedirectView")  # the admin's ``<id>/`` page
            methods = normalise_methods(set(HTTP_METHODS) - {"trace"}) if redirect else None
            app = None if methods else self._app_named(target.detail.rsplit(".", 2)[0])
            # its source is not read: whatever it takes from the query string is unknown
            return _with(base, methods=methods, view=target.detail, framework="django", app=app,
                         query_params_complete=False)
        if target.kind == "router_root":
            return _with(base, methods=("GET",), view=_ROOT_VIEW, app="rest_framework", framework="drf")
        if target.kind == "ninja":
            return self._ninja(base, target)
        if target.kind == "function" and target.function is not None:
            return self._function(base, target)
        if target.kind in {"class", "viewset"} and target.ref is not None:
            view = ViewClass(self.classes, target.ref)
            if view.is_drf:
                return self._drf(base, target, view)
            return self._django_class(base, target, view)
        text = target.module.segment(target.node) if target.node is not None else ""
        return _with(base, view=text)

    # --- plain Django --------------------------------------------------------------------------

    def _function(self, base: EndpointFact, target: ViewTarget) -> EndpointFact:
        function = target.function
        assert function is not None
        api_methods = api_view_methods(function.decorator_list)
        restrictions = [*target.restrictions]
        own = decorator_methods(function.decorator_list)
        if own is not None:
            restrictions.append(own)
        if api_methods is not None:
            methods: tuple[str, ...] | None = _restricted(set(api_methods) | {"OPTIONS"}, restrictions)
            response = json_response_fields(function, _RESPONSE_CALLS)
        else:
            methods = _restricted(None, restrictions)
            response = json_response_fields(function)
        reads = query_reads([function])
        return _with(
            base, methods=methods, view=f"{target.module.name}.{function.name}",
            query_params=reads.params, query_params_complete=reads.complete, response=response,
            app=self._app(target.module), framework="drf" if api_methods is not None else "django",
            location=_location(target.module, _first_line(function)),
        )

    def _django_class(self, base: EndpointFact, target: ViewTarget, view: ViewClass) -> EndpointFact:
        handlers = view.handlers()
        methods = None
        if handlers is not None:
            allowed = self._allowed(view, target)
            restrictions = [*target.restrictions, *self._dispatch_restrictions(view)]
            methods = _restricted({m.upper() for m in (handlers | {"options"}) & allowed}, restrictions)
        get = view.method("get")
        reads = self._own_reads(view)
        params = reads.params
        page = self._list_page(view, target)
        if page is not None and page.name not in {param.name for param in params}:
            params = (*params, page)
        return _with(
            base, methods=methods, view=view.ref.dotted,
            query_params=params, query_params_complete=reads.complete,
            response=json_response_fields(get[1]) if get else None,
            app=self._app(view.ref.module), framework="django",
            location=_location(view.ref.module, _first_line(view.ref.node)),
        )

    def _declared(self, view: ViewClass, target: ViewTarget, name: str, fallback: object = None) -> object:
        """The value of a view attribute as ``as_view(name=…)`` or the class sets it;
        ``fallback`` when neither does."""
        node, module = target.initkwargs.get(name), target.module
        if node is None:
            attribute = view.attribute(name)
            node, module = (attribute.node, attribute.module) if attribute else (None, module)
        return module_evaluator(self.classes.index, module).eval(node) if node is not None else fallback

    def _allowed(self, view: ViewClass, target: ViewTarget) -> set[str]:
        value = self._declared(view, target, "http_method_names")
        if isinstance(value, list | tuple) and all(isinstance(v, str) for v in value):
            return {v.lower() for v in value}
        return set(HTTP_METHODS)

    def _dispatch_restrictions(self, view: ViewClass) -> list[tuple[str, ...]]:
        """``@method_decorator(require_POST, name="dispatch")`` and decorators on dispatch."""
        found = []
        for ref in view.refs:
            for decorator in ref.node.decorator_list:
                if isinstance(decorator, ast.Call) and _name(decorator.func) == "method_decorator":
                    on_dispatch = any(k.arg == "name" and isinstance(k.value, ast.Constant)
                                      and k.value.value == "dispatch" for k in decorator.keywords)
                    if on_dispatch and decorator.args:
                        methods = decorator_methods([decorator.args[0]])
                        if methods is not None:
                            found.append(methods)
            dispatch = ref.method("dispatch")
            if dispatch is not None:
                for decorator in dispatch.decorator_list:
                    if (isinstance(decorator, ast.Call) and decorator.args
                            and _name(decorator.func) == "method_decorator"):
                        methods = decorator_methods([decorator.args[0]])
                        if methods is not None:
                            found.append(methods)
        return found

    def _list_page(self, view: ViewClass, target: ViewTarget) -> QueryParamFact | None:
        """``?page=`` of a ``ListView`` that paginates, as live introspection reads it."""
        if not self.classes.derives_from(view.ref.dotted, _LIST_VIEWS):
            return None
        page_kwarg = self._declared(view, target, "page_kwarg", "page")
        if not self._declared(view, target, "paginate_by") or not isinstance(page_kwarg, str):
            return None
        return QueryParamFact(page_kwarg, "pagination", "integer")

    def _own_reads(self, view: ViewClass, actions: dict[str, str] | None = None) -> QueryReads:
        """What the view's own classes read from the query string; for a ViewSet route
        (``actions``), not in the methods that handle its other routes."""
        trees = [ref.node for ref in view.refs if ref.module.project]
        extra = (method.name for _, method, _ in view.extra_actions()) if actions is not None else ()
        return query_reads(route_parts(trees, actions, extra), self.params.attributes(view.ref.dotted))

    # --- DRF ------------------------------------------------------------------------------------

    def _drf(self, base: EndpointFact, target: ViewTarget, view: ViewClass) -> EndpointFact:
        actions = target.actions
        allowed = self._allowed(view, target)
        restrictions = [*target.restrictions, *self._dispatch_restrictions(view)]
        if target.detail == "unknown-actions":
            methods = None
        elif actions is not None:
            methods = _restricted({m.upper() for m in actions if m in allowed}, restrictions)
        else:
            handlers = view.handlers()
            methods = None if handlers is None else _restricted(
                {m.upper() for m in (handlers | {"options"}) & allowed}, restrictions)
        filtered = self._filters(view, actions)
        pagination: Pagination | None = self.params.pagination(view) if filtered else None
        backends = self.params.backend_params(view) if filtered else QueryReads()
        own = self._own_reads(view, actions)
        params = _merge(backends.params, pagination.params if pagination else (), own.params)
        complete = own.complete and backends.complete and (pagination is None or pagination.complete)
        paginates = bool(pagination and pagination.paginates)
        return _with(
            base, methods=methods, view=view.ref.dotted, query_params=params,
            query_params_complete=complete,
            response=self._drf_response(view, target, actions),
            paginated=paginates, pagination_keys=pagination.keys if pagination and paginates else (),
            app=self._app(view.ref.module), framework="drf",
            location=_location(view.ref.module, _first_line(view.ref.node)),
        )

    def _filters(self, view: ViewClass, actions: dict[str, str] | None) -> bool:
        if not view.is_generic:
            return False
        if actions is not None and "list" in actions.values():
            return True
        if actions is None and view.lists:
            return True
        names = actions.values() if actions is not None else HTTP_METHODS
        return any(_calls(found[1], "paginate_queryset")
                   for found in (view.method(n) for n in names) if found is not None)

    def _drf_response(self, view: ViewClass, target: ViewTarget, actions: dict[str, str] | None) -> object:
        if not view.is_generic:
            handler = view.method((actions or {}).get("get", "get"))
            return json_response_fields(handler[1], _RESPONSE_CALLS) if handler else None
        node = target.initkwargs.get("serializer_class")
        module = target.module
        if node is None:
            if actions is not None and not set(actions.values()) & _SERIALIZER_ACTIONS:
                # an @action that names no serializer of its own: what its handler returns
                handler = view.method(actions.get("get") or next(iter(actions.values())))
                return json_response_fields(handler[1], _RESPONSE_CALLS) if handler else None
            attribute = view.attribute("serializer_class")
            if attribute is None:
                return None
            node, module = attribute.node, attribute.module
        dotted = self.classes.resolve(module, node)
        return self.serializers.fields(dotted) if dotted else None

    # --- django-ninja -----------------------------------------------------------------------------

    def _ninja(self, base: EndpointFact, target: ViewTarget) -> EndpointFact:
        operations = tuple(o for o in target.operations if isinstance(o, NinjaOperation))
        main = next((o for o in operations if "GET" in o.methods), operations[0])
        params, complete = self.ninja.query_params(operations)
        return _with(
            base, methods=normalise_methods(m for o in operations for m in o.methods),
            view=f"{main.module.name}.{main.function.name}",
            query_params=params, query_params_complete=complete, response=self.ninja.response(main),
            app=self._app(main.module), framework="ninja",
            location=_location(main.module, _first_line(main.function)),
        )

    def _app(self, module: Module) -> str | None:
        return self._app_named(module.name)

    def _app_named(self, module: str) -> str | None:
        owners = [app for app in self.apps if app.owns(module)]
        return max(owners, key=lambda app: len(app.name)).label if owners else None


def _restricted(methods: set[str] | None, restrictions: list[tuple[str, ...]]) -> tuple[str, ...] | None:
    for allowed in restrictions:
        methods = set(allowed) if methods is None else methods & set(allowed)
    return normalise_methods(methods) if methods is not None else None


def _merge(*groups: Iterable[QueryParamFact]) -> tuple[QueryParamFact, ...]:
    merged: dict[str, QueryParamFact] = {}
    for group in groups:
        for param in group:
            merged.setdefault(param.name, param)
    return tuple(merged.values())


def _calls(function: ast.AST, method: str) -> bool:
    return any(isinstance(n, ast.Call) and isinstance(n.func, ast.Attribute) and n.func.attr == method
               for n in ast.walk(function))


def _name(node: ast.expr) -> str:
    return node.id if isinstance(node, ast.Name) else node.attr if isinstance(node, ast.Attribute) else ""


def _first_line(node: ast.FunctionDef | ast.AsyncFunctionDef | ast.ClassDef) -> int:
    """Where ``inspect.getsourcelines`` starts a definition: at its first decorator."""
    return min([node.lineno, *(d.lineno for d in node.decorator_list)])


def _location(module: Module, line: int) -> SourceLocation | None:
    return SourceLocation(module.rel, line) if module.rel else None


def _with(base: EndpointFact, **changes: object) -> EndpointFact:
    return replace(base, **changes)  # type: ignore[arg-type]
