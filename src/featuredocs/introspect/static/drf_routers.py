"""DRF routers read from source: ``router.register(prefix, ViewSet)`` and the routes
``SimpleRouter``/``DefaultRouter`` build from each ViewSet's actions.

Routes come in the router's order (list, list-level ``@action``s, detail, detail-level
``@action``s), a route only when the ViewSet has one of its actions; a ``DefaultRouter``
adds its API root. Its format-suffix routes (``orders.json``) are not routes of their
own: the routes they repeat are marked, as live introspection marks them.
"""

from __future__ import annotations

import ast
from contextlib import nullcontext
from dataclasses import dataclass

from featuredocs.introspect.imports import call_argument
from featuredocs.introspect.static.classes import ClassRef, Classes
from featuredocs.introspect.static.drf_params import queryset_model
from featuredocs.introspect.static.model_lookup import ModelLookup
from featuredocs.introspect.static.modules import Module
from featuredocs.introspect.static.namespace import module_evaluator
from featuredocs.introspect.static.url_walk import Fragment, UrlWalker, ViewTarget
from featuredocs.introspect.static.view_classes import DETAIL_ROUTE, LIST_ROUTE, ViewClass

_ROUTERS = frozenset({"SimpleRouter", "DefaultRouter"})
_LOOKUP_REGEX = "[^/.]+"


@dataclass(frozen=True)
class Registration:
    prefix: str
    viewset: ClassRef
    basename: str | None
    module: Module


class RouterRoutes:
    def __init__(self, classes: Classes, models: ModelLookup) -> None:
        self.classes = classes
        self.models = models
        self._by_router: dict[str, list[Registration]] | None = None

    def include_like(self, walker: UrlWalker, module: Module, node: ast.AST,
                     fragments: tuple[Fragment, ...], namespaces: tuple[str, ...]) -> bool:
        """``router.urls``: every route of the router, under ``fragments``."""
        if not (isinstance(node, ast.Attribute) and node.attr == "urls"):
            return False
        dotted = self.classes.resolve(module, node.value)
        found = self.classes.index.definition(dotted) if dotted and "." in dotted else None
        if found is None or not isinstance(found[1], ast.Call):
            return False
        router_class = self.classes.resolve(found[0], found[1].func) or ""
        kinds = {n.rpartition(".")[2] for n in self.classes.mro(router_class)
                 if n.startswith("rest_framework.")}
        if not kinds & _ROUTERS:
            return False
        slash = self._trailing_slash(found[0], found[1])
        default = "DefaultRouter" in kinds
        with walker.format_suffixed() if default and self._suffixes(found[0], found[1]) else nullcontext():
            if default:
                walker.add((*fragments, Fragment("regex", "^$")), "api-root", namespaces,
                           ViewTarget("router_root", module))
            for registration in self._registrations(self.classes.index.canonical(dotted)):
                self._routes(walker, registration, slash, fragments, namespaces)
        return True

    def _suffixes(self, module: Module, call: ast.Call) -> bool:
        """``DefaultRouter(include_format_suffixes=False)`` alone adds no ``.json`` twins."""
        value = module_evaluator(self.classes.index, module).eval(
            call_argument(call, None, "include_format_suffixes"))
        return value is not False

    def _trailing_slash(self, module: Module, call: ast.Call) -> str:
        value = module_evaluator(self.classes.index, module).eval(call_argument(call, None, "trailing_slash"))
        if value is False:
            return ""
        return value if isinstance(value, str) else "/"

    def _registrations(self, router: str) -> list[Registration]:
        if self._by_router is None:
            self._by_router = {}
            for module in self.classes.index.project_modules():
                if ".register(" not in module.text:
                    continue  # most modules register nothing: skip their trees
                for node in ast.walk(module.tree):
                    if (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute)
                            and node.func.attr == "register"):
                        owner = self.classes.resolve(module, node.func.value)
                        registration = self._registration(module, node) if owner else None
                        if owner and registration is not None:
                            self._by_router.setdefault(owner, []).append(registration)
        return self._by_router.get(router, [])

    def _registration(self, module: Module, call: ast.Call) -> Registration | None:
        evaluator = module_evaluator(self.classes.index, module)
        prefix = evaluator.eval(call_argument(call, 0, "prefix"))
        viewset_node = call_argument(call, 1, "viewset")
        dotted = self.classes.resolve(module, viewset_node) if viewset_node is not None else None
        viewset = self.classes.get(dotted) if dotted else None
        if not isinstance(prefix, str) or viewset is None:
            return None
        written = call_argument(call, 2, "basename") or call_argument(call, None, "base_name")
        basename = evaluator.eval(written)
        return Registration(prefix, viewset, basename if isinstance(basename, str) else None, module)

    # --- routes of one ViewSet ----------------------------------------------------------------

    def _routes(self, walker: UrlWalker, registration: Registration, slash: str,
                fragments: tuple[Fragment, ...], namespaces: tuple[str, ...]) -> None:
        view = ViewClass(self.classes, registration.viewset)
        basename = registration.basename or self._basename(view)
        lookup = self._lookup(view)
        prefix = registration.prefix
        known = view.actions()
        extra = view.extra_actions()

        def add(pattern: str, name: str, mapping: dict[str, str], initkwargs: dict[str, ast.expr]) -> None:
            regex = pattern.format(prefix=prefix, lookup=lookup, trailing_slash=slash)
            if not prefix and regex[:2] == "^/":
                regex = "^" + regex[2:]
            target = ViewTarget("viewset", registration.viewset.module, ref=registration.viewset,
                                actions=mapping, initkwargs=initkwargs,
                                detail="" if known is not None else "unknown-actions")
            walker.add((*fragments, Fragment("regex", regex)), name, namespaces, target)

        for detail, route, suffix in ((False, LIST_ROUTE, "list"), (True, DETAIL_ROUTE, "detail")):
            mapping = {m: a for m, a in route.items() if known is None or a in known}
            if mapping:
                pattern = "^{prefix}/{lookup}{trailing_slash}$" if detail else "^{prefix}{trailing_slash}$"
                add(pattern, f"{basename}-{suffix}", mapping, {})
            for ref, method, call in extra:
                if self._is_detail(ref, call) is not detail:
                    continue
                url_path, url_name, methods, kwargs = self._action(ref, method, call)
                pattern = "^{prefix}/{lookup}/" if detail else "^{prefix}/"
                add(pattern + url_path + "{trailing_slash}$", f"{basename}-{url_name}",
                    {m: method.name for m in methods}, kwargs)

    def _basename(self, view: ViewClass) -> str:
        """DRF's default: the queryset's model name, lower-cased."""
        attribute = view.attribute("queryset")
        if attribute is None:
            return view.ref.name.lower()
        model = queryset_model(self.classes, self.models, attribute.module, attribute.node)
        return model.name.lower() if model is not None else view.ref.name.lower()

    def _lookup(self, view: ViewClass) -> str:
        values = {}
        for name in ("lookup_url_kwarg", "lookup_field", "lookup_value_regex"):
            attribute = view.attribute(name)
            evaluator = module_evaluator(self.classes.index, attribute.module) if attribute else None
            value = evaluator.eval(attribute.node) if evaluator and attribute else None
            values[name] = value if isinstance(value, str) else None
        kwarg = values["lookup_url_kwarg"] or values["lookup_field"] or "pk"
        return f"(?P<{kwarg}>{values['lookup_value_regex'] or _LOOKUP_REGEX})"

    def _is_detail(self, ref: ClassRef, call: ast.Call) -> bool:
        value = module_evaluator(self.classes.index, ref.module).eval(call_argument(call, None, "detail"))
        return value is True

    def _action(self, ref: ClassRef, method: ast.FunctionDef | ast.AsyncFunctionDef,
                call: ast.Call) -> tuple[str, str, list[str], dict[str, ast.expr]]:
        evaluator = module_evaluator(self.classes.index, ref.module)
        methods = evaluator.eval(call_argument(call, 0, "methods"))
        names = [str(m).lower() for m in methods] if isinstance(methods, list | tuple) else ["get"]
        url_path = evaluator.eval(call_argument(call, None, "url_path"))
        url_path = url_path if isinstance(url_path, str) else method.name
        url_name = evaluator.eval(call_argument(call, None, "url_name"))
        url_name = url_name if isinstance(url_name, str) else method.name.replace("_", "-")
        skipped = {"methods", "detail", "url_path", "url_name"}
        kwargs = {k.arg: k.value for k in call.keywords if k.arg and k.arg not in skipped}
        return url_path, url_name, names, kwargs
