"""The default a page gives a model field, on the field's own line (read as
:mod:`featuredocs.rules.written_defaults` reads defaults; also ``(BooleanField, default
True)`` among the type's words) or in the cell of a table's Default column, and how it
compares with the field's. A field with choices may have its default written as the
choice's label (```E-mail` by default`` for ``email``), when the facts know the labels.
"""

from __future__ import annotations

import re
from functools import lru_cache

from featuredocs.model import FieldFact, ModelFact, Page
from featuredocs.rules.enumerations import unquoted
from featuredocs.rules.fd3_models.field_items import FieldClaim, field_words
from featuredocs.rules.fd4_commands.defaults import fact_value, render_default, same_default
from featuredocs.rules.written_defaults import DEFAULT_WORDS, DocumentedDefault, cell_default, default_in_words

_DECIMAL = re.compile(r"Decimal\((['\"])(-?\d+(?:\.\d+)?)\1\)")


def documented_default(page: Page, documented: FieldClaim, model: ModelFact) -> DocumentedDefault | None:
    """The default the field's line gives it, after its name and before any other field
    of ``model`` the line names; the cell's text when the field's table has a Default
    column."""
    if documented.default_span is not None:
        return cell_default(page, documented.default_span)
    words = field_words(page, documented, model, DEFAULT_WORDS)
    return default_in_words(words) if words is not None else None


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
    named, choice = _named_choice(written.text, field), _default_choice(field)
    if named is not None and choice is not None:
        return named[0] != choice
    same = _same(written.text, default)
    if same is False and field.choices:
        # A choice written capitalised (``Pending``) names the same default.
        same = _same(written.text.casefold(), default.casefold())
    return same is False


#: Comparing reads both sides as Python literals; the same pairs recur on every page.
_same = lru_cache(maxsize=4096)(same_default)


def rendered_default(written: DocumentedDefault, field: FieldFact) -> str | None:
    """The field's default written the way the page wrote its own, for a fix: the default
    choice's label where the page wrote a choice's label."""
    default = compared_default(field)
    if _MEMBER.fullmatch(written.text.strip()):
        return None  # the default's member may not be named after its label: a person writes it
    named, choice = _named_choice(written.text, field), _default_choice(field)
    if named is not None and named[1] and choice is not None:
        quote = written.text[0] if written.text != unquoted(written.text) else ""
        return f"{quote}{field.choice_labels[field.choices.index(choice)]}{quote}"
    if default is None or default != field.default:
        return default  # a Decimal's digits, as the model writes them
    return render_default(default, written.text)


#: A member of a model's choices class, as code names it: ``Order.Status.PAID``, ``Tier.GOLD``.
_MEMBER = re.compile(r"(?:[A-Za-z_]\w*\.)+(?P<name>[A-Z][A-Z0-9_]*)")


def _named_choice(text: str, field: FieldFact) -> tuple[str, bool] | None:
    """The choice a default written as ``text`` names, by its value or its label, exactly
    or else whatever the case (``Pending``, ``e-mail``), and whether by its label; None
    when the field's labels are not known, or the text names no single choice."""
    if not field.choice_labels or len(field.choice_labels) != len(field.choices):
        return None
    written = unquoted(text.strip())
    member = _MEMBER.fullmatch(written)
    if member is not None:
        # ``Member.Tier.GOLD``: a choices class's member, labelled after its name unless told
        written = member["name"].replace("_", " ")
    for fold in (str, str.casefold):
        by_value = {value for value in field.choices if fold(value) == fold(written)}
        by_label = {value for value, label in zip(field.choices, field.choice_labels, strict=True)
                    if fold(label) == fold(written)}
        named = by_value or by_label  # a value names its own choice, whatever label another has
        if named:
            return (next(iter(named)), not by_value) if len(named) == 1 else None
    return None


def _default_choice(field: FieldFact) -> str | None:
    """The choice the field's default is, as its choices are kept (``email``, ``1``)."""
    value = fact_value(field.default)
    choice = str(value.value) if value is not None and value.value is not None else None
    return choice if choice in field.choices else None
