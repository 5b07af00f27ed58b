"""The defaults and caps of query parameters, as :class:`~featuredocs.model.QueryParamFact`
holds them, from the values both modes find (a live attribute, or one read from source).

Nothing here imports Django: the live and the static readers hand over plain values.
"""

from __future__ import annotations

import enum
import math


def ordering_default(ordering: object) -> str | None:
    """An ordering filter's default from the view's ``ordering`` (a field or a list of
    them), written as its query string would be: ``'-created_at,id'``."""
    if isinstance(ordering, str):
        ordering = (ordering,)
    if not isinstance(ordering, list | tuple) or not ordering:
        return None
    if not all(isinstance(field, str) and field and "," not in field for field in ordering):
        return None  # an expression (``F("paid_at").desc()``) has no query-string form
    return repr(",".join(ordering))


def size_default(size: object) -> str | None:
    """A page size or limit parameter's default: the paginator's own size."""
    positive = _positive(size)
    return repr(positive) if positive is not None else None


def size_maximum(size: object) -> int | None:
    """The most a page size or limit parameter takes: the paginator's own cap."""
    return _positive(size)


def _positive(size: object) -> int | None:
    """A size as a paginator uses it; None (no size, no cap) for anything else."""
    if isinstance(size, bool) or not isinstance(size, int) or size <= 0:
        return None
    return size


def literal_default(value: object) -> str | None:
    """The default of a parameter read with one (``request.GET.get("sort", "name")``, a
    django-ninja argument ``limit: int = 20``, an enum member's value): a plain value, None for anything else
    (``None`` or ``""`` only stand for a parameter left out). An infinite or NaN float
    has no literal repr the rules could read back, and is left unknown."""
    if isinstance(value, enum.Enum):  # ``size: Size = Size.SMALL``: the query string gives "s"
        value = value.value
    if value is None or value == "" or not isinstance(value, str | int | float | bool):
        return None
    if isinstance(value, float) and not math.isfinite(value):
        return None
    return repr(value)
