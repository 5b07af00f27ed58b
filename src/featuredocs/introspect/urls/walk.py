"""One recursive walk over the URL resolver: every reachable pattern with its joined path.

Route fragments (``path()``) and regex fragments (``re_path()``) are normalised one by one
and joined, so ``path("api/v2/", include(router.urls))`` and the router's
``^orders/(?P<pk>[^/.]+)/$`` become ``/api/v2/orders/{pk}/``.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, replace
from typing import Any

from django.urls import URLPattern, URLResolver, get_resolver
from django.utils.regex_helper import normalize

from featuredocs.introspect.path_converters import ROUTE_PARAM, regex_converters, route_converters

_NORMALIZED_PARAM = re.compile(r"%\((?P<name>[^)]+)\)s")
# ``/?`` at the end of a regex means "slash optional"; ``normalize`` would drop it.
_OPTIONAL_TRAILING_SLASH = re.compile(r"/\?(\$|\\Z)?$")
FORMAT_PARAM = "format"
_FORMAT_SUFFIX = re.compile(r"\.?\{" + FORMAT_PARAM + r"\}/?$")


@dataclass(frozen=True, slots=True)
class RouteEntry:
    """A URL pattern reached by the walk, with its full normalised path."""

    path: str  # "/api/v2/orders/{pk}/"
    path_params: tuple[str, ...]
    name: str | None  # "api:order-detail"
    callback: Callable[..., Any]
    path_converters: tuple[str, ...] = ()  # see ``EndpointFact``
    format_suffix: bool = False  # ``path.json`` resolves too (see ``EndpointFact``)


@dataclass(frozen=True, slots=True)
class _Fragment:
    text: str
    params: tuple[str, ...]
    converters: tuple[str, ...] = ()  # one per parameter: ``int``, or a group's regex


def walk_urls(urlconf: str | None = None) -> tuple[list[RouteEntry], list[str]]:
    """Every pattern of the URLconf (first wins per path) and the include() mount prefixes.

    Format-suffix routes (``orders.{format}/``, from DRF's ``format_suffix_patterns`` or a
    ``DefaultRouter``) are not entries of their own: the route they repeat is marked
    ``format_suffix``, so ``/orders.json`` is known to resolve. Prefixes come longest first.
    """
    entries: dict[str, RouteEntry] = {}
    prefixes: set[str] = set()
    suffixed: set[str] = set()
    for entry in _walk(get_resolver(urlconf).url_patterns, (), (), prefixes):
        if FORMAT_PARAM in entry.path_params:
            suffixed.add(without_format_suffix(entry.path))
            continue
        entries.setdefault(entry.path, entry)
    for path, entry in entries.items():
        if path.rstrip("/") in suffixed:
            entries[path] = replace(entry, format_suffix=True)
    ordered_prefixes = sorted(
        (p for p in prefixes if p != "/" and "{" + FORMAT_PARAM + "}" not in p),
        key=lambda p: (-len(p), p),
    )
    return list(entries.values()), ordered_prefixes


def without_format_suffix(path: str) -> str:
    """``/orders/{pk}`` for ``/orders/{pk}.{format}/``, without its trailing slash."""
    return _FORMAT_SUFFIX.sub("", path).rstrip("/")


def _walk(
    patterns: Any,
    fragments: tuple[_Fragment, ...],
    namespaces: tuple[str, ...],
    prefixes: set[str],
) -> Iterator[RouteEntry]:
    for pattern in patterns:
        fragment = _fragment(pattern.pattern)
        joined = (*fragments, fragment)
        if isinstance(pattern, URLResolver):
            inner_namespaces = (*namespaces, pattern.namespace) if pattern.namespace else namespaces
            prefixes.add(_join(joined)[0])
            yield from _walk(pattern.url_patterns, joined, inner_namespaces, prefixes)
        elif isinstance(pattern, URLPattern):
            path, params, converters = _join(joined)
            yield RouteEntry(path, params, _qualified_name(pattern.name, namespaces), pattern.callback,
                             path_converters=converters)


def normalised_path(patterns: Iterable[Any]) -> tuple[str, tuple[str, ...], tuple[str, ...]]:
    """The path, parameter names and their converters matched by ``patterns`` (outermost
    first) joined.

    Each item is a ``RoutePattern``/``RegexPattern`` (``URLPattern.pattern``) or anything
    whose ``str()`` is its literal prefix.
    """
    return _join(tuple(_fragment(pattern) for pattern in patterns))


def _qualified_name(name: str | None, namespaces: tuple[str, ...]) -> str | None:
    if not name:
        return None
    return ":".join((*namespaces, name))


def _join(fragments: tuple[_Fragment, ...]) -> tuple[str, tuple[str, ...], tuple[str, ...]]:
    """Concatenate fragments as Django does, numbering unnamed groups ``arg1``, ``arg2``…"""
    text = "".join(f.text for f in fragments)
    params: list[str] = []
    unnamed = 0

    def rename(match: re.Match[str]) -> str:
        nonlocal unnamed
        name = match.group("name")
        if name.startswith("_") and name[1:].isdigit():
            unnamed += 1
            name = f"arg{unnamed}"
        params.append(name)
        return "{" + name + "}"

    path = "/" + _NORMALIZED_PARAM.sub(rename, text).replace("%%", "%").lstrip("/")
    converters = tuple(c for f in fragments for c in f.converters)
    if len(converters) != len(params):  # a fragment whose parameters could not all be read
        converters = ("",) * len(params)
    return path, tuple(params), converters


def _fragment(pattern: Any) -> _Fragment:
    """One pattern's text with parameters as ``%(name)s``, whatever kind of pattern it is."""
    route = getattr(pattern, "_route", None)
    if isinstance(route, str):
        return _route_fragment(route)
    regex = getattr(pattern, "_regex", None)
    if isinstance(regex, str):
        return _regex_fragment(regex)
    # LocalePrefixPattern and third-party pattern classes: their text is their prefix.
    return _Fragment(str(pattern).replace("%", "%%"), ())


def _route_fragment(route: str) -> _Fragment:
    names: list[str] = []

    def replace(match: re.Match[str]) -> str:
        names.append(match.group("name"))
        return "%(" + match.group("name") + ")s"

    text = ROUTE_PARAM.sub(replace, route.replace("%", "%%"))
    return _Fragment(text, tuple(names), route_converters(route))


def _regex_fragment(regex: str) -> _Fragment:
    regex = _OPTIONAL_TRAILING_SLASH.sub("/", regex)
    try:
        possibilities = normalize(regex)
    except (ValueError, NotImplementedError):
        return _Fragment(regex.strip("^$").replace("%", "%%"), ())
    if not possibilities:
        return _Fragment("", ())
    # Optional groups give several spellings; the one naming the most parameters is the
    # full route (``(?:page-(?P<n>\d+)/)?`` -> ``page-{n}/`` rather than ``""``).
    text, params = max(possibilities, key=lambda p: (len(p[1]), len(p[0])))
    return _Fragment(text, tuple(params), regex_converters(regex, params))
