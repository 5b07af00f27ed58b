"""The most a page says a page size or limit parameter takes, in its item's words:
``at most 100``, ``100 at most``, ``max 100``, ``maximum: 100``, ``up to 100``, ``no
more than 100``, ``≤ 100``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from featuredocs.model import EndpointFact, Page, Span
from featuredocs.rules.fd5_endpoints.claims import QueryParamClaim
from featuredocs.rules.own_words import own_words

_NUMBER = r"`?(?P<{0}>\d{{1,3}}(?:,\d{{3}})+|\d+)`?(?![\w.,]\d)"
#: A cap as written: ``at most 100``, ``up to 100``, ``max: 100``, ``≤ 100``, ``100 at most``.
MAXIMUM = re.compile(
    r"\b(?:at\s+most|up\s+to|no\s+more\s+than|capped\s+at|max(?:imum)?(?:\s+of)?\**\s*[:=]?\**)\s*"
    + _NUMBER.format("after")
    + r"|(?:≤|<=)\s*" + _NUMBER.format("sign")
    + r"|(?<![\w.,])" + _NUMBER.format("before") + r"\s+at\s+most\b",
    re.IGNORECASE,
)
_HINTS = ("most", "max", "up to", "no more", "capped", "≤", "<=")


@dataclass(frozen=True, slots=True)
class DocumentedMaximum:
    value: int
    span: Span


def documented_maximum(page: Page, param: QueryParamClaim, endpoint: EndpointFact) -> DocumentedMaximum | None:
    """The cap the parameter's words give it, before any other parameter they name."""
    name = param.name
    others = (other.name for other in endpoint.query_params)
    words = own_words(page, name.text, name.span, others, _HINTS)
    if words is None:
        return None
    found = _maximum_in(words.text, words.start, words.end)
    if found is None:
        return None
    value, begin, end = found
    return DocumentedMaximum(value, words.span(begin, end))


@lru_cache(maxsize=1024)
def _maximum_in(text: str, start: int, end: int) -> tuple[int, int, int] | None:
    found = MAXIMUM.search(text, start, end)
    return cap_of(found) if found is not None else None


def cap_of(found: re.Match[str]) -> tuple[int, int, int]:
    """The number a match of :data:`MAXIMUM` writes, with where it is in its text."""
    group = next(name for name in ("after", "sign", "before") if found.group(name) is not None)
    return int(found.group(group).replace(",", "")), found.start(group), found.end(group)
