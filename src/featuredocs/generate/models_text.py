"""A model's fields, indexes and import line, written in the template's list shapes.

- ``- `customer` (ForeignKey → User): help text, or a placeholder``
- ``Index on `f` `` · ``Unique index on `f` `` · ``Composite index on (`a`, `b`)`` ·
  ``` `name` on (`a`, `b`) ``` · ``` `name` unique constraint on (`a`, `b`) ```

Index names Django made up (``orders_orde_custome_c9b64a_idx`` for an ``Index`` declared
without a name) mean nothing to a reader and change with the fields, so such indexes are
written by their fields alone.
"""

from __future__ import annotations

import re

from featuredocs.generate.usage import with_choices, with_default
from featuredocs.model import FieldFact, IndexFact, ModelFact, ProjectFacts
from featuredocs.rules.fd3_models.field_defaults import compared_default
from featuredocs.rules.fd3_models.lengths import compared_length
from featuredocs.rules.fd4_commands.defaults import fact_value

FIELD_PLACEHOLDER = "[Description]"
_AUTO_INDEX_NAME = re.compile(r"^\w{1,11}_\w{1,7}_[0-9a-f]{6}_idx$")
_UNIQUE_KINDS = frozenset({"unique_together", "unique_constraint"})


def listed_fields(model: ModelFact) -> tuple[FieldFact, ...]:
    """The fields a Fields list shows: every concrete field, no reverse relations."""
    return tuple(field for field in model.fields if not field.reverse)


def field_type(field: FieldFact) -> str:
    if field.is_relation and field.related_model:
        return f"{field.field_class} → {field.related_model.rpartition('.')[2]}"
    return field.field_class


def field_item(field: FieldFact) -> str:
    text = " ".join(field.help_text.split())
    if not text and field.primary_key:
        text = "Primary key."
    return f"- `{field.name}` ({field_type(field)}): {field_description(text, field)}"


def field_description(text: str, field: FieldFact) -> str:
    """A field's description as ``new`` and ``sync`` write it: ``text`` (else a
    placeholder) with the field's choices or, for text, the most characters it holds
    (for a decimal, its digits), what deleting the row it points to does, and its
    default, as FD307, FD303, FD309 and FD308 read them."""
    text = with_choices(text, field.choices) or FIELD_PLACEHOLDER
    deletion = _deletion_text(field)
    if deletion is not None:
        text = f"{text} {deletion[0].upper()}{deletion[1:]}." if text.endswith(".") else f"{text}; {deletion}"
    size = _size(field) if not field.choices else None
    if size is not None:
        if text.endswith(".") and not text.endswith(".."):
            text = f"{text[:-1]} ({size})."
        else:
            text = f"{text} ({size})"
    default = _default_text(field)
    return with_default(text, default) if default is not None else text


def _deletion_text(field: FieldFact) -> str | None:
    """``deleted with its Order``, ``its User cannot be deleted``, ``set to null when its
    Coupon is deleted``: a relation's ``on_delete`` in words, for the handlers whose
    effect words can say."""
    target = (field.related_model or "").rpartition(".")[2]
    if not target:
        return None
    return {
        "CASCADE": f"deleted with its {target}",
        "PROTECT": f"its {target} cannot be deleted",
        "RESTRICT": f"its {target} cannot be deleted",
        "SET_NULL": f"set to null when its {target} is deleted",
    }.get(field.on_delete or "")


def _size(field: FieldFact) -> str | None:
    """``up to 20 characters`` for text, ``up to 10 digits, 2 decimal places`` for a
    decimal: what FD303 compares."""
    length = compared_length(field)
    if length is not None:
        return f"up to {length} characters"
    if field.max_digits is not None and field.decimal_places is not None:
        return f"up to {field.max_digits} digits, {field.decimal_places} decimal places"
    return None


def _default_text(field: FieldFact) -> str | None:
    """The field's default as a page writes it (`` `EUR` ``, ``1``, ``True``), when it is
    a plain value: a default the code computes (``timezone.now``) is left to the text."""
    default = compared_default(field)
    value = fact_value(default) if default is not None else None
    if value is None or value.value is None or isinstance(value.value, (list, tuple)):
        return None
    if isinstance(value.value, str):
        return f"`{value.value}`" if value.value and "`" not in value.value else None
    return default if default != field.default else repr(value.value)


def _listing(fields: tuple[str, ...]) -> str:
    return "(" + ", ".join(f"`{name}`" for name in fields) + ")"


def is_generated_name(name: str | None) -> bool:
    return name is not None and bool(_AUTO_INDEX_NAME.match(name))


def index_item(index: IndexFact) -> str | None:
    """One Indexes item, or None for an index the list cannot name (no fields, no name)."""
    fields = index.fields
    name = None if is_generated_name(index.name) else index.name
    unique = index.kind in _UNIQUE_KINDS
    condition = f" where `{index.condition}`" if index.condition else ""
    if not fields:
        if name is None:
            return None
        return f"`{name}` ({'unique constraint' if unique else 'functional index'})"
    if index.kind == "check_constraint":
        # named always; the condition is what it checks, not where it applies
        checks = f": `{index.condition}`" if index.condition else ""
        return f"`{index.name}` check constraint on {_listing(fields)}{checks}" if index.name else None
    if name is not None:
        what = "unique constraint on" if unique else "on"
        return f"`{name}` {what} {_listing(fields)}{condition}"
    if index.kind == "unique" and len(fields) == 1:
        return f"Unique index on `{fields[0]}`{condition}"
    if unique:
        return f"Unique constraint on {_listing(fields)}{condition}"
    if len(fields) == 1:
        return f"Index on `{fields[0]}`{condition}"
    return f"Composite index on {_listing(fields)}{condition}"


def index_items(model: ModelFact) -> list[str]:
    items = (index_item(index) for index in model.indexes)
    return [f"- {item}" for item in dict.fromkeys(i for i in items if i is not None)]


def declared_indexes(model: ModelFact) -> list[IndexFact]:
    """Indexes somebody wrote down on purpose (``Meta.indexes``, constraints, together)."""
    return [i for i in model.indexes if i.kind not in ("db_index", "unique")]


def import_module(model: ModelFact, facts: ProjectFacts, app_name: str) -> str:
    """Where a reader imports the model from: the app's ``models`` when it exposes the
    model there (a ``models/`` package re-exporting it), else the defining module."""
    for module in (f"{app_name}.models", model.module):
        if f"{module}.{model.name}" in facts.symbols:
            return module
    return model.module


def lookup_example(model: ModelFact) -> str:
    """A query that works on any model: by a unique field when there is one."""
    for field in listed_fields(model):
        if field.unique and not field.primary_key and not field.is_relation:
            value = "1" if "Integer" in field.field_class else '"..."'
            return f"instance = {model.name}.objects.get({field.name}={value})"
    return f"instance = {model.name}.objects.get(pk=1)"
