"""The default a page gives a model field, on the field's own line: ``\\`pending\\` by
default``, ``1 by default``, ``\\`email\\` (default) or \\`sms\\```, ``defaults to true``,
``default: \\`EUR\\```, ``(default 0)``, ``(BooleanField, default True)``, ``default="EUR"``
among the type's words, or the cell of a table's Default column.

Only a value written as one is read: code, a quoted string, a number, or a word that is
a value by itself (``true``, ``false``, ``none``). ``hidden by default``, ``defaults to
the customer's channel`` or ``default: 48 hours`` give no value to compare.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from featuredocs.model import FieldFact, ModelFact, Page, Span
from featuredocs.rules.fd3_models.field_items import FieldClaim
from featuredocs.rules.fd3_models.own_words import own_words
from featuredocs.rules.fd4_commands.defaults import render_default, same_default

_VALUE = (
    r"(?:`(?P<{0}code>[^`\n]+)`"
    r"|(?P<{0}quoted>\"[^\"\n]*\"|'[^'\n]*')"
    r"|(?P<{0}word>-?(?:\d{{1,3}}(?:,\d{{3}})+|\d[\d_]*)(?:\.\d+)?(?!\w|\.\d)|(?i:true|false|none|null)\b))"
)
#: Words that may follow a number without making it a measure (``0 for new products``).
_CONNECTORS = r"(?:by|and|or|for|if|when|unless|until|in|on|at|so|but|which|after|before)\b"
_DEFAULT = re.compile(
    r"(?<![\w.-])" + _VALUE.format("before") + r"(?:\s+by\s+default\b|\s*\(default\))"
    r"|\bdefault(?:s|ing)?\s+to\s+" + _VALUE.format("to")
    + r"|\bdefault(?:\s+value)?\**\s*(?:is\b|:|=)\s*\**\s*" + _VALUE.format("set")
    + r"|\bdefault\s+" + _VALUE.format("bare") + r"(?=\s*(?:[)\],;]|\.(?!\w)|$))",
    re.IGNORECASE,
)
_DECIMAL = re.compile(r"Decimal\((['\"])(-?\d+(?:\.\d+)?)\1\)")
_NO_DEFAULT_CELLS = frozenset({"", "-", "—", "–", "n/a", "none", "no default", "(none)"})


@dataclass(frozen=True, slots=True)
class DocumentedDefault:
    """A default as written (quotes kept, backticks not) and where it is."""

    text: str
    span: Span


def documented_default(page: Page, documented: FieldClaim, model: ModelFact) -> DocumentedDefault | None:
    """The default the field's line gives it, after its name and before any other field
    of ``model`` the line names; the cell's text when the field's table has a Default
    column."""
    if documented.default_span is not None:
        return _cell_default(page, documented.default_span)
    words = own_words(page, documented, model, ("default",))
    if words is None:
        return None
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


def _cell_default(page: Page, cell: Span) -> DocumentedDefault | None:
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


def compared_default(field: FieldFact) -> str | None:
    """The field's default as a value's repr, when a documented default is compared with
    it: a ``Decimal`` is compared as its number, a callable (``timezone.now``) not at all."""
    if not field.has_default or field.default is None:
        return None
    decimal = _DECIMAL.fullmatch(field.default)
    return decimal.group(2) if decimal else field.default


def differs(written: DocumentedDefault, field: FieldFact) -> bool:
    """Whether the default as written is surely not the field's."""
    default = compared_default(field)
    if default is None:
        return False
    same = _same(written.text, default)
    if same is False and field.choices:
        # A choice written capitalised (``Pending``) names the same default.
        same = _same(written.text.casefold(), default.casefold())
    return same is False


#: Comparing reads both sides as Python literals; the same pairs recur on every page.
_same = lru_cache(maxsize=4096)(same_default)


def rendered_default(written: DocumentedDefault, field: FieldFact) -> str | None:
    """The field's default written the way the page wrote its own, for a fix."""
    default = compared_default(field)
    if default is None or default != field.default:
        return default  # a Decimal's digits, as the model writes them
    return render_default(default, written.text)
