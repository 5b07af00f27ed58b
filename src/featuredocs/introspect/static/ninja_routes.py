"""django-ninja read from source: ``path("api/", api.urls)`` and the operations declared
with ``@api.get("/items/{item_id}")`` or on routers mounted with ``api.add_router``.

One endpoint per path, with the methods of every operation on it; query parameters from
the operation's arguments (see :mod:`ninja_params`) and its paginator (see
:mod:`ninja_pagination`); the response from a ``Schema`` class's annotated fields, in the
paginator's envelope when there is one. Schemas built from models (``ModelSchema``) are
not read: left unknown.
"""

from __future__ import annotations

import ast
import re
from dataclasses import dataclass

from featuredocs.introspect.imports import call_argument
from featuredocs.introspect.static.classes import Classes, ClassRef
from featuredocs.introspect.static.modules import Module
from featuredocs.introspect.static.namespace import module_evaluator
from featuredocs.introspect.static.ninja_annotations import list_item, optional_inner, scalar
from featuredocs.introspect.static.ninja_pagination import NinjaPagination, Paginator
from featuredocs.introspect.static.ninja_params import NinjaParams
from featuredocs.introspect.static.settings import SettingsRead
from featuredocs.introspect.static.url_walk import Fragment, UrlWalker, ViewTarget
from featuredocs.model import QueryParamFact, ResponseField

_METHODS = {"get": ("GET",), "post": ("POST",), "put": ("PUT",), "patch": ("PATCH",),
            "delete": ("DELETE",)}
_VIEWS = "ninja.openapi.views"
_PATH_PARAM = re.compile(r"{(?:(\w+):)?(\w+)}")
_MAX_DEPTH = 6


@dataclass(frozen=True)
class NinjaOperation:
    module: Module
    function: ast.FunctionDef | ast.AsyncFunctionDef
    methods: tuple[str, ...]
    decorator: ast.Call
    path: str  # the full ninja path, router prefix included
    owner: str  # the dotted name of the API or router it is declared on


class NinjaRoutes:
    def __init__(self, classes: Classes, settings: SettingsRead) -> None:
        self.classes = classes
        self.params = NinjaParams(classes)
        self.pagination = NinjaPagination(classes, settings, self.params)

    def include_like(self, walker: UrlWalker, module: Module, node: ast.AST,
                     fragments: tuple[Fragment, ...], namespaces: tuple[str, ...]) -> bool:
        if not (isinstance(node, ast.Attribute) and node.attr == "urls"):
            return False
        api = self.classes.resolve(module, node.value)
        found = self.classes.index.definition(api) if api and "." in api else None
        if found is None or not isinstance(found[1], ast.Call):
            return False
        kind = self.classes.resolve(found[0], found[1].func) or ""
        if not kind.startswith("ninja.") or not kind.endswith("NinjaAPI"):
            return False
        options = self._options(found[0], found[1])
        inner = (*namespaces, options["urls_namespace"].split(":")[-1])
        for route, name, view in self._docs_routes(options):
            walker.add((*fragments, Fragment("route", route)), name, inner,
                       ViewTarget("package_view", module, detail=view))
        by_path: dict[str, list[NinjaOperation]] = {}
        for operation in self._operations(self.classes.index.canonical(api)):
            by_path.setdefault(operation.path, []).append(operation)
        for path, operations in by_path.items():
            route = _PATH_PARAM.sub(_django_parameter, path).lstrip("/")
            main = next((o for o in operations if "GET" in o.methods), operations[0])
            target = ViewTarget("ninja", main.module, function=main.function, operations=tuple(operations))
            walker.add((*fragments, Fragment("route", route)), self._url_name(operations[0]), inner, target)
        walker.add((*fragments, Fragment("route", "")), "api-root", inner,
                   ViewTarget("package_view", module, detail=f"{_VIEWS}.default_home"))
        return True

    def _options(self, module: Module, call: ast.Call) -> dict[str, str]:
        """``NinjaAPI(...)``'s URL options, with django-ninja's defaults."""
        evaluator = module_evaluator(self.classes.index, module)
        written = {k.arg: evaluator.eval(k.value) for k in call.keywords if k.arg}
        version = written.get("version") if isinstance(written.get("version"), str) else "1.0.0"
        options = {"openapi_url": "/openapi.json", "docs_url": "/docs", "urls_namespace": f"api-{version}"}
        for key in options:
            if key in written:
                value = written[key]
                options[key] = value if isinstance(value, str) else ""
        return options

    def _docs_routes(self, options: dict[str, str]) -> list[tuple[str, str, str]]:
        if not options["openapi_url"]:
            return []
        routes = [(options["openapi_url"].lstrip("/"), "openapi-json", f"{_VIEWS}.openapi_json")]
        if options["docs_url"]:
            routes.append((options["docs_url"].lstrip("/"), "openapi-view", f"{_VIEWS}.openapi_view"))
        return routes

    def _url_name(self, operation: NinjaOperation) -> str:
        """The operation's ``url_name``, else its function's name, as django-ninja names it."""
        value = module_evaluator(self.classes.index, operation.module).eval(
            call_argument(operation.decorator, None, "url_name"))
        return value if isinstance(value, str) and value else operation.function.name

    def _operations(self, api: str) -> list[NinjaOperation]:
        owners = {api: ""}
        candidates = [m for m in self.classes.index.project_modules() if "@" in m.text]
        for module in self.classes.index.project_modules():
            if ".add_router(" in module.text:
                for node in ast.walk(module.tree):
                    mounted = self._mounted_router(module, node, api)
                    if mounted is not None:
                        owners[mounted[0]] = mounted[1]
        found = []
        for module in candidates:  # operations are declared by decorators
            for statement in ast.walk(module.tree):
                if isinstance(statement, ast.FunctionDef | ast.AsyncFunctionDef) and statement.decorator_list:
                    found.extend(self._decorated(module, statement, owners))
        return found

    def _mounted_router(self, module: Module, node: ast.AST, api: str) -> tuple[str, str] | None:
        """``api.add_router("/orders", router)`` → (router's dotted name, prefix)."""
        if not (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute)
                and node.func.attr == "add_router"):
            return None
        if self.classes.resolve(module, node.func.value) != api:
            return None
        evaluator = module_evaluator(self.classes.index, module)
        prefix = evaluator.eval(call_argument(node, 0, "prefix"))
        router = call_argument(node, 1, "router")
        text = evaluator.eval(router) if router is not None else None
        dotted = text if isinstance(text, str) else (self.classes.resolve(module, router) if router else None)
        if not isinstance(prefix, str) or not dotted:
            return None
        return self.classes.index.canonical(dotted), prefix

    def _decorated(self, module: Module, function: ast.FunctionDef | ast.AsyncFunctionDef,
                   owners: dict[str, str]) -> list[NinjaOperation]:
        found = []
        evaluator = module_evaluator(self.classes.index, module)
        for decorator in function.decorator_list:
            if not (isinstance(decorator, ast.Call) and isinstance(decorator.func, ast.Attribute)):
                continue
            owner = self.classes.resolve(module, decorator.func.value)
            if owner not in owners:
                continue
            attr = decorator.func.attr
            if attr in _METHODS:
                methods, path_node = _METHODS[attr], call_argument(decorator, 0, "path")
            elif attr == "api_operation":
                listed = evaluator.eval(call_argument(decorator, 0, "methods"))
                methods = tuple(str(m).upper() for m in listed) if isinstance(listed, list | tuple) else ()
                path_node = call_argument(decorator, 1, "path")
            else:
                continue
            path = evaluator.eval(path_node)
            if isinstance(path, str):
                full = "/".join(p.strip("/") for p in (owners[owner], path) if p.strip("/"))
                trailing = "/" if path.endswith("/") else ""
                found.append(NinjaOperation(module, function, methods, decorator, f"/{full}{trailing}", owner))
        return found

    # --- parameters and responses ---------------------------------------------------------------

    def query_params(self, operations: tuple[NinjaOperation, ...]) -> tuple[tuple[QueryParamFact, ...], bool]:
        """The operations' query parameters, and whether every one of them was read."""
        found: dict[str, QueryParamFact] = {}
        complete = True
        for operation in operations:
            params = self._operation_params(operation)
            complete = complete and params is not None
            for param in params or ():
                found.setdefault(param.name, param)
        return tuple(found.values()), complete

    def _operation_params(self, operation: NinjaOperation) -> list[QueryParamFact] | None:
        path_params = {m.group(2) for m in _PATH_PARAM.finditer(operation.path)}
        leaves = self.params.arguments(operation.module, operation.function, path_params)
        paginator = self._paginator(operation)
        paged = self.pagination.params(paginator) if paginator is not None else []
        if leaves is None or paged is None:
            return None
        return [*(leaf.param for leaf in leaves), *paged]

    def _paginator(self, operation: NinjaOperation) -> Paginator | None:
        return self.pagination.of(operation.module, operation.function, operation.decorator, operation.owner)

    def response(self, operation: NinjaOperation) -> tuple[ResponseField, ...] | None:
        node = call_argument(operation.decorator, None, "response")
        if isinstance(node, ast.Dict):
            codes = [(k.value, v) for k, v in zip(node.keys, node.values, strict=True)
                     if isinstance(k, ast.Constant) and isinstance(k.value, int) and 200 <= k.value < 300]
            node = min(codes, key=lambda pair: pair[0])[1] if codes else None
        item = list_item(node)
        paginator = self._paginator(operation)
        if paginator is not None:
            return self._paged(operation.module, item, paginator)
        return self._schema_fields(operation.module, item if item is not None else node, 0)

    def _paged(self, module: Module, item: ast.expr | None, paginator: Paginator) -> tuple[ResponseField, ...] | None:
        """ninja's ``Paged<Item>``: the paginator's ``Output`` with the items under its key."""
        envelope = self.pagination.envelope(paginator)
        if envelope is None or item is None:
            return None
        outer = envelope.fields if envelope.output is None else self._ref_fields(envelope.output, 0)
        if outer is None:
            return None
        items = ResponseField(envelope.items, self._schema_fields(module, item, 1) or (), many=True, type="array")
        fields = [items if f.name == envelope.items else f for f in outer]
        return tuple(fields if items in fields else [*fields, items])

    def _schema_fields(
        self, module: Module, node: ast.AST | None, depth: int
    ) -> tuple[ResponseField, ...] | None:
        dotted = self.classes.resolve(module, node) if node is not None else None
        ref = self.classes.get(dotted) if dotted else None
        return self._ref_fields(ref, depth) if ref is not None else None

    def _ref_fields(self, ref: ClassRef, depth: int) -> tuple[ResponseField, ...] | None:
        if depth > _MAX_DEPTH:
            return None
        leaves = {n.rpartition(".")[2] for n in self.classes.mro(ref.dotted) if self.classes.get(n) is None}
        if "Schema" not in leaves and "BaseModel" not in leaves:
            return None  # a ModelSchema, or not a schema: its fields are not written out
        fields = []
        for cls in reversed(self.classes.refs_in_mro(ref.dotted)):
            for statement in cls.node.body:
                if isinstance(statement, ast.AnnAssign) and isinstance(statement.target, ast.Name):
                    fields.append(self._field(cls.module, statement.target.id, statement.annotation, depth))
        return tuple(fields)

    def _field(self, module: Module, name: str, annotation: ast.expr, depth: int) -> ResponseField:
        annotation = optional_inner(annotation)
        item = list_item(annotation)
        if item is not None:
            children = self._schema_fields(module, item, depth + 1)
            return ResponseField(name, children or (), many=True, type="array")
        children = self._schema_fields(module, annotation, depth + 1)
        if children is not None:
            return ResponseField(name, children, type="object")
        kind = scalar(annotation)
        return ResponseField(name, type=kind[0] if kind else None)


def _django_parameter(match: re.Match[str]) -> str:
    """``{int:id}`` -> ``<int:id>``; django-ninja keeps ``{uuid:id}`` a string (``uuidstr``)."""
    converter, name = match.group(1), match.group(2)
    if not converter:
        return f"<{name}>"
    return f"<{'uuidstr' if converter.lower() == 'uuid' else converter}:{name}>"
