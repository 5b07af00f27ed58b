"""django-ninja's ``@paginate``: the paginator an operation's view was wrapped with, and
what it does with the query parameters its ``Input`` schema adds.

``@paginate`` replaces the view with a closure over the paginator instance and hands its
``Input`` to ninja as one more argument (``ninja_pagination``), whose fields become query
parameters like any other. Their defaults are the schema's; the size parameter's default
and cap are the instance's (``page_size``, ``max_page_size``, ``max_limit``), as ninja's
own paginators apply them (see :mod:`featuredocs.introspect.ninja_sizes`).
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, replace
from typing import Any

from ninja.pagination import PaginationBase

from featuredocs.introspect.ninja_sizes import PAGINATORS, NinjaPaginator, declared_cap, paged_size
from featuredocs.model import QueryParamFact


@dataclass(frozen=True, slots=True)
class Leaf:
    """The field a query parameter is read into: its attribute name on its schema, and
    whether every schema on the way to it requires it."""

    attribute: str
    field: Any  # pydantic's FieldInfo
    required: bool


def bounds(field: Any) -> Iterator[tuple[str, object]]:
    """``("le", 100)`` for ``Query(le=100)``, ``Field(le=100)``, ``conint(le=100)``: pydantic
    keeps each bound as an ``annotated_types`` entry of the field's metadata."""
    for entry in getattr(field, "metadata", ()):
        for kind in ("le", "lt"):
            value = getattr(entry, kind, None)
            if value is not None:
                yield kind, value


@dataclass(frozen=True, slots=True)
class Paged:
    """An operation's paginator and the argument its ``Input`` arrives in."""

    paginator: PaginationBase
    argument: str

    def param(self, param: QueryParamFact, leaf: Leaf) -> QueryParamFact:
        param = replace(param, source="pagination")
        known = _own_sizes(type(self.paginator))
        if known is None or leaf.attribute != known.size_param:
            return param
        size = getattr(self.paginator, known.size, None) if known.size else None
        default, maximum = paged_size(known, leaf.field.default, declared_cap(bounds(leaf.field)),
                                      size, getattr(self.paginator, known.cap, None))
        return replace(param, default=default, maximum=maximum)


def paginator_of(view: Any) -> Paged | None:
    paginator = next((v for v in _closure(view) if isinstance(v, PaginationBase)), None)
    if paginator is None:
        return None
    contributed = getattr(view, "_ninja_contribute_args", None) or ()
    argument = next((name for name, kind, _ in contributed if kind is paginator.Input), None)
    return Paged(paginator, argument) if argument else None


def _closure(view: Any) -> Iterator[object]:
    for cell in getattr(view, "__closure__", None) or ():
        try:
            yield cell.cell_contents
        except ValueError:  # an empty cell
            continue


def _own_sizes(cls: type) -> NinjaPaginator | None:
    """How the nearest of ninja's paginators among ``cls``'s bases sizes a page, unless a
    class before it overrides a method that applies the sizes."""
    for base in cls.__mro__:
        known = PAGINATORS.get(base.__name__) if base.__module__ == "ninja.pagination" else None
        if known is not None:
            return known if all(getattr(cls, m, None) is getattr(base, m) for m in known.methods) else None
    return None
