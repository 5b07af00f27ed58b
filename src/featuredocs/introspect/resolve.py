"""Following simple values through the project's code: names, constants, key builders.

Used by the cache scanner to turn ``cache.get(order_key(pk))`` into the pattern
``orders:{}:summary`` and ``timeout=CACHE_TTL`` into seconds. Only what can be followed
without running anything: local assignments, module constants, functions that return one
expression, imports between the project's own modules, and (given) live settings.
"""

from __future__ import annotations

import ast
import operator
import re
import string
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from featuredocs.introspect.imports import qualified_name
from featuredocs.introspect.locate import assigned_names
from featuredocs.introspect.parsed import per_run, statements
from featuredocs.introspect.sources import ProjectSources, SourceFile

MAX_DEPTH = 8
UNKNOWN = "{}"
_PERCENT_SPEC = re.compile(r"%(?:\([^)]*\))?[-#0 +]*(?:\d+|\*)?(?:\.(?:\d+|\*))?[a-zA-Z%]")
_ARITHMETIC: dict[type, Callable[[Any, Any], Any]] = {
    ast.Add: operator.add, ast.Sub: operator.sub, ast.Mult: operator.mul,
    ast.Div: operator.truediv, ast.FloorDiv: operator.floordiv, ast.Mod: operator.mod,
    ast.Pow: operator.pow,
}
_TIMEDELTA_ARGS = ("days", "seconds", "microseconds", "milliseconds", "minutes", "hours", "weeks")
_TIMEDELTA_SECONDS = {"days": 86400, "seconds": 1, "microseconds": 1e-6, "milliseconds": 1e-3,
                      "minutes": 60, "hours": 3600, "weeks": 604800}

SettingValue = Callable[[str], object]
FunctionNode = ast.FunctionDef | ast.AsyncFunctionDef | ast.Lambda
#: What ``Resolver._setting`` gives for an expression that is not a known setting; a
#: setting's own value may be None.
_NOT_A_SETTING = object()


@dataclass(frozen=True)
class Scope:
    """Where a name is looked up: a file, and the function around the expression if any."""

    source: SourceFile
    function: FunctionNode | None = None
    line: int = 10**9  # only assignments before this line count


class Resolver:
    def __init__(self, sources: ProjectSources, setting_value: SettingValue | None = None) -> None:
        self.sources = sources
        self.setting_value = setting_value
        self._module_defs: dict[str, dict[str, ast.AST]] = {}

    # --- names ---------------------------------------------------------------------

    def names(self, source: SourceFile) -> dict[str, str]:
        return source.names

    def canonical(self, dotted: str) -> str:
        """``shop.utils.cache`` → ``django.core.cache.cache`` when shop.utils imported it."""
        for _ in range(MAX_DEPTH):
            module, _, attr = dotted.rpartition(".")
            source = self.sources.by_module(module) if module else None
            imported = self.names(source).get(attr) if source is not None else None
            if imported is None or imported == dotted:
                return dotted
            dotted = imported
        return dotted

    def module_defs(self, source: SourceFile) -> dict[str, ast.AST]:
        """Module-level names: the value of the last assignment, or the function itself."""
        if source.rel not in self._module_defs:
            found: dict[str, ast.AST] = {}
            _collect_defs(source.tree.body, found)
            self._module_defs[source.rel] = found
        return self._module_defs[source.rel]

    def lookup(self, name: str, scope: Scope) -> tuple[ast.AST, Scope] | None:
        if scope.function is not None:
            local = _local_value(scope.function, name, scope.line)
            if local is not None:
                return (local, scope) if local is not _PARAMETER else None
        value = self.module_defs(scope.source).get(name)
        if value is not None:
            return value, Scope(scope.source)
        dotted = self.names(scope.source).get(name)
        return self.lookup_dotted(dotted) if dotted else None

    def lookup_dotted(self, dotted: str) -> tuple[ast.AST, Scope] | None:
        module, _, attr = dotted.rpartition(".")
        target = self.sources.by_module(module) if module else None
        if target is None:
            return None
        value = self.module_defs(target).get(attr)
        return (value, Scope(target)) if value is not None else None

    def follow(self, node: ast.AST, scope: Scope, depth: int = 0) -> tuple[ast.AST, Scope]:
        """The expression a name or a key-building call stands for, as far as it goes."""
        if depth > MAX_DEPTH:
            return node, scope
        target: tuple[ast.AST, Scope] | None = None
        if isinstance(node, ast.Name):
            target = self.lookup(node.id, scope)
        elif isinstance(node, ast.Attribute):
            dotted = qualified_name(node, self.names(scope.source))
            target = self.lookup_dotted(dotted) if dotted else None
        elif isinstance(node, ast.Call):
            target = self._returned(node, scope)
        if target is None or isinstance(target[0], ast.FunctionDef | ast.AsyncFunctionDef):
            return node, scope
        return self.follow(target[0], target[1], depth + 1)

    def _returned(self, call: ast.Call, scope: Scope) -> tuple[ast.AST, Scope] | None:
        if isinstance(call.func, ast.Name):
            found = self.lookup(call.func.id, scope)
        elif isinstance(call.func, ast.Attribute):
            dotted = qualified_name(call.func, self.names(scope.source))
            found = self.lookup_dotted(dotted) if dotted else None
        else:
            return None
        if found is None or not isinstance(found[0], ast.FunctionDef | ast.AsyncFunctionDef):
            return None
        returned = _single_return(found[0])
        return (returned, Scope(found[1].source, found[0])) if returned is not None else None

    # --- patterns --------------------------------------------------------------------

    def pattern(self, node: ast.AST, scope: Scope, depth: int = 0) -> str | None:
        """The text of a string expression with every unknown part as ``{}``; None if unknown."""
        if depth > MAX_DEPTH:
            return None
        if isinstance(node, ast.Constant):
            return str(node.value) if isinstance(node.value, str | int | float) else None
        if isinstance(node, ast.JoinedStr):
            return "".join(self._fstring_part(part, scope, depth) for part in node.values)
        if isinstance(node, ast.BinOp) and isinstance(node.op, ast.Add):
            left, right = self.pattern(node.left, scope, depth + 1), self.pattern(node.right, scope, depth + 1)
            if left is None and right is None:
                return None
            return (left if left is not None else UNKNOWN) + (right if right is not None else UNKNOWN)
        if isinstance(node, ast.BinOp) and isinstance(node.op, ast.Mod):
            template = self.pattern(node.left, scope, depth + 1)
            return percent_pattern(template) if template is not None else None
        if _is_format_call(node):
            template = self.pattern(node.func.value, scope, depth + 1)  # type: ignore[attr-defined]
            return format_pattern(template) if template is not None else None
        setting = self._setting(node, scope)
        if isinstance(setting, str | int):
            return str(setting)
        if isinstance(node, ast.Name | ast.Attribute | ast.Call):
            target, target_scope = self.follow(node, scope, depth + 1)
            if target is not node:
                return self.pattern(target, target_scope, depth + 1)
        return None

    def _fstring_part(self, part: ast.AST, scope: Scope, depth: int) -> str:
        if isinstance(part, ast.Constant):
            return str(part.value)
        if isinstance(part, ast.FormattedValue):
            inner = self.pattern(part.value, scope, depth + 1)
            return inner if inner is not None else UNKNOWN
        return UNKNOWN

    # --- durations -------------------------------------------------------------------

    def seconds(self, node: ast.AST, scope: Scope, depth: int = 0) -> float | None:
        """A timeout in seconds: literals, arithmetic, constants, timedelta, settings."""
        if depth > MAX_DEPTH:
            return None
        if isinstance(node, ast.Constant):
            value = node.value
            return float(value) if isinstance(value, int | float) and not isinstance(value, bool) else None
        if isinstance(node, ast.UnaryOp) and isinstance(node.op, ast.USub | ast.UAdd):
            inner = self.seconds(node.operand, scope, depth + 1)
            return None if inner is None else (-inner if isinstance(node.op, ast.USub) else inner)
        if isinstance(node, ast.BinOp) and type(node.op) in _ARITHMETIC:
            return self._arithmetic(node, scope, depth)
        if isinstance(node, ast.Call):
            return self._call_seconds(node, scope, depth)
        if isinstance(node, ast.Subscript):
            return self._setting_seconds(node, scope)
        if isinstance(node, ast.Attribute | ast.Name):
            setting = self._setting_seconds(node, scope)
            if setting is not None:
                return setting
            target, target_scope = self.follow(node, scope, depth + 1)
            if target is not node:
                return self.seconds(target, target_scope, depth + 1)
        return None

    def is_none(self, node: ast.AST, scope: Scope) -> bool:
        """Whether the expression is ``None``: written so, or a name or setting holding it."""
        if self._setting(node, scope) is None:
            return True
        target, _ = self.follow(node, scope)
        return isinstance(target, ast.Constant) and target.value is None

    def _arithmetic(self, node: ast.BinOp, scope: Scope, depth: int) -> float | None:
        left = self.seconds(node.left, scope, depth + 1)
        right = self.seconds(node.right, scope, depth + 1)
        if left is None or right is None:
            return None
        try:
            return float(_ARITHMETIC[type(node.op)](left, right))
        except (ArithmeticError, ValueError, OverflowError):
            return None

    def _call_seconds(self, call: ast.Call, scope: Scope, depth: int) -> float | None:
        dotted = qualified_name(call.func, self.names(scope.source))
        if dotted == "datetime.timedelta":
            return self._timedelta(call, scope, depth)
        if isinstance(call.func, ast.Attribute) and call.func.attr == "total_seconds" and not call.args:
            return self.seconds(call.func.value, scope, depth + 1)
        if isinstance(call.func, ast.Name) and call.func.id in {"int", "float", "round"} and call.args:
            return self.seconds(call.args[0], scope, depth + 1)
        target, target_scope = self.follow(call, scope, depth + 1)
        return self.seconds(target, target_scope, depth + 1) if target is not call else None

    def _timedelta(self, call: ast.Call, scope: Scope, depth: int) -> float | None:
        pairs = list(zip(_TIMEDELTA_ARGS, call.args, strict=False))
        pairs += [(k.arg, k.value) for k in call.keywords if k.arg]
        total = 0.0
        for unit, value_node in pairs:
            value = self.seconds(value_node, scope, depth + 1)
            if value is None or unit not in _TIMEDELTA_SECONDS:
                return None
            total += value * _TIMEDELTA_SECONDS[unit]
        return total

    def _setting(self, node: ast.AST, scope: Scope) -> object:
        """The value of ``settings.X`` (or of ``settings.X["key"]``), or
        :data:`_NOT_A_SETTING` when the expression is not a setting whose value is known
        (or no settings were given)."""
        keys: list[object] = []
        while isinstance(node, ast.Subscript) and isinstance(node.slice, ast.Constant):
            keys.append(node.slice.value)
            node = node.value
        if not isinstance(node, ast.Attribute) or self.setting_value is None:
            return _NOT_A_SETTING
        dotted = qualified_name(node, self.names(scope.source))
        if not dotted or not dotted.startswith("django.conf.settings."):
            return _NOT_A_SETTING
        try:
            value = self.setting_value(dotted.removeprefix("django.conf.settings."))
            for key in reversed(keys):
                value = value[key]  # type: ignore[index]
        except Exception:  # not a setting of this project, or no such key
            return _NOT_A_SETTING
        return value

    def _setting_seconds(self, node: ast.AST, scope: Scope) -> float | None:
        value = self._setting(node, scope)
        if value is None or value is _NOT_A_SETTING:
            return None
        if hasattr(value, "total_seconds"):
            return float(value.total_seconds())
        return float(value) if isinstance(value, int | float) and not isinstance(value, bool) else None


_PARAMETER: ast.AST = ast.Constant(None)  # marker: the name is a parameter, never followed


def _local_value(function: ast.AST, name: str, line: int) -> ast.AST | None:
    """The last plain assignment to ``name`` before ``line`` in the function's body."""
    value: ast.AST | None = None
    for lineno, assigned in _local_assignments(function).get(name, ()):
        if lineno < line:
            value = assigned
    if value is not None:
        return value
    return _PARAMETER if name in _parameters(function) else None


@per_run
def _local_assignments(function: ast.AST) -> dict[str, list[tuple[int, ast.expr]]]:
    """Each name's plain assignments in a function's body, in the order ``ast.walk`` meets
    them: read once per function, however many names are looked up in it."""
    found: dict[str, list[tuple[int, ast.expr]]] = {}
    body = getattr(function, "body", None)
    for statement in body if isinstance(body, list) else []:
        for node in statements(statement):
            if isinstance(node, ast.Assign | ast.AnnAssign) and node.value is not None:
                if _single_target(node):
                    for name in assigned_names(node):
                        found.setdefault(name, []).append((node.lineno, node.value))
    return found


def _parameters(function: ast.AST) -> set[str]:
    args = getattr(function, "args", None)
    if args is None:
        return set()
    every = [*args.posonlyargs, *args.args, *args.kwonlyargs, args.vararg, args.kwarg]
    return {a.arg for a in every if a is not None}


def _single_target(node: ast.Assign | ast.AnnAssign) -> bool:
    targets = node.targets if isinstance(node, ast.Assign) else [node.target]
    return all(isinstance(t, ast.Name) for t in targets)


def _collect_defs(body: list[ast.stmt], found: dict[str, ast.AST]) -> None:
    for statement in body:
        if isinstance(statement, ast.FunctionDef | ast.AsyncFunctionDef | ast.ClassDef):
            found[statement.name] = statement
        elif isinstance(statement, ast.Assign | ast.AnnAssign) and statement.value is not None:
            if _single_target(statement):
                for name in assigned_names(statement):
                    found[name] = statement.value
        elif isinstance(statement, ast.If | ast.Try):
            _collect_defs(statement.body, found)


def _single_return(function: ast.FunctionDef | ast.AsyncFunctionDef) -> ast.expr | None:
    returns = [n for n in statements(function) if isinstance(n, ast.Return) and n.value is not None]
    return returns[0].value if len(returns) == 1 else None


def _is_format_call(node: ast.AST) -> bool:
    return (
        isinstance(node, ast.Call)
        and isinstance(node.func, ast.Attribute)
        and node.func.attr == "format"
    )


def percent_pattern(template: str) -> str:
    """``"orders:%s:%(kind)s"`` → ``orders:{}:{}``; ``%%`` stays a percent sign."""
    return _PERCENT_SPEC.sub(lambda m: "%" if m.group() == "%%" else UNKNOWN, template)


def format_pattern(template: str) -> str:
    """``"orders:{pk}:{0!r}"`` → ``orders:{}:{}``."""
    try:
        parsed = list(string.Formatter().parse(template))
    except ValueError:
        return template
    return "".join(text + (UNKNOWN if field is not None else "") for text, field, _, _ in parsed)
