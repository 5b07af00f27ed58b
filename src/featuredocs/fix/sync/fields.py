"""Refresh a model's ``**Fields:**`` list: add, drop, rename and retype fields.

- A field the model gained is appended, in code order, as `` - `name` (Type): … `` with
  the field's ``help_text`` or a ``[Description]`` placeholder that FD103 reports, and
  its choices or its length (see ``generate/models_text.field_description``).
- A listed field the model no longer has is renamed when exactly one of the new fields
  is close to its name, or else names it in more or fewer words (``phone_number`` to
  ``phone``); its description is kept. Otherwise its item is dropped.
- A type that no longer fits is rewritten in the list's own style; what the line says of
  NULL and of uniqueness, the field's length or digits and default and a complete list
  of its values are corrected in place.
- A field the list renamed is renamed in the page's ORM examples too, where FD803 would
  report its old name (``fix/sync/orm_examples.py``).

A Field table keeps its rows and types as drawn; a stale length, default or list of
values in a row is corrected in place.

Only lists FD305 checks are completed (a ``**Key Fields:**`` selection is not), and a
description's words are never touched, only the facts written in it.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from featuredocs.fix.sync.field_types import TypeStyle, corrected_type, style_of, type_fits, written_type
from featuredocs.fix.sync.judgements import documented_field_names, field_expected
from featuredocs.fix.sync.orm_examples import renamed_in_examples
from featuredocs.fix.sync.lists import CorrectsValues, InPlaceEditor, ListEditor, LocatedList, insert_in_order, located_list
from featuredocs.fix.sync.scope import Scope, SyncChange
from featuredocs.generate.models_text import field_description
from featuredocs.model import BlockKind, FieldFact, ListItem, ModelFact, Page
from featuredocs.rules.base import CheckContext
from featuredocs.rules.fd3_models.claims import ModelClaim
from featuredocs.rules.fd3_models.field_items import (
    FieldClaim,
    differs_in_uniqueness,
    null_written,
    read_field_item,
    renamed,
    unique_written,
)
from featuredocs.rules.fd3_models.field_values import field_values
from featuredocs.rules.fd3_models.deletion import differs as deletion_differs
from featuredocs.rules.fd3_models.deletion import documented_deletion
from featuredocs.rules.fd3_models.digits import actual_digits, documented_digits
from featuredocs.rules.fd3_models.field_defaults import differs, documented_default, rendered_default
from featuredocs.rules.fd3_models.lengths import compared_length, documented_length
from featuredocs.rules.fd3_models.lookup import described_field, is_known_name, successor
from featuredocs.rules.fd3_models.resolve import resolved_models


def field_changes(page: Page, ctx: CheckContext, scope: Scope) -> Iterator[SyncChange]:
    resolved = resolved_models(page, ctx)
    documented: dict[str, set[str]] = {}
    for claim, model in resolved.found:
        documented.setdefault(model.label, set()).update(documented_field_names(claim, model))
    done: set[str] = set()
    renames: dict[tuple[str, str], str] = {}  # (model label, old name) -> new name
    for claim, model in resolved.found:
        if claim.from_code or claim.field_list is None or model.label in done:
            continue
        located = located_list(page, claim.field_list)
        if located is None:
            continue  # a Field/Type table: left to the person who drew it
        done.add(model.label)
        editor = _refresh(page, claim, model, located, documented[model.label], scope, renames)
        edits = editor.edits()
        if edits:
            yield SyncChange(f"refresh the Fields list of {model.label}", tuple(edits))
    yield from renamed_in_examples(page, ctx, renames, scope)
    yield from _table_changes(page, resolved.found, scope)


def _table_changes(page: Page, found: tuple[tuple[ModelClaim, ModelFact], ...], scope: Scope) -> Iterator[SyncChange]:
    """The facts a field table's rows state, corrected in place: a table's rows and their
    types are left to the person who drew it, but not a stale length or default."""
    tables = [(block.span.line, block.span.end_line) for section in page.walk() for block in section.blocks
              if block.kind is BlockKind.TABLE]
    if not tables:
        return
    for claim, model in found:
        if claim.from_code:
            continue
        editor = InPlaceEditor(page)
        for field in claim.fields:
            if any(first <= field.span.line <= last for first, last in tables):
                _correct_values(page, editor, field, model, scope)
        edits = editor.edits()
        if edits:
            yield SyncChange(f"correct the Fields table of {model.label}", tuple(edits))


def _refresh(
    page: Page, claim: ModelClaim, model: ModelFact, located: LocatedList, documented: set[str], scope: Scope,
    renames: dict[tuple[str, str], str],
) -> ListEditor:
    """The list's edits; each field it renames is added to ``renames``."""
    editor = ListEditor(page, located)
    items = [(item, read_field_item(item)) for item in _field_items(located.items)]
    items = [(item, fields) for item, fields in items if fields]
    style = style_of(
        [f for _, fields in items for f in fields], [item.source for item, _ in items]
    )
    missing = [f for f in model.fields if field_expected(f) and f.name not in documented]
    taken: set[str] = set()
    kept: dict[str, ListItem] = {}  # the item of each field the list keeps
    stale = sum(1 for _, fields in items if not any(is_known_name(model, f.name) for f in fields))
    for item, fields in items:
        if any(is_known_name(model, f.name) for f in fields):
            kept.update((field.name, item) for field in fields)
            for field in fields:
                if _retype(page, editor, field, field.name, model, style, scope):
                    continue  # a new type: what the old one said of length goes with it
                _correct_values(page, editor, field, model, scope)
            continue
        line = fields[0].span.line
        if not scope.allows("FD302", line):
            continue
        new_name = _rename_target(fields, missing, taken, alone=stale == 1)
        if new_name is None:
            editor.delete(item)
            continue
        taken.add(new_name)
        kept[new_name] = item
        renames[model.label, fields[0].name] = new_name
        editor.replace(fields[0].span, renamed(page, fields[0], new_name))
        _retype(page, editor, fields[0], new_name, model, style, scope)
    anchor = claim.field_list.line if claim.field_list is not None else 0
    if not claim.partial_fields and scope.allows("FD305", anchor):
        order = [field.name for field in model.fields]
        for field in missing:
            if field.name not in taken:
                insert_in_order(editor, field.name, order, kept, new_item(field, style))
    return editor


def _field_items(items: tuple[ListItem, ...]) -> Iterator[ListItem]:
    """Field items; a group item without field code leads to its children (FD3's reading)."""
    for item in items:
        if read_field_item(item) or not item.children:
            yield item
        else:
            yield from item.children


def _rename_target(fields: list[FieldClaim], missing: list[FieldFact], taken: set[str], *, alone: bool) -> str | None:
    """The one new field a stale name was renamed to, for an item naming one field: its
    :func:`successor`; else, when it is the list's ``alone`` stale item and the model has
    one new field, of the class the item writes (``received_at`` (DateTimeField) for a new
    ``booked_at`` DateTimeField), that one."""
    if len(fields) != 1:
        return None
    candidates = [f for f in missing if f.name not in taken]
    found = successor(fields[0].name, [f.name for f in candidates])
    written = fields[0].type.written if fields[0].type is not None else None
    if found is None and alone and len(candidates) == 1 and candidates[0].field_class == written:
        return candidates[0].name
    return found


def _retype(
    page: Page,
    editor: ListEditor,
    claim: FieldClaim,
    name: str,
    model: ModelFact,
    style: TypeStyle,
    scope: Scope,
) -> bool:
    """Correct the field's documented type; whether it was."""
    field = described_field(model, name)
    documented, span = claim.type, claim.type_span
    if field is None or documented is None or span is None:
        return False
    if type_fits(documented, field, model.label) or not scope.allows("FD303", span.line):
        return False
    text = page.written(span)
    corrected = corrected_type(text, documented, field, model.label, style)
    if corrected is None:
        return False
    if field.max_digits is None:
        corrected = _without_digits(corrected)  # ``(DecimalField, 10 digits, …)``: they went with the type
    editor.replace(span, corrected)
    return True


#: A part of a type's words that speaks of digits: ``10 digits``, ``decimal_places=2``.
_DIGIT_PART = re.compile(r"\s*(?:\d+\s+(?:digits?|decimal\s+places?)|max_digits\s*=\s*\d+|decimal_places\s*=\s*\d+)\s*", re.I)


def _without_digits(words: str) -> str:
    """``PositiveIntegerField, 10 digits, 2 decimal places`` → ``PositiveIntegerField``."""
    first, *rest = words.split(",")
    return ",".join([first, *(part for part in rest if not _DIGIT_PART.fullmatch(part))])


def _correct_values(page: Page, editor: CorrectsValues, claim: FieldClaim, model: ModelFact, scope: Scope) -> None:
    """What the field's line says of NULL and of uniqueness, its length or digits, its
    ``on_delete`` by name, its default and its list of values, as the model has them."""
    field = described_field(model, claim.name)
    if field is None:
        return
    null = claim.null_span
    if claim.null not in (None, field.null) and null is not None and null.line == null.end_line:
        if scope.allows("FD303", null.line):
            editor.replace(null, null_written(page.written(null), field.null))
    unique = claim.unique_span
    if claim.unique is not None and unique is not None and unique.line == unique.end_line:
        if differs_in_uniqueness(claim, field, model) and scope.allows("FD303", unique.line):
            written = page.written(unique)
            editor.replace(unique, unique_written(written, field.unique))
    length = documented_length(page, claim, model) if compared_length(field) is not None else None
    if length is not None and length.value != field.max_length and scope.allows("FD303", length.span.line):
        editor.replace(length.span, str(field.max_length))
    if field.max_digits is not None:
        for digits in documented_digits(page, claim, model):
            actual = actual_digits(field, digits.option)
            if actual is not None and digits.value != actual and scope.allows("FD303", digits.span.line):
                editor.replace(digits.span, str(actual))
    deletion = documented_deletion(page, claim, model) if field.on_delete is not None else None
    if deletion is not None and deletion.named and deletion_differs(deletion, field) and scope.allows("FD309", deletion.span.line):
        editor.replace(deletion.span, field.on_delete)
    default = documented_default(page, claim, model)
    if default is not None and differs(default, field) and scope.allows("FD308", default.span.line):
        replacement = rendered_default(default, field)
        if replacement is not None:
            editor.replace(default.span, replacement)
    listed = field_values(page, claim, field) if field.choices else None
    if listed is not None:
        editor.correct_values(*listed, scope, "FD307")


def new_item(field: FieldFact, style: TypeStyle) -> str:
    """`` `name` (Type): description `` for a field the list does not have yet (the name in
    bold in a list that writes its names so)."""
    description = field_description(re.sub(r"\s+", " ", field.help_text).strip(), field)
    name = f"**{field.name}**" if style.bold else f"`{field.name}`"
    return f"{name} ({written_type(field, style)}): {description}"
