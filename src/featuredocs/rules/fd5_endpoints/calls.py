"""Calls of an endpoint in example code: ``curl``, HTTPie, ``requests``/``httpx`` and ``fetch``.

- ``curl [options] URL``: the method from ``-X``/``--request``, else ``HEAD`` for ``-I``,
  ``GET`` for ``-G``, ``POST`` when data is sent (``-d``, ``--json``, ``-F``), else ``GET``.
  With ``-G`` the ``name=value`` data items are query parameters.
- ``http [METHOD] URL [items]`` (HTTPie, also ``https`` and ``xh``): without a method,
  ``POST`` when a data item is given (``name=value``, ``n:=1``, ``file@path``), else ``GET``;
  ``:8000/path`` is localhost's. A ``name==value`` item is a query parameter.
- ``requests.get("URL")`` and the like, in Python, on one line or over several, with the
  keys of a ``params={…}`` dict it passes as query parameters; ``fetch("URL", {method:
  "POST"})`` in JavaScript.

Shell blocks are read by :mod:`featuredocs.rules.shell`, as for management commands:
prompts, ``\\`` continuations, quotes and comments, and each command of a ``&&``/``;``/``|``
chain.

A URL counts with a literal path: ``https://host/path``, ``localhost:8000/path``, or a
base left to a variable (``$BASE/path``, ``f"{BASE}/path"``, ``${API}/path``). Such a
call is read like a URL with a host: it is the project's only when its path starts like
one of the project's routes (``curl https://api.stripe.com/v1/charges`` is not). A
site-relative ``fetch("/api/…")`` is the site's own, and always judged.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from functools import lru_cache, partial

from featuredocs.model import CodeBlock, Page, Span
from featuredocs.rules.fd5_endpoints.declarations import ClaimKind, EndpointClaim, Word
from featuredocs.rules.fd5_endpoints.paths import HTTP_METHODS, is_placeholder, parse_target
from featuredocs.rules.fd5_endpoints.places import code_line_span
from featuredocs.rules.shell import (
    SHELL_LANGUAGES,
    RawWord,
    first_command_word,
    logical_lines,
    scan,
    simple_commands,
    value_offsets,
)

_PYTHON = frozenset({"", "python", "py", "python3", "pycon"})
_SCRIPT = frozenset({"", "js", "javascript", "ts", "typescript", "jsx", "tsx"})
_CODE_LANGUAGES = _PYTHON | _SCRIPT  # the blocks read for calls in code (see _code_calls)
_HTTPIE = frozenset({"http", "https", "xh", "xhs"})
_CURL_DATA = re.compile(r"-d|--data(?:-raw|-binary|-urlencode|-ascii)?|--json|-F|--form|-T|--upload-file")
# A URL as a shell word: scheme and host, host and port, HTTPie's ``:port``, or a variable.
_URL = re.compile(
    r"(?:https?://[^/\s]+|[A-Za-z0-9.-]+:\d+|:\d*|\$\{?\w+\}?|\{\w+\})(?P<path>/\S*)"
)
_HTTPIE_DATA = re.compile(r"[\w.\[\]-]+(?::=|=|@)")
_HTTPIE_QUERY = re.compile(r"(?P<name>[\w.\[\]-]+)==")
_CURL_QUERY = re.compile(r"(?P<name>[A-Za-z_][\w.\[\]-]*)=")
_RECEIVERS = ("requests", "httpx", "session", "client")
_LIBRARY_CALL = re.compile(
    r"\b(?:requests|httpx|session|client)\.(?P<method>get|post|put|patch|delete|head|options)\(\s*"
    r"(?:url\s*=\s*)?[rbf]*(?P<quote>[\"'])(?P<url>[^\"'\n]*)(?P=quote)"
)
_PARAMS = re.compile(r"\bparams\s*=\s*\{(?P<items>[^{}]*)\}")
_PARAMS_KEY = re.compile(r"(?P<quote>[\"'])(?P<name>[\w.\[\]-]+)(?P=quote)\s*:")
_FETCH = re.compile(r"\bfetch\(\s*(?P<quote>[\"'`])(?P<url>[^\"'`]*)(?P=quote)")
_FETCH_METHOD = re.compile(r"\bmethod\s*:\s*[\"'`](?P<method>\w+)[\"'`]")

#: The page span of the characters from ``start`` to ``end`` of the text a call was read from.
_Place = Callable[[int, int], Span]


@dataclass(frozen=True, slots=True)
class _Call:
    """A call found in a shell command line or a line of code: its method and URL, with
    offsets into that text of where each character of them is written."""

    method: str
    method_at: tuple[int, ...]  # empty when the method is implied
    url: str
    url_at: tuple[int, ...]
    relative: bool = False  # a site-relative URL (``fetch("/api/…")``)
    params: tuple[tuple[str, tuple[int, ...]], ...] = ()  # query parameters given apart from the URL


def call_claims(page: Page, placeholders: frozenset[str]) -> Iterator[EndpointClaim]:
    """Every call of an endpoint in the page's example code."""
    for code in page.code_blocks:
        for place, call in _placed_calls(page, code):
            claim = _claim(call, place)
            if claim is not None and not is_placeholder(claim.path.text, placeholders):
                yield claim


def _placed_calls(page: Page, code: CodeBlock) -> Iterator[tuple[_Place, _Call]]:
    if code.language in SHELL_LANGUAGES and _may_call(code.text):
        for line in logical_lines(page, code):
            for call in _shell_calls(line.text):
                yield line.span, call
    in_code = _code_calls(code.language, code.text) if code.language in _CODE_LANGUAGES else ()
    if in_code:
        lines = code.text.splitlines()
        for index, call in in_code:
            yield partial(_code_line_place, page, code, lines, index), call


def _code_line_place(
    page: Page, code: CodeBlock, lines: list[str], index: int, start: int, end: int
) -> Span:
    """The span of ``start``..``end``, counted from the start of the ``index``-th line of
    the block, which may lie on a later line: a call written over several."""
    while index < len(lines) - 1 and start > len(lines[index]):
        start, end = start - len(lines[index]) - 1, end - len(lines[index]) - 1
        index += 1
    return code_line_span(page, code, index, start, end - start, lines)


def _claim(call: _Call, place: _Place) -> EndpointClaim | None:
    found = _URL.match(call.url) if not call.relative else None
    start = found.start("path") if found is not None else 0
    if found is None and not call.relative:
        return None
    target = parse_target(call.url[start:], start, ())
    if target is None:
        return None

    def word(text: str, at: int) -> Word:
        return Word(text, _span(place, call.url_at[at : at + len(text)]))

    path = word(target.path.text, target.path.start)
    # An implied method is placed on the path, where a finding about it belongs.
    method_span = _span(place, call.method_at) if call.method_at else path.span
    query = [word(q.text, q.start) for q in target.query]
    query.extend(Word(name, _span(place, at)) for name, at in call.params)
    return EndpointClaim(
        path, (Word(call.method, method_span),), ClaimKind.CALL, tuple(query), absolute=not call.relative,
    )


def _span(place: _Place, offsets: Sequence[int]) -> Span:
    return place(offsets[0], offsets[-1] + 1)


# --- shell ------------------------------------------------------------------------------------


def _may_call(text: str) -> bool:
    return "curl" in text or "http" in text or "xh" in text


@lru_cache(maxsize=2048)  # pages of one app show the same few calls
def _shell_calls(text: str) -> tuple[_Call, ...]:
    found: list[_Call] = []
    for command in simple_commands(_unsplit_queries(scan(text))):
        words = command[first_command_word(command) :]
        if not words:
            continue
        if words[0].value == "curl":
            call = _curl(text, words[1:])
        elif words[0].value in _HTTPIE:
            call = _httpie(text, words[1:])
        else:
            call = None
        if call is not None:
            found.append(call)
    return tuple(found)


def _unsplit_queries(words: list[RawWord]) -> list[RawWord]:
    """Words with a query string left unquoted joined back: a shell would run ``b=2`` of
    ``curl host/path?a=1&b=2`` in a command of its own, but the page means one URL."""
    joined: list[RawWord] = []
    for word in words:
        if len(joined) > 1 and _glued_ampersand(joined[-2], joined[-1], word):
            joined.pop()
            before = joined.pop()
            word = RawWord(f"{before.value}&{word.value}", before.start, word.end)
        joined.append(word)
    return joined


def _glued_ampersand(before: RawWord, ampersand: RawWord, after: RawWord) -> bool:
    return (
        ampersand.operator
        and ampersand.value == "&"
        and before.end == ampersand.start
        and ampersand.end == after.start
        and "?" in before.value
        and not (before.broken or after.broken)
    )


def _curl(text: str, words: list[RawWord]) -> _Call | None:
    method: tuple[str, tuple[int, ...]] | None = None
    flags: set[str] = set()
    url: RawWord | None = None
    data: list[RawWord] = []  # the words after -d, --data-urlencode and the like
    for position, word in enumerate(words):
        value = word.value
        if position and _CURL_DATA.fullmatch(words[position - 1].value):
            data.append(word)
        if value in ("-X", "--request") and position + 1 < len(words):
            method = _method_written(text, words[position + 1])
        elif value.startswith("-X") and len(value) > 2:
            method = _method_written(text, word, len("-X"))
        elif value.startswith("--request="):
            method = _method_written(text, word, len("--request="))
        elif value in ("-I", "--head"):
            flags.add("head")
        elif value in ("-G", "--get"):
            flags.add("get")
        elif _CURL_DATA.fullmatch(value.partition("=")[0]):
            flags.add("data")
        elif url is None and _URL.match(value) and not value.startswith(":"):
            url = word
    if url is None:
        return None
    # -G sends the data in the query string
    params = _data_params(text, data) if "get" in flags else ()
    if method is not None:
        return _call(method[0].upper(), method[1], text, url, params)
    if "head" in flags:
        return _call("HEAD", (), text, url, params)
    return _call("POST" if "data" in flags and "get" not in flags else "GET", (), text, url, params)


def _data_params(text: str, data: list[RawWord]) -> tuple[tuple[str, tuple[int, ...]], ...]:
    """The names of the ``name=value`` items ``curl -G`` sends as query parameters."""
    found = ((word, _CURL_QUERY.match(word.value)) for word in data)
    return tuple((item["name"], value_offsets(text, word)[: item.end("name")]) for word, item in found if item)


#: HTTPie's options that take the next word as their value (``-a ada:secret``).
_HTTPIE_VALUED = frozenset({
    "-a", "--auth", "-A", "--auth-type", "--session", "--session-read-only", "-o", "--output",
    "--verify", "--cert", "--cert-key", "--cert-key-pass", "--timeout", "--proxy", "--pretty",
    "-s", "--style", "-p", "--print", "--format-options", "--max-redirects", "--default-scheme",
    "--boundary", "--raw", "--response-charset", "--response-mime", "--ssl", "--ciphers",
})


def _httpie(text: str, words: list[RawWord]) -> _Call | None:
    plain = []
    valued = False  # the word is the value of the option before it
    for word in words:
        if not valued and not word.value.startswith("-"):
            plain.append(word)
        valued = not valued and word.value in _HTTPIE_VALUED
    if not plain:
        return None
    method: RawWord | None = None
    if plain[0].value in HTTP_METHODS and len(plain) > 1:
        method, plain = plain[0], plain[1:]
    url = plain[0]
    if not _URL.match(url.value):
        return None
    params = tuple(
        (query["name"], value_offsets(text, item)[: query.end("name")])
        for item in plain[1:]
        if (query := _HTTPIE_QUERY.match(item.value)) is not None
    )
    if method is not None:
        return _call(method.value, value_offsets(text, method), text, url, params)
    sends = any(_HTTPIE_DATA.match(item.value) and "==" not in item.value for item in plain[1:])
    return _call("POST" if sends else "GET", (), text, url, params)


def _method_written(text: str, word: RawWord, skip: int = 0) -> tuple[str, tuple[int, ...]]:
    """The method a word names from its ``skip``-th character on, and where it is written."""
    return word.value[skip:], value_offsets(text, word)[skip:]


def _call(
    method: str, method_at: tuple[int, ...], text: str, url: RawWord,
    params: tuple[tuple[str, tuple[int, ...]], ...] = (),
) -> _Call | None:
    if method not in HTTP_METHODS:
        return None
    return _Call(method, method_at, url.value, value_offsets(text, url), params=params)


# --- Python and JavaScript --------------------------------------------------------------------


@lru_cache(maxsize=2048)  # the same few snippets again on many pages
def _code_calls(language: str, text: str) -> tuple[tuple[int, _Call], ...]:
    """The calls in the block, each with the index of its line."""
    found: list[tuple[int, _Call]] = []
    if language in _PYTHON and any(f"{receiver}." in text for receiver in _RECEIVERS):
        found.extend(_library_calls(text))
    if language in _SCRIPT and "fetch(" in text:
        found.extend(_fetch_calls(text))
    return tuple(found)


def _offsets_from(start: int, text: str) -> tuple[int, ...]:
    """Offsets of the characters of ``text``, written as it is from offset ``start`` on."""
    return tuple(range(start, start + len(text)))


def _library_calls(text: str) -> Iterator[tuple[int, _Call]]:
    """The calls in the block, each with the index of the line it starts on and its
    offsets counted from that line's start; a call may go on over the lines after it."""
    for match in _LIBRARY_CALL.finditer(text):
        url, method = match.group("url"), match.group("method")
        if not _URL.match(url):
            continue
        start = text.rfind("\n", 0, match.start()) + 1  # of the call's first line
        method_at = _offsets_from(match.start("method") - start, method)
        url_at = _offsets_from(match.start("url") - start, url)
        params = _params(text, match.end(), start) if "params" in text else ()
        yield text.count("\n", 0, start), _Call(method.upper(), method_at, url, url_at, params=params)


def _params(text: str, after: int, start: int) -> tuple[tuple[str, tuple[int, ...]], ...]:
    """The keys of the ``params={…}`` dict a call passes after offset ``after``, up to the
    call's end: the line that closes it, or the next that is not indented deeper than
    the call's first line (which starts at offset ``start``)."""
    found = _PARAMS.search(text, after, _call_end(text, start))
    if found is None:
        return ()
    keys = _PARAMS_KEY.finditer(text, found.start("items"), found.end("items"))
    return tuple((key["name"], _offsets_from(key.start("name") - start, key["name"])) for key in keys)


def _call_end(text: str, start: int) -> int:
    """Where a call that starts on the line at offset ``start`` ends: after the line that
    closes it at the call's own indentation, or before the next line not indented deeper."""
    lines = text[start:].split("\n")
    indent = len(lines[0]) - len(lines[0].lstrip())
    offset = start + len(lines[0]) + 1
    for line in lines[1:]:
        if line.strip() and len(line) - len(line.lstrip()) <= indent:
            return offset + len(line) if line.lstrip().startswith(")") else offset
        offset += len(line) + 1
    return len(text)


def _fetch_calls(text: str) -> Iterator[tuple[int, _Call]]:
    for index, line in enumerate(text.splitlines()):
        for match in _FETCH.finditer(line):
            url = match.group("url")
            relative = url.startswith("/") and not url.startswith("//")
            if not relative and not _URL.match(url):
                continue
            written = _FETCH_METHOD.search(line, match.end())
            method = written.group("method").upper() if written else "GET"
            method_at = _offsets_from(written.start("method"), method) if written else ()
            url_at = _offsets_from(match.start("url"), url)
            yield index, _Call(method, method_at, url, url_at, relative)
