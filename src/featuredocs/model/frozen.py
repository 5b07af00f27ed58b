"""Cheaper construction for the frozen, slotted dataclasses a page is made of."""

from __future__ import annotations

import dataclasses
from typing import Any, TypeVar

T = TypeVar("T")


def quick_init(cls: type[T]) -> type[T]:
    """Give a frozen, slotted dataclass an ``__init__`` that fills its slots directly.

    The generated ``__init__`` of a frozen dataclass goes through ``object.__setattr__``
    by name for every field, which makes a four-field span cost twice as much to build
    (and a nine-field block four times as much); a thousand pages build a million of
    these. Everything else (equality, hashing, ordering, ``replace``, pickling, the
    refusal to be changed) stays the dataclass's own.
    """
    params: list[str] = []
    body: list[str] = []
    namespace: dict[str, object] = {}
    for field in dataclasses.fields(cls):  # type: ignore[arg-type]
        name = field.name
        if field.default_factory is not dataclasses.MISSING:
            raise TypeError(f"{cls.__name__}.{name}: only plain fields and defaults are supported")
        namespace[f"_set_{name}"] = getattr(cls, name).__set__
        if not field.init:
            if field.default is dataclasses.MISSING:
                raise TypeError(f"{cls.__name__}.{name}: a field outside __init__ needs a default")
            namespace[f"_default_{name}"] = field.default
            body.append(f"    _set_{name}(self, _default_{name})")
            continue
        if field.default is dataclasses.MISSING:
            params.append(name)
        else:
            namespace[f"_default_{name}"] = field.default
            params.append(f"{name}=_default_{name}")
        body.append(f"    _set_{name}(self, {name})")
    if hasattr(cls, "__post_init__"):
        raise TypeError(f"{cls.__name__}: __post_init__ is not supported")
    source = f"def __init__(self, {', '.join(params)}):\n" + "\n".join(body) + "\n"
    exec(source, namespace)  # noqa: S102 - built from the field names only, as dataclasses does
    init = namespace["__init__"]
    init.__qualname__ = f"{cls.__qualname__}.__init__"  # type: ignore[attr-defined]
    init.__module__ = cls.__module__  # type: ignore[attr-defined]
    cls.__init__ = init  # type: ignore[misc]
    return cls


def memo_field() -> Any:
    """A slot for a value worked out from the other fields on first use: outside
    ``__init__``, equality, hashing and ``repr``, and so not carried over by ``replace``."""
    return dataclasses.field(default=None, init=False, repr=False, compare=False)


def pickled_without_memos(cls: type[T]) -> type[T]:
    """Pickle a slotted dataclass with its :func:`memo_field` slots empty: they are
    rebuilt on demand, and would otherwise copy what the other fields already hold."""
    names = [field.name for field in dataclasses.fields(cls)]  # type: ignore[arg-type]
    memos = frozenset(field.name for field in dataclasses.fields(cls) if not field.init)  # type: ignore[arg-type]

    def __getstate__(self: Any) -> list[Any]:
        return [None if name in memos else getattr(self, name) for name in names]

    cls.__getstate__ = __getstate__  # type: ignore[attr-defined]
    return cls
