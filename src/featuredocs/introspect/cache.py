"""CacheKeyFacts: every call on Django's cache whose key the AST can read.

``cache.get(f"orders:{pk}:summary")`` gives the pattern ``orders:{}:summary``; keys built in
a local variable, a module constant or a small key function are followed (see
``resolve.py``); timeouts become seconds where they can be computed, and a timeout of None
marks an entry that never expires. No Django here: settings (live, or read statically)
come in as a lookup function.
"""

from __future__ import annotations

import ast
from collections.abc import Iterator

from featuredocs.introspect.imports import call_argument, qualified_name
from featuredocs.introspect.parsed import LEAVES, statements
from featuredocs.introspect.resolve import UNKNOWN, FunctionNode, Resolver, Scope, SettingValue
from featuredocs.introspect.sources import ProjectSources, SourceFile
from featuredocs.model import CacheKeyFact, SourceLocation

CACHE = "django.core.cache.cache"
CACHES = "django.core.cache.caches"

#: operation → (position, keyword) of the timeout argument, or None when it takes none.
_TIMEOUT_ARGUMENT: dict[str, tuple[int, str] | None] = {
    "get": None, "set": (2, "timeout"), "add": (2, "timeout"), "get_or_set": (2, "timeout"),
    "delete": None, "touch": (1, "timeout"), "incr": None, "decr": None, "has_key": None,
    "get_many": None, "set_many": (1, "timeout"), "delete_many": None,
    # django-redis
    "ttl": None, "expire": (1, "timeout"), "persist": None, "delete_pattern": None,
    "keys": None, "iter_keys": None, "lock": None,
}
_MANY = frozenset({"get_many", "set_many", "delete_many"})
#: Operations for which Django reads ``timeout=None`` as "keep until deleted".
_NONE_NEVER_EXPIRES = frozenset({"set", "add", "get_or_set", "touch", "set_many"})


def collect_cache_keys(
    sources: ProjectSources, setting_value: SettingValue | None = None
) -> tuple[CacheKeyFact, ...]:
    resolver = Resolver(sources, setting_value)
    facts: dict[tuple[str, str, SourceLocation | None], CacheKeyFact] = {}
    for source in sources.files:
        for fact in _file_keys(source, resolver):
            facts.setdefault((fact.pattern, fact.operation, fact.location), fact)
    return tuple(facts.values())


def _file_keys(source: SourceFile, resolver: Resolver) -> Iterator[CacheKeyFact]:
    # re-exports count: ``from shop.utils import cache`` where shop.utils imported Django's
    names = {local: resolver.canonical(dotted) for local, dotted in resolver.names(source).items()}
    if CACHE not in names.values() and CACHES not in names.values():
        return  # neither imported: nothing here talks to Django's cache
    cache_objects = _cache_objects(source, names)
    for call, function in _calls_with_function(source.tree):
        operation = _operation(call, names, cache_objects)
        if operation is None:
            continue
        scope = Scope(source, function, call.lineno)
        yield from _call_facts(call, operation, scope, resolver)


def _cache_objects(source: SourceFile, names: dict[str, str]) -> set[str]:
    """Local names bound to a cache: ``cache`` imports and ``x = caches["name"]``."""
    objects = {local for local, dotted in names.items() if dotted == CACHE}
    for node in statements(source.tree):
        if isinstance(node, ast.Assign) and _is_caches_item(node.value, names):
            objects.update(t.id for t in node.targets if isinstance(t, ast.Name))
    return objects


def _is_caches_item(node: ast.AST, names: dict[str, str]) -> bool:
    return isinstance(node, ast.Subscript) and qualified_name(node.value, names) == CACHES


def _calls_with_function(tree: ast.AST) -> list[tuple[ast.Call, FunctionNode | None]]:
    """Every call under ``tree`` with the function it is written in, depth first."""
    found: list[tuple[ast.Call, FunctionNode | None]] = []
    todo: list[tuple[ast.AST, FunctionNode | None]] = [(tree, None)]
    pop, push = todo.pop, todo.append
    while todo:
        node, function = pop()
        kind = type(node)
        if kind is ast.Call:
            found.append((node, function))  # type: ignore[arg-type]
        elif kind in _FUNCTIONS:
            function = node  # type: ignore[assignment]
        # Children pushed last field first, so they come off the stack in their order.
        for name in reversed(kind._fields):
            value = getattr(node, name, None)
            if value.__class__ is list:
                for child in reversed(value):
                    if isinstance(child, ast.AST) and type(child) not in LEAVES:
                        push((child, function))
            elif isinstance(value, ast.AST) and type(value) not in LEAVES:
                push((value, function))
    return found


_FUNCTIONS = (ast.FunctionDef, ast.AsyncFunctionDef, ast.Lambda)


def _operation(call: ast.Call, names: dict[str, str], cache_objects: set[str]) -> str | None:
    func = call.func
    if not isinstance(func, ast.Attribute):
        return None
    operation = func.attr
    if operation not in _TIMEOUT_ARGUMENT and operation.startswith("a"):
        operation = operation[1:]  # async twins: aget, aset, aget_or_set, …
    if operation not in _TIMEOUT_ARGUMENT:
        return None
    target = func.value
    is_cache = (
        (isinstance(target, ast.Name) and target.id in cache_objects)
        or qualified_name(target, names) == CACHE
        or _is_caches_item(target, names)
    )
    return operation if is_cache else None


def _call_facts(call: ast.Call, operation: str, scope: Scope, resolver: Resolver) -> Iterator[CacheKeyFact]:
    timeout, timeout_source, never_expires = _timeout(call, operation, scope, resolver)
    location = SourceLocation(scope.source.rel, call.lineno)
    for key in _key_nodes(call, operation, scope, resolver):
        found = _key_pattern(key, scope, resolver)
        if found is None:
            continue
        pattern, raw = found
        yield CacheKeyFact(pattern, raw, operation, timeout, timeout_source, location, never_expires)


def _key_nodes(call: ast.Call, operation: str, scope: Scope, resolver: Resolver) -> list[ast.AST]:
    keyword = "data" if operation == "set_many" else "keys" if operation in _MANY else "key"
    if operation in {"delete_pattern", "keys", "iter_keys"}:
        keyword = "pattern"
    first = call_argument(call, 0, keyword)
    if first is None:
        return []
    if operation not in _MANY:
        return [first]
    collection, _ = resolver.follow(first, scope)
    if isinstance(collection, ast.Dict):
        return [k for k in collection.keys if k is not None]
    if isinstance(collection, ast.List | ast.Tuple | ast.Set):
        return list(collection.elts)
    return []


def _key_pattern(node: ast.AST, scope: Scope, resolver: Resolver) -> tuple[str, str] | None:
    """The pattern and the source text of the expression that builds the key."""
    target, target_scope = resolver.follow(node, scope)
    pattern = resolver.pattern(target, target_scope)
    if pattern is None or not pattern.replace(UNKNOWN, "").strip(":._-/ "):
        return None  # nothing literal to match a page against
    return pattern, target_scope.source.segment(target)


def _timeout(
    call: ast.Call, operation: str, scope: Scope, resolver: Resolver
) -> tuple[int | None, str | None, bool]:
    """Seconds (None when not given or not computable), the text written, and whether the
    entry never expires."""
    argument = _TIMEOUT_ARGUMENT.get(operation)
    node = call_argument(call, *argument) if argument else None
    if node is None:
        return None, None, False
    seconds = resolver.seconds(node, scope)
    never_expires = seconds is None and operation in _NONE_NEVER_EXPIRES and resolver.is_none(node, scope)
    return (round(seconds) if seconds is not None else None), scope.source.segment(node), never_expires
