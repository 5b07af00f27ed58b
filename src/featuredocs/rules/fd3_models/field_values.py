"""The values a Fields list gives a field, wherever its line puts them: after the type
(``One of `pending`, `paid` or `cancelled` ``), in a table's description or Choices
cell, or as the item's own sub-list (see ``rules/enumerations.py``)."""

from __future__ import annotations

from featuredocs.model import FieldFact, Page
from featuredocs.rules.enumerations import PlacedList, choice_values
from featuredocs.rules.fd3_models.field_items import FieldClaim


def field_values(page: Page, documented: FieldClaim, field: FieldFact) -> PlacedList | None:
    """The values the page gives ``field``, which has choices, after its name and type
    (see :func:`choice_values`)."""
    after = documented.type_span if documented.type_span is not None else documented.span
    if after.end_line != documented.span.line:
        return None
    return choice_values(page, documented.span.line, after.end_column - 1, field.choices)
