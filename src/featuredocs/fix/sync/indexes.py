"""Refresh a model's ``**Indexes:**`` list to the indexes the code declares.

An item that FD304 finds false (the index is gone, its fields or uniqueness changed) is
dropped, unless only its name changed: then it takes the new name and keeps its words; or
only the fields of the index it names changed: then it takes the new fields and keeps its
words. An index FD306 expects and no remaining item describes is appended in the
template's shape (``Index on `f` ``, ``Composite index on (`a`, `b`)``, ``` `name` index
on (`a`, `b`) ```). Items that still hold keep their human wording. In an Indexes list
outside the model sections (the template's *Database Optimization*), false items are
renamed or dropped as FD304 reads them (against the model whose fields they name); nothing is added
there, since each item explains a query the code cannot know.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from featuredocs.fix.sync.judgements import index_expected
from featuredocs.fix.sync.lists import ListEditor, LocatedList, labelled_lists, located_list
from featuredocs.fix.sync.scope import Scope, SyncChange
from featuredocs.model import Edit, IndexFact, ListItem, ModelFact, Page, Span
from featuredocs.rules.base import CheckContext
from featuredocs.rules.fd3_models.claims import ModelClaim
from featuredocs.rules.fd3_models.lists import list_label_kind
from featuredocs.rules.fd3_models.index_items import IndexClaim, read_index_item
from featuredocs.rules.fd3_models.index_match import UNIQUE_KINDS, describes, problem, real_fields
from featuredocs.rules.fd3_models.fd304_index_not_found import loose_owner
from featuredocs.rules.fd3_models.resolve import resolved_models

#: A name Django made up (``orders_orde_custome_c9b64a_idx``): the fields say more.
_GENERATED_NAME = re.compile(r"^[a-z0-9_]{1,11}_[a-z0-9_]{1,7}_[0-9a-f]{6}_idx$")


def index_changes(page: Page, ctx: CheckContext, scope: Scope) -> Iterator[SyncChange]:
    resolved = resolved_models(page, ctx)
    done: set[str] = set()
    for claim, model in resolved.found:
        if claim.from_code or claim.index_list is None or model.label in done:
            continue
        located = located_list(page, claim.index_list)
        if located is None:
            continue
        done.add(model.label)
        others = [
            found
            for other, same in resolved.found
            if same.label == model.label and other is not claim
            for found in other.indexes
        ]
        edits = _refresh(page, claim, model, located, others, scope)
        if edits:
            yield SyncChange(f"refresh the Indexes list of {model.label}", tuple(edits))
    owners = {found.span: loose_owner(found, resolved) for found in resolved.claims.loose_indexes}
    yield from _loose(page, {span: model for span, model in owners.items() if model is not None}, scope)


def _refresh(
    page: Page,
    claim: ModelClaim,
    model: ModelFact,
    located: LocatedList,
    others: list[IndexClaim],
    scope: Scope,
) -> list[Edit]:
    editor = ListEditor(page, located)
    # what the model's other lists and tables say stays said: this list need not repeat it
    listed = {item.span.line for item in located.items}
    kept: list[IndexClaim] = [*others, *(c for c in claim.indexes if c.span.line not in listed)]
    dropped_codes: set[str] = set()
    kept_codes: set[str] = set()
    for item in located.items:
        codes = {code.text.strip() for code in item.codes}
        found = read_index_item(item)
        if found is not None and problem(found, model) is not None and scope.allows("FD304", found.span.line):
            old_name = found.name
            found = _corrected(editor, page, item, found, model)
            if found is None:
                dropped_codes |= codes
                continue
            if found.name != old_name:
                codes = (codes - {old_name}) | {found.name}  # type: ignore[arg-type]
        kept_codes |= codes
        if found is not None:
            kept.append(found)
    mentioned = (set(claim.mentioned) - dropped_codes) | kept_codes
    assert claim.index_list is not None
    if not claim.partial_indexes and scope.allows("FD306", claim.index_list.line):
        for index in model.indexes:
            if not index_expected(index, model) or index.name in mentioned:
                continue
            if any(describes(c, index, model) for c in kept):
                continue
            text = index_item(index)
            if text is not None:
                editor.append(text)
    return editor.edits()


def _loose(page: Page, owners: dict[Span, ModelFact], scope: Scope) -> Iterator[SyncChange]:
    """False items of Indexes lists outside the model sections, each checked against the
    model FD304 reads it about (:func:`loose_owner`)."""
    if not owners:
        return
    for _, labelled, located in labelled_lists(page):
        if list_label_kind(labelled.label) != "indexes":
            continue
        editor = ListEditor(page, located)
        for item in located.items:
            found = read_index_item(item)
            model = owners.get(found.span) if found is not None else None
            if found is None or model is None:
                continue
            if problem(found, model) is not None and scope.allows("FD304", found.span.line):
                _corrected(editor, page, item, found, model)
        edits = editor.edits()
        if edits:
            yield SyncChange(f"refresh the {labelled.label} list", tuple(edits))


def _corrected(editor: ListEditor, page: Page, item: ListItem, found: IndexClaim, model: ModelFact) -> IndexClaim | None:
    """A false item written again in place, keeping its words: under its index's new name,
    or with its index's new fields; else deleted (None)."""
    successor = _renamed_to(page, found, model)
    if successor is not None:
        editor.replace(found.span, _dressed(page, found.span, successor.name))  # type: ignore[arg-type]
        return IndexClaim(found.fields, successor.name, found.unique, found.span, found.field_spans)
    refielded = _refielded(page, found, model)
    if refielded is not None:
        span, fields = refielded
        editor.replace(span, _listed(page, span, fields))
        return IndexClaim(fields, found.name, found.unique, found.span, found.field_spans)
    editor.delete(item)
    return None


def _renamed_to(page: Page, found: IndexClaim, model: ModelFact) -> IndexFact | None:
    """The one index of the model a named item describes but for its name: the index was
    renamed in the code, and the item keeps its words under the new name."""
    if found.name is None or page.written(found.span).strip("`") != found.name:
        return None
    unnamed = IndexClaim(found.fields, None, found.unique, found.span, found.field_spans)
    same = [
        index for index in model.indexes
        if index.name and index.name != found.name and (index.kind in UNIQUE_KINDS) == found.unique
        and describes(unnamed, index, model)  # its fields, as FD304 reads an item without a name
    ]
    return same[0] if len(same) == 1 else None


#: What may stand between the fields of an item: separators, never words of its own.
_BETWEEN_FIELDS = re.compile(r"`[^`]*`|[\w.]+|,|\s+")
#: What may follow the last field: the list's end, then the item's own words.
_AFTER_FIELDS = frozenset(")]:;-\u2013\u2014")


def _refielded(page: Page, found: IndexClaim, model: ModelFact) -> tuple[Span, tuple[str, ...]] | None:
    """The span of a named item's fields and the fields its index now has, when the
    index of that name and kind is still there and only its fields changed: the item keeps
    its words, its field list is rewritten (``(`tier`, `name`)`` as ``(`tier`, `is_active`)``)."""
    if found.name is None or not found.field_spans:
        return None
    index = next((index for index in model.indexes if index.name == found.name), None)
    if index is None or (index.kind in UNIQUE_KINDS) != found.unique or not real_fields(index):
        return None
    first, last = found.field_spans[0], found.field_spans[-1]
    if first.line != last.line:
        return None
    span = Span(first.line, first.column, last.line, last.end_column)
    after = page.line_text(last.line)[last.end_column - 1 :].strip()
    if after and after[0] not in _AFTER_FIELDS:
        return None  # more of the list may follow in words: "then newest `created_at`"
    pieces = _BETWEEN_FIELDS.findall(page.written(span))
    if "".join(pieces) != page.written(span) or any(p.strip() not in ("", ",", "and") and not p.startswith("`")
                                                     and p not in found.fields for p in pieces):
        return None  # words between the fields: the list says more than which fields
    return span, real_fields(index)


def _listed(page: Page, span: Span, fields: tuple[str, ...]) -> str:
    """``fields`` written as the item wrote its own: in backticks or not, comma-separated."""
    return ", ".join(_dressed(page, span, name) for name in fields)


def _dressed(page: Page, span: Span, name: str) -> str:
    """``name`` in backticks where the page wrote the old one so."""
    return f"`{name}`" if page.written(span).startswith("`") else name


def index_item(index: IndexFact) -> str | None:
    """An Indexes item for ``index`` that FD304 and FD306 read back as that index."""
    fields = real_fields(index)
    listing = "(" + ", ".join(f"`{name}`" for name in fields) + ")"
    unique = index.kind in UNIQUE_KINDS
    what = "unique constraint" if unique else "check constraint" if index.kind == "check_constraint" else "index"
    if index.name and not (fields and _GENERATED_NAME.match(index.name)):
        return f"`{index.name}` {what} on {listing}" if fields else f"`{index.name}` ({what})"
    if not fields:
        return None
    if len(fields) == 1 and not unique:
        return f"Index on `{fields[0]}`"
    return f"{'Unique constraint' if unique else 'Composite index'} on {listing}"
