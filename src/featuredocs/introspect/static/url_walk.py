"""The URLconf read as source: ``urlpatterns`` of ``ROOT_URLCONF`` and every module it
includes, with ``path()``/``re_path()`` fragments joined as Django joins them.

``urlpatterns`` is followed through ``+=``, ``.append``/``.extend``, list variables,
``format_suffix_patterns`` (its routes marked as having ``.json`` twins) and
``if settings.DEBUG:`` blocks (decided by the settings when
they can be, both branches otherwise). What a route points to is left for the describers:
a view class with its ``as_view()`` arguments, a view function, a router, the admin, a
django-ninja API.
"""

from __future__ import annotations

import ast
import re
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from types import SimpleNamespace
from typing import Protocol

from featuredocs.introspect.imports import call_argument
from featuredocs.introspect.path_converters import regex_converters, route_converters
from featuredocs.introspect.static.classes import ClassRef, Classes
from featuredocs.introspect.static.modules import Module
from featuredocs.introspect.static.namespace import module_evaluator
from featuredocs.introspect.static.settings import SettingsRead
from featuredocs.introspect.static.values import is_known
from featuredocs.introspect.static.view_source import decorator_methods

_PATTERN_FUNCTIONS = {"path": "route", "re_path": "regex", "url": "regex"}
_EMPTY_IN_PRODUCTION = frozenset({"static", "staticfiles_urlpatterns", "debug_toolbar_urls"})
_MAX_DEPTH = 16
_ROUTE_PARAM = re.compile(r"<(?:[^>:]+:)?([^>]+)>")
_REGEX_GROUP = re.compile(r"\(\?P<(\w+)>[^)]*\)")


@dataclass(frozen=True)
class Fragment:
    kind: str  # route or regex
    text: str


@dataclass(frozen=True)
class ViewTarget:
    """What a URL pattern calls, as written."""

    kind: str  # class, function, viewset, router_root, package_view, ninja, unknown
    module: Module
    node: ast.AST | None = None
    ref: ClassRef | None = None
    function: ast.FunctionDef | ast.AsyncFunctionDef | None = None
    initkwargs: dict[str, ast.expr] = field(default_factory=dict)
    actions: dict[str, str] | None = None  # viewset routes: HTTP method → action
    restrictions: tuple[tuple[str, ...], ...] = ()  # method lists wrapped around the view
    detail: str = ""  # package_view: the view's dotted path (the admin's, ninja's docs)
    operations: tuple[object, ...] = ()  # django-ninja: the operations behind the path


@dataclass(frozen=True)
class Route:
    path: str
    params: tuple[str, ...]
    name: str | None
    target: ViewTarget
    format_suffix: bool = False  # a twin route also answers ``path.json`` (``format_suffix_patterns``)
    converters: tuple[str, ...] = ()  # one per parameter, as ``EndpointFact.path_converters``


@dataclass
class WalkState:
    routes: list[Route] = field(default_factory=list)
    prefixes: set[str] = field(default_factory=set)
    warnings: list[str] = field(default_factory=list)


def normalised(fragments: tuple[Fragment, ...]) -> tuple[str, tuple[str, ...], tuple[str, ...]]:
    """The joined path, its parameters and their converters, normalised exactly as live
    mode does it."""
    patterns = [SimpleNamespace(_route=f.text) if f.kind == "route" else SimpleNamespace(_regex=f.text)
                for f in fragments]
    try:
        from featuredocs.introspect.urls.walk import normalised_path
    except Exception:  # Django cannot be imported: a plainer reading of the same syntax
        return _plain_path(fragments)
    return normalised_path(patterns)


def _plain_path(fragments: tuple[Fragment, ...]) -> tuple[str, tuple[str, ...], tuple[str, ...]]:
    params: list[str] = []
    converters: list[str] = []
    parts = []
    for fragment in fragments:
        text = fragment.text
        if fragment.kind == "route":
            params.extend(_ROUTE_PARAM.findall(text))
            converters.extend(route_converters(text))
            parts.append(_ROUTE_PARAM.sub(lambda m: "{" + m.group(1) + "}", text))
        else:
            names = _REGEX_GROUP.findall(text)
            params.extend(names)
            converters.extend(regex_converters(text, names))
            text = _REGEX_GROUP.sub(lambda m: "{" + m.group(1) + "}", text.lstrip("^").rstrip("$"))
            parts.append(text.replace("\\", ""))
    return "/" + "".join(parts).lstrip("/"), tuple(params), tuple(converters)


class SpecialPatterns(Protocol):
    """Patterns that are not ``path()`` calls: ``router.urls``, ``admin.site.urls``, a
    django-ninja ``api.urls``. ``include_like`` adds their routes and says whether it
    recognised ``node``."""

    def include_like(self, walker: UrlWalker, module: Module, node: ast.AST,
                     fragments: tuple[Fragment, ...], namespaces: tuple[str, ...]) -> bool: ...


class UrlWalker:
    def __init__(self, classes: Classes, settings: SettingsRead, special: SpecialPatterns) -> None:
        self.classes = classes
        self.index = classes.index
        self.settings = settings
        self.state = WalkState()
        self.special = special
        self._suffixed: set[int] = set()  # the pattern nodes ``format_suffix_patterns`` wraps
        self._suffixing = 0  # > 0 while the routes added get format-suffix twins

    def walk(self, urlconf: str) -> WalkState:
        module = self.index.load(urlconf)
        if module is None:
            self.state.warnings.append(f"URLconf `{urlconf}` not found")
            return self.state
        for element in self.module_patterns(module):
            self._element(element, (), (), 0)
        return self.state

    # --- urlpatterns ----------------------------------------------------------------------------

    def module_patterns(self, module: Module) -> list[tuple[Module, ast.expr]]:
        found: list[tuple[Module, ast.expr]] = []
        self._statements(module, module.tree.body, found)
        return found

    def _statements(self, module: Module, body: list[ast.stmt], found: list[tuple[Module, ast.expr]]) -> None:
        for statement in body:
            if isinstance(statement, ast.Assign) and _assigns(statement.targets, "urlpatterns"):
                found[:] = self.elements(module, statement.value, 0)
            elif isinstance(statement, ast.AnnAssign) and _assigns([statement.target], "urlpatterns"):
                found[:] = self.elements(module, statement.value, 0) if statement.value else []
            elif isinstance(statement, ast.AugAssign) and _assigns([statement.target], "urlpatterns"):
                found.extend(self.elements(module, statement.value, 0))
            elif isinstance(statement, ast.Expr) and isinstance(statement.value, ast.Call):
                found.extend(self._mutation(module, statement.value))
            elif isinstance(statement, ast.If):
                decided = self._condition(module, statement.test)
                if decided is not False:
                    self._statements(module, statement.body, found)
                if decided is not True:
                    self._statements(module, statement.orelse, found)
            elif isinstance(statement, ast.Try | ast.With):
                self._statements(module, statement.body, found)

    def _mutation(self, module: Module, call: ast.Call) -> list[tuple[Module, ast.expr]]:
        func = call.func
        if not (isinstance(func, ast.Attribute) and isinstance(func.value, ast.Name)
                and func.value.id == "urlpatterns"):
            return []
        if func.attr == "append" and call.args:
            return [(module, call.args[0])]
        if func.attr == "extend" and call.args:
            return self.elements(module, call.args[0], 0)
        if func.attr == "insert" and len(call.args) > 1:
            return [(module, call.args[1])]
        return []

    def _condition(self, module: Module, test: ast.expr) -> bool | None:
        """``settings.DEBUG`` and ``not settings.DEBUG`` decided by the settings read."""
        if isinstance(test, ast.UnaryOp) and isinstance(test.op, ast.Not):
            inner = self._condition(module, test.operand)
            return None if inner is None else not inner
        dotted = self.index.qualify(module, test) if isinstance(test, ast.Attribute) else None
        if dotted and dotted.startswith("django.conf.settings."):
            value = self.settings.get(dotted.removeprefix("django.conf.settings."))
            return bool(value) if value is not None and is_known(value) else None
        return None

    def elements(self, module: Module, node: ast.AST | None, depth: int) -> list[tuple[Module, ast.expr]]:
        """The pattern expressions a ``urlpatterns`` value is made of."""
        if node is None or depth > _MAX_DEPTH:
            return []
        if isinstance(node, ast.List | ast.Tuple):
            found: list[tuple[Module, ast.expr]] = []
            for element in node.elts:
                if isinstance(element, ast.Starred):
                    found.extend(self.elements(module, element.value, depth + 1))
                else:
                    found.append((module, element))
            return found
        if isinstance(node, ast.BinOp) and isinstance(node.op, ast.Add):
            return self.elements(module, node.left, depth + 1) + self.elements(module, node.right, depth + 1)
        if isinstance(node, ast.Name):
            return self._named_list(module, node, depth)
        if isinstance(node, ast.Call):
            name = _call_name(node)
            if name in _EMPTY_IN_PRODUCTION:
                return []
            if name == "format_suffix_patterns" and node.args:
                wrapped = self.elements(module, node.args[0], depth + 1)
                self._suffixed.update(id(expr) for _, expr in wrapped)
                return wrapped
        return [(module, node)] if isinstance(node, ast.expr) else []

    def _named_list(self, module: Module, node: ast.Name, depth: int) -> list[tuple[Module, ast.expr]]:
        value = self.index.definitions(module).get(node.id)
        if isinstance(value, ast.expr):
            return self.elements(module, value, depth + 1)
        dotted = self.index.qualify(module, node)
        found = self.index.definition(dotted) if dotted and "." in dotted else None
        if found is not None and isinstance(found[1], ast.expr):
            return self.elements(found[0], found[1], depth + 1)
        return []

    # --- one pattern ------------------------------------------------------------------------------

    def _element(self, element: tuple[Module, ast.expr], fragments: tuple[Fragment, ...],
                 namespaces: tuple[str, ...], depth: int) -> None:
        module, node = element
        if depth > _MAX_DEPTH:
            return
        if id(node) in self._suffixed and not self._suffixing:
            with self.format_suffixed():
                self._element(element, fragments, namespaces, depth)
            return
        if isinstance(node, ast.Call) and _call_name(node) in _PATTERN_FUNCTIONS:
            self._pattern(module, node, fragments, namespaces, depth)
        else:
            self.special.include_like(self, module, node, fragments, namespaces)

    def _pattern(self, module: Module, call: ast.Call, fragments: tuple[Fragment, ...],
                 namespaces: tuple[str, ...], depth: int) -> None:
        kind = _PATTERN_FUNCTIONS[_call_name(call)]
        route_node = call_argument(call, 0, kind)
        route = self._string(module, route_node)
        view = call_argument(call, 1, "view")
        if route is None or view is None:
            return
        joined = (*fragments, Fragment(kind, route))
        name = self._string(module, call_argument(call, None, "name"))
        if isinstance(view, ast.Call) and _call_name(view) == "include":
            self._include(module, view, joined, namespaces, depth)
        elif self.special.include_like(self, module, view, joined, namespaces):
            self.state.prefixes.add(normalised(joined)[0])
        else:
            self.add(joined, name, namespaces, self.target(module, view))

    def _include(self, module: Module, call: ast.Call, fragments: tuple[Fragment, ...],
                 namespaces: tuple[str, ...], depth: int) -> None:
        argument = call_argument(call, 0, "arg")
        namespace = self._string(module, call_argument(call, 1, "namespace"))
        app_name = None
        if isinstance(argument, ast.Tuple) and len(argument.elts) == 2:
            app_name = self._string(module, argument.elts[1])
            argument = argument.elts[0]
        self.state.prefixes.add(normalised(fragments)[0])
        text = self._string(module, argument)
        if text is not None:
            target = self.index.load(text)
            if target is None:
                self.state.warnings.append(f"URLconf `{text}` included from {module.name} not found")
                return
            app_name = app_name or self._string(target, self.index.definitions(target).get("app_name"))
            inner = (*namespaces, namespace or app_name) if (namespace or app_name) else namespaces
            for element in self.module_patterns(target):
                self._element(element, fragments, inner, depth + 1)
            return
        inner = (*namespaces, namespace or app_name) if (namespace or app_name) else namespaces
        if argument is not None and not self.special.include_like(self, module, argument, fragments, inner):
            for element in self.elements(module, argument, depth + 1):
                self._element(element, fragments, inner, depth + 1)

    def _string(self, module: Module, node: ast.AST | None) -> str | None:
        if node is None:
            return None
        value = module_evaluator(self.index, module).eval(node)
        return value if isinstance(value, str) else None

    # --- views ------------------------------------------------------------------------------------

    def target(
        self, module: Module, view: ast.expr, restrictions: tuple[tuple[str, ...], ...] = ()
    ) -> ViewTarget:
        """A view expression: ``V.as_view(...)``, a function, or a wrapper around either."""
        if isinstance(view, ast.Call):
            func = view.func
            if isinstance(func, ast.Attribute) and func.attr == "as_view":
                dotted = self.classes.resolve(module, func.value)
                ref = self.classes.get(dotted) if dotted else None
                kwargs = {k.arg: k.value for k in view.keywords if k.arg}
                return ViewTarget("class", module, func.value, ref=ref, initkwargs=kwargs,
                                  restrictions=restrictions)
            wrapped = view.args[0] if view.args else None
            methods = self._restriction(module, view)
            if wrapped is not None:
                return self.target(module, wrapped, restrictions + ((methods,) if methods else ()))
            return ViewTarget("unknown", module, view)
        dotted = self.classes.resolve(module, view)
        found = self.index.definition(dotted) if dotted and "." in dotted else None
        if found is not None and isinstance(found[1], ast.FunctionDef | ast.AsyncFunctionDef):
            return ViewTarget("function", found[0], view, function=found[1], restrictions=restrictions)
        return ViewTarget("unknown", module, view, restrictions=restrictions)

    def _restriction(self, module: Module, call: ast.Call) -> tuple[str, ...] | None:
        """``require_POST(view)`` or ``require_http_methods([...])(view)`` in the URLconf."""
        return decorator_methods([call.func])

    def add(self, fragments: tuple[Fragment, ...], name: str | None, namespaces: tuple[str, ...],
            target: ViewTarget) -> None:
        path, params, converters = normalised(fragments)
        qualified = ":".join((*namespaces, name)) if name else None
        self.state.routes.append(Route(path, params, qualified, target, self._suffixing > 0, converters))

    @contextmanager
    def format_suffixed(self) -> Iterator[None]:
        """Routes added meanwhile get format-suffix twins, as DRF adds them to every
        pattern, included ones too."""
        self._suffixing += 1
        try:
            yield
        finally:
            self._suffixing -= 1


def _assigns(targets: list[ast.expr], name: str) -> bool:
    return any(isinstance(t, ast.Name) and t.id == name for t in targets)


def _call_name(call: ast.Call) -> str:
    func = call.func
    return func.id if isinstance(func, ast.Name) else func.attr if isinstance(func, ast.Attribute) else ""

