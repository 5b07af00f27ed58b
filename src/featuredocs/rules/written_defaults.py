"""A default written in a line's words — ``\\`pending\\` by default``, ``1 by default``, ``1 when omitted``,
``\\`email\\` (default) or \\`sms\\```, ``defaults to true``, ``default: \\`EUR\\```,
``(default 0)``, ``default="EUR"``, ``starts at 0`` — or in a table's Default cell; FD308 reads a model
field's so, FD507 a query parameter's.

Only a value written as one is read: code, a quoted string, a number, or a word that is
a value by itself (``true``, ``false``, ``none``). ``hidden by default``, ``defaults to
the customer's channel`` or ``default: 48 hours`` give no value to compare.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from featuredocs.model import Page, Span
from featuredocs.rules.own_words import OwnWords

_VALUE = (
    r"(?:`(?P<{0}code>[^`\n]+)`"
    r"|(?P<{0}quoted>\"[^\"\n]*\"|'[^'\n]*')"
    r"|(?P<{0}word>-?(?:\d{{1,3}}(?:,\d{{3}})+|\d[\d_]*)(?:\.\d+)?(?!\w|\.\d)|(?i:true|false|none|null)\b))"
)
#: Words that may follow a number without making it a measure (``0 for new products``).
_CONNECTORS = r"(?:by|and|or|for|if|when|unless|until|in|on|at|so|but|which|after|before)\b"
#: After a value: the end of its clause or table cell, maybe after the choice's label
#: (``default `4` (Excellent).``).
_ENDS_CLAUSE = r"(?=(?:\s*\([^()\n]{1,40}\))?\s*(?:[)\],;|]|\.(?!\w)|$))"
_DEFAULT = re.compile(
    r"(?<![\w.-])" + _VALUE.format("before")
    + r"(?:\s+by\s+default\b|\s*\(default\)|\s+(?:when|if)\s+(?:omitted|not\s+given|left\s+out|absent|missing)\b)"
    r"|\bdefault(?:s|ing)?\s+to\s+" + _VALUE.format("to")
    + r"|\bdefault(?:\s+value)?\**\s*(?:is\b|:|=)\s*\**\s*" + _VALUE.format("set")
    + r"|\bdefault\s+" + _VALUE.format("bare") + _ENDS_CLAUSE
    + r"|\b(?:starts?\s+(?:at|as|out\s+as)|initially(?:\s+set\s+to)?)\s+" + _VALUE.format("start")
    + _ENDS_CLAUSE,
    re.IGNORECASE,
)
#: Words one of which a line that writes a default holds: lines without any are not read.
DEFAULT_WORDS = ("default", "omitted", "not given", "left out", "absent", "missing", "start", "initially")
_NO_DEFAULT_CELLS = frozenset({"", "-", "—", "–", "n/a", "none", "no default", "(none)"})


@dataclass(frozen=True, slots=True)
class DocumentedDefault:
    """A default as written (quotes kept, backticks not) and where it is."""

    text: str
    span: Span


def default_in_words(words: OwnWords) -> DocumentedDefault | None:
    """The default the words give, if they write one as a value."""
    found = _default_in(words.text, words.start, words.end)
    if found is None:
        return None
    value, begin, stop = found
    return DocumentedDefault(value, words.span(begin, stop))


@lru_cache(maxsize=4096)
def _default_in(text: str, start: int, end: int) -> tuple[str, int, int] | None:
    """The default written between ``start`` and ``end`` of a line, with where it is:
    pages repeat their lines, and each distinct one is read once."""
    for found in _DEFAULT.finditer(text, start, end):
        group = next(name for name, value in found.groupdict().items() if value is not None)
        if group.endswith("word") and _followed_by_a_word(text, found.end(group)):
            continue
        begin, stop = found.span(group)
        return found.group(group), begin, stop
    return None


def _followed_by_a_word(text: str, end: int) -> bool:
    """Whether a word other than a connector follows the value ending at ``end``: a unit
    (``48 hours``, ``30s``) or more prose (``none of them``)."""
    rest = text[end:]
    word = re.match(r"\s*([A-Za-z%]+)", rest)
    return word is not None and not re.fullmatch(_CONNECTORS, word.group(1).lower())


def cell_default(page: Page, cell: Span) -> DocumentedDefault | None:
    """The value a table's Default cell holds; none for a dash or a sentence."""
    written = page.written(cell)
    value = written.strip()
    if value.casefold() in _NO_DEFAULT_CELLS:
        return None
    if value.startswith("`") and value.endswith("`") and len(value) > 2 and value.count("`") == 2:
        offset = written.index("`") + 1
        return DocumentedDefault(value[1:-1], Span.at(cell.line, cell.column + offset, len(value) - 2))
    if " " in value or "`" in value:
        return None  # a sentence about the default, not the default
    offset = written.index(value)
    return DocumentedDefault(value, Span.at(cell.line, cell.column + offset, len(value)))
