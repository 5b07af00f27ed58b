"""Field names Django methods take as plain strings rather than as keyword lookups.

On a queryset: ``latest("-created_at")``, ``dates("created_at", "month")``,
``bulk_update(objs, ["status"])``, ``bulk_create(objs, update_fields=[...])``,
``in_bulk(ids, field_name="number")``, ``select_for_update(of=("self", "customer"))``.
On an instance: ``save(update_fields=[...])`` and ``refresh_from_db(fields=[...])``.
A name that is not a string literal (a variable, a computed list) is not read.
"""

from __future__ import annotations

import ast
from collections.abc import Iterator
from enum import Enum

from featuredocs.model import ModelFact
from featuredocs.rules.fd3_models.lookup import forward_field, reverse_field
from featuredocs.rules.fd8_orm.nodes import strings


class Kind(Enum):
    """How a name given to a method is read."""

    ORDERING = "ordering"  # a path like order_by's, "-" allowed: latest, earliest, dates
    FIELD = "field"  # one field of the model itself: bulk_update, in_bulk
    RELATION = "relation"  # a single-valued relation, or "self": select_for_update(of=)


def _with_async(names: set[str]) -> frozenset[str]:
    return frozenset(names | {"a" + name for name in names})


_ORDERING_ARGS = _with_async({"latest", "earliest"})
_DATE_ARGS = frozenset({"dates", "datetimes"})
_BULK_UPDATE = _with_async({"bulk_update"})
_BULK_CREATE = _with_async({"bulk_create"})
_IN_BULK = _with_async({"in_bulk"})
_SAVE = _with_async({"save"})
_REFRESH = _with_async({"refresh_from_db"})


def queryset_field_arguments(method: str, call: ast.Call) -> Iterator[tuple[ast.Constant, Kind]]:
    """The field names a queryset or manager method is given, with how to read each."""
    if method in _ORDERING_ARGS:
        for literal in strings(call.args):
            yield literal, Kind.ORDERING
    elif method in _DATE_ARGS:
        for literal in strings([*call.args[:1], *_present(_keyword(call, "field_name"))]):
            yield literal, Kind.ORDERING
    elif method in _BULK_UPDATE:
        listed = call.args[1] if len(call.args) > 1 else _keyword(call, "fields")
        for literal in strings(_sequence(listed)):
            yield literal, Kind.FIELD
    elif method in _BULK_CREATE:
        for name in ("update_fields", "unique_fields"):
            for literal in strings(_sequence(_keyword(call, name))):
                yield literal, Kind.FIELD
    elif method in _IN_BULK:
        for literal in strings(_present(_keyword(call, "field_name"))):
            yield literal, Kind.FIELD
    elif method == "select_for_update":
        for literal in strings(_sequence(_keyword(call, "of"))):
            if literal.value != "self":
                yield literal, Kind.RELATION


def instance_field_arguments(method: str, call: ast.Call) -> Iterator[ast.Constant]:
    """The field names ``save(update_fields=…)`` or ``refresh_from_db(fields=…)`` is given."""
    if method in _SAVE:
        yield from strings(_sequence(_keyword(call, "update_fields")))
    elif method in _REFRESH:
        # refresh_from_db(using=None, fields=None): a first positional is the database
        listed = call.args[1] if len(call.args) > 1 else _keyword(call, "fields")
        yield from strings(_sequence(listed))


def names_instance_field(model: ModelFact, name: str) -> bool:
    """What ``save``/``refresh_from_db`` accept: a field by name or column, or a relation
    by accessor (``refresh_from_db`` also clears a prefetched one)."""
    return name == "pk" or forward_field(model, name) is not None or (
        reverse_field(model, name, query=False) is not None
    )


def _keyword(call: ast.Call, name: str) -> ast.expr | None:
    return next((k.value for k in call.keywords if k.arg == name), None)


def _present(node: ast.expr | None) -> list[ast.expr]:
    return [node] if node is not None else []


def _sequence(node: ast.expr | None) -> list[ast.expr]:
    """The items of a literal list, tuple or set (anything else is not read)."""
    return list(node.elts) if isinstance(node, ast.List | ast.Tuple | ast.Set) else []
