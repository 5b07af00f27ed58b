"""URL names a page reverses, and whether the project's URLconf has them.

Examples reverse routes by name: ``reverse("orders:order-detail", …)`` (and
``reverse_lazy``, ``redirect``, ``resolve_url``) in Python, ``{% url 'orders:order-detail'
order.pk %}`` in templates, the same in inline code. A renamed route or a namespace the
page forgot makes the example raise ``NoReverseMatch``.

The names are read by their shape in any code, so that template blocks, broken examples
and inline code count alike. A name may come from a library the page assumes, so one is
judged only when its namespace is one of the project's own routes' (``orders:…``, not
``admin:…``), or it has none and looks like a misspelt or un-namespaced name of the
project's own routes (``order-detail`` for ``orders:order-detail``).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from featuredocs.model import EndpointFact, Page, ProjectFacts, Span, reads
from featuredocs.rules.base import asked_index
from featuredocs.rules.fd8_code.source import code_lines
from featuredocs.rules.other_times import at_other_times, speaks_of_change
from featuredocs.rules.suggest import closest

_NAME = r"(?P<q>[\"'])(?P<name>[A-Za-z_][\w.-]*(?::[A-Za-z_][\w.-]*)*)(?P=q)"
_CALL = re.compile(rf"(?<![\w.])(?:reverse|reverse_lazy|redirect|resolve_url)\(\s*(?:viewname\s*=\s*)?{_NAME}")
_TAG = re.compile(rf"\{{%-?\s*url\s+{_NAME}")
_CLOSE = 0.75


@dataclass(frozen=True, slots=True)
class UrlNameClaim:
    """A URL name the page reverses; ``span`` covers the name without its quotes."""

    name: str
    span: Span


def url_name_claims(page: Page) -> Iterator[UrlNameClaim]:
    """The names the page reverses, except where it speaks of another time than now."""
    if "url" not in page.text and "reverse" not in page.text and "redirect" not in page.text:
        return
    for code in page.code_blocks:
        if ("url" in code.text or "reverse" in code.text or "redirect" in code.text) and not at_other_times(page, code.span.line):
            for line in code_lines(page, code):
                for match in _matches(line.text):
                    yield UrlNameClaim(match["name"], line.span(match.start("name"), match.end("name")))
    for inline in page.codes:
        if inline.span.line != inline.span.end_line or not ("(" in inline.text or "{%" in inline.text):
            continue
        text = page.line_text(inline.span.line)
        if speaks_of_change(text) or at_other_times(page, inline.span.line):
            continue
        for match in _matches(inline.text):
            column = text.find(match.group(0), inline.span.column - 1)
            if column >= 0:
                start = column + match.start("name") - match.start() + 1
                yield UrlNameClaim(match["name"], Span.at(inline.span.line, start, len(match["name"])))


def _matches(text: str) -> Iterator[re.Match[str]]:
    if "(" in text:
        yield from _CALL.finditer(text)
    if "{%" in text:
        yield from _TAG.finditer(text)


@dataclass(frozen=True, slots=True)
class UnknownName:
    """A name that does not reverse: the project's close name, if any, and its route."""

    close: str | None
    endpoint: EndpointFact | None


@dataclass(frozen=True, slots=True)
class _KnownNames:
    names: frozenset[str]  # every route's name
    own: dict[str, EndpointFact]  # the names of routes to the project's own views
    namespaces: frozenset[str]  # the namespaces of those


@asked_index
def _known_names(facts: ProjectFacts) -> _KnownNames:
    own: dict[str, EndpointFact] = {}
    for endpoint in facts.endpoints:
        if endpoint.name and endpoint.location is not None:
            own.setdefault(endpoint.name, endpoint)
    names = frozenset(endpoint.name for endpoint in facts.endpoints if endpoint.name)
    return _KnownNames(names, own, frozenset(name.rpartition(":")[0] for name in own if ":" in name))


def _unknown(facts: ProjectFacts, name: str) -> UnknownName | None:
    known = _known_names(facts)
    if name in known.names:
        return None
    namespace = name.rpartition(":")[0]
    if namespace and namespace not in known.namespaces:
        return None  # a library's namespace, or one the facts do not know
    # Names of one project share their words (``order-list``, ``order-detail``): only a
    # close last part makes a misspelling.
    local = name.rpartition(":")[2]
    by_local: dict[str, list[str]] = {}
    for own in known.own:
        if not namespace or own.rpartition(":")[0] == namespace:
            by_local.setdefault(own.rpartition(":")[2], []).append(own)
    close_local = closest(local, by_local, cutoff=_CLOSE)
    close = by_local[close_local][0] if close_local is not None and len(by_local[close_local]) == 1 else None
    if close is None and not namespace:
        bare = [own for own in known.own if own.rpartition(":")[2] == name]
        close = bare[0] if len(bare) == 1 else None
    if close is None and not namespace:
        return None
    return UnknownName(close, known.own[close] if close is not None else None)


#: Asked, not read: a page is checked again when the answer changes, not on every new route.
unknown_name = reads.asking("fd5.url-name", _unknown, reading=("endpoints",))
