"""What a name means on a model: a field, its column, a reverse accessor, a method.

Shared by the FD3 rules and by FD803/FD804, so "is this a real name on the model?" has
one answer everywhere. Reads ``ModelFact`` only.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterable

from featuredocs.model import FieldFact, ModelFact, SourceLocation, reads
from featuredocs.rules.suggest import closest, suggestion

#: ``django.db.models.Model``'s public API, on every instance.
INSTANCE_API = frozenset({
    "pk", "save", "delete", "refresh_from_db", "full_clean", "clean", "clean_fields",
    "validate_unique", "validate_constraints", "get_deferred_fields", "serializable_value",
    "save_base", "prepare_database_save", "date_error_message", "unique_error_message",
    "get_constraints", "asave", "adelete", "arefresh_from_db", "check", "from_db",
})
#: What the model class itself offers besides its managers and fields.
CLASS_API = INSTANCE_API | frozenset({
    "DoesNotExist", "MultipleObjectsReturned", "NotUpdated", "_meta", "_default_manager",
    "_base_manager", "Meta",
})
_DYNAMIC = re.compile(r"^get_(?P<field>\w+)_display$|^get_(?:next|previous)_by_(?P<date>\w+)$")


class _Names:
    """One model's names, each mapped to the first field that answers to it."""

    def __init__(self, model: ModelFact) -> None:
        self.forward: dict[str, FieldFact] = {}
        self.by_accessor: dict[str, FieldFact] = {}
        self.by_query: dict[str, FieldFact] = {}
        for field in model.fields:
            if field.reverse:
                self.by_accessor.setdefault(field.name, field)
                self.by_query.setdefault(field.query_name or field.name, field)
                continue
            keys = [field.name, field.column]
            if _has_attname(field):
                keys.append(f"{field.name}_id")
            for key in keys:
                if key is not None:
                    self.forward.setdefault(key, field)
        self.attributes = frozenset(model.attributes) | frozenset(model.managers)


@reads.by_identity(limit=8192)
def _names(model: ModelFact) -> _Names:
    """Per model object, by identity: hashing a model would hash every one of its fields."""
    return _Names(model)


def forward_field(model: ModelFact, name: str) -> FieldFact | None:
    """A concrete or many-to-many field by name, column or attname (``customer_id``)."""
    return _names(model).forward.get(name)


def described_field(model: ModelFact, name: str) -> FieldFact | None:
    """The forward field ``name`` names as its own name, not as a column or attname:
    what a page writes next to it (type, NULL, length, values) describes that field, and
    ``customer_id`` is an integer where ``customer`` is a relation."""
    field = _names(model).forward.get(name)
    return field if field is not None and field.name == name else None


def reverse_field(model: ModelFact, name: str, *, query: bool) -> FieldFact | None:
    """A reverse relation by ORM lookup name (``query``) or by accessor (``items``)."""
    names = _names(model)
    return (names.by_query if query else names.by_accessor).get(name)


def _has_attname(field: FieldFact) -> bool:
    return field.is_relation and not field.many_to_many and not field.reverse and bool(field.column)


def any_field(model: ModelFact, name: str) -> FieldFact | None:
    """A field by any name a page may use for it (``pk`` is the primary key)."""
    if name == "pk":
        return next((f for f in model.fields if f.primary_key), None)
    names = _names(model)  # once: FD3 and FD803/FD804 ask this of nearly every name they meet
    return names.forward.get(name) or names.by_accessor.get(name) or names.by_query.get(name)


def is_attribute(model: ModelFact, name: str) -> bool:
    """A method, property, manager or class attribute the model defines or inherits."""
    return name in _names(model).attributes or _dynamic(model, name)


def _dynamic(model: ModelFact, name: str) -> bool:
    """``get_status_display`` and ``get_next_by_created_at``, which Django adds per field."""
    match = _DYNAMIC.match(name)
    if match is None:
        return False
    if match.group("field"):
        field = forward_field(model, match.group("field"))
        return field is not None and bool(field.choices)
    field = forward_field(model, match.group("date"))
    return field is not None and field.internal_type in {"DateField", "DateTimeField"} and (
        not field.null
    )


def is_known_name(model: ModelFact, name: str) -> bool:
    """Whether a page may name ``name`` on the model without it being drift."""
    return any_field(model, name) is not None or is_attribute(model, name) or name in INSTANCE_API


def field_names(model: ModelFact, *, reverse: bool = True, query: bool = False) -> list[str]:
    """Names to suggest from: forward fields, and reverse ones by accessor or lookup name."""
    names = []
    for field in model.fields:
        if field.reverse:
            if reverse:
                names.append((field.query_name or field.name) if query else field.name)
        else:
            names.append(field.name)
    return names


def field_suggestion(name: str, candidates: Iterable[str], model: ModelFact) -> str | None:
    """``did you mean `total`? (orders/models.py:31)`` for a field or attribute name, placed
    where the field or method is defined (the model's class line for other attributes)."""
    match = closest(name, candidates)
    if match is None:
        return None
    field = any_field(model, match)
    if field is not None and field.location:
        return suggestion(match, field.location)
    return suggestion(match, model.method_location(match) or model.location)


def close_names(name: str, candidates: Iterable[str], cutoff: float = 0.6) -> list[str]:
    """Every candidate close to ``name`` (case-insensitive), best first; never its
    opposite (``min_total`` for ``max_total``), which is another thing, not a new name."""
    folded: dict[str, str] = {}
    for candidate in candidates:
        folded.setdefault(candidate.casefold(), candidate)
    found = difflib.get_close_matches(name.casefold(), list(folded), n=3, cutoff=cutoff)
    return [folded[f] for f in found if not opposites(name, f)]


_OPPOSITES = {
    frozenset(pair) for pair in (
        ("min", "max"), ("minimum", "maximum"), ("from", "to"), ("before", "after"), ("start", "end"),
        ("since", "until"), ("gt", "lt"), ("gte", "lte"), ("first", "last"), ("include", "exclude"),
        ("enable", "disable"), ("show", "hide"), ("older", "newer"), ("lower", "upper"), ("open", "close"),
        ("with", "without"), ("add", "remove"), ("allow", "deny"), ("in", "out"), ("on", "off"),
    )
}


def opposites(name: str, other: str) -> bool:
    """Whether two names differ only in one word, the opposite of the other's:
    ``max_total`` and ``min_total``, ``--include-drafts`` and ``--exclude-drafts``."""
    words = re.split(r"[_\-]+", name.casefold().strip("-_"))
    others = re.split(r"[_\-]+", other.casefold().strip("-_"))
    if len(words) != len(others):
        return False
    differ = [frozenset((a, b)) for a, b in zip(words, others, strict=True) if a != b]
    return len(differ) == 1 and differ[0] in _OPPOSITES


def word_successor(name: str, candidates: Iterable[str]) -> str | None:
    """The one candidate that names the same thing in more or fewer words (``phone`` for
    ``phone_number``, ``total_cents`` for ``total``) or in another order (``total_min``
    for ``min_total``), where no name is close to it."""
    words = set(name.casefold().split("_")) - {""}
    found = []
    for candidate in candidates:
        other = set(candidate.casefold().split("_")) - {""}
        reordered = words == other and len(words) > 1 and candidate.casefold() != name.casefold()
        if (words < other or other < words or reordered) and any(len(word) >= 3 for word in words & other):
            found.append(candidate)
    return found[0] if len(found) == 1 else None


def successor(name: str, candidates: Iterable[str]) -> str | None:
    """The one candidate a stale name was renamed to: the only close one, or where none is
    close, the one that names it in more or fewer words (:func:`word_successor`)."""
    candidates = list(candidates)
    close = close_names(name, candidates)
    if close:
        return close[0] if len(close) == 1 else None
    return word_successor(name, candidates)


def where(location: SourceLocation | None) -> str:
    return f" ({location})" if location else ""


def field_hint(model: ModelFact, field: FieldFact, says: str) -> str:
    """``billing.Invoice.number has max_length=20 (billing/models.py:12)``: what the model
    ``says`` of the field, and where."""
    return f"{model.label}.{field.name} {says}" + (f" ({field.location})" if field.location else "")
