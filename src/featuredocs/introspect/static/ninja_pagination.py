"""django-ninja's ``@paginate`` read from source: the paginator of an operation, the
query parameters its ``Input`` schema adds and the envelope its ``Output`` puts the
items in.

``@paginate`` (the class named by ``NINJA_PAGINATION_CLASS``), ``@paginate(Class)`` and
``@paginate(Class, page_size=20)`` below the operation's decorator, or an operation of a
``RouterPaginated`` that answers a list. ninja's own classes are known by name, with the
defaults their constructors take from ninja's settings (the settings module's literal
values, else ninja's own); a project's subclass is read where it can be: its ``Input`` and
``Output`` schemas, and whether it overrides what sizes a page (then only the schema's
defaults are known) or its constructor (then neither its size nor its cap).
"""

from __future__ import annotations

import ast
from dataclasses import dataclass, field, replace

from featuredocs.introspect.imports import call_argument
from featuredocs.introspect.ninja_sizes import NO_CAP, PAGINATORS, count_maximum, declared_cap, paged_size
from featuredocs.introspect.param_defaults import literal_default
from featuredocs.introspect.static.classes import Classes, ClassRef
from featuredocs.introspect.static.modules import Module
from featuredocs.introspect.static.namespace import module_evaluator
from featuredocs.introspect.static.ninja_annotations import list_item
from featuredocs.introspect.static.ninja_params import Leaf, NinjaParams
from featuredocs.introspect.static.settings import SettingsRead
from featuredocs.introspect.static.values import is_known
from featuredocs.model import QueryParamFact, ResponseField

_PACKAGE = "ninja.pagination."
_PAGINATE = f"{_PACKAGE}paginate"
_ROUTER = f"{_PACKAGE}RouterPaginated"
_BASES = frozenset({"PaginationBase", "AsyncPaginationBase", *PAGINATORS})
#: ninja's settings its paginators' constructors take their defaults from, by argument.
_CONSTRUCTOR = {
    "page_size": ("NINJA_PAGINATION_PER_PAGE", 100),
    "max_page_size": ("NINJA_MAX_PER_PAGE_SIZE", 100),
    "max_limit": ("NINJA_PAGINATION_MAX_LIMIT", NO_CAP),
}
_ITEMS = ResponseField("items", many=True, type="array")
_OUTPUTS = {  # the fields of ``Output`` before the items' schema replaces ``List[Any]``
    "CursorPagination": (ResponseField("previous", type="string"), ResponseField("next", type="string"),
                         ResponseField("results", many=True, type="array")),
}
_OUTPUT = (_ITEMS, ResponseField("count", type="integer"))


@dataclass(frozen=True)
class Paginator:
    """A paginator class (its canonical name, '' when unread) and the keywords it is
    built with; ``unread_keywords`` when ``**options`` hides some."""

    dotted: str
    keywords: dict[str, object] = field(default_factory=dict)
    unread_keywords: bool = False


@dataclass(frozen=True)
class Envelope:
    """A paginated response: ``Output``'s fields (a project schema's, else ninja's) and
    the key the items go under."""

    output: ClassRef | None
    fields: tuple[ResponseField, ...]
    items: str


class NinjaPagination:
    def __init__(self, classes: Classes, settings: SettingsRead, params: NinjaParams) -> None:
        self.classes = classes
        self.settings = settings
        self.reader = params

    def of(self, module: Module, function: ast.FunctionDef | ast.AsyncFunctionDef,
           decorator: ast.Call, owner: str) -> Paginator | None:
        """The paginator of the operation ``decorator`` declares on ``function``."""
        below = function.decorator_list[function.decorator_list.index(decorator) + 1:]
        for node in reversed(below):  # the nearest paginates; the others find it done
            call = node if isinstance(node, ast.Call) else None
            if self.classes.resolve(module, call.func if call else node) == _PAGINATE:
                return self._decorator(module, call)
        if self._router_paginates(owner) and list_item(call_argument(decorator, None, "response")) is not None:
            return self._configured({})
        return None

    def params(self, paginator: Paginator) -> list[QueryParamFact] | None:
        """The query parameters the paginator's ``Input`` adds; None when unread."""
        found = self._mro(paginator.dotted)
        if found is None:
            return None
        name, before = found
        if any(ref.body_value("InputSource") is not None for ref in before):
            return None  # its input is read from elsewhere than the query string
        leaves = self._input(name, before)
        if leaves is None:
            return None
        known = PAGINATORS.get(name)
        if known is None or any(ref.method(m) for ref in before for m in known.methods):
            return [leaf.param for leaf in leaves]
        rebuilt = any(ref.method("__init__") for ref in before) or paginator.unread_keywords
        size = self._argument(paginator, known.size, rebuilt) if known.size else None
        cap = self._argument(paginator, known.cap, rebuilt)
        params = []
        for leaf in leaves:
            if leaf.attribute == known.size_param:
                default, maximum = paged_size(known, leaf.default, leaf.declared, size, cap)
                params.append(replace(leaf.param, default=default, maximum=maximum))
            else:
                params.append(leaf.param)
        return params

    def envelope(self, paginator: Paginator) -> Envelope | None:
        found = self._mro(paginator.dotted)
        if found is None:
            return None
        name, before = found
        key: object = "results" if name == "CursorPagination" else "items"
        owner = next((ref for ref in before if ref.body_value("items_attribute") is not None), None)
        if owner is not None:
            key = module_evaluator(self.classes.index, owner.module).eval(owner.body_value("items_attribute"))
        if not isinstance(key, str):
            return None
        for ref in before:
            if _defines(ref, "Output"):
                output = self._nested_schema(ref, "Output")
                return Envelope(output, (), key) if output is not None else None
        return Envelope(None, _OUTPUTS.get(name, _OUTPUT), key)

    # --- which paginator ---------------------------------------------------------------------

    def _decorator(self, module: Module, call: ast.Call | None) -> Paginator:
        if call is None:
            return self._configured({})
        evaluator = module_evaluator(self.classes.index, module)
        keywords = {k.arg: evaluator.eval(k.value) for k in call.keywords if k.arg}
        unread = any(k.arg is None for k in call.keywords)
        if not call.args:
            return replace(self._configured(keywords), unread_keywords=unread)
        dotted = self.classes.resolve(module, call.args[0]) or ""
        return Paginator(dotted, keywords, unread)

    def _configured(self, keywords: dict[str, object]) -> Paginator:
        configured = self.settings.get("NINJA_PAGINATION_CLASS", f"{_PACKAGE}LimitOffsetPagination")
        dotted = self.classes.index.canonical(configured) if isinstance(configured, str) else ""
        return Paginator(dotted, keywords)

    def _router_paginates(self, owner: str) -> bool:
        found = self.classes.index.definition(owner) if "." in owner else None
        return (found is not None and isinstance(found[1], ast.Call)
                and self.classes.resolve(found[0], found[1].func) == _ROUTER)

    def _mro(self, dotted: str) -> tuple[str, list[ClassRef]] | None:
        """The nearest of ninja's paginators among the bases, and the project's classes
        before it; None when a base cannot be read."""
        before: list[ClassRef] = []
        for name in self.classes.mro(dotted) if dotted else ():
            if name.startswith(_PACKAGE) and name.removeprefix(_PACKAGE) in _BASES:
                return name.removeprefix(_PACKAGE), before
            ref = self.classes.get(name)
            if ref is None:
                return None
            before.append(ref)
        return None

    # --- what it reads and how it sizes a page ----------------------------------------------------

    def _input(self, name: str, before: list[ClassRef]) -> list[Leaf] | None:
        for ref in before:
            if not _defines(ref, "Input"):
                continue
            schema = self._nested_schema(ref, "Input")
            if schema is None:
                return None
            found: list[Leaf] = []
            for attribute, declared in self.reader.fields(schema).items():
                leaves = self.reader.leaves(attribute, declared, "pagination")
                if leaves is None:
                    return None
                found.extend(leaves)
            return found
        return self._ninja_input(name)

    def _ninja_input(self, name: str) -> list[Leaf]:
        """``Input`` of ninja's own classes (``ninja.pagination``)."""
        if name == "LimitOffsetPagination":
            per_page = self._setting(*_CONSTRUCTOR["page_size"])
            cap = declared_cap([("le", self._setting(*_CONSTRUCTOR["max_limit"]))])
            return [_ninja_leaf("limit", "integer", per_page, cap), _ninja_leaf("offset", "integer", 0)]
        if name == "PageNumberPagination":
            return [_ninja_leaf("page", "integer", 1), _ninja_leaf("page_size", "integer", None)]
        if name == "CursorPagination":
            return [_ninja_leaf("page_size", "integer", None), _ninja_leaf("cursor", "string", None)]
        return []

    def _nested_schema(self, ref: ClassRef, name: str) -> ClassRef | None:
        """``class Input(Schema)`` in the class body, or ``Input = Filters``."""
        if ref.nested(name) is not None:
            return self.reader.schema(ref.module, ast.Name(name), within=ref)
        value = ref.body_value(name)
        return self.reader.schema(ref.module, value) if value is not None else None

    def _argument(self, paginator: Paginator, name: str, rebuilt: bool) -> object:
        """What the constructor sets ``name`` to: the keyword, else ninja's setting."""
        if rebuilt:
            return object()
        if name in paginator.keywords:
            value = paginator.keywords[name]
            return value if is_known(value) else object()
        return self._setting(*_CONSTRUCTOR[name])

    def _setting(self, name: str, default: object) -> object:
        value = self.settings.get(name, default)
        return value if is_known(value) else object()


def _defines(ref: ClassRef, name: str) -> bool:
    return ref.nested(name) is not None or ref.body_value(name) is not None


def _ninja_leaf(name: str, kind: str, default: object, cap: float | None = NO_CAP) -> Leaf:
    maximum = count_maximum(cap) if kind == "integer" else None
    param = QueryParamFact(name, "pagination", kind, False, (), literal_default(default), maximum)
    return Leaf(name, param, default, cap)
