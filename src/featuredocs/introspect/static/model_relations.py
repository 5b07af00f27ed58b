"""Reverse relations: what a ForeignKey, OneToOneField or ManyToManyField adds to its target.

``Order.customer = ForeignKey(User, related_name="orders")`` gives ``User.orders``; without
a ``related_name`` the accessor is ``order_set`` (``order`` for a OneToOneField), and
``related_name`` ending in ``+`` hides it. ``%(class)s`` and ``%(app_label)s`` in a name
written on an abstract base are filled in for each concrete model.
"""

from __future__ import annotations

from dataclasses import dataclass

from featuredocs.model import FieldFact

_REVERSE_CLASSES = {
    "ForeignKey": "ManyToOneRel", "OneToOneField": "OneToOneRel", "ManyToManyField": "ManyToManyRel",
}


@dataclass(frozen=True)
class LocalRelation:
    """A forward relation declared on (or copied onto) one concrete model."""

    fact: FieldFact
    kind: str  # ForeignKey, OneToOneField or ManyToManyField
    related_name: str | None = None
    related_query_name: str | None = None
    symmetrical: bool | None = None


def reverse_fact(relation: LocalRelation, app_label: str, model_name: str) -> FieldFact | None:
    """The field the relation adds to its target model, or None when it adds none."""
    fact = relation.fact
    own_label = f"{app_label}.{model_name}"
    if fact.related_model is None:
        return None
    substitutions = {"class": model_name.lower(), "model_name": model_name.lower(),
                     "app_label": app_label.lower()}
    related_name = _fill(relation.related_name, substitutions)
    if related_name is not None and related_name.endswith("+"):
        return None
    if relation.kind == "ManyToManyField" and _same_model(fact.related_model, own_label):
        if relation.symmetrical is not False:
            return None  # a symmetrical relation to itself has no reverse side
    default = model_name.lower() if relation.kind == "OneToOneField" else f"{model_name.lower()}_set"
    query_name = _fill(relation.related_query_name, substitutions) or related_name or model_name.lower()
    return FieldFact(
        name=related_name or default,
        field_class=_REVERSE_CLASSES[relation.kind],
        internal_type=fact.internal_type,
        related_model=own_label,
        null=True,
        blank=True,
        is_relation=True,
        many_to_many=relation.kind == "ManyToManyField",
        reverse=True,
        auto_created=True,
        location=fact.location,
        query_name=query_name,
    )


def _fill(name: str | None, substitutions: dict[str, str]) -> str | None:
    if not name:
        return None
    try:
        return name % substitutions
    except (KeyError, ValueError, TypeError):
        return name


def _same_model(label: str, other: str) -> bool:
    return label.lower() == other.lower()
