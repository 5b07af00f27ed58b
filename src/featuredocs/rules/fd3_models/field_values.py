"""The values a Fields list gives a field, wherever its line puts them: after the type
(``One of `pending`, `paid` or `cancelled` ``), in a table's description or Choices
cell, or as the item's own sub-list (see ``rules/enumerations.py``). A choice may be
written by its label (```E-mail` or `SMS` `` for ``email`` and ``sms``)."""

from __future__ import annotations

from dataclasses import replace

from featuredocs.model import FieldFact, Page
from featuredocs.rules.enumerations import PlacedList, values_on_line
from featuredocs.rules.fd3_models.field_items import FieldClaim

#: A list of values, and what it is compared with: the field's choices, or their labels.
FieldValues = tuple[PlacedList, tuple[str, ...]]


def field_values(page: Page, documented: FieldClaim, field: FieldFact) -> FieldValues | None:
    """The values the page gives ``field``, which has choices, after its name and type,
    when one at least is a choice or a choice's label: a list of neither gives prose
    (`Pending payment`) or something else. A list of labels alone is compared with the
    labels, which a fix then writes; a label among values stands for its choice."""
    after = documented.type_span if documented.type_span is not None else documented.span
    if after.end_line != documented.span.line:
        return None
    found = values_on_line(page, documented.span.line, after.end_column - 1)
    if found is None:
        return None
    labels = field.choice_labels if len(field.choice_labels) == len(field.choices) else ()
    if not any(value in field.choices for value in found.values) and any(value in labels for value in found.values):
        return found, labels
    named = _choices_named(found, field.choices, labels)
    return (named, field.choices) if any(value in field.choices for value in named.values) else None


def _choices_named(found: PlacedList, choices: tuple[str, ...], labels: tuple[str, ...]) -> PlacedList:
    """``found`` with each label that is no choice itself read as the one choice it labels."""
    if not labels:
        return found
    labelled = {label: choice for choice, label in zip(choices, labels, strict=True) if labels.count(label) == 1}

    def named(value: str) -> str:
        return value if value in choices else labelled.get(value, value)

    return replace(found, values=tuple(map(named, found.values)), written=frozenset(map(named, found.written)))
