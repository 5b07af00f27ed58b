"""Calls of an endpoint in example code: ``curl``, HTTPie, ``requests``/``httpx`` and ``fetch``.

- ``curl [options] URL``: the method from ``-X``/``--request``, else ``HEAD`` for ``-I``,
  ``GET`` for ``-G``, ``POST`` when data is sent (``-d``, ``--json``, ``-F``), else ``GET``;
  lines ending in ``\\`` go on.
- ``http [METHOD] URL [items]`` (HTTPie, also ``https`` and ``xh``): without a method,
  ``POST`` when a data item is given (``name=value``, ``n:=1``, ``file@path``), else ``GET``;
  ``:8000/path`` is localhost's.
- ``requests.get("URL")`` and the like, in Python; ``fetch("URL", {method: "POST"})`` in
  JavaScript.

A URL counts with a literal path: ``https://host/path``, ``localhost:8000/path``, or a
base left to a variable (``$BASE/path``, ``f"{BASE}/path"``, ``${API}/path``). Such a
call is read like a URL with a host: it is the project's only when its path starts like
one of the project's routes (``curl https://api.stripe.com/v1/charges`` is not). A
site-relative ``fetch("/api/…")`` is the site's own, and always judged.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache

from featuredocs.model import CodeBlock, Page
from featuredocs.rules.fd5_endpoints.declarations import ClaimKind, EndpointClaim, Word
from featuredocs.rules.fd5_endpoints.paths import HTTP_METHODS, is_placeholder, parse_target
from featuredocs.rules.fd5_endpoints.places import code_line_span

_SHELL = frozenset({"", "bash", "sh", "shell", "console", "zsh", "shell-session", "shellsession"})
_PYTHON = frozenset({"", "python", "py", "python3", "pycon"})
_SCRIPT = frozenset({"", "js", "javascript", "ts", "typescript", "jsx", "tsx"})
# A shell word: quoted (its inside kept) or bare.
_WORD = re.compile(r"""'(?P<single>[^']*)'|"(?P<double>[^"]*)"|(?P<bare>[^\s'"]+)""")
_PROMPT = frozenset({"$", "%", ">", "#"})
_HTTPIE = frozenset({"http", "https", "xh", "xhs"})
_CURL_DATA = re.compile(r"-d|--data(?:-raw|-binary|-urlencode|-ascii)?|--json|-F|--form|-T|--upload-file")
# A URL as a shell word: scheme and host, host and port, HTTPie's ``:port``, or a variable.
_URL = re.compile(
    r"(?:https?://[^/\s]+|[A-Za-z0-9.-]+:\d+|:\d*|\$\{?\w+\}?|\{\w+\})(?P<path>/\S*)"
)
_HTTPIE_DATA = re.compile(r"[\w.\[\]-]+(?::=|=|@)")
_RECEIVERS = ("requests", "httpx", "session", "client")
_LIBRARY_CALL = re.compile(
    r"\b(?:requests|httpx|session|client)\.(?P<method>get|post|put|patch|delete|head|options)\(\s*"
    r"(?:url\s*=\s*)?[rbf]*(?P<quote>[\"'])(?P<url>[^\"']*)(?P=quote)"
)
_FETCH = re.compile(r"\bfetch\(\s*(?P<quote>[\"'`])(?P<url>[^\"'`]*)(?P=quote)")
_FETCH_METHOD = re.compile(r"\bmethod\s*:\s*[\"'`](?P<method>\w+)[\"'`]")


@dataclass(frozen=True, slots=True)
class _Call:
    """A call found in a block: its method and where, its URL's path and query."""

    method: str
    method_at: tuple[int, int] | None  # (line index, offset) where the method is written
    url: str
    url_at: tuple[int, int]
    relative: bool = False  # a site-relative URL (``fetch("/api/…")``)


def call_claims(page: Page, placeholders: frozenset[str]) -> Iterator[EndpointClaim]:
    """Every call of an endpoint in the page's example code."""
    for code in page.code_blocks:
        calls = _calls(code.language, code.text)
        if not calls:
            continue
        lines = code.text.splitlines()
        for call in calls:
            claim = _claim(page, code, call, lines)
            if claim is not None and not is_placeholder(claim.path.text, placeholders):
                yield claim


def _claim(page: Page, code: CodeBlock, call: _Call, lines: list[str]) -> EndpointClaim | None:
    found = _URL.match(call.url) if not call.relative else None
    start = found.start("path") if found is not None else 0
    if found is None and not call.relative:
        return None
    target = parse_target(call.url[start:], start, ())
    if target is None:
        return None
    line, offset = call.url_at

    def word(text: str, at: int) -> Word:
        return Word(text, code_line_span(page, code, line, offset + at, len(text), lines))

    methods: tuple[Word, ...] = ()
    if call.method_at is not None:
        method_line, method_offset = call.method_at
        span = code_line_span(page, code, method_line, method_offset, len(call.method), lines)
        methods = (Word(call.method, span),)
    else:  # the method is implied: placed on the path, where a finding about it belongs
        methods = (Word(call.method, word(target.path.text, target.path.start).span),)
    return EndpointClaim(
        word(target.path.text, target.path.start),
        methods,
        ClaimKind.CALL,
        tuple(word(q.text, q.start) for q in target.query),
        absolute=not call.relative,
    )


@lru_cache(maxsize=2048)  # pages of one app show the same few calls
def _calls(language: str, text: str) -> tuple[_Call, ...]:
    found: list[_Call] = []
    if language in _SHELL and ("curl" in text or "http" in text or "xh" in text):
        found.extend(_shell_calls(text))
    if language in _PYTHON and any(f"{receiver}." in text for receiver in _RECEIVERS):
        found.extend(_library_calls(text))
    if language in _SCRIPT and "fetch(" in text:
        found.extend(_fetch_calls(text))
    return tuple(found)


# --- shell ------------------------------------------------------------------------------------


_Token = tuple[str, int, int]  # text, line index, offset of the text


def _commands(text: str) -> Iterator[list[_Token]]:
    """Each command's words, a command going on over lines that end in ``\\``."""
    words: list[_Token] = []
    for index, line in enumerate(text.splitlines()):
        tokens = [
            (m.group(m.lastgroup or "bare"), index, m.start(m.lastgroup or "bare"))
            for m in _WORD.finditer(line)
        ]
        go_on = bool(tokens) and tokens[-1][0] == "\\"
        words.extend(tokens[:-1] if go_on else tokens)
        if not go_on:
            if words:
                yield words
            words = []
    if words:
        yield words


def _shell_calls(text: str) -> Iterator[_Call]:
    for words in _commands(text):
        while words and words[0][0] in _PROMPT:
            words = words[1:]
        if not words:
            continue
        if words[0][0] == "curl":
            call = _curl(words[1:])
        elif words[0][0] in _HTTPIE:
            call = _httpie(words[1:])
        else:
            call = None
        if call is not None:
            yield call


def _curl(words: list[_Token]) -> _Call | None:
    method: _Token | None = None
    flags: set[str] = set()
    url: _Token | None = None
    for position, (text, line, offset) in enumerate(words):
        if text in ("-X", "--request") and position + 1 < len(words):
            method = words[position + 1]
        elif text.startswith("-X") and len(text) > 2:
            method = (text[2:], line, offset + 2)
        elif text.startswith("--request="):
            method = (text.partition("=")[2], line, offset + len("--request="))
        elif text in ("-I", "--head"):
            flags.add("head")
        elif text in ("-G", "--get"):
            flags.add("get")
        elif _CURL_DATA.fullmatch(text.partition("=")[0]):
            flags.add("data")
        elif url is None and _URL.match(text) and not text.startswith(":"):
            url = (text, line, offset)
    if url is None:
        return None
    if method is not None:
        return _call(method[0].upper(), (method[1], method[2]), url)
    if "head" in flags:
        return _call("HEAD", None, url)
    # -G sends the data in the query string
    return _call("POST" if "data" in flags and "get" not in flags else "GET", None, url)


def _httpie(words: list[_Token]) -> _Call | None:
    plain = [word for word in words if not word[0].startswith("-")]
    if not plain:
        return None
    method: _Token | None = None
    if plain[0][0] in HTTP_METHODS and len(plain) > 1:
        method, plain = plain[0], plain[1:]
    url = plain[0]
    if not _URL.match(url[0]):
        return None
    if method is not None:
        return _call(method[0], (method[1], method[2]), url)
    sends = any(_HTTPIE_DATA.match(item[0]) and "==" not in item[0] for item in plain[1:])
    return _call("POST" if sends else "GET", None, url)


def _call(method: str, method_at: tuple[int, int] | None, url: _Token) -> _Call | None:
    if method not in HTTP_METHODS:
        return None
    return _Call(method, method_at, url[0], (url[1], url[2]))


# --- Python and JavaScript --------------------------------------------------------------------


def _library_calls(text: str) -> Iterator[_Call]:
    for index, line in enumerate(text.splitlines()):
        for match in _LIBRARY_CALL.finditer(line):
            url = match.group("url")
            if _URL.match(url):
                at = (index, match.start("method"))
                yield _Call(match.group("method").upper(), at, url, (index, match.start("url")))


def _fetch_calls(text: str) -> Iterator[_Call]:
    for index, line in enumerate(text.splitlines()):
        for match in _FETCH.finditer(line):
            url = match.group("url")
            relative = url.startswith("/") and not url.startswith("//")
            if not relative and not _URL.match(url):
                continue
            written = _FETCH_METHOD.search(line, match.end())
            method = written.group("method").upper() if written else "GET"
            at = (index, written.start("method")) if written else None
            yield _Call(method, at, url, (index, match.start("url")), relative)
