"""The values a Fields list gives a field, wherever its line puts them: after the type
(``One of `pending`, `paid` or `cancelled` ``), in a table's description or Choices
cell, or as the item's own sub-list (see ``rules/enumerations.py``)."""

from __future__ import annotations

from featuredocs.model import FieldFact, Page
from featuredocs.rules.enumerations import PlacedList, values_on_line
from featuredocs.rules.fd3_models.field_items import FieldClaim


def field_values(page: Page, documented: FieldClaim, field: FieldFact) -> PlacedList | None:
    """The values the page gives ``field``, which has choices: none when the list it
    gives holds none of them, as it then gives labels (`Pending payment`) or something
    else, not the field's values."""
    found = documented_values(page, documented)
    if found is None or not any(value in field.choices for value in found.values):
        return None
    return found


def documented_values(page: Page, documented: FieldClaim) -> PlacedList | None:
    """The values the field's description gives, after its name and type."""
    after = documented.type_span if documented.type_span is not None else documented.span
    if after.end_line != documented.span.line:
        return None
    return values_on_line(page, documented.span.line, after.end_column - 1)
