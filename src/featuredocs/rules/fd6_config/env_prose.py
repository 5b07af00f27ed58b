"""Environment variables named in prose, anywhere on a page.

Inline code names a variable by its shape: ``NAME=value``, ``$NAME``, ``${NAME:-48}`` (whose
fallback is a default), ``os.environ["NAME"]``, ``os.getenv("NAME")``, ``env("NAME")``, or
a bare ``NAME`` the sentence calls a variable
(``env `NAME` ``, ``the `NAME` environment variable``, ``set `NAME` in the environment``,
and each name listed with it: ``the `A` and `B` environment variables``). A bare name
nothing calls a variable but given a default (``comes from `SHOP_FROM_EMAIL` (default
`orders@shop.example`)``) is yielded as not called: its default is compared where the
project reads that very name, and FD601 holds it to the project only under the prefix the
project's own variables share. Such a mention does not say whether the variable is
required; a default it gives right after the name (``(env `NAME`, default `48`)``,
``NAME` defaults to `48` ``) or after the words that call it a variable (``NAME`
environment variable defaults to `48` ``, ``NAME` (env var, default `48`)``), after a
dash (``NAME` – 48 by default``), or a few words on in parentheses (``NAME` is a list
of hosts (default `localhost`)``) is claimed with it.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache

from featuredocs.model import Page, Span
from featuredocs.rules.fd6_config.env_claim import with_listed_items
from featuredocs.rules.fd8_code.source import called_by, inline_part_span
from featuredocs.rules.page_text import Joined, wrapped_onto

_NAME = r"(?P<name>[A-Z][A-Z0-9_]*)"
#: Inline code that is itself a use of a variable.
_SHAPED = re.compile(
    rf"(?:export\s+)?{_NAME}=\S*"
    rf"|\$\{{{_NAME.replace('name', 'braced')}(?::?-(?P<fallback>[^}}]*))?\}}"
    rf"|\${_NAME.replace('name', 'dollar')}"
    rf"|os\.(?:environ(?:\.get)?|getenv)\s*[\[(]\s*(?P<q1>[\"']){_NAME.replace('name', 'read')}(?P=q1).*"
    rf"|env(?:\.\w+)?\(\s*(?P<q2>[\"']){_NAME.replace('name', 'env')}(?P=q2).*"
)
_GROUPS = ("name", "braced", "dollar", "read", "env")
_BARE = re.compile(_NAME)
#: Words just before a bare name that call it a variable: "env `X`", "variable `X`".
_CALLED_BEFORE = re.compile(
    r"\b(?:env|environment|env\.?\s*var(?:iable)?s?|environment\s+variables?)\s*[:(]?\s*$", re.IGNORECASE
)
#: … or just after it: "`X` environment variable", "`X` env var", "`X` (env var, …)",
#: "export `X` as an env var", "set `X` in the environment", "read `X` from the process
#: environment".
_CALLED_AFTER = re.compile(
    r"^\s*(?:\(?\s*(?:as\s+(?:an?\s+)?)?env(?:ironment)?\s+var(?:iable)?s?\b"
    r"|(?:in|into|from)\s+(?:the|your|its)\s+(?:process\s+|shell\s+)?environment\b)",
    re.IGNORECASE,
)


#: A default written right after the name: ", default `48`", " (defaults to `48`)", ", which
#: defaults to `48`", or after
#: the words that call it a variable: " environment variable defaults to `48`", " (env var,
#: default `48`)".
_DEFAULT_AFTER = re.compile(
    r"^\s*[,(]?\s*(?:(?:which|that)\s+)?(?:env(?:ironment)?\s+var(?:iable)?\s*[,(]?\s*)?"
    r"(?:with\s+)?(?:a\s+|the\s+)?default(?:s\s+to|\s+is|\s+of|:)?\s*`(?P<value>[^`]+)`",
    re.IGNORECASE,
)

#: A variable named in prose: its name and where, the default written after it, and
#: whether the sentence calls it a variable (or its shape does).
ProseVar = tuple[str, Span, tuple[str, Span] | None, bool]


def prose_vars(page: Page, claimed: frozenset[Span]) -> Iterator[ProseVar]:
    """The variables inline code names, with the span of each name and the default a
    sentence gives, leaving out the inline code at ``claimed`` (lists and tables under an
    environment heading)."""
    for code in page.codes:
        text = code.text.strip()
        if not text or not ("A" <= text[0] <= "Z" or text[0] in "$eo"):
            continue  # the first character rules out most inline code before any pattern runs
        shaped = _shaped(text)
        called = True
        if shaped is not None:
            group = next(group for group in _GROUPS if shaped[group])
            name, offset = shaped[group], shaped.start(group)
        elif _BARE.fullmatch(text):
            name, offset = text, 0
            called = called_by(page, code.span, _CALLED_BEFORE, _CALLED_AFTER)
        else:
            continue
        if code.span in claimed:
            continue
        if shaped is not None and shaped["fallback"]:
            default = _fallback(page, code.span, shaped)
        elif shaped is None or group != "name":
            default = default_after(page, code.span) or default_later(page, code.span)
        else:
            default = None
        if not called and default is None:
            continue  # a constant, a setting, a word in capitals: nothing says more of it
        span = inline_part_span(page, code.span, offset, len(name))
        if span is not None:
            yield name, span, default, called


@lru_cache(maxsize=8192)  # pages quote the same names (`CharField`, `ORDERS_API_KEY`) again and again
def _shaped(text: str) -> re.Match[str] | None:
    return _SHAPED.fullmatch(text)


def _fallback(page: Page, span: Span, shaped: re.Match[str]) -> tuple[str, Span] | None:
    """``${NAME:-48}``: the value the shell falls back to, the default the page gives."""
    value_span = inline_part_span(page, span, shaped.start("fallback"), len(shaped["fallback"]))
    return (shaped["fallback"], value_span) if value_span is not None else None


def default_after(page: Page, span: Span) -> tuple[str, Span] | None:
    """``NAME=value`` sets a value; other shapes may be followed by the default, on the
    name's line or, where the sentence wraps, the next one."""
    last = span.end_line
    rest = page.line_text(last)[span.end_column - 1 :]
    found = _DEFAULT_AFTER.match(rest)
    if found is not None:
        column = span.end_column + found.start("value")
        value_span = Span(last, column, last, column + len(found["value"]))
        return with_listed_items(page.line_text(last), found["value"], value_span)
    if last >= len(page.lines):
        return None
    found = _DEFAULT_AFTER.match(f"{rest}\n{page.line_text(last + 1)}")
    if found is None or found.start("value") <= len(rest):
        return None
    line, column = last + 1, found.start("value") - len(rest)
    return with_listed_items(page.line_text(line), found["value"], Span(line, column, line, column + len(found["value"])))


#: A default given later in the sentence, in parentheses: ``(48 by default``, ``(48 hours
#: by default``, ``(`EUR` unless``, ``(default `EUR`)``; the words before it hold no other
#: code, no end of a sentence or a table cell.
_LATER = re.compile(
    r"^[^`.;:!?()|]{0,60}?\(\s*(?:`(?P<code>[^`]+)`|(?P<plain>-?\d[\d,]*(?:\.\d+)?|true|false))"
    r"(?:\s*[a-z]{1,12})?\s+(?:by\s+default\b|unless\b)",  # a unit may follow the number
    re.IGNORECASE,
)
_LATER_LABELLED = re.compile(
    r"^[^`.;:!?()|]{0,60}?\(\s*defaults?(?:\s+to|\s+is|:)?\s*(?:`(?P<code>[^`]+)`|(?P<plain>-?\d[\d,]*(?:\.\d+)?|true|false))\s*\)",
    re.IGNORECASE,
)
#: A default right after a dash, a comma or "is": ``– 5000 by default``, ``is `EUR` by default``.
_BESIDE = re.compile(
    r"^\s*(?:[–—-]{1,2}|,|is|are)\s+(?:`(?P<code>[^`]+)`|(?P<plain>-?\d[\d,]*(?:\.\d+)?|true|false))"
    r"(?:\s*[a-z]{1,12})?\s+by\s+default\b",
    re.IGNORECASE,
)


def default_later(page: Page, span: Span) -> tuple[str, Span] | None:
    """A default the sentence gives the name at ``span`` further on (see :data:`_LATER`,
    :data:`_BESIDE`), on the name's line or the line its paragraph wraps onto (not one that
    starts a block of its own)."""
    line = span.end_line
    joined = Joined.of(line, [page.line_text(line), *wrapped_onto(page, line, 1)])
    after = span.end_column - 1
    rest = joined.text[after:]
    found = _LATER.match(rest) or _LATER_LABELLED.match(rest) or _BESIDE.match(rest)
    if found is None:
        return None
    group = "code" if found["code"] is not None else "plain"
    value_span = joined.span(after + found.start(group), after + found.end(group))
    if value_span.line != value_span.end_line:
        return None  # a value broken over the two lines is left alone
    return found[group], value_span
