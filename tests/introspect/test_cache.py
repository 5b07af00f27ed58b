"""Cache keys of every style found in the AST, reduced to patterns, with timeouts."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

from featuredocs.introspect.cache import collect_cache_keys
from featuredocs.introspect.static import collect_static
from featuredocs.introspect.resolve import format_pattern, percent_pattern
from featuredocs.model import CacheKeyFact, SourceLocation
from tests.introspect.source_tree import source_tree
from tests.support.django_project import make_project

KEYS = '''
SUMMARY_PREFIX = "orders"
WEEK = 60 * 60 * 24 * 7


def cart_key(user_id):
    return f"cart:{user_id}:items"
'''

SERVICES = '''
from datetime import timedelta

from django.conf import settings
from django.core.cache import cache, caches

from shop.keys import WEEK, cart_key

TTL = 60 * 15
STATS_KEY = "stats:daily"


def summary_key(pk):
    return f"orders:{pk}:summary"


def read(order, user, pk):
    cache.get(f"orders:{order.pk}:summary")
    cache.set("orders:%s:items" % pk, [], 300)
    cache.set("orders:{}:total".format(pk), 0, timeout=TTL)
    key = f"user:{user.id}:profile"
    cache.add(key, {}, timedelta(hours=1))
    cache.get_or_set(summary_key(pk), dict, settings.SUMMARY_TTL)
    caches["sessions"].delete("session:" + str(pk))
    cache.set_many({"flags:a": 1, "flags:b": 2}, timeout=None)
    cache.touch(key, timeout=int(timedelta(days=1).total_seconds()))
    cache.set(STATS_KEY, 1, WEEK)
    cache.set(cart_key(user.id), [], settings.CART_TTL)
    cache.set(f"{settings.CACHE_NAMESPACE}:banner", "", 2 * TTL)
    cache.get_many(["rates:eur", "rates:usd"])
    cache.set("report", 1, timeout=compute_timeout())
    hits = caches["default"]
    hits.incr("counter:hits")


async def aread(pk):
    await cache.aget(f"orders:{pk}:summary")


def unknown(key):
    cache.get(key)             # a parameter: nothing to match a page against
    {}.get("orders:1")         # not a cache
'''

NOT_DJANGO = '''
cache = {}

def lookup():
    return cache.get("not:a:django:cache")
'''

SETTINGS = {"SUMMARY_TTL": timedelta(minutes=15), "CART_TTL": 120, "CACHE_NAMESPACE": "v2"}


def keys(tmp_path: Path) -> list[CacheKeyFact]:
    sources = source_tree(tmp_path, {
        "shop/__init__.py": "",
        "shop/keys.py": KEYS,
        "shop/services.py": SERVICES,
        "shop/other.py": NOT_DJANGO,
        "shop/utils.py": "from django.core.cache import cache as default_cache\n",
        "shop/reexported.py": (
            "from shop.utils import default_cache\n"
            "default_cache.set('reexported:key', 1, 5)\n"
        ),
    })
    return list(collect_cache_keys(sources, SETTINGS.__getitem__))


def by_line(facts: list[CacheKeyFact], line: int) -> list[CacheKeyFact]:
    return [f for f in facts if f.location == SourceLocation("shop/services.py", line)]


def one(facts: list[CacheKeyFact], line: int) -> CacheKeyFact:
    found = by_line(facts, line)
    assert len(found) == 1, (line, found)
    return found[0]


def test_string_shapes_become_patterns(tmp_path: Path) -> None:
    facts = keys(tmp_path)
    fstring = one(facts, 17)
    assert (fstring.pattern, fstring.raw, fstring.operation) == (
        "orders:{}:summary", 'f"orders:{order.pk}:summary"', "get")
    assert one(facts, 18).pattern == "orders:{}:items"
    assert one(facts, 19).pattern == "orders:{}:total"
    assert one(facts, 23).pattern == "session:{}" and one(facts, 23).operation == "delete"
    assert one(facts, 32).pattern == "counter:hits" and one(facts, 32).operation == "incr"


def test_keys_followed_through_names_and_functions(tmp_path: Path) -> None:
    facts = keys(tmp_path)
    local = one(facts, 21)
    assert local.pattern == "user:{}:profile" and local.raw == 'f"user:{user.id}:profile"'
    function = one(facts, 22)
    assert function.pattern == "orders:{}:summary" and function.operation == "get_or_set"
    assert one(facts, 26).pattern == "stats:daily"
    assert one(facts, 27).pattern == "cart:{}:items"  # a key function in another module
    assert one(facts, 28).pattern == "v2:banner"  # a live setting inside an f-string


def test_timeouts_in_seconds(tmp_path: Path) -> None:
    facts = keys(tmp_path)
    assert (one(facts, 18).timeout, one(facts, 18).timeout_source) == (300, "300")
    assert (one(facts, 19).timeout, one(facts, 19).timeout_source) == (900, "TTL")
    assert one(facts, 21).timeout == 3600
    assert (one(facts, 22).timeout, one(facts, 22).timeout_source) == (900, "settings.SUMMARY_TTL")
    assert one(facts, 25).timeout == 86400
    assert one(facts, 26).timeout == 604800  # a constant imported from another module
    assert one(facts, 27).timeout == 120
    assert one(facts, 28).timeout == 1800
    report = one(facts, 30)
    assert report.timeout is None and report.timeout_source == "compute_timeout()"
    assert one(facts, 17).timeout is None and one(facts, 17).timeout_source is None


def test_many_keys_and_async_calls(tmp_path: Path) -> None:
    facts = keys(tmp_path)
    many = by_line(facts, 24)
    assert sorted(f.pattern for f in many) == ["flags:a", "flags:b"]
    assert all(f.operation == "set_many" and f.timeout_source == "None" for f in many)
    assert sorted(f.pattern for f in by_line(facts, 29)) == ["rates:eur", "rates:usd"]
    awaited = [f for f in facts if f.location == SourceLocation("shop/services.py", 36)]
    assert [(f.pattern, f.operation) for f in awaited] == [("orders:{}:summary", "get")]


def test_unknown_keys_and_other_objects_are_left_out(tmp_path: Path) -> None:
    facts = keys(tmp_path)
    assert not by_line(facts, 40) and not by_line(facts, 41)
    assert not any(str(f.location).startswith("shop/other.py") for f in facts)
    assert not any(f.pattern == "report" and f.timeout for f in facts)


def test_pattern_helpers() -> None:
    assert percent_pattern("a:%s:%(kind)s:%05d:100%%") == "a:{}:{}:{}:100%"
    assert format_pattern("a:{}:{pk}:{0!r:>4}") == "a:{}:{}:{}"


def test_a_cache_re_exported_by_a_project_module(tmp_path: Path) -> None:
    [fact] = [f for f in keys(tmp_path) if str(f.location).startswith("shop/reexported.py")]
    assert (fact.pattern, fact.timeout) == ("reexported:key", 5)
    assert fact.location == SourceLocation("shop/reexported.py", 2)


FOREVER = '''
from django.conf import settings
from django.core.cache import cache

FOREVER = None


def store(timeout):
    cache.set("kept:literal", 1, None)
    cache.add("kept:constant", 1, timeout=FOREVER)
    cache.set("kept:setting", 1, settings.KEEP_TTL)
    cache.get_or_set("kept:later", dict, timeout=None)
    cache.set("unknown:setting", 1, settings.NOT_A_SETTING)
    cache.set("unknown:parameter", 1, timeout)
    cache.set("unknown:call", 1, compute_timeout())
    cache.set("default:timeout", 1)
    cache.expire("redis:expire", None)
    cache.set("short:lived", 1, 60)
'''


def test_a_timeout_of_none_marks_an_entry_that_never_expires(tmp_path: Path) -> None:
    sources = source_tree(tmp_path, {"shop/__init__.py": "", "shop/forever.py": FOREVER})
    facts = collect_cache_keys(sources, {"KEEP_TTL": None}.__getitem__)
    forever = {f.pattern: f for f in facts}
    assert {p for p, f in forever.items() if f.never_expires} == {
        "kept:literal", "kept:constant", "kept:setting", "kept:later",
    }
    assert (forever["kept:constant"].timeout, forever["kept:constant"].timeout_source) == (None, "FOREVER")
    assert forever["short:lived"].timeout == 60 and not forever["short:lived"].never_expires


def test_never_expires_in_the_facts_of_a_project(tmp_path: Path) -> None:
    facts = keys(tmp_path)
    assert all(f.never_expires for f in by_line(facts, 24))  # set_many(..., timeout=None)
    assert not any(f.never_expires for f in facts if f.location != SourceLocation("shop/services.py", 24))


def test_live_and_static_modes_agree_on_entries_that_never_expire(tmp_path: Path) -> None:
    project = make_project(
        tmp_path,
        apps={"catalog": {"views.py": FOREVER}},
        settings="KEEP_TTL = None\n",
    )
    live, static = project.facts(), collect_static(project.root)
    kept = {f.pattern for f in live.cache_keys if f.never_expires}
    assert kept == {"kept:literal", "kept:constant", "kept:setting", "kept:later"}
    assert static.cache_keys == live.cache_keys


def test_calls_are_met_depth_first_in_field_order_with_the_function_around_them() -> None:
    import ast

    from featuredocs.introspect.cache import _calls_with_function

    tree = ast.parse(
        "@deco(a())\n"
        "def outer(x=default()):\n"
        "    cache.get(key(1), f(g(2)))\n"
        "    inner = lambda: h()\n"
        "    class Local:\n"
        "        value = i()\n"
        "top(j(), k=[l(), m()])\n"
    )

    def expected(node: ast.AST, function: ast.AST | None) -> list[tuple[ast.AST, ast.AST | None]]:
        found = [(node, function)] if isinstance(node, ast.Call) else []
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef | ast.Lambda):
            function = node
        for child in ast.iter_child_nodes(node):
            found.extend(expected(child, function))
        return found

    assert _calls_with_function(tree) == expected(tree, None)
    assert [ast.unparse(call.func) for call, _ in _calls_with_function(tree)][:3] == ["default", "cache.get", "key"]


def test_a_key_pattern_and_a_timeout_kept_in_a_dict_setting(tmp_path: Path) -> None:
    sources = source_tree(tmp_path, {
        "library/__init__.py": "",
        "library/api.py": (
            "from django.conf import settings\n"
            "from django.core.cache import cache\n"
            "\n"
            "def availability(pk, branch):\n"
            '    key = settings.LIBRARY_CACHE["availability_key"].format(book_id=pk, branch=branch)\n'
            '    cache.set(key, 1, timeout=settings.LIBRARY_CACHE["availability_ttl"])\n'
            '    cache.get(settings.LIBRARY_CACHE["missing"])\n'
        ),
    })
    setting = {"LIBRARY_CACHE": {"availability_key": "library:availability:{book_id}:{branch}", "availability_ttl": 60}}
    (fact,) = collect_cache_keys(sources, setting.__getitem__)
    assert (fact.pattern, fact.timeout, fact.location.line) == ("library:availability:{}:{}", 60, 6)
