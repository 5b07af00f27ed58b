"""The most a django-ninja count parameter takes, and what ninja's own paginators do with
their size parameter, as :class:`~featuredocs.model.QueryParamFact` holds it.

Both modes hand over plain values: the live reader the real ones, the static reader those
it reads from source, anything else (an unread expression) where it cannot. Nothing here
imports Django or ninja.
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from dataclasses import dataclass

from featuredocs.introspect.param_defaults import size_default

#: A parameter nothing bounds: ``le`` left out, or ninja's ``NINJA_PAGINATION_MAX_LIMIT``
#: at its default, ``inf``.
NO_CAP = math.inf


@dataclass(frozen=True, slots=True)
class NinjaPaginator:
    """One of ninja's paginators: the query parameter that sizes a page, the instance
    attributes that set its size when it is left out (None: the parameter's own default)
    and its cap, and the methods that apply them."""

    size_param: str
    size: str | None
    cap: str
    methods: tuple[str, ...]


_PAGE = ("paginate_queryset", "apaginate_queryset", "_get_page_size")
#: ``ninja.pagination``'s classes by name; a subclass that overrides one of ``methods``
#: sizes its pages itself, and only its ``Input`` is known.
PAGINATORS = {
    "LimitOffsetPagination": NinjaPaginator("limit", None, "max_limit", _PAGE[:2]),
    "PageNumberPagination": NinjaPaginator("page_size", "page_size", "max_page_size", _PAGE),
    "CursorPagination": NinjaPaginator("page_size", "page_size", "max_page_size", _PAGE),
}


def declared_cap(bounds: Iterable[tuple[str, object]]) -> float | None:
    """The most an integer takes under its ``le`` and ``lt`` bounds (``lt=101`` is 100):
    :data:`NO_CAP` when none is set, None when one is not a number we know."""
    cap: float = NO_CAP
    for kind, bound in bounds:
        if isinstance(bound, bool) or not isinstance(bound, int | float) or math.isnan(bound):
            return None
        if not math.isinf(bound):
            cap = min(cap, math.floor(bound) if kind == "le" else math.ceil(bound) - 1)
    return cap


def count_maximum(cap: float | None) -> int | None:
    """A cap as ``QueryParamFact.maximum`` holds it: a count (one at least), else None."""
    return cap if isinstance(cap, int) and not isinstance(cap, bool) and cap > 0 else None


def paged_size(paginator: NinjaPaginator, default: object, declared: float | None,
               size: object, cap: object) -> tuple[str | None, int | None]:
    """The default and cap of ``paginator``'s size parameter, from the parameter's own
    ``default`` and ``declared`` cap and the instance's ``size`` and ``cap`` attributes.

    A limit is served as ``min(limit, max_limit)``; a page size left out as the page size,
    one asked for as ``min(page_size, max_page_size)`` (``ninja.pagination``).
    """
    own = NO_CAP if isinstance(cap, float) and cap == NO_CAP else count_maximum(cap)
    largest = None if declared is None or own is None else min(declared, own)
    if paginator.size is not None and default is None:
        served = size
    elif isinstance(default, int) and not isinstance(default, bool) and largest is not None:
        served = min(default, largest)
    else:
        served = None
    return size_default(served), count_maximum(largest)
