"""Evaluating simple expressions without running them: literals, names, env defaults.

Settings are written as ``DEBUG = os.getenv("DEBUG", "False") == "True"``; static mode
reads them as the project configures itself with an empty environment: every environment
read gives its default. Anything else that cannot be computed from the source alone (a
``Path(__file__)``, a call into the project) becomes :class:`Unknown`, shown as its source
text, so containers around it keep their known keys.
"""

from __future__ import annotations

import ast
import datetime
import decimal
import operator
import os.path
import pathlib
from collections.abc import Callable
from typing import Any

from featuredocs.introspect.imports import call_argument
from featuredocs.introspect.static.modules import Module, ModuleIndex

_BINARY: dict[type, Callable[[Any, Any], Any]] = {
    ast.Add: operator.add, ast.Sub: operator.sub, ast.Mult: operator.mul,
    ast.Div: operator.truediv, ast.FloorDiv: operator.floordiv, ast.Mod: operator.mod,
    ast.Pow: operator.pow, ast.BitOr: operator.or_, ast.BitAnd: operator.and_,
}
_COMPARE: dict[type, Callable[[Any, Any], Any]] = {
    ast.Eq: operator.eq, ast.NotEq: operator.ne, ast.Lt: operator.lt, ast.LtE: operator.le,
    ast.Gt: operator.gt, ast.GtE: operator.ge, ast.In: lambda a, b: a in b,
    ast.NotIn: lambda a, b: a not in b, ast.Is: operator.is_, ast.IsNot: operator.is_not,
}
_BUILTINS: dict[str, Callable[..., Any]] = {
    "int": int, "float": float, "str": str, "bool": bool, "list": list, "tuple": tuple,
    "dict": dict, "set": set, "frozenset": frozenset, "sorted": sorted, "len": len,
    "min": min, "max": max, "abs": abs, "round": round,
}
_STRING_METHODS = frozenset({
    "split", "rsplit", "strip", "lstrip", "rstrip", "lower", "upper", "replace", "format",
    "join", "startswith", "endswith", "removeprefix", "removesuffix", "title", "splitlines",
})
_ENV_GETS = frozenset({"os.environ.get", "os.getenv", "os.environ.setdefault"})
_ENV_CLASSES = frozenset({"environ.Env", "environ.FileAwareEnv", "environ.environ.Env"})
_DECOUPLE = frozenset({"decouple.config"})
_DECOUPLE_CLASSES = frozenset({"decouple.AutoConfig", "decouple.Config"})
#: Constants of packages static mode never reads, by the name they are imported as.
KNOWN_CONSTANTS: dict[str, object] = {
    "django.db.DEFAULT_DB_ALIAS": "default", "django.db.utils.DEFAULT_DB_ALIAS": "default",
    "django.core.cache.DEFAULT_CACHE_ALIAS": "default",
}
#: Path arithmetic settings use for ``BASE_DIR``: pure, it only reads the file's own path.
_PATH_CALLS: dict[str, Callable[..., Any]] = {
    "pathlib.Path": pathlib.Path, "pathlib.PurePath": pathlib.PurePath,
    "os.path.dirname": os.path.dirname, "os.path.abspath": os.path.abspath,
    "os.path.realpath": os.path.realpath, "os.path.join": os.path.join,
    "os.path.basename": os.path.basename, "os.path.normpath": os.path.normpath,
}
_PATH_ATTRIBUTES = frozenset({"parent", "name", "stem", "suffix"})
_PATH_METHODS = frozenset({"resolve", "absolute", "joinpath", "with_name", "with_suffix"})
_TRUE_WORDS = frozenset({"y", "yes", "t", "true", "on", "1"})
_SAFE_LIMIT = 100_000  # no string or list computed here grows beyond this


class Unknown:
    """A value the source does not fix; its repr is the source text (read when shown)."""

    __slots__ = ("_text", "_module", "_node")

    def __init__(self, text: str = "", module: Module | None = None, node: ast.AST | None = None) -> None:
        self._text = text
        self._module = module
        self._node = node

    @property
    def text(self) -> str:
        if self._module is not None and self._node is not None:
            self._text, self._module = self._module.segment(self._node), None
        return self._text

    def __repr__(self) -> str:
        return self.text


class EnvReader:
    """A django-environ ``Env(...)`` or python-decouple ``AutoConfig(...)`` object."""

    __slots__ = ("kind", "scheme")

    def __init__(self, kind: str, scheme: dict[str, Any] | None = None) -> None:
        self.kind = kind
        self.scheme = scheme or {}

    def __repr__(self) -> str:
        return f"<{self.kind} reader>"


def is_known(value: Any) -> bool:
    """True when nothing inside ``value`` is :class:`Unknown` (or a reader object)."""
    if isinstance(value, Unknown | EnvReader):
        return False
    if isinstance(value, dict):
        return all(is_known(k) and is_known(v) for k, v in value.items())
    if isinstance(value, list | tuple | set | frozenset):
        return all(is_known(v) for v in value)
    return True


class Evaluator:
    """Evaluates expressions of one module against a namespace of names already bound."""

    def __init__(self, index: ModuleIndex, module: Module, namespace: dict[str, Any]) -> None:
        self.index = index
        self.module = module
        self.namespace = namespace

    def unknown(self, node: ast.AST) -> Unknown:
        return Unknown(module=self.module, node=node)

    def eval(self, node: ast.AST | None) -> Any:
        if node is None:
            return None
        try:
            value = self._eval(node)
        except (ArithmeticError, TypeError, ValueError, KeyError, IndexError, AttributeError,
                RecursionError, OverflowError):
            return self.unknown(node)
        if isinstance(value, str | list | tuple) and len(value) > _SAFE_LIMIT:
            return self.unknown(node)
        return value

    def _eval(self, node: ast.AST) -> Any:
        handler = getattr(self, f"_{type(node).__name__}", None)
        return handler(node) if handler is not None else self.unknown(node)

    # --- literals --------------------------------------------------------------------------

    def _Constant(self, node: ast.Constant) -> Any:
        return node.value

    def _List(self, node: ast.List) -> Any:
        items = self._items(node.elts)
        return items if not isinstance(items, Unknown) else self.unknown(node)

    def _Tuple(self, node: ast.Tuple) -> Any:
        items = self._items(node.elts)
        return tuple(items) if not isinstance(items, Unknown) else self.unknown(node)

    def _Set(self, node: ast.Set) -> Any:
        items = self._items(node.elts)
        if isinstance(items, Unknown) or not is_known(items):
            return self.unknown(node)
        return set(items)

    def _items(self, elements: list[ast.expr]) -> list[Any] | Unknown:
        items: list[Any] = []
        for element in elements:
            if isinstance(element, ast.Starred):
                spread = self.eval(element.value)
                if not isinstance(spread, list | tuple | set):
                    return Unknown("")
                items.extend(spread)
            else:
                items.append(self.eval(element))
        return items

    def _Dict(self, node: ast.Dict) -> Any:
        result: dict[Any, Any] = {}
        for key, value in zip(node.keys, node.values, strict=True):
            if key is None:  # ``**other``: its keys count when they are known
                spread = self.eval(value)
                if isinstance(spread, dict):
                    result.update(spread)
                continue
            key_value = self.eval(key)
            if is_known(key_value) and _hashable(key_value):
                result[key_value] = self.eval(value)
        return result

    def _JoinedStr(self, node: ast.JoinedStr) -> Any:
        parts = []
        for part in node.values:
            if isinstance(part, ast.Constant):
                parts.append(str(part.value))
                continue
            assert isinstance(part, ast.FormattedValue)
            value = self.eval(part.value)
            spec = self.eval(part.format_spec) if part.format_spec is not None else ""
            if not is_known(value) or not isinstance(spec, str):
                return self.unknown(node)
            if part.conversion == ord("r"):
                value = repr(value)
            elif part.conversion == ord("s"):
                value = str(value)
            parts.append(format(value, spec))
        return "".join(parts)

    # --- names and operators -----------------------------------------------------------------

    def _Name(self, node: ast.Name) -> Any:
        if node.id in self.namespace:
            return self.namespace[node.id]
        if node.id == "__file__":
            return str(self.module.path)
        return self._constant(node)

    def _Attribute(self, node: ast.Attribute) -> Any:
        owner = self.eval(node.value) if not _is_module_path(node.value) else None
        if isinstance(owner, pathlib.PurePath) and node.attr in _PATH_ATTRIBUTES:
            return getattr(owner, node.attr)
        return self._constant(node)

    def _constant(self, node: ast.Name | ast.Attribute) -> Any:
        dotted = self.index.qualify(self.module, node)
        if dotted in KNOWN_CONSTANTS:
            return KNOWN_CONSTANTS[dotted]
        return self.unknown(node)

    def _BinOp(self, node: ast.BinOp) -> Any:
        left, right = self.eval(node.left), self.eval(node.right)
        operation = _BINARY.get(type(node.op))
        if operation is None or not (is_known(left) and is_known(right)):
            return self.unknown(node)
        if isinstance(node.op, ast.Pow) and isinstance(right, int | float) and abs(right) > 64:
            return self.unknown(node)
        if isinstance(node.op, ast.Mult) and _too_long(left, right):
            return self.unknown(node)
        return operation(left, right)

    def _UnaryOp(self, node: ast.UnaryOp) -> Any:
        operand = self.eval(node.operand)
        if not is_known(operand):
            return self.unknown(node)
        if isinstance(node.op, ast.Not):
            return not operand
        if isinstance(node.op, ast.USub):
            return -operand
        if isinstance(node.op, ast.UAdd):
            return +operand
        return self.unknown(node)

    def _BoolOp(self, node: ast.BoolOp) -> Any:
        value: Any = None
        for operand in node.values:
            value = self.eval(operand)
            if not is_known(value):
                return self.unknown(node)
            if isinstance(node.op, ast.And) and not value:
                return value
            if isinstance(node.op, ast.Or) and value:
                return value
        return value

    def _Compare(self, node: ast.Compare) -> Any:
        left = self.eval(node.left)
        for op, comparator in zip(node.ops, node.comparators, strict=True):
            right = self.eval(comparator)
            compare = _COMPARE.get(type(op))
            if compare is None or not (is_known(left) and is_known(right)):
                return self.unknown(node)
            if not compare(left, right):
                return False
            left = right
        return True

    def _IfExp(self, node: ast.IfExp) -> Any:
        test = self.eval(node.test)
        if not is_known(test):
            return self.unknown(node)
        return self.eval(node.body if test else node.orelse)

    def _Subscript(self, node: ast.Subscript) -> Any:
        container, key = self.eval(node.value), self.eval(node.slice)
        if isinstance(container, dict | list | tuple | str) and is_known(key):
            return container[key]
        return self.unknown(node)

    def _Slice(self, node: ast.Slice) -> Any:
        return slice(self.eval(node.lower), self.eval(node.upper), self.eval(node.step))

    # --- calls -----------------------------------------------------------------------------------

    def _Call(self, node: ast.Call) -> Any:
        func = node.func
        if isinstance(func, ast.Attribute):
            owner = self.eval(func.value) if not _is_module_path(func.value) else None
            if isinstance(owner, str) and func.attr in _STRING_METHODS:
                return self._method(node, owner, func.attr)
            if isinstance(owner, EnvReader):
                return self._env_reader(node, owner, func.attr)
            if isinstance(owner, pathlib.PurePath) and func.attr in _PATH_METHODS:
                return self._call_with(node, getattr(owner, func.attr))
            if isinstance(owner, dict) and func.attr == "get":
                args = [self.eval(a) for a in node.args]
                return owner.get(*args) if is_known(args) else self.unknown(node)
        if isinstance(func, ast.Name):
            bound = self.namespace.get(func.id)
            if isinstance(bound, EnvReader):
                return self._env_reader(node, bound, None)
        dotted = self.index.qualify(self.module, func)
        return self._known_call(node, dotted or "")

    def _known_call(self, node: ast.Call, dotted: str) -> Any:
        if dotted in _ENV_GETS:
            default = call_argument(node, 1, "default")
            return self.eval(default) if default is not None else None
        if dotted in _ENV_CLASSES:
            return EnvReader("environ", {k.arg: self.eval(k.value) for k in node.keywords if k.arg})
        if dotted in _DECOUPLE_CLASSES:
            return EnvReader("decouple")
        if dotted in _DECOUPLE:
            return self._env_reader(node, EnvReader("decouple"), None)
        if dotted in _PATH_CALLS:
            return self._call_with(node, _PATH_CALLS[dotted])
        if dotted == "datetime.timedelta":
            return self._call_with(node, datetime.timedelta)
        if dotted == "decimal.Decimal":
            return self._call_with(node, decimal.Decimal)
        if dotted in _BUILTINS and dotted not in self.namespace:
            return self._call_with(node, _BUILTINS[dotted])
        return self.unknown(node)

    def _call_with(self, node: ast.Call, function: Callable[..., Any]) -> Any:
        if any(isinstance(a, ast.Starred) for a in node.args) or any(k.arg is None for k in node.keywords):
            return self.unknown(node)
        args = [self.eval(a) for a in node.args]
        kwargs = {k.arg: self.eval(k.value) for k in node.keywords if k.arg}
        if not (is_known(args) and is_known(list(kwargs.values()))):
            return self.unknown(node)
        return function(*args, **kwargs)

    def _method(self, node: ast.Call, owner: str, name: str) -> Any:
        return self._call_with(node, getattr(owner, name))

    def _env_reader(self, node: ast.Call, reader: EnvReader, method: str | None) -> Any:
        """The default an environment read falls back to, cast like the reader casts it."""
        if reader.kind == "decouple":
            default = call_argument(node, 1, "default")
            if default is None:
                return self.unknown(node)
            cast = call_argument(node, 2, "cast")
            return _cast(self.eval(default), _cast_name(cast))
        name = self.eval(call_argument(node, 0, "var"))
        position = 2 if method in (None, "get_value", "list", "tuple", "dict") else 1
        default = call_argument(node, position, "default")
        if default is not None:
            return self.eval(default)  # django-environ returns a default as written
        scheme = reader.scheme.get(name) if isinstance(name, str) else None
        if isinstance(scheme, tuple) and len(scheme) > 1:
            return scheme[1]
        return self.unknown(node)


def _cast_name(node: ast.expr | None) -> str | None:
    if isinstance(node, ast.Name):
        return node.id
    if isinstance(node, ast.Attribute):
        return node.attr
    return None


def _cast(value: Any, cast: str | None) -> Any:
    if not is_known(value) or cast is None or not isinstance(value, str):
        return value
    if cast == "bool":
        return value.strip().lower() in _TRUE_WORDS
    if cast in {"int", "float", "str"}:
        try:
            return _BUILTINS[cast](value)
        except ValueError:
            return Unknown(repr(value))
    if cast == "Csv":
        return [part.strip() for part in value.split(",") if part.strip()]
    return value


def _is_module_path(node: ast.AST) -> bool:
    """``os.environ`` in ``os.environ.get``: a module attribute, not a value to evaluate."""
    return isinstance(node, ast.Attribute) and isinstance(node.value, ast.Name) and node.value.id == "os"


def _hashable(value: Any) -> bool:
    try:
        hash(value)
    except TypeError:
        return False
    return True


def _too_long(left: Any, right: Any) -> bool:
    sizes = [len(v) for v in (left, right) if isinstance(v, str | list | tuple)]
    counts = [v for v in (left, right) if isinstance(v, int)]
    return bool(sizes and counts and sizes[0] * max(counts[0], 0) > _SAFE_LIMIT)

