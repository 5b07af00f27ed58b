"""Field types written the way the page writes them.

A page that writes Django classes (``CharField``, ``ForeignKey → User``) gets classes; one
that writes plain words (``string``, ``integer``) gets words where a word says enough. A
corrected type replaces only the type and its related model, so ``(ForeignKey → User,
nullable)`` becomes ``(ForeignKey → Customer, nullable)``. Every type written here is read
back with FD303's own reader and must fit the field; otherwise nothing is written.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from featuredocs.model import FieldFact
from featuredocs.rules.fd3_models.field_items import FieldClaim
from featuredocs.rules.fd3_models.field_types import (
    ANCESTORS,
    RELATION_CLASSES,
    DocumentedType,
    fits,
    read_type,
    related_fits,
)

#: The plain word for a field class, for pages that write words.
WORD_FOR: dict[str, str] = {
    "CharField": "string", "SlugField": "string", "EmailField": "string", "URLField": "string",
    "TextField": "text", "AutoField": "integer", "BigAutoField": "integer",
    "SmallAutoField": "integer", "IntegerField": "integer", "BigIntegerField": "integer",
    "SmallIntegerField": "integer", "PositiveIntegerField": "integer",
    "PositiveSmallIntegerField": "integer", "PositiveBigIntegerField": "integer",
    "BooleanField": "boolean", "DateTimeField": "datetime", "DateField": "date",
    "TimeField": "time", "DurationField": "duration", "DecimalField": "decimal",
    "FloatField": "float", "JSONField": "json", "UUIDField": "uuid", "FileField": "file",
    "ImageField": "image", "BinaryField": "binary", "GenericIPAddressField": "ip address",
}
_ARROWS = ("→", "->", "=>", "⟶", "⇒")


@dataclass(frozen=True, slots=True)
class TypeStyle:
    """How a page writes types: words or classes, which arrow, labels or model names; and
    whether its items name fields in bold rather than in code."""

    words: bool = False
    arrow: str = "→"
    labels: bool = False
    bold: bool = False


def style_of(claims: Iterable[FieldClaim], texts: Iterable[str]) -> TypeStyle:
    """The style of a Fields list, from its typed items and their raw texts."""
    written = [claim.type for claim in claims if claim.type is not None]
    texts = list(texts)
    words = sum(1 for t in written if t.written not in ANCESTORS)
    arrow = next((a for text in texts for a in _ARROWS if a in text), "→")
    labels = any(t.related and "." in t.related for t in written)
    bold = sum(1 for text in texts if text.startswith(("**", "__")) and not text.lstrip("*_ ").startswith("`"))
    return TypeStyle(
        words=bool(written) and words * 2 > len(written), arrow=arrow, labels=labels, bold=bold * 2 > len(texts)
    )


def written_type(field: FieldFact, style: TypeStyle) -> str:
    """The type of ``field`` for a new item."""
    if field.is_relation and field.related_model and field.field_class in RELATION_CLASSES:
        return f"{field.field_class} {style.arrow} {_related(field, style)}"
    if style.words and field.field_class in WORD_FOR:
        return WORD_FOR[field.field_class]
    return field.field_class


def corrected_type(text: str, documented: DocumentedType, field: FieldFact, label: str, style: TypeStyle) -> str | None:
    """``text`` (what the parentheses hold) with its type corrected for ``field``, or None
    when the correction cannot be written so that it fits."""
    start = text.find(documented.written)
    if start < 0:
        return None
    end = start + len(documented.written)
    own = TypeStyle(documented.written not in ANCESTORS, style.arrow, style.labels)
    call = False
    if documented.related is not None:
        found = _related_end(text, end, documented.related)
        if found is None:
            return None
        end, call, arrow = found
        own = TypeStyle(own.words, arrow or style.arrow, "." in documented.related)
    core = _call_type(field, own) if call else written_type(field, own)
    for candidate in (core, field.field_class if not field.is_relation else None):
        if candidate is None:
            continue
        new_text = text[:start] + candidate + text[end:]
        if _fits(new_text, field, label):
            return new_text
    return None


def _related_end(text: str, after: int, related: str) -> tuple[int, bool, str | None] | None:
    """Where the related model name ends, whether it is written as a call, and the arrow."""
    rest = text[after:]
    call = re.match(r"\s*\(\s*(?:to\s*=\s*)?['\"]?", rest)
    at = rest.find(related)
    if at < 0:
        return None
    end = after + at + len(related)
    if call is not None and call.end() == at:
        close = text.find(")", end)
        return (close + 1 if close >= 0 else end), True, None
    between = rest[:at]
    arrow = next((a for a in _ARROWS if a in between), None)
    if arrow is None and re.search(r"\bto\b", between):
        arrow = "to"
    return end, False, arrow


def _call_type(field: FieldFact, style: TypeStyle) -> str:
    if field.is_relation and field.related_model:
        return f"{field.field_class}({_related(field, style)})"
    return field.field_class


def _related(field: FieldFact, style: TypeStyle) -> str:
    label = field.related_model or ""
    return label if style.labels else label.rpartition(".")[2]


def _fits(text: str, field: FieldFact, label: str) -> bool:
    documented = read_type(text)
    return documented is not None and fits(documented, field) and related_fits(documented, field, label)


def type_fits(documented: DocumentedType, field: FieldFact, label: str) -> bool:
    """FD303's verdict: the documented type may describe ``field``."""
    return fits(documented, field) and related_fits(documented, field, label)
