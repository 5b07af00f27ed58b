"""What a view's own source says about its requests and answers, read from its AST.

One reading for both modes: live mode parses the source of the imported view, static mode
hands over the nodes of the project's files. Nothing here imports Django.

- Query parameters read from ``request.GET`` / ``request.query_params``. ``request.GET["x"]``
  raises when ``x`` is missing, so a subscript read marks the parameter required; a read
  wrapped in ``int(...)``/``float(...)``/``bool(...)`` gives its type (``integer``,
  ``number``, ``boolean``: the names the DRF and ninja readers use too). Any other use of
  the query dict (handed to a form, iterated, a computed key) makes the list incomplete.
  ``.get("sort", "name")`` gives the parameter's default.
- The keys of the literal dict a view returns as ``JsonResponse({...})``, or returns as
  ``JsonResponse(data)`` after ``data = {...}`` (a body the cache kept counts as that one).
"""

from __future__ import annotations

import ast
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, replace

from featuredocs.introspect.param_defaults import literal_default
from featuredocs.introspect.parsed import branches, child_nodes, per_run
from featuredocs.model import QueryParamFact, ResponseField

_QUERY_DICTS = frozenset({"GET", "query_params"})
_READ_METHODS = frozenset({"get", "getlist", "pop", "__getitem__", "__contains__"})
# Converters wrapped around a read, to the type names every reader uses.
_CONVERTERS = {
    "int": "integer", "float": "number", "Decimal": "number", "bool": "boolean",
    "str": "string", "UUID": "string",
}
_STATUS_NAME = re.compile(r"HTTP_(\d{3})_")
_MAX_DEPTH = 6


def call_name(call: ast.Call) -> str:
    """``JsonResponse`` for ``JsonResponse(...)`` and ``http.JsonResponse(...)``."""
    func = call.func
    if isinstance(func, ast.Name):
        return func.id
    return func.attr if isinstance(func, ast.Attribute) else ""


def string_value(node: ast.AST) -> str | None:
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return node.value
    return None


# --- query parameters ------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class QueryReads:
    """What some code reads from the query string.

    ``complete`` is False when the code also uses the query dict in a way that names no
    key (``.items()``, ``dict(request.GET)``, ``SearchForm(request.GET)``, a computed key):
    it may read any parameter, so ``params`` cannot be the whole list.
    """

    params: tuple[QueryParamFact, ...] = ()
    complete: bool = True


def query_reads(
    trees: Iterable[ast.AST | None], attribute: Callable[[str], object] | None = None
) -> QueryReads:
    """Parameters read from the query string in these trees (None for a source that could
    not be read), in the order the source reads them.

    A key named by an attribute of ``self`` (``request.query_params.get(self.page_query_param)``,
    common in paginators and filter backends) is looked up with ``attribute``: a string
    names the parameter, None reads nothing (DRF's ``page_size_query_param = None``
    switches the parameter off), anything else leaves the reads incomplete.
    """
    found: dict[str, QueryParamFact] = {}
    complete = True
    for tree in trees:
        if tree is None:
            continue
        read = _reads(tree)
        complete = complete and read.complete
        named = [(param.name, param) for param in read.params]
        for param in read.self_keys:
            value = attribute(param.name) if attribute is not None else _MISSING
            if isinstance(value, str):
                named.append((value, param))
            elif value is not None:
                complete = False
        for name, param in named:
            known = found.get(name)
            if known is None:
                found[name] = param if param.name == name else replace(param, name=name)
            else:  # read several ways: required if any read requires it
                found[name] = QueryParamFact(
                    name, "request", known.type or param.type, known.required or param.required,
                    default=known.default or param.default,
                )
    return QueryReads(tuple(found.values()), complete)


#: The handlers of a ViewSet's standard routes.
STANDARD_ACTIONS = frozenset({"list", "create", "retrieve", "update", "partial_update", "destroy"})


def route_parts(
    trees: Iterable[ast.AST | None], actions: dict[str, str] | None, extra: Iterable[str],
) -> list[ast.AST | None]:
    """What of view classes' source (each a class or a module holding one) serves one
    route: for a ViewSet route (its ``actions``, method to handler), all but the methods
    that handle its other routes, standard ones or ``extra`` (its ``@action`` handlers).
    The ``stats`` action's ``request.query_params`` reads are its route's parameters, not
    the list's nor the detail's; a helper any of them may call is every route's."""
    if actions is None:
        return list(trees)
    others = (STANDARD_ACTIONS | set(extra)) - set(actions.values())
    parts: list[ast.AST | None] = []
    for tree in trees:
        body = tree.body if isinstance(tree, ast.Module) and len(tree.body) == 1 else None
        found = body[0] if body else tree
        if not isinstance(found, ast.ClassDef):
            parts.append(tree)
            continue
        parts.extend(
            statement for statement in found.body
            if not (isinstance(statement, ast.FunctionDef | ast.AsyncFunctionDef) and statement.name in others)
        )
    return parts


def class_attributes(obj: object) -> Callable[[str], object]:
    """The ``attribute`` lookup of :func:`query_reads` on a live class: a missing attribute
    is neither a string nor None, so the reads it keys stay incomplete."""
    return lambda name: getattr(obj, name, _MISSING)


_MISSING = object()


@dataclass(frozen=True, slots=True)
class _TreeReads:
    params: tuple[QueryParamFact, ...]
    complete: bool
    self_keys: tuple[QueryParamFact, ...]  # named after the attribute of ``self`` holding the key


@per_run
def _reads(tree: ast.AST) -> _TreeReads:
    """Each tree is read once per run: a view's bases and handlers serve many routes."""
    nodes = branches(tree)
    if not any(isinstance(n, ast.Attribute) and n.attr in _QUERY_DICTS for n in nodes):
        # every read goes through ``.GET`` or ``.query_params``, or a name bound to one
        return _TreeReads((), True, ())
    aliases = _query_dict_aliases(nodes)
    parents = {child: node for node in nodes for child in child_nodes(node)}
    params: list[QueryParamFact] = []
    self_keys: list[QueryParamFact] = []
    # ast.walk is breadth-first; parameters are listed in the order the source reads them.
    ordered = sorted(
        (n for n in nodes if hasattr(n, "lineno")),
        key=lambda n: (n.lineno, n.col_offset),
    )
    for node in ordered:
        read = _read_of(node, aliases)
        if read is not None:
            key, required = read
            found = params if isinstance(key, str) else self_keys
            name = key if isinstance(key, str) else key.attr
            found.append(QueryParamFact(name, "request", _converted_type(node, parents), required,
                                        default=_default_of(node)))
    # Names are leaves, never among ``nodes``: an alias is met as a child of its parent.
    uses = [n for n in parents if _is_query_dict(n, aliases) and not isinstance(n.ctx, ast.Store | ast.Del)]
    complete = all(_names_its_key(use, parents, aliases) for use in uses)
    return _TreeReads(tuple(params), complete, tuple(self_keys))


def _read_of(node: ast.AST, aliases: set[str]) -> tuple[str | ast.Attribute, bool] | None:
    """``(key, required)`` when ``node`` reads one key of the query string; the key is a
    string, or the ``self.<attribute>`` that holds it."""
    if isinstance(node, ast.Subscript) and _is_query_dict(node.value, aliases):
        key = _key(node.slice)
        if key is not None and isinstance(node.ctx, ast.Load):
            return key, True
    if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute):
        if node.func.attr in _READ_METHODS and _is_query_dict(node.func.value, aliases):
            key = _key(node.args[0]) if node.args else None
            if key is not None:
                return key, node.func.attr == "__getitem__"
    if isinstance(node, ast.Compare) and len(node.ops) == 1:
        if isinstance(node.ops[0], ast.In | ast.NotIn) and _is_query_dict(node.comparators[0], aliases):
            key = _key(node.left)
            if key is not None:
                return key, False
    return None


def _default_of(read: ast.AST) -> str | None:
    """The literal a ``.get(key, default)`` (or ``.pop``) read falls back on."""
    if not (isinstance(read, ast.Call) and isinstance(read.func, ast.Attribute) and read.func.attr in {"get", "pop"}):
        return None
    given = read.args[1] if len(read.args) > 1 else next((k.value for k in read.keywords if k.arg == "default"), None)
    return literal_default(given.value) if isinstance(given, ast.Constant) else None


def _key(node: ast.AST) -> str | ast.Attribute | None:
    text = string_value(node)
    if text is not None:
        return text
    if isinstance(node, ast.Attribute) and isinstance(node.value, ast.Name) and node.value.id == "self":
        return node
    return None


def _names_its_key(use: ast.AST, parents: dict[ast.AST, ast.AST], aliases: set[str]) -> bool:
    """Whether this use of a query dict reads one named key, or binds an alias (whose own
    uses are looked at in turn)."""
    parent = parents.get(use)
    if isinstance(parent, ast.Attribute) and parent.value is use:
        call = parents.get(parent)
        return isinstance(call, ast.Call) and call.func is parent and _read_of(call, aliases) is not None
    if isinstance(parent, ast.Subscript) and parent.value is use:
        return _read_of(parent, aliases) is not None
    if isinstance(parent, ast.Compare):
        return parent.comparators[0] is use and _read_of(parent, aliases) is not None
    if isinstance(parent, ast.Assign) and parent.value is use:
        return all(isinstance(target, ast.Name) for target in parent.targets)
    return False


def _is_query_dict(node: ast.AST, aliases: set[str]) -> bool:
    """``request.GET``, ``self.request.query_params``, or a local name bound to one."""
    if isinstance(node, ast.Attribute) and node.attr in _QUERY_DICTS:
        return True
    return isinstance(node, ast.Name) and node.id in aliases


def _query_dict_aliases(nodes: Iterable[ast.AST]) -> set[str]:
    """Local names assigned a query dict: ``params = request.query_params``."""
    aliases: set[str] = set()
    for node in nodes:
        if isinstance(node, ast.Assign) and _is_query_dict(node.value, set()):
            aliases.update(t.id for t in node.targets if isinstance(t, ast.Name))
    return aliases


def _converted_type(node: ast.AST, parents: dict[ast.AST, ast.AST]) -> str | None:
    parent = parents.get(node)
    if isinstance(parent, ast.Call) and isinstance(parent.func, ast.Name):
        if parent.func.id in _CONVERTERS and parent.args and parent.args[0] is node:
            return _CONVERTERS[parent.func.id]
    return None


# --- JsonResponse({...}) bodies ----------------------------------------------------------


@per_run
def json_response_fields(
    tree: ast.AST | None, call_names: frozenset[str] = frozenset({"JsonResponse"})
) -> tuple[ResponseField, ...] | None:
    """Keys of the literal dict the code in ``tree`` returns as ``JsonResponse({...})``.

    Error answers (``status=`` 300 or more) are set aside. Known only when every other
    such return passes a literal dict with string keys and all of them agree; anything
    else (or no tree) is unknown (None).
    """
    if tree is None:
        return None
    nodes = branches(tree)
    named = _named_literals(nodes)
    shapes: list[tuple[ResponseField, ...]] = []
    for node in nodes:
        call = node.value if isinstance(node, ast.Return) else None
        if not (isinstance(call, ast.Call) and call_name(call) in call_names):
            continue
        if _is_error_status(call):
            continue
        if call.args and isinstance(call.args[0], ast.Name):
            found = _bound_shapes(nodes, call.args[0].id, named)
            if found is None:
                return None
            shapes.extend(found)
            continue
        shape = _dict_shape(call.args[0], 0, named) if call.args else None
        if shape is None:
            return None
        shapes.append(shape)
    if not shapes or any(shape != shapes[0] for shape in shapes):
        return None
    return shapes[0]


def _bound_shapes(
    nodes: list[ast.AST], name: str, named: dict[str, ast.AST]
) -> list[tuple[ResponseField, ...]] | None:
    """The shapes of the literal dicts the code assigns to ``name`` (``data = {...}``),
    where every other value it gets is one the cache kept (``data = cache.get(key)``,
    the body an earlier run built); None for anything else."""
    if any(_changes(node, name) for node in nodes):
        return None  # ``data["extra"] = …``, ``data.update(…)``: keys the literal does not show
    shapes: list[tuple[ResponseField, ...]] = []
    for node in nodes:
        if not isinstance(node, ast.Assign | ast.AnnAssign) or node.value is None:
            continue
        targets = node.targets if isinstance(node, ast.Assign) else [node.target]
        if not any(isinstance(target, ast.Name) and target.id == name for target in targets):
            continue
        if _from_cache(node.value):
            continue
        shape = _dict_shape(node.value, 0, named)
        if shape is None:
            return None
        shapes.append(shape)
    return shapes or None


def _named_literals(nodes: list[ast.AST]) -> dict[str, ast.AST]:
    """The literal list or dict each name is given once (``rows = [{...} for m in members]``),
    for a body that puts it under a key (``{"members": rows}``)."""
    given: dict[str, list[ast.AST]] = {}
    for node in nodes:
        if isinstance(node, ast.Assign) and len(node.targets) == 1 and isinstance(node.targets[0], ast.Name):
            given.setdefault(node.targets[0].id, []).append(node.value)
    return {
        name: values[0] for name, values in given.items()
        if len(values) == 1 and isinstance(values[0], ast.Dict | ast.List | ast.ListComp)
    }


def _changes(node: ast.AST, name: str) -> bool:
    """Whether ``node`` adds to or takes from the dict ``name`` holds."""
    if isinstance(node, ast.Subscript) and isinstance(node.ctx, ast.Store | ast.Del):
        return isinstance(node.value, ast.Name) and node.value.id == name
    if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute):
        owner = node.func.value
        return isinstance(owner, ast.Name) and owner.id == name and node.func.attr in _CHANGING
    return False


_CHANGING = frozenset({"update", "setdefault", "pop", "popitem", "clear", "__setitem__"})


def _from_cache(value: ast.AST) -> bool:
    """``cache.get(key)``, ``caches["default"].get(key)``."""
    if not (isinstance(value, ast.Call) and isinstance(value.func, ast.Attribute) and value.func.attr == "get"):
        return False
    owner = value.func.value
    if isinstance(owner, ast.Subscript):
        owner = owner.value
    name = owner.id if isinstance(owner, ast.Name) else getattr(owner, "attr", "")
    return name in ("cache", "caches") or name.endswith("_cache")


def _is_error_status(call: ast.Call) -> bool:
    """``status=404``, ``status=400``…; a computed status counts as an error answer too,
    since the success body is the one a page documents."""
    for keyword in call.keywords:
        if keyword.arg == "status":
            code = _status_code(keyword.value)
            return code is None or code >= 300
    return False


def _status_code(node: ast.AST) -> int | None:
    """``201``, or DRF's ``status.HTTP_201_CREATED``."""
    if isinstance(node, ast.Constant) and isinstance(node.value, int):
        return node.value
    name = node.attr if isinstance(node, ast.Attribute) else node.id if isinstance(node, ast.Name) else ""
    match = _STATUS_NAME.match(name)
    return int(match.group(1)) if match else None


def _dict_shape(node: ast.AST, depth: int, named: dict[str, ast.AST]) -> tuple[ResponseField, ...] | None:
    if not isinstance(node, ast.Dict) or depth > _MAX_DEPTH:
        return None
    fields: list[ResponseField] = []
    for key, value in zip(node.keys, node.values, strict=True):
        if not (isinstance(key, ast.Constant) and isinstance(key.value, str)):
            return None  # ``**other`` or a computed key: the shape is not readable
        fields.append(_value_field(key.value, value, depth, named))
    return tuple(fields)


def _value_field(name: str, value: ast.AST, depth: int, named: dict[str, ast.AST]) -> ResponseField:
    if isinstance(value, ast.Name) and value.id in named:
        value = named[value.id]
    if isinstance(value, ast.Dict):
        return ResponseField(name, _dict_shape(value, depth + 1, named) or (), type="object")
    if isinstance(value, ast.List | ast.ListComp):
        element = value.elt if isinstance(value, ast.ListComp) else (value.elts[0] if value.elts else None)
        children = _dict_shape(element, depth + 1, named) if isinstance(element, ast.Dict) else None
        return ResponseField(name, children or (), many=True, type="array")
    return ResponseField(name, type=_literal_type(value))


def _literal_type(value: ast.AST) -> str | None:
    if isinstance(value, ast.Constant):
        kinds = {bool: "boolean", int: "integer", float: "number", str: "string"}
        return kinds.get(type(value.value))
    return None
