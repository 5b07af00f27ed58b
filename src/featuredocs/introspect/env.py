"""EnvVarFacts: every environment variable the project's own code reads, from its AST.

Readers: ``os.environ["X"]``, ``os.environ.get``/``setdefault``, ``os.getenv``,
django-environ (``env("X")``, ``env.bool("X", default=…)``, ``environ.Env(X=(bool, False))``)
and python-decouple (``config("X", default=…, cast=bool)``). No Django here.
"""

from __future__ import annotations

import ast
from dataclasses import dataclass

from featuredocs.introspect.imports import call_argument, qualified_name, string_constant
from featuredocs.introspect.parsed import branches
from featuredocs.introspect.sources import ProjectSources, SourceFile
from featuredocs.model import EnvVarFact, SourceLocation
from featuredocs.secrets import looks_secret, mask_text

_OS_GET = {"os.environ.get": "os.environ", "os.getenv": "os.getenv",
           "os.environ.setdefault": "os.environ"}
_ENV_CLASSES = frozenset({"environ.Env", "environ.FileAwareEnv", "environ.environ.Env"})
_DECOUPLE_FUNCTIONS = frozenset({"decouple.config"})
_DECOUPLE_CLASSES = frozenset({"decouple.AutoConfig", "decouple.Config"})
#: django-environ methods whose second positional argument is the cast, not the default.
_CAST_FIRST = frozenset({"list", "tuple", "dict", "get_value"})
_VALUE_METHODS = frozenset({
    "str", "bool", "int", "float", "json", "url", "path", "bytes", "decimal", "list", "tuple",
    "dict", "get_value",
})
#: django-environ URL readers and the variable each reads when none is named.
_URL_METHODS = {
    "db": "DATABASE_URL", "db_url": "DATABASE_URL", "cache": "CACHE_URL",
    "cache_url": "CACHE_URL", "email": "EMAIL_URL", "email_url": "EMAIL_URL",
    "search_url": "SEARCH_URL", "channels": "CHANNELS_URL", "channels_url": "CHANNELS_URL",
}


@dataclass(frozen=True)
class EnvRead:
    """One place in the code that reads a variable."""

    name: str
    required: bool
    has_default: bool
    default: str | None
    cast: str | None
    reader: str
    location: SourceLocation


def collect_env_vars(sources: ProjectSources) -> tuple[EnvVarFact, ...]:
    reads: list[EnvRead] = []
    for source in sources.files:
        reads.extend(env_reads(source))
    return merge_reads(reads)


def merge_reads(reads: list[EnvRead]) -> tuple[EnvVarFact, ...]:
    """One fact per variable: required if any read is, the first default written, all places.

    Reads in settings modules come first: where a settings file and a task module both
    give a default, the settings' default is the one the project is configured with.
    """
    by_name: dict[str, list[EnvRead]] = {}
    for read in sorted(reads, key=_read_order):
        by_name.setdefault(read.name, []).append(read)
    facts = []
    for name, group in sorted(by_name.items()):
        with_default = [r for r in group if r.has_default]
        default, masked = mask_text(name, with_default[0].default if with_default else None)
        facts.append(EnvVarFact(
            name=name,
            required=any(r.required for r in group),
            has_default=bool(with_default),
            default=default,
            cast=next((r.cast for r in group if r.cast), None),
            reader=group[0].reader,
            secret=looks_secret(name) or masked,
            locations=tuple(dict.fromkeys(r.location for r in group)),
        ))
    return tuple(facts)


def _read_order(read: EnvRead) -> tuple[bool, str, int]:
    parts = read.location.path.removesuffix(".py").split("/")
    in_settings = any(part == "settings" or part.startswith("settings_") for part in parts)
    return (not in_settings, read.location.path, read.location.line)


def env_reads(source: SourceFile) -> list[EnvRead]:
    if not _may_read_env(source.names):
        return []
    return _Scanner(source).scan()


#: Every reader is reached through an import from one of these packages.
_READER_PACKAGES = frozenset({"os", "environ", "decouple"})


def _may_read_env(names: dict[str, str]) -> bool:
    """Whether the module imports a reader at all: most modules do not, and need no walk."""
    for local, dotted in names.items():
        if dotted.partition(".")[0] in _READER_PACKAGES:
            return True
        if local == "env" and dotted.endswith(".env"):
            return True
    return False


class _Scanner:
    def __init__(self, source: SourceFile) -> None:
        self.source = source
        self.names = source.names
        self.env_objects: dict[str, dict[str, tuple[str | None, ast.expr | None]]] = {}
        self.decouple_objects: set[str] = set()
        self.scheme_calls: list[ast.Call] = []
        self.reads: list[EnvRead] = []

    def scan(self) -> list[EnvRead]:
        nodes = branches(self.source.tree)
        self._find_reader_objects(nodes)
        for node in nodes:
            if isinstance(node, ast.Subscript) and isinstance(node.ctx, ast.Load):
                self._subscript(node)
            elif isinstance(node, ast.Call):
                self._call(node)
        self._scheme_only_variables()
        return self.reads

    # --- reader objects: env = environ.Env(...), config = AutoConfig(...) ----------

    def _find_reader_objects(self, nodes: list[ast.AST]) -> None:
        for node in nodes:
            if not (isinstance(node, ast.Assign) and isinstance(node.value, ast.Call)):
                continue
            kind = qualified_name(node.value.func, self.names)
            targets = [t.id for t in node.targets if isinstance(t, ast.Name)]
            if kind in _ENV_CLASSES:
                scheme = _scheme(node.value)
                for target in targets:
                    self.env_objects[target] = scheme
                self.scheme_calls.append(node.value)
            elif kind in _DECOUPLE_CLASSES:
                self.decouple_objects.update(targets)
        for local, dotted in self.names.items():
            # ``from project.settings import env``: django-environ's conventional name
            if local == "env" and dotted.endswith(".env") and local not in self.env_objects:
                self.env_objects[local] = {}

    # --- reads -------------------------------------------------------------------------

    def _subscript(self, node: ast.Subscript) -> None:
        if qualified_name(node.value, self.names) == "os.environ":
            name = string_constant(node.slice)
            if name:
                self._add(node, name, required=True, default=None, cast=None, reader="os.environ")

    def _call(self, call: ast.Call) -> None:
        func = call.func
        dotted = qualified_name(func, self.names)
        if dotted in _OS_GET:
            self._os_get(call, _OS_GET[dotted], setdefault=dotted.endswith("setdefault"))
        elif dotted in _DECOUPLE_FUNCTIONS or (
            isinstance(func, ast.Name) and func.id in self.decouple_objects
        ):
            self._decouple(call)
        elif isinstance(func, ast.Name) and func.id in self.env_objects:
            self._environ(call, func.id, method=None)
        elif (
            isinstance(func, ast.Attribute)
            and isinstance(func.value, ast.Name)
            and func.value.id in self.env_objects
        ):
            self._environ(call, func.value.id, method=func.attr)

    def _os_get(self, call: ast.Call, reader: str, setdefault: bool) -> None:
        name = string_constant(call_argument(call, 0, "key"))
        if not name:
            return
        default = call_argument(call, 1, "default")
        self._add(call, name, required=False, default=default, cast=None, reader=reader,
                  has_default=default is not None or setdefault)

    def _decouple(self, call: ast.Call) -> None:
        name = string_constant(call_argument(call, 0, "option"))
        if not name:
            return
        default = call_argument(call, 1, "default")
        cast = _cast_name(call_argument(call, 2, "cast"))
        self._add(call, name, required=default is None, default=default, cast=cast,
                  reader="decouple")

    def _environ(self, call: ast.Call, obj: str, method: str | None) -> None:
        if method is None or method == "get_value":
            name_node, cast_node, default = (call_argument(call, 0, "var"),
                                             call_argument(call, 1, "cast"),
                                             call_argument(call, 2, "default"))
            cast = _cast_name(cast_node)
        elif method in _URL_METHODS:
            name_node = call_argument(call, 0, "var")
            default = call_argument(call, 1, "default")
            cast = method
            if name_node is None:
                name_node = ast.Constant(_URL_METHODS[method])
        elif method in _VALUE_METHODS:
            name_node = call_argument(call, 0, "var")
            default = call_argument(call, 2 if method in _CAST_FIRST else 1, "default")
            cast = method
        else:
            return
        name = string_constant(name_node)
        if not name:
            return
        scheme_cast, scheme_default = self.env_objects[obj].get(name, (None, None))
        default = default if default is not None else scheme_default
        self._add(call, name, required=default is None, default=default,
                  cast=cast or scheme_cast, reader="environ")

    def _scheme_only_variables(self) -> None:
        """``Env(X=(bool, False))`` declares X even where no ``env("X")`` reads it here."""
        read = {r.name for r in self.reads}
        for call in self.scheme_calls:
            for keyword in call.keywords:
                if keyword.arg and keyword.arg not in read:
                    cast, default = _scheme_entry(keyword.value)
                    self._add(keyword.value, keyword.arg, required=default is None,
                              default=default, cast=cast, reader="environ")

    def _add(self, node: ast.AST, name: str, *, required: bool, default: ast.expr | None,
             cast: str | None, reader: str, has_default: bool | None = None) -> None:
        self.reads.append(EnvRead(
            name=name,
            required=required,
            has_default=default is not None if has_default is None else has_default,
            default=default_text(default, self.source) if default is not None else None,
            cast=cast,
            reader=reader,
            location=SourceLocation(self.source.rel, getattr(node, "lineno", 1)),
        ))


def _scheme(call: ast.Call) -> dict[str, tuple[str | None, ast.expr | None]]:
    return {k.arg: _scheme_entry(k.value) for k in call.keywords if k.arg}


def _scheme_entry(value: ast.expr) -> tuple[str | None, ast.expr | None]:
    """``(bool, False)`` → cast bool, default False; ``bool`` → cast only."""
    if isinstance(value, ast.Tuple) and value.elts:
        default = value.elts[1] if len(value.elts) > 1 else None
        return _cast_name(value.elts[0]), default
    return _cast_name(value), None


def _cast_name(node: ast.expr | None) -> str | None:
    if node is None or (isinstance(node, ast.Constant) and node.value is None):
        return None
    if isinstance(node, ast.Call):
        return _cast_name(node.func)  # decouple's ``Csv()``, ``Choices([...])``
    if isinstance(node, ast.Name):
        return node.id
    if isinstance(node, ast.Attribute):
        return node.attr
    if isinstance(node, ast.List | ast.Tuple) and node.elts:
        return _cast_name(node.elts[0])  # django-environ's ``cast=[int]``
    return ast.unparse(node)


def default_text(node: ast.expr, source: SourceFile) -> str:
    """A default as written: strings without quotes, other literals and code as source text."""
    if isinstance(node, ast.Constant):
        return node.value if isinstance(node.value, str) else repr(node.value)
    return source.segment(node)
