"""The digits a page gives a decimal field, on the field's own line: ``max_digits=10``,
``decimal_places=2``, ``DecimalField(10, 2)``, ``decimal(10,2)``, ``numeric(10, 2)``,
``up to 10 digits``, ``10 digits in total``, ``2 decimal places``, ``2 decimals``.

Digits said of one side of the point (``8 digits before the point``) are not a field's
``max_digits``, and are not compared.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from featuredocs.model import FieldFact, ModelFact, Page, Span
from featuredocs.rules.fd3_models.field_items import FieldClaim, field_words

_NUMBER = r"\d{1,3}(?!\d)"
_DIGITS = re.compile(
    rf"\bmax_digits\s*=\s*(?P<max_digits>{_NUMBER})"
    rf"|\bdecimal_places\s*=\s*(?P<decimal_places>{_NUMBER})"
    rf"|\b(?:DecimalField|decimal|numeric)\(\s*(?P<precision>{_NUMBER})\s*,\s*(?P<scale>{_NUMBER})\s*\)"
    rf"|(?:\bup\s+to|\bat\s+most|\bmax(?:imum)?\.?)\s*(?P<most>{_NUMBER})\s+digits\b(?!\s+(?:before|after|left|right))"
    rf"|\b(?P<total>{_NUMBER})\s+digits\s+(?:in\s+)?total\b"
    rf"|\b(?P<places>{_NUMBER})\s+decimal(?:\s+places|s)\b",
    re.IGNORECASE,
)
#: Which of the field's options each way of writing gives.
_OPTION = {
    "max_digits": "max_digits", "precision": "max_digits", "most": "max_digits", "total": "max_digits",
    "decimal_places": "decimal_places", "scale": "decimal_places", "places": "decimal_places",
}


@dataclass(frozen=True, slots=True)
class DocumentedDigits:
    """One of a decimal field's options as written: which, its value, where its digits are."""

    option: str  # ``max_digits`` or ``decimal_places``
    value: int
    span: Span


def documented_digits(page: Page, documented: FieldClaim, model: ModelFact) -> Iterator[DocumentedDigits]:
    """What the field's line (see :mod:`.own_words`) says of its digits, after its name,
    each option once."""
    words = field_words(page, documented, model, ("digit", "decimal", "numeric"))
    if words is None:
        return  # most items say nothing of digits: no pattern is run on them
    seen: set[str] = set()
    for found in _DIGITS.finditer(words.text, words.start, words.end):
        for group, value in found.groupdict().items():
            option = _OPTION[group]
            if value is None or option in seen:
                continue
            seen.add(option)
            begin, end = found.span(group)
            yield DocumentedDigits(option, int(value), words.span(begin, end))


def actual_digits(field: FieldFact, option: str) -> int | None:
    return field.max_digits if option == "max_digits" else field.decimal_places
