"""The most characters a page says a text field holds, on the field's own line:
``CharField(max_length=20)``, ``(CharField, max_length=20)``, ``CharField(20)``,
``varchar(20)``, ``max length 20``, ``up to 100 characters``, ``at most 100 chars``,
``100 characters max``.

Only an upper bound is a length: ``at least 8 characters`` and ``a 3-letter code`` say
something else about the value, and are not compared.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from featuredocs.model import FieldFact, ModelFact, Page, Span
from featuredocs.rules.fd3_models.field_items import FieldClaim, field_words

_UNIT = r"(?:characters|chars?\b|letters)"
#: A length is written in a few digits: a longer number is none (nor an int to read).
_LENGTH = re.compile(
    r"\bmax_length\s*=\s*(?P<given>\d{1,9}(?!\d))"
    r"|\b(?:Char|Slug|Email|URL)Field\(\s*(?P<positional>\d{1,9}(?!\d))\s*\)"
    r"|\b(?:var)?char\s*\(\s*(?P<sql>\d{1,9}(?!\d))\s*\)"
    r"|\bmax(?:imum)?[\s_-]*length\s*(?:of|:|=|is)?\s*(?P<named>\d{1,9}(?!\d))"
    rf"|(?:\bup\s+to|\bat\s+most|\bmax(?:imum)?\.?|\bno\s+more\s+than|≤)\s*(?P<before>\d{{1,9}}(?!\d))\s*{_UNIT}"
    rf"|\b(?P<after>\d{{1,9}}(?!\d))\s*{_UNIT}\s*(?:max(?:imum)?\b|at\s+most\b|or\s+(?:less|fewer)\b)",
    re.IGNORECASE,
)
#: Words a line must hold one of to give a length: most lines hold none, and the
#: pattern is not run on them.
_HINTS = ("max", "char", "field(", "letters", "≤", "up to", "at most", "no more than")
#: Fields whose ``max_length`` is not the longest text a reader may store: a UUID's hex
#: digits, a file's stored path.
_NOT_TEXT = frozenset({"UUIDField", "FileField", "ImageField", "FilePathField"})


@dataclass(frozen=True, slots=True)
class DocumentedLength:
    """A length as written: its value and where its digits are."""

    value: int
    span: Span


def documented_length(page: Page, documented: FieldClaim, model: ModelFact) -> DocumentedLength | None:
    """The length the field's line (see :mod:`.own_words`) gives it, after its name."""
    words = field_words(page, documented, model, _HINTS)
    if words is None:
        return None  # most items say nothing of a length: no pattern is run on them
    found = _LENGTH.search(words.text, words.start, words.end)
    if found is None:
        return None
    group = next(name for name, value in found.groupdict().items() if value is not None)
    begin, end = found.span(group)
    return DocumentedLength(int(found.group(group)), words.span(begin, end))


def compared_length(field: FieldFact) -> int | None:
    """The field's ``max_length`` when a documented length is compared with it."""
    return field.max_length if field.internal_type not in _NOT_TEXT else None
