"""URL paths as pages write them: ``GET, POST /api/v1/orders/{id}/?status=paid``.

A page may spell a path parameter ``{id}``, ``<int:pk>``, ``<pk>`` or ``:id``; the project's
facts spell it ``{pk}``. Names never matter, so every parameter becomes the wildcard
segment ``{}`` before paths are compared. Offsets returned here are character offsets into
the text that was parsed, so callers can turn them into page columns.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache, lru_cache

from featuredocs.model.template import TemplateSchema

HTTP_METHODS = ("GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS")
WILDCARD = "{}"

_METHOD = "(?:" + "|".join(HTTP_METHODS) + ")"
_SEPARATOR = r"\s*(?:,|/|\||&|\band\b)\s*"
_METHODS_THEN_TARGET = re.compile(
    rf"(?P<methods>{_METHOD}(?:{_SEPARATOR}{_METHOD})*)\s+(?P<target>\S+)"
)
_ONE_METHOD = re.compile(_METHOD)
_METHOD_LIST = re.compile(rf"{_METHOD}(?:{_SEPARATOR}{_METHOD})*")
# A heading: the request, then nothing or a description after a dash, colon or bracket.
_HEADING = re.compile(rf"(?P<request>(?:{_METHOD}(?:{_SEPARATOR}{_METHOD})*\s+)?\S+)(?P<rest>.*)")
_DESCRIPTION = re.compile(r"\s*$|\s+[-—–:|]\s|\s*\(")
_TRAILING_REQUEST = re.compile(
    rf"(?:\s[-—–|]\s*|:\s*|\()(?P<request>{_METHOD}(?:{_SEPARATOR}{_METHOD})*\s+/\S*?)\)?$"
)
_REQUEST_LINE = re.compile(
    rf"\s*(?P<method>{_METHOD})\s+(?P<target>\S+)(?:\s+HTTP/\d(?:\.\d)?)?\s*"
)
_ABSOLUTE = re.compile(r"(?P<origin>https?://[A-Za-z0-9.\-]+(?::\d+)?)(?=/|$)")
# Characters a URL path may hold as pages write it, parameters included.
_PATH = re.compile(r"/[A-Za-z0-9_\-.~{}<>:%@+=,*/]*")
_QUERY_NAME = re.compile(r"[A-Za-z_][\w.\[\]-]*")
_PARAM = re.compile(r"\{[^{}/]*\}|<[^<>/]*>")
_COLON_PARAM = re.compile(r":[A-Za-z_]\w*")
_PLACEHOLDER = re.compile(r"\[|\]|\.\.\.|…")
_LAST_PARAMETER = re.compile(r"/\{[^{}/]*\}/?$")
_CATCH_ALL = re.compile(r"\{\w*(?:path|url|rest|splat)\w*\}$", re.IGNORECASE)
_VALUE = re.compile(r"\d")
# Words that stand for a value rather than being one: ``ID``, ``ORDER_ID``, ``pk``, ``order_id``.
_PLACEHOLDER_WORD = re.compile(r"[A-Z][A-Z_]*|id|pk|uuid|slug|\w*[_-]id", re.ASCII)
_ELLIPSIS = ("...", "…")
_FILE_SUFFIX = re.compile(r"\.[A-Za-z0-9]{1,5}$")

#: The template's own example endpoint (normalised); a page that keeps it keeps a placeholder.
TEMPLATE_PATHS = frozenset({"/api/feature/resource/"})


@dataclass(frozen=True, slots=True)
class Piece:
    """A part of a parsed text and where it starts (0-based character offset)."""

    text: str
    start: int


@dataclass(frozen=True, slots=True)
class Target:
    """What a request names: its methods (none for a bare path), path and query names."""

    methods: tuple[Piece, ...]
    path: Piece
    query: tuple[Piece, ...] = ()
    absolute: bool = False  # written with scheme and host (or, in a request, a Host header)


@dataclass(frozen=True, slots=True)
class PathShape:
    """A path split into segments, parameters as :data:`WILDCARD`."""

    segments: tuple[str, ...]
    trailing_slash: bool

    @property
    def text(self) -> str:
        if not self.segments:
            return "/"
        return "/" + "/".join(self.segments) + ("/" if self.trailing_slash else "")

    def with_slash(self, trailing_slash: bool) -> PathShape:
        return PathShape(self.segments, trailing_slash)


# --- reading ----------------------------------------------------------------------------------


def parse_request(text: str, *, bare: bool = False) -> Target | None:
    """``GET /path?x=1`` (the whole of ``text``), or a bare ``/path`` when ``bare``."""
    stripped = text.strip()
    offset = len(text) - len(text.lstrip())
    match = _METHODS_THEN_TARGET.fullmatch(stripped)
    if match is None:
        return parse_target(stripped, offset, ()) if bare else None
    methods = tuple(
        Piece(m.group(), offset + match.start("methods") + m.start())
        for m in _ONE_METHOD.finditer(match.group("methods"))
    )
    return parse_target(match.group("target"), offset + match.start("target"), methods)


def parse_heading(text: str, *, bare: bool = False) -> Target | None:
    """``GET, POST /api/v1/orders/ — list and create``, or a title that ends in one:
    ``List orders: GET /api/v1/orders/``, ``List orders (GET /api/v1/orders/)``.
    A bare path only when ``bare``."""
    match = _HEADING.fullmatch(text.strip())
    if match is not None and _DESCRIPTION.match(match.group("rest")):
        request = match.group("request")
        return parse_request(request, bare=bare and request.startswith("/"))
    trailing = _TRAILING_REQUEST.search(text.strip())
    return parse_request(trailing.group("request")) if trailing else None


def parse_methods(text: str) -> tuple[Piece, ...] | None:
    """``GET``, ``GET, POST``, ``GET / PATCH``: the whole of ``text`` names methods."""
    stripped = text.strip()
    if not _METHOD_LIST.fullmatch(stripped):
        return None
    offset = len(text) - len(text.lstrip())
    return tuple(Piece(m.group(), offset + m.start()) for m in _ONE_METHOD.finditer(stripped))


def parse_request_line(line: str) -> Target | None:
    """An HTTP request line: ``GET /api/v1/orders/?status=paid HTTP/1.1``."""
    match = _REQUEST_LINE.fullmatch(line)
    if match is None:
        return None
    method = Piece(match.group("method"), match.start("method"))
    return parse_target(match.group("target"), match.start("target"), (method,))


def parse_target(text: str, start: int, methods: tuple[Piece, ...]) -> Target | None:
    """A request target: ``/path?query#fragment`` or ``https://host/path?query``."""
    absolute = _ABSOLUTE.match(text)
    skip = absolute.end() if absolute else 0
    rest = text[skip:] or ("/" if absolute else "")
    path_text, _, query_text = rest.split("#", 1)[0].partition("?")
    if not _PATH.fullmatch(path_text) or path_text.startswith("//"):
        return None
    path = Piece(path_text, start + skip)
    query_start = start + skip + len(path_text) + 1
    return Target(methods, path, _query_names(query_text, query_start), absolute is not None)


def _query_names(query: str, start: int) -> tuple[Piece, ...]:
    names: list[Piece] = []
    offset = start
    for part in query.split("&"):
        name = part.split("=", 1)[0]
        if _QUERY_NAME.fullmatch(name):
            names.append(Piece(name, offset))
        offset += len(part) + 1
    return tuple(names)


def placeholder_paths(schema: TemplateSchema | None) -> frozenset[str]:
    """The template's example paths, normalised: its endpoint headings and request lines."""
    if _placeholder_cache and _placeholder_cache[0][0] is schema:
        return _placeholder_cache[0][1]
    paths = set(TEMPLATE_PATHS)
    if schema is not None:
        titles = [child.title for spec in schema.sections for child in spec.children if child.shape]
        for text in (*titles, *schema.fillers):
            target = parse_request(text) or parse_request_line(text)
            if target is not None:
                paths.add(shape(target.path.text).text)
    _placeholder_cache[:] = [(schema, frozenset(paths))]
    return _placeholder_cache[0][1]


# One run reads one template: its placeholders are computed once, not once per page.
_placeholder_cache: list[tuple[TemplateSchema | None, frozenset[str]]] = []


# --- shapes -----------------------------------------------------------------------------------


@lru_cache(maxsize=8192)  # a thousand pages write the same few hundred paths
def shape(path: str) -> PathShape:
    """``/api/v1/orders/<int:pk>/`` -> segments ``api, v1, orders, {}`` with a slash."""
    parts = path.split("/")[1:]
    trailing_slash = bool(parts) and parts[-1] == ""
    segments = tuple(_segment(part) for part in (parts[:-1] if trailing_slash else parts))
    return PathShape(segments, trailing_slash or not segments)


def _segment(part: str) -> str:
    if _COLON_PARAM.fullmatch(part):
        return WILDCARD
    return _PARAM.sub(WILDCARD, part)


@lru_cache(maxsize=8192)  # asked of every claim, of the same few hundred paths
def is_placeholder(path: str, placeholders: frozenset[str] = TEMPLATE_PATHS) -> bool:
    """The template's example path, or a path with ``[...]``/``...`` left in it.

    ``placeholders`` are normalised (:func:`shape` ``.text``), as the template's are.
    """
    if _PLACEHOLDER.search(path):
        return True
    return shape(path).text in placeholders


def looks_like_file(path: str) -> bool:
    """``/var/log/shop.log``, ``/static/app.css``: a file, not an endpoint."""
    last = path.rstrip("/").rsplit("/", 1)[-1]
    return bool(_FILE_SUFFIX.search(last)) and not path.endswith("/")


# --- matching ---------------------------------------------------------------------------------


def match_score(
    documented: PathShape, real: PathShape, *, catch_all: bool = False, words: bool = True
) -> int | None:
    """How well a documented path matches a real one: the number of literal segments
    that agree, or None when it does not match at all.

    A documented literal matches a real parameter (``/orders/7/`` is ``/orders/{pk}/``),
    a documented parameter matches only a real parameter. Without ``words``, only a
    literal that looks like a value (it has a digit: ``7``, ``SO-2025-1``) stands for a
    parameter: in a heading, ``/products/stock/`` names a route, not a product; a
    placeholder (``ID``, ``PRODUCT_ID``, ``pk``) always stands for one. With
    ``catch_all`` (a real path ending in a ``<path:rest>`` parameter) the last segment
    takes every remaining one; such a match scores -1, below every ordinary match.
    """
    if documented.trailing_slash == real.trailing_slash:
        score = _aligned_score(documented.segments, real.segments, words)
        if score is not None:
            return score
    size = len(real.segments)
    if catch_all and len(documented.segments) > size:
        if _aligned_score(documented.segments[:size], real.segments, words) is not None:
            return -1
    return None


def _aligned_score(doc: tuple[str, ...], fact: tuple[str, ...], words: bool) -> int | None:
    if len(doc) != len(fact):
        return None
    score = 0
    for written, actual in zip(doc, fact, strict=True):
        if written == actual:
            score += WILDCARD not in written
        elif WILDCARD in written or not segment_pattern(actual).fullmatch(written):
            return None
        elif not words and not (is_value(written) or is_placeholder_value(written)):
            return None
    return score


def is_catch_all(path: str, converters: tuple[str, ...] = ()) -> bool:
    """``/files/{rest}``: a last segment that is one parameter taking the rest of the URL,
    as its ``path`` converter says (``<path:rest>``) or else its name (``{path}``); any
    other (``/items/{item_id}``) matches exactly one segment.
    """
    if converters and converters[-1] == "path" and _LAST_PARAMETER.search(path):
        return True
    return _CATCH_ALL.search(path) is not None


@cache
def segment_pattern(segment: str) -> re.Pattern[str]:
    """What a real segment with a parameter (``{}``, ``v{}.json``) accepts written in its place."""
    return re.compile("[^/]+".join(re.escape(part) for part in segment.split(WILDCARD)))


def is_value(segment: str) -> bool:
    """``7``, ``SO-2025-1``: a written segment that reads as a parameter's value."""
    return _VALUE.search(segment) is not None


def is_placeholder_value(written: str, names: tuple[str, ...] = ()) -> bool:
    """``{id}``, ``ID``, ``PRODUCT_ID``, ``pk``, ``…``, or the parameter's own name
    (``names``): a written segment that names a parameter rather than giving its value."""
    if WILDCARD in written or any(ellipsis in written for ellipsis in _ELLIPSIS):
        return True
    if _PLACEHOLDER_WORD.fullmatch(written):
        return True
    return any(written.lower() == name.lower() for name in names)


def is_under(path: PathShape, prefix: PathShape) -> bool:
    """``/api/v1/orders/{}/`` is under ``/api/v1/orders/`` (segment by segment)."""
    size = len(prefix.segments)
    return len(path.segments) >= size and path.segments[:size] == prefix.segments


def common_prefix(paths: Iterable[PathShape]) -> PathShape | None:
    shapes = list(paths)
    if not shapes:
        return None
    first = shapes[0].segments
    size = min(len(s.segments) for s in shapes)
    for other in shapes[1:]:
        size = next((i for i in range(size) if other.segments[i] != first[i]), size)
    return PathShape(first[:size], True)
