"""The URLs ``admin.site.urls`` serves: the site's own pages and six per registered model.

Registrations are read from every installed app's ``admin`` module and the project's own
code (``admin.site.register(Model)``, ``@admin.register(Model)``). URLs a ``ModelAdmin``
adds in its own ``get_urls`` are not known statically.
"""

from __future__ import annotations

import ast

from featuredocs.introspect.static.apps import StaticApp
from featuredocs.introspect.static.classes import Classes
from featuredocs.introspect.static.model_lookup import ModelLookup
from featuredocs.introspect.static.modules import Module
from featuredocs.introspect.static.url_walk import Fragment, UrlWalker, ViewTarget, normalised

_SITE = "django.contrib.admin.sites.AdminSite"
_OPTIONS = "django.contrib.admin.options.ModelAdmin"
#: (route, URL name, view) of the admin site itself, in ``AdminSite.get_urls`` order.
SITE_ROUTES = (
    ("", "index", f"{_SITE}.index"),
    ("login/", "login", f"{_SITE}.login"),
    ("logout/", "logout", f"{_SITE}.logout"),
    ("password_change/", "password_change", f"{_SITE}.password_change"),
    ("password_change/done/", "password_change_done", f"{_SITE}.password_change_done"),
    ("autocomplete/", "autocomplete", f"{_SITE}.autocomplete_view"),
    ("jsi18n/", "jsi18n", f"{_SITE}.i18n_javascript"),
    ("r/<path:content_type_id>/<path:object_id>/", "view_on_site",
     "django.contrib.contenttypes.views.shortcut"),
)
#: (route, URL name suffix, view) for each registered model, as ``ModelAdmin.get_urls``.
MODEL_ROUTES = (
    ("", "changelist", f"{_OPTIONS}.changelist_view"),
    ("add/", "add", f"{_OPTIONS}.add_view"),
    ("<path:object_id>/history/", "history", f"{_OPTIONS}.history_view"),
    ("<path:object_id>/delete/", "delete", f"{_OPTIONS}.delete_view"),
    ("<path:object_id>/change/", "change", f"{_OPTIONS}.change_view"),
    ("<path:object_id>/", None, "django.views.generic.base.RedirectView"),
)


class AdminRoutes:
    def __init__(self, classes: Classes, apps: list[StaticApp], models: ModelLookup) -> None:
        self.classes = classes
        self.apps = apps
        self.models = models

    def include_like(self, walker: UrlWalker, module: Module, node: ast.AST,
                     fragments: tuple[Fragment, ...], namespaces: tuple[str, ...]) -> bool:
        if not (isinstance(node, ast.Attribute) and node.attr == "urls"):
            return False
        dotted = self.classes.resolve(module, node.value) or ""
        if dotted not in {"django.contrib.admin.site", "django.contrib.admin.sites.site"}:
            return False
        inner = (*namespaces, "admin")
        for route, name, view in SITE_ROUTES:
            walker.add((*fragments, Fragment("route", route)), name, inner, _admin(module, view))
        labels = self._registered()
        for label in labels:
            app_label, _, model_name = label.partition(".")
            base = (*fragments, Fragment("route", f"{app_label}/{model_name.lower()}/"))
            walker.state.prefixes.add(normalised(base)[0])
            for route, suffix, view in MODEL_ROUTES:
                name = f"{app_label}_{model_name.lower()}_{suffix}" if suffix else None
                walker.add((*base, Fragment("route", route)), name, inner if name else namespaces,
                           _admin(module, view))
        if labels:
            apps = "|".join(dict.fromkeys(label.partition(".")[0] for label in labels))  # as registered
            walker.add((*fragments, Fragment("regex", f"^(?P<app_label>{apps})/$")), "app_list", inner,
                       _admin(module, f"{_SITE}.app_index"))
        walker.add((*fragments, Fragment("regex", "(?P<url>.*)$")), None, namespaces,
                   _admin(module, f"{_SITE}.catch_all_view"))
        return True

    def _registered(self) -> list[str]:
        """Labels of every model registered with the default admin site."""
        labels: list[str] = []
        modules = [m for m in (self.classes.index.get(f"{a.name}.admin") for a in self.apps) if m]
        modules += [m for m in self.classes.index.project_modules() if m not in modules]
        for module in modules:
            if "register(" not in module.text:
                continue
            for node in ast.walk(module.tree):
                for model in self._registrations(module, node):
                    found = self.models.by_dotted(model)
                    if found is not None and found.label not in labels:
                        labels.append(found.label)
        return labels

    def _registrations(self, module: Module, node: ast.AST) -> list[str]:
        if not (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute)
                and node.func.attr == "register"):
            return []
        owner = self.classes.resolve(module, node.func.value) or ""
        if owner.endswith(("admin.site", "admin.sites.site")) or owner == "django.contrib.admin":
            return self._models_in(module, node.args[:1])
        return []

    def _models_in(self, module: Module, nodes: list[ast.expr]) -> list[str]:
        found = []
        for node in nodes:
            elements = node.elts if isinstance(node, ast.List | ast.Tuple) else [node]
            for element in elements:
                dotted = self.classes.resolve(module, element)
                if dotted:
                    found.append(dotted)
        return found


def _admin(module: Module, view: str) -> ViewTarget:
    return ViewTarget("package_view", module, detail=view)
