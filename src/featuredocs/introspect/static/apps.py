"""Installed apps from the ``INSTALLED_APPS`` literal, each with its AppConfig read from source.

``"orders"`` takes the one ``AppConfig`` in ``orders/apps.py`` (or the one marked
``default = True``); ``"orders.apps.OrdersConfig"`` names it. The label, the app's module
name and ``default_auto_field`` come from the class body. An app is the project's own when
its package lies under the project root.
"""

from __future__ import annotations

import ast
from dataclasses import dataclass
from pathlib import Path

from featuredocs.introspect.sources import is_project_path, relative_path
from featuredocs.introspect.static.classes import ClassRef, Classes
from featuredocs.introspect.static.modules import ModuleIndex
from featuredocs.introspect.static.values import Evaluator
from featuredocs.model import AppFact

APP_CONFIG = "django.apps.AppConfig"
_APP_CONFIG_NAMES = frozenset({APP_CONFIG, "django.apps.config.AppConfig"})


@dataclass(frozen=True)
class StaticApp:
    """An installed app as static mode sees it."""

    label: str
    name: str  # the app's package, dotted
    path: Path | None  # its folder, when it can be found
    project: bool
    default_auto_field: str | None = None
    entry: str = ""  # as INSTALLED_APPS names it: a module or an AppConfig path

    def fact(self, root: Path) -> AppFact:
        rel = relative_path(self.path, root) if self.project and self.path else None
        return AppFact(self.label, self.name, rel or "", self.project)

    def owns(self, module: str) -> bool:
        return module == self.name or module.startswith(self.name + ".")


def read_apps(
    index: ModuleIndex, classes: Classes, entries: list[str], root: Path, warnings: list[str]
) -> list[StaticApp]:
    apps: list[StaticApp] = []
    for entry in entries:
        app = _read_app(index, classes, entry, root)
        if app is None:
            warnings.append(f"installed app `{entry}` not found on the Python path: "
                            "its models and commands are not known")
            continue
        apps.append(app)
    return apps


def guess_apps(index: ModuleIndex, root: Path) -> list[StaticApp]:
    """Without settings: every project package with ``models.py`` or ``apps.py`` is an app."""
    found: dict[str, StaticApp] = {}
    for module in index.project_modules():
        package, _, leaf = module.name.rpartition(".")
        if leaf in {"models", "apps"} and package and package not in found:
            folder = module.path.parent if not module.is_package else module.path.parent.parent
            found[package] = StaticApp(package.rpartition(".")[2], package, folder, True)
    return sorted(found.values(), key=lambda app: app.name)


def _read_app(index: ModuleIndex, classes: Classes, entry: str, root: Path) -> StaticApp | None:
    named = classes.get(entry) if "." in entry else None
    if named is not None and _is_app_config(classes, named):
        config: ClassRef | None = named
        name = _string_attribute(classes, named, "name") or entry.rsplit(".", 2)[0]
    else:
        config, name = _default_config(index, classes, entry), entry
    folder = index.package_dir(name) or _folder_under_root(root, name)
    if folder is None:
        return None
    label = _string_attribute(classes, config, "label") or name.rpartition(".")[2]
    auto_field = _string_attribute(classes, config, "default_auto_field")
    project = is_project_path(folder / "__init__.py", root)
    return StaticApp(label, name, folder, project, auto_field, entry)


def _folder_under_root(root: Path, name: str) -> Path | None:
    folder = root.joinpath(*name.split("."))
    return folder if folder.is_dir() else None


def _default_config(index: ModuleIndex, classes: Classes, entry: str) -> ClassRef | None:
    """The AppConfig Django picks from the app's ``apps`` module: the one marked
    ``default = True``, else the only one."""
    module = index.get(f"{entry}.apps")
    if module is None:
        return None
    configs = []
    for statement in module.tree.body:
        if isinstance(statement, ast.ClassDef):
            ref = classes.get(f"{module.name}.{statement.name}")
            if ref is not None and ref.module is module and _is_app_config(classes, ref):
                configs.append(ref)
    marked = [c for c in configs if _is_true(c.body_value("default"))]
    if marked:
        return marked[0]
    return configs[0] if len(configs) == 1 else None


def _is_app_config(classes: Classes, ref: ClassRef) -> bool:
    return any(name in _APP_CONFIG_NAMES for name in classes.mro(ref.dotted)[1:])


def _is_true(node: ast.expr | None) -> bool:
    return isinstance(node, ast.Constant) and node.value is True


def _string_attribute(classes: Classes, ref: ClassRef | None, name: str) -> str | None:
    """A class attribute set to a string by the config class or one of its bases."""
    if ref is None:
        return None
    for cls in classes.refs_in_mro(ref.dotted):
        node = cls.body_value(name)
        if node is not None:
            value = Evaluator(classes.index, cls.module, {}).eval(node)
            return value if isinstance(value, str) and value else None
    return None
