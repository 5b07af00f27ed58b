"""What view classes handle, read from their source and from what Django and DRF define.

Django's and DRF's own view classes are known by name (``ListAPIView`` handles GET,
``ModelViewSet`` every standard action); the project's classes add the handlers their
bodies define. A base featuredocs does not know makes the answer unknown (None).
"""

from __future__ import annotations

import ast
from dataclasses import dataclass

from featuredocs.introspect.source_reads import STANDARD_ACTIONS
from featuredocs.introspect.static.classes import ClassRef, Classes
from featuredocs.introspect.static.modules import Module

HTTP_METHODS = ("get", "post", "put", "patch", "delete", "head", "options", "trace")
LIST_ROUTE = {"get": "list", "post": "create"}
DETAIL_ROUTE = {"get": "retrieve", "put": "update", "patch": "partial_update", "delete": "destroy"}

_FORM = frozenset({"get", "post", "put"})
#: Handlers of Django's and DRF's view classes, by class name.
KNOWN_HANDLERS: dict[str, frozenset[str]] = {
    "View": frozenset(), "APIView": frozenset(), "GenericAPIView": frozenset(),
    "TemplateView": frozenset({"get"}), "ListView": frozenset({"get"}),
    "DetailView": frozenset({"get"}), "BaseListView": frozenset({"get"}),
    "BaseDetailView": frozenset({"get"}), "RedirectView": frozenset(HTTP_METHODS) - {"trace"},
    "FormView": _FORM, "CreateView": _FORM, "UpdateView": _FORM, "ProcessFormView": _FORM,
    "BaseFormView": _FORM, "BaseCreateView": _FORM, "BaseUpdateView": _FORM,
    "DeleteView": frozenset({"get", "post", "delete"}),
    "BaseDeleteView": frozenset({"get", "post", "delete"}),
    "ArchiveIndexView": frozenset({"get"}), "YearArchiveView": frozenset({"get"}),
    "MonthArchiveView": frozenset({"get"}), "WeekArchiveView": frozenset({"get"}),
    "DayArchiveView": frozenset({"get"}), "TodayArchiveView": frozenset({"get"}),
    "DateDetailView": frozenset({"get"}), "LoginView": _FORM,
    "LogoutView": frozenset({"post"}), "PasswordChangeView": _FORM,
    "PasswordResetView": _FORM, "PasswordResetConfirmView": _FORM,
    "PasswordResetDoneView": frozenset({"get"}), "PasswordChangeDoneView": frozenset({"get"}),
    "PasswordResetCompleteView": frozenset({"get"}),
    "ListAPIView": frozenset({"get"}), "CreateAPIView": frozenset({"post"}),
    "RetrieveAPIView": frozenset({"get"}), "DestroyAPIView": frozenset({"delete"}),
    "UpdateAPIView": frozenset({"put", "patch"}), "ListCreateAPIView": frozenset({"get", "post"}),
    "RetrieveUpdateAPIView": frozenset({"get", "put", "patch"}),
    "RetrieveDestroyAPIView": frozenset({"get", "delete"}),
    "RetrieveUpdateDestroyAPIView": frozenset({"get", "put", "patch", "delete"}),
}
#: Standard ViewSet actions of DRF's viewsets and mixins, by class name.
KNOWN_ACTIONS: dict[str, frozenset[str]] = {
    "ViewSetMixin": frozenset(), "ViewSet": frozenset(), "GenericViewSet": frozenset(),
    "ModelViewSet": STANDARD_ACTIONS,
    "ReadOnlyModelViewSet": frozenset({"list", "retrieve"}),
    "ListModelMixin": frozenset({"list"}), "CreateModelMixin": frozenset({"create"}),
    "RetrieveModelMixin": frozenset({"retrieve"}),
    "UpdateModelMixin": frozenset({"update", "partial_update"}),
    "DestroyModelMixin": frozenset({"destroy"}),
}
_VIEWSETS = frozenset({"ViewSetMixin", "ViewSet", "GenericViewSet", "ModelViewSet", "ReadOnlyModelViewSet"})
_GENERIC = frozenset({"GenericAPIView", "GenericViewSet", "ModelViewSet", "ReadOnlyModelViewSet",
                      *(n for n in KNOWN_HANDLERS if n.endswith("APIView") and n != "APIView")})
_LISTING = frozenset({"ListModelMixin", "ListAPIView", "ListCreateAPIView", "ModelViewSet",
                      "ReadOnlyModelViewSet"})
_DRF_PREFIX = "rest_framework."
_MIXIN_HINTS = ("Mixin",)


@dataclass(frozen=True)
class Attribute:
    """A class attribute's value and the class body it is written in."""

    node: ast.expr
    module: Module


class ViewClass:
    """One view class with its MRO, answering what Django and DRF would answer."""

    def __init__(self, classes: Classes, ref: ClassRef) -> None:
        self.classes = classes
        self.ref = ref
        self.mro = classes.mro(ref.dotted)
        self.refs = classes.refs_in_mro(ref.dotted)
        self.leaves = [name for name in self.mro if classes.get(name) is None]

    def _known(self, names: frozenset[str], prefix: str | None = None) -> bool:
        return any(_short(leaf) in names and (prefix is None or leaf.startswith(prefix))
                   for leaf in self.leaves)

    @property
    def is_drf(self) -> bool:
        return any(leaf.startswith(_DRF_PREFIX) for leaf in self.leaves)

    @property
    def is_viewset(self) -> bool:
        return self._known(_VIEWSETS, _DRF_PREFIX)

    @property
    def is_generic(self) -> bool:
        return self._known(_GENERIC, _DRF_PREFIX)

    @property
    def lists(self) -> bool:
        return self._known(_LISTING, _DRF_PREFIX)

    def attribute(self, name: str) -> Attribute | None:
        for ref in self.refs:
            node = ref.body_value(name)
            if node is not None:
                return Attribute(node, ref.module)
        return None

    def method(self, name: str) -> tuple[ClassRef, ast.FunctionDef | ast.AsyncFunctionDef] | None:
        for ref in self.refs:
            found = ref.method(name)
            if found is not None:
                return ref, found
        return None

    def handlers(self) -> set[str] | None:
        """HTTP methods with a handler; None when a base class is unknown."""
        found = {m for ref in self.refs for m in HTTP_METHODS if ref.method(m) is not None}
        for leaf in self.leaves:
            short = _short(leaf)
            if short in KNOWN_HANDLERS:
                found |= KNOWN_HANDLERS[short]
            elif short in KNOWN_ACTIONS or short in {"object", "Generic"}:
                continue
            elif not _is_harmless_mixin(leaf):
                return None
        return found

    def actions(self) -> set[str] | None:
        """Standard ViewSet actions the class has; None when a base class is unknown."""
        found = {a for ref in self.refs for a in STANDARD_ACTIONS if ref.method(a) is not None}
        for leaf in self.leaves:
            short = _short(leaf)
            if short in KNOWN_ACTIONS:
                found |= KNOWN_ACTIONS[short]
            elif short not in KNOWN_HANDLERS and not _is_harmless_mixin(leaf):
                return None
        return found

    def extra_actions(self) -> list[tuple[ClassRef, ast.FunctionDef | ast.AsyncFunctionDef, ast.Call]]:
        """Methods decorated with ``@action(...)``, nearest definition first."""
        found: dict[str, tuple[ClassRef, ast.FunctionDef | ast.AsyncFunctionDef, ast.Call]] = {}
        for ref in self.refs:
            for statement in ref.node.body:
                if not isinstance(statement, ast.FunctionDef | ast.AsyncFunctionDef):
                    continue
                for decorator in statement.decorator_list:
                    call = decorator if isinstance(decorator, ast.Call) else None
                    if call is not None and _name(call.func) in {"action", "detail_route", "list_route"}:
                        found.setdefault(statement.name, (ref, statement, call))
        return list(found.values())


def _short(dotted: str) -> str:
    return dotted.rpartition(".")[2]


def _name(node: ast.expr) -> str:
    return node.id if isinstance(node, ast.Name) else node.attr if isinstance(node, ast.Attribute) else ""


def _is_harmless_mixin(dotted: str) -> bool:
    """Permission and authentication mixins change who may call a view, not its methods."""
    return any(hint in _short(dotted) for hint in _MIXIN_HINTS) and not _short(dotted).startswith("Base")
