"""Whether a documented index exists on a model, and which real index a claim describes.

Single-field claims are satisfied by any index that serves the field: ``db_index``,
``unique``, the primary key, a ``Meta.indexes`` entry on it, or a composite index it
leads. Composite claims need the same fields in the same order. A named claim needs an
index or constraint of that name (and, when fields are given, those fields).
"""

from __future__ import annotations

from dataclasses import dataclass

from featuredocs.model import IndexFact, ModelFact
from featuredocs.rules.fd3_models.index_items import IndexClaim
from featuredocs.rules.fd3_models.lookup import field_names, field_suggestion, forward_field
from featuredocs.rules.suggest import closest, suggestion

UNIQUE_KINDS = frozenset({"unique", "unique_together", "unique_constraint"})


@dataclass(frozen=True, slots=True)
class IndexProblem:
    message: str
    hint: str | None = None


def real_fields(index: IndexFact) -> tuple[str, ...]:
    return tuple(name.lstrip("-") for name in index.fields)


def canonical_fields(claim: IndexClaim, model: ModelFact) -> tuple[str, ...] | str:
    """The claim's fields as the model names them, or the first name it does not have."""
    names = []
    for name in claim.fields:
        field = forward_field(model, name)
        if field is None:
            return name
        names.append(field.name)
    return tuple(names)


def describes(claim: IndexClaim, index: IndexFact, model: ModelFact) -> bool:
    """Whether ``claim`` documents ``index`` (same name, or same fields in any order)."""
    if claim.name is not None and claim.name == index.name:
        return True
    fields = canonical_fields(claim, model)
    if isinstance(fields, str) or not fields:
        return claim.name is not None and index.fields == (claim.name,)
    return set(fields) == set(real_fields(index))


def problem(claim: IndexClaim, model: ModelFact) -> IndexProblem | None:
    fields = canonical_fields(claim, model)
    if isinstance(fields, str):
        return IndexProblem(
            f"index field `{fields}` is not a field of {model.label}",
            hint=_field_hint(fields, model),
        )
    if claim.name is not None:
        return _named_problem(claim, fields, model)
    return _fields_problem(claim, fields, model)


def _named_problem(
    claim: IndexClaim, fields: tuple[str, ...], model: ModelFact
) -> IndexProblem | None:
    named = next((i for i in model.indexes if i.name == claim.name), None)
    if named is None:
        if not fields and _served(claim.name or "", model, unique=claim.unique):
            return None  # "`email` (unique)": a field name, not an index name
        return IndexProblem(
            f"index `{claim.name}` is documented on {model.label}, which has no index "
            "of that name",
            hint=_name_hint(claim, fields, model),
        )
    if fields and real_fields(named) != fields:
        return IndexProblem(
            f"index `{claim.name}` is on {_listing(real_fields(named))}, "
            f"not {_listing(fields)}",
            hint=_location(named),
        )
    return None


def _fields_problem(
    claim: IndexClaim, fields: tuple[str, ...], model: ModelFact
) -> IndexProblem | None:
    if len(fields) == 1 and _served(fields[0], model, unique=claim.unique):
        return None
    exact = [i for i in _indexing(model) if real_fields(i) == fields]
    if claim.unique and any(i.kind in UNIQUE_KINDS for i in exact):
        return None
    if not claim.unique and exact:
        return None
    what = "unique constraint" if claim.unique else "index"
    if exact or (len(fields) == 1 and _served(fields[0], model, unique=False)):
        return IndexProblem(
            f"{model.label} has an index on {_listing(fields)}, but it is not unique",
            hint=_location(exact[0]) if exact else None,
        )
    reordered = [i for i in _indexing(model) if set(real_fields(i)) == set(fields)]
    hint = (
        f"an index on {_listing(real_fields(reordered[0]))} exists; column order differs"
        if reordered else None
    )
    return IndexProblem(f"{model.label} has no {what} on {_listing(fields)}", hint=hint)


def _served(name: str, model: ModelFact, *, unique: bool) -> bool:
    """Whether some index serves lookups on the single field ``name``."""
    field = forward_field(model, name)
    if field is None:
        return False
    if field.primary_key or field.unique:
        return True
    for index in _indexing(model):
        fields = real_fields(index)
        if unique and index.kind in UNIQUE_KINDS and fields == (field.name,):
            return True
        if not unique and fields[:1] == (field.name,):
            return True
    if unique:
        return False
    return field.db_index


def _indexing(model: ModelFact) -> list[IndexFact]:
    """The model's indexes and uniqueness rules: a check constraint indexes nothing, it is
    matched by its name alone."""
    return [index for index in model.indexes if index.kind != "check_constraint"]


def _listing(fields: tuple[str, ...]) -> str:
    return "(" + ", ".join(f"`{f}`" for f in fields) + ")"


def _location(index: IndexFact) -> str | None:
    return f"declared at {index.location}" if index.location else None


def _field_hint(name: str, model: ModelFact) -> str | None:
    return field_suggestion(name, field_names(model, reverse=False), model)


def _name_hint(claim: IndexClaim, fields: tuple[str, ...], model: ModelFact) -> str | None:
    same_fields = [i for i in model.indexes if i.name and fields and real_fields(i) == fields]
    if same_fields:
        return f"the index on {_listing(fields)} is named `{same_fields[0].name}`" + (
            f" ({same_fields[0].location})" if same_fields[0].location else ""
        )
    names = {i.name: i for i in model.indexes if i.name}
    match = closest(claim.name or "", names)
    if match is None:
        return None
    return suggestion(match, names[match].location)
