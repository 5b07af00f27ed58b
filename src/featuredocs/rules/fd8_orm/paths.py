"""Walk ORM paths (``customer__user__email__iexact``) across the project's models.

Each step is a field of the current model (by name, ``pk``, or a reverse relation's
lookup name); relations move to their target model; after a plain field only
transforms and lookups may follow. What is valid depends on the method: ``filter``
takes a final lookup, ``order_by`` and ``values`` only transforms, ``only`` neither,
``select_related`` only single-valued relations, ``prefetch_related`` any relation.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from enum import Enum

from featuredocs.model import FieldFact, ModelFact
from featuredocs.rules.fd3_models.field_types import ANCESTORS
from featuredocs.rules.fd3_models.lookup import (
    field_names,
    field_suggestion,
    forward_field,
    is_attribute,
    reverse_field,
)
from featuredocs.rules.suggest import closest, did_you_mean

LOOKUPS = frozenset({
    "exact", "iexact", "contains", "icontains", "in", "gt", "gte", "lt", "lte", "startswith",
    "istartswith", "endswith", "iendswith", "range", "isnull", "regex", "iregex",
    # django.contrib.postgres and common registered lookups
    "search", "trigram_similar", "trigram_word_similar", "trigram_strict_word_similar",
    "unaccent", "contained_by", "overlap", "has_key", "has_keys", "has_any_keys",
    "isempty", "lower_inc", "lower_inf", "upper_inc", "upper_inf", "adjacent_to",
    "fully_lt", "fully_gt", "not_lt", "not_gt",
})
TRANSFORMS = frozenset({
    "date", "year", "iso_year", "month", "day", "week", "week_day", "iso_week_day",
    "quarter", "time", "hour", "minute", "second", "lower", "upper", "unaccent", "trim",
    "len", "keys", "values", "abs", "length",
})
#: Fields whose values have keys or items of their own (``data__customer__name``).
_OPEN_TYPES = frozenset({"JSONField", "HStoreField", "ArrayField"})


class Tail(Enum):
    """What may follow the last field of a path."""

    LOOKUP = "lookup"  # filter, exclude, get, Q: transforms then one lookup
    TRANSFORM = "transform"  # order_by, values, F, aggregates: transforms only
    NONE = "none"  # only, defer, create, update: a field and nothing after it


@dataclass(frozen=True, slots=True)
class PathProblem:
    """Why a path is invalid: ``part`` is the offending step, ``message`` one line."""

    part: str
    message: str
    hint: str | None = None
    #: The label of the model that has no field ``part``, and the step's position in the
    #: path: where ``sync`` writes a field's new name (``fix/sync/orm_examples.py``).
    unknown_on: tuple[str, int] | None = None


Related = Callable[[str | None], ModelFact | None]


def walk(
    model: ModelFact,
    path: str,
    related: Related,
    *,
    tail: Tail,
    extra: frozenset[str] = frozenset(),
    open_names: bool = False,
) -> PathProblem | None:
    """The first problem on ``path`` starting at ``model``, or None when it is valid."""
    parts = path.split("__")
    if parts[0] in extra or (open_names and forward_field(model, parts[0]) is None):
        return None  # an annotation: its type is unknown, so is what may follow
    current = model
    for index, part in enumerate(parts):
        field = _step(current, part)
        if field is None:
            found = _unknown(current, part, parts, index, tail)
            return _near_annotation(found, model, extra) if index == 0 else found
        if _is_attname(field, part) or not field.is_relation:
            return _after_field(field, parts[index + 1:], tail)
        target = related(field.related_model)
        if target is None:
            return None  # a relation we cannot follow (generic, or outside the facts)
        current = target
    return None


def _step(model: ModelFact, part: str) -> FieldFact | None:
    if part == "pk":
        return next((f for f in model.fields if f.primary_key), None)
    return forward_field(model, part) or reverse_field(model, part, query=True)


def _is_attname(field: FieldFact, part: str) -> bool:
    """``customer_id``: the relation's column, a plain value that cannot be followed."""
    return field.is_relation and not field.reverse and part not in {field.name, "pk"}


def _unknown(
    model: ModelFact, part: str, parts: list[str], index: int, tail: Tail
) -> PathProblem | None:
    last = index == len(parts) - 1
    if index > 0 and last and tail is Tail.LOOKUP and part in LOOKUPS:
        return None  # customer__in=[...], customer__isnull=True
    if index > 0 and last and tail is not Tail.NONE and part in TRANSFORMS:
        return None
    if is_attribute(model, part):
        return PathProblem(
            part,
            f"`{part}` is not a field of {model.label} (a method or property cannot "
            "be queried)",
        )
    return PathProblem(
        part,
        f"{model.label} has no field `{part}`",
        hint=field_suggestion(part, field_names(model, query=True), model),
        unknown_on=(model.label, index),
    )


def _near_annotation(
    found: PathProblem | None, model: ModelFact, extra: frozenset[str]
) -> PathProblem | None:
    """``n_itms`` after ``annotate(n_items=...)``: the annotation is what was meant, when it
    is closer than any field."""
    if found is None or not extra:
        return found
    match = closest(found.part, [*extra, *field_names(model, query=True)])
    if match not in extra:
        return found
    return PathProblem(found.part, found.message, f"did you mean `{match}`? (annotated in the query)")


def _after_field(field: FieldFact, rest: list[str], tail: Tail) -> PathProblem | None:
    if not rest:
        return None
    if field.internal_type in _OPEN_TYPES or field.field_class in _OPEN_TYPES:
        return None
    if field.field_class not in ANCESTORS and field.internal_type not in ANCESTORS:
        return None  # a custom field may register lookups of its own
    for position, part in enumerate(rest):
        last = position == len(rest) - 1
        if part in TRANSFORMS and tail is not Tail.NONE:
            continue
        if last and part in LOOKUPS and tail is Tail.LOOKUP:
            continue
        return _bad_suffix(field, part, tail)
    return None


def _bad_suffix(field: FieldFact, part: str, tail: Tail) -> PathProblem:
    if tail is Tail.NONE:
        return PathProblem(part, f"`{field.name}` is a {field.field_class}; nothing may follow it")
    if part in LOOKUPS:
        return PathProblem(part, f"lookup `{part}` is not allowed here, only transforms")
    allowed = LOOKUPS | TRANSFORMS if tail is Tail.LOOKUP else TRANSFORMS
    return PathProblem(
        part,
        f"unknown lookup `{part}` on `{field.name}` ({field.field_class})",
        hint=did_you_mean(part, sorted(allowed)),
    )


def relation_problem(
    model: ModelFact, path: str, related: Related, *, single: bool
) -> PathProblem | None:
    """``select_related`` (``single``) and ``prefetch_related`` paths: relations only.

    ``select_related`` names reverse one-to-ones by their lookup name, as queries do;
    ``prefetch_related`` follows attributes, so reverse relations go by accessor
    (``invoiceline_set``).
    """
    current = model
    for part in path.split("__"):
        field = forward_field(current, part) or reverse_field(current, part, query=single)
        if field is None:
            if not single and is_attribute(current, part):
                return None  # a prefetchable attribute we cannot judge
            return PathProblem(
                part,
                f"{current.label} has no relation `{part}`",
                hint=field_suggestion(part, _relations(current, single), current),
            )
        if field.field_class == "GenericForeignKey":
            return None
        if not field.is_relation or _is_attname(field, part):
            return PathProblem(part, f"`{part}` on {current.label} is not a relation")
        if single and not _single_valued(field):
            return PathProblem(
                part,
                f"`{part}` is a many-valued relation: use prefetch_related, not select_related",
            )
        target = related(field.related_model)
        if target is None:
            return None
        current = target
    return None


def _relations(model: ModelFact, single: bool) -> list[str]:
    names = []
    for field in model.fields:
        if not field.is_relation:
            continue
        if single and not _single_valued(field):
            continue
        names.append((field.query_name or field.name) if field.reverse and single else field.name)
    return names


def _single_valued(field: FieldFact) -> bool:
    """A ForeignKey or one-to-one, either way: what ``select_related`` can join."""
    if field.many_to_many:
        return False
    return not field.reverse or field.field_class == "OneToOneRel"
