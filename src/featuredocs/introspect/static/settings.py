"""Settings read from the settings module's source, run statement by statement in our head.

Assignments, ``+=``, ``X["key"] = …``, ``.append``/``.update`` calls, ``if``/``try``
blocks and ``from .base import *`` are followed in execution order; an ``if`` whose test
cannot be decided runs both branches, so no setting it defines goes missing. Environment
reads give their defaults (an empty environment). Django's own defaults come from
``django.conf.global_settings`` when Django can be imported.
"""

from __future__ import annotations

import ast
import copy
import dataclasses
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from featuredocs.introspect.imports import resolve_relative
from featuredocs.introspect.locate import assigned_names
from featuredocs.introspect.settings_source import nested_keys
from featuredocs.introspect.static.modules import Module, ModuleIndex
from featuredocs.introspect.static.values import Evaluator, Unknown, is_known
from featuredocs.model import SettingFact, SourceLocation
from featuredocs.secrets import looks_secret, mask_url_credentials, masked_repr

_LIST_METHODS = frozenset({"append", "extend", "insert", "remove"})
_DICT_METHODS = frozenset({"update", "setdefault"})
#: The keys Django fills into every ``DATABASES`` entry (used when Django cannot be imported).
DATABASE_DEFAULT_KEYS = (
    "ATOMIC_REQUESTS", "AUTOCOMMIT", "CONN_MAX_AGE", "CONN_HEALTH_CHECKS", "OPTIONS",
    "TIME_ZONE", "NAME", "USER", "PASSWORD", "HOST", "PORT",
)
DATABASE_TEST_KEYS = ("CHARSET", "COLLATION", "MIGRATE", "MIRROR", "NAME")
_SCRIPT_PREFIXED = frozenset({"STATIC_URL", "MEDIA_URL"})


@dataclass
class SettingsRead:
    """The settings module's values and where each setting was last assigned."""

    module: str | None
    values: dict[str, Any] = field(default_factory=dict)
    locations: dict[str, SourceLocation] = field(default_factory=dict)
    defaults: dict[str, Any] = field(default_factory=dict)  # Django's global settings

    def get(self, name: str, fallback: Any = None) -> Any:
        if name in self.values:
            return self.values[name]
        return self.defaults.get(name, fallback)

    def known(self, name: str) -> object:
        """A setting's value for the cache scanner; raises when it is not known."""
        value = self.get(name, Unknown(name))
        if not is_known(value):
            raise KeyError(name)
        return value


def read_settings(index: ModuleIndex, module_name: str | None, warnings: list[str]) -> SettingsRead:
    read = SettingsRead(module_name, defaults=django_defaults(warnings))
    module = index.get(module_name) if module_name else None
    if module_name and (module is None or not module.project):
        warnings.append(f"settings module `{module_name}` not found under the project root")
        return read
    if module is not None:
        runner = _Runner(index, read)
        runner.run_module(module, read.values, record=True)
    return read


def django_defaults(warnings: list[str]) -> dict[str, Any]:
    try:
        from django.conf import global_settings
    except Exception:  # Django is not installed here: the project's own settings only
        warnings.append("Django cannot be imported: its default settings are not listed")
        return {}
    return {name: getattr(global_settings, name) for name in dir(global_settings) if name.isupper()}


class _Runner:
    def __init__(self, index: ModuleIndex, read: SettingsRead) -> None:
        self.index = index
        self.read = read
        self.running: set[str] = set()
        self.namespaces: dict[str, dict[str, Any]] = {}

    def run_module(self, module: Module, namespace: dict[str, Any], record: bool) -> None:
        if module.name in self.running:
            return
        self.running.add(module.name)
        self._run(module, module.tree.body, namespace, record)
        self.running.discard(module.name)

    def _namespace_of(self, module: Module) -> dict[str, Any]:
        if module.name not in self.namespaces:
            namespace: dict[str, Any] = {}
            self.namespaces[module.name] = namespace
            self.run_module(module, namespace, record=False)
        return self.namespaces[module.name]

    def _run(self, module: Module, body: list[ast.stmt], ns: dict[str, Any], record: bool) -> None:
        evaluator = Evaluator(self.index, module, ns)
        for statement in body:
            if isinstance(statement, ast.Assign | ast.AnnAssign):
                if statement.value is None:
                    continue
                value = evaluator.eval(statement.value)
                targets = statement.targets if isinstance(statement, ast.Assign) else [statement.target]
                for target in targets:
                    _bind(evaluator, target, value, ns)
            elif isinstance(statement, ast.AugAssign):
                _augment(evaluator, statement, ns)
            elif isinstance(statement, ast.Expr) and isinstance(statement.value, ast.Call):
                _mutate(evaluator, statement.value)
            elif isinstance(statement, ast.If):
                self._branch(module, statement, evaluator, ns, record)
            elif isinstance(statement, ast.Try):
                for block in (statement.body, statement.orelse, statement.finalbody):
                    self._run(module, block, ns, record)
            elif isinstance(statement, ast.With):
                self._run(module, statement.body, ns, record)
            elif isinstance(statement, ast.ImportFrom):
                self._import(module, statement, ns, record)
            elif isinstance(statement, ast.FunctionDef | ast.AsyncFunctionDef | ast.ClassDef):
                ns[statement.name] = Unknown(statement.name)
            if record:
                self._record(module, statement)

    def _branch(self, module: Module, statement: ast.If, evaluator: Evaluator,
                ns: dict[str, Any], record: bool) -> None:
        test = evaluator.eval(statement.test)
        if is_known(test):
            self._run(module, statement.body if test else statement.orelse, ns, record)
        else:
            self._run(module, statement.body, ns, record)
            self._run(module, statement.orelse, ns, record)

    def _import(self, module: Module, statement: ast.ImportFrom, ns: dict[str, Any],
                record: bool) -> None:
        target_name = resolve_relative(module.name, module.is_package, statement.level, statement.module)
        target = self.index.get(target_name) if target_name else None
        if target is None or not target.project:
            return
        for alias in statement.names:
            if alias.name == "*":
                self.run_module(target, ns, record)
            else:
                value = self._namespace_of(target).get(alias.name, Unknown(alias.name))
                ns[alias.asname or alias.name] = value

    def _record(self, module: Module, statement: ast.stmt) -> None:
        if module.rel is None:
            return
        for name in assigned_names(statement):
            if not name.isupper():
                continue
            if isinstance(statement, ast.AugAssign) and name in self.read.locations:
                continue  # ``X += [...]`` extends; the definition stays where it was
            self.read.locations[name] = SourceLocation(module.rel, statement.lineno)


def _bind(evaluator: Evaluator, target: ast.expr, value: Any, ns: dict[str, Any]) -> None:
    if isinstance(target, ast.Name):
        ns[target.id] = value
    elif isinstance(target, ast.Tuple | ast.List):
        known = isinstance(value, list | tuple) and len(value) == len(target.elts)
        for position, element in enumerate(target.elts):
            _bind(evaluator, element, value[position] if known else Unknown("?"), ns)
    elif isinstance(target, ast.Subscript):
        container, key = evaluator.eval(target.value), evaluator.eval(target.slice)
        if isinstance(container, dict) and is_known(key):
            container[key] = value


def _augment(evaluator: Evaluator, statement: ast.AugAssign, ns: dict[str, Any]) -> None:
    if not isinstance(statement.target, ast.Name):
        return
    name = statement.target.id
    combined = ast.BinOp(left=ast.Name(name, ast.Load()), op=statement.op, right=statement.value)
    ast.copy_location(combined, statement)
    value = evaluator.eval(combined)
    ns[name] = value if is_known(value) or name not in ns else _partial(ns[name], value)


def _partial(before: Any, after: Any) -> Any:
    # ``INSTALLED_APPS += extra_apps()``: keep what is known rather than lose the list
    return before if isinstance(before, list | dict) else after


def _mutate(evaluator: Evaluator, call: ast.Call) -> None:
    """``INSTALLED_APPS.append("x")``, ``CACHES.update({...})`` and the like."""
    func = call.func
    if not isinstance(func, ast.Attribute):
        return
    owner = evaluator.eval(func.value)
    args = [evaluator.eval(a) for a in call.args]
    try:
        if isinstance(owner, list) and func.attr in _LIST_METHODS:
            getattr(owner, func.attr)(*args)
        elif isinstance(owner, dict) and func.attr in _DICT_METHODS and is_known(args[:1]):
            getattr(owner, func.attr)(*args)
    except (TypeError, ValueError, IndexError):
        pass


# --- facts ------------------------------------------------------------------------------------


def setting_facts(read: SettingsRead, database_keys: Any = None) -> tuple[SettingFact, ...]:
    """Django's defaults and the project's settings, by name, secrets masked."""
    names = {n for n in read.values if n.isupper()} | set(read.defaults)
    if read.module:
        names.add("SETTINGS_MODULE")
    facts = []
    for name in sorted(names):
        value = read.module if name == "SETTINGS_MODULE" else _as_django_serves(name, read.get(name))
        if name == "DATABASES":
            value = _with_database_defaults(value)
        shown, secret = masked_repr(name, value)
        facts.append(SettingFact(
            name=name,
            value=mask_url_credentials(shown),
            secret=secret,
            keys=tuple(nested_keys(value)),
            project=name in read.values,
            location=read.locations.get(name),
        ))
    return tuple(facts)


def with_written_defaults(
    settings: tuple[SettingFact, ...], read: SettingsRead, root: Path
) -> tuple[SettingFact, ...]:
    """``settings`` with the plain values the settings module gives each project setting
    when no environment variable is set (see :attr:`SettingFact.defaults`).

    Both modes take them from this reading of the source: a live value is the one this
    run's environment gave, and a page documents what a project gets without one. A value
    holding the project's folder (``BASE_DIR / "media"``) is this checkout's, not one a
    page can give.
    """
    facts = []
    for fact in settings:
        value = read.values.get(fact.name, _ABSENT)
        if value is not _ABSENT and not fact.secret and not looks_secret(fact.name):
            found = tuple((path, shown) for path, shown in _plain_values(value, "") if str(root) not in shown)
            if found:
                fact = dataclasses.replace(fact, defaults=found)
        facts.append(fact)
    return tuple(facts)


_ABSENT = object()
_PLAIN = (str, bool, int, float)


def _plain_values(value: Any, prefix: str) -> Iterator[tuple[str, str]]:
    if isinstance(value, dict):
        for key, child in value.items():
            if isinstance(key, str) and not looks_secret(key):
                yield from _plain_values(child, f"{prefix}{key}.")
        return
    if isinstance(value, list | tuple) and is_known(value) and all(type(item) in _PLAIN for item in value):
        shown = repr(value)
    elif type(value) in _PLAIN:
        shown = value if isinstance(value, str) else repr(value)
    else:
        return  # None, a path, an object: nothing a page writes as a value
    if mask_url_credentials(shown) == shown:  # a URL with a password is a secret
        yield prefix[:-1], shown


def _as_django_serves(name: str, value: Any) -> Any:
    """``STATIC_URL = "static/"`` reads back as ``/static/``: Django adds the script prefix
    to relative ``STATIC_URL`` and ``MEDIA_URL`` values."""
    if name in _SCRIPT_PREFIXED and isinstance(value, str):
        if not value.startswith(("http://", "https://", "/")):
            return "/" + value
    return value


def _with_database_defaults(value: Any) -> Any:
    """``DATABASES`` with the keys Django fills in for every connection."""
    if not isinstance(value, dict):
        return value
    filled = copy.deepcopy(value)
    try:
        from django.db.utils import ConnectionHandler

        return ConnectionHandler().configure_settings(filled)
    except Exception:  # Django missing, or a DATABASES Django itself would refuse
        for connection in filled.values():
            if isinstance(connection, dict):
                for key in DATABASE_DEFAULT_KEYS:
                    connection.setdefault(key, None)
                test = connection.setdefault("TEST", {})
                if isinstance(test, dict):
                    for key in DATABASE_TEST_KEYS:
                        test.setdefault(key, None)
        return filled
