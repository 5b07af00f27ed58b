"""Cheaper construction for the frozen, slotted dataclasses a page is made of."""

from __future__ import annotations

import copyreg
import dataclasses
from collections.abc import Callable
from functools import partial
from operator import attrgetter
from typing import Any, TypeVar

T = TypeVar("T")


def quick_init(cls: type[T]) -> type[T]:
    """Give a frozen, slotted dataclass an ``__init__`` that fills its slots directly.

    The generated ``__init__`` of a frozen dataclass goes through ``object.__setattr__``
    by name for every field, which makes a four-field span cost twice as much to build
    (and a nine-field block four times as much); a thousand pages build a million of
    these. Everything else (equality, hashing, ordering, ``replace``, the refusal to be
    changed) stays the dataclass's own; pickling goes through :func:`pickled_without_memos`.
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
    return pickled_without_memos(cls)


def memo_field() -> Any:
    """A slot for a value worked out from the other fields on first use: outside
    ``__init__``, equality, hashing and ``repr``, and so not carried over by ``replace``."""
    return dataclasses.field(default=None, init=False, repr=False, compare=False)


def pickled_without_memos(cls: type[T]) -> type[T]:
    """Pickle a slotted dataclass as a call of the class with its ``__init__`` fields, so
    its :func:`memo_field` slots come back empty: they are rebuilt on demand, and would
    otherwise copy what the other fields already hold.

    A frozen, slotted dataclass otherwise pickles through Python-level ``__getstate__``
    and ``__setstate__`` that look its fields up for every object; this reads them with
    one C-level getter and rebuilds with ``__init__``, three times as fast both ways (a
    thousand pages' light copies hold a quarter of a million objects).
    """
    names = tuple(field.name for field in dataclasses.fields(cls) if field.init)  # type: ignore[arg-type]
    if len(names) > 1:
        arguments = attrgetter(*names)
    else:
        def arguments(self: Any) -> tuple[Any, ...]:
            return tuple(getattr(self, name) for name in names)

    def __reduce__(self: Any) -> tuple[Any, ...]:
        if type(self) is not cls:  # a subclass may have fields of its own: all are kept
            return (copyreg.__newobj__, (type(self),), self.__getstate__())
        return (cls, arguments(self))

    cls.__reduce__ = __reduce__  # type: ignore[assignment]
    return cls


def filled_on_read(*later: str) -> Callable[[type[T]], type[T]]:
    """Let the parser build the class with the fields in ``later`` left empty, each worked out
    the first time it is read, from what the slot ``_lazy`` holds: a tuple whose first
    item is ``fill(name, lazy)``. Most of a page's spans and source slices are never read.

    The class needs a :func:`memo_field` named ``_lazy`` and :func:`pickled_without_memos`
    (reading every field for equality, ``repr``, ``replace`` or pickling fills them all).
    ``cls._partial(lazy, *others)`` builds one with the other fields in declaration order.
    """
    return partial(_fill_on_read, later=later)


def _fill_on_read(cls: type[T], later: tuple[str, ...]) -> type[T]:
    fields = dataclasses.fields(cls)  # type: ignore[arg-type]
    unknown = set(later) - {field.name for field in fields if field.init}
    if unknown or "_lazy" not in {field.name for field in fields}:
        raise TypeError(f"{cls.__name__}: cannot fill {sorted(unknown) or '_lazy'} on read")
    setters = {name: getattr(cls, name).__set__ for name in later}
    read_lazy = cls._lazy.__get__  # type: ignore[attr-defined]

    def __getattr__(self: Any, name: str) -> Any:
        setter = setters.get(name)
        lazy = read_lazy(self) if setter is not None else None
        if lazy is None:
            raise AttributeError(f"{type(self).__name__!r} object has no attribute {name!r}")
        value = lazy[0](name, lazy)
        setter(self, value)
        return value

    given = [field.name for field in fields if field.init and field.name not in later]
    namespace: dict[str, object] = {"_new": object.__new__, "_cls": cls, "_set__lazy": cls._lazy.__set__}  # type: ignore[attr-defined]
    body = ["    self = _new(_cls)", "    _set__lazy(self, _lazy)"]
    for name in given:
        namespace[f"_set_{name}"] = getattr(cls, name).__set__
        body.append(f"    _set_{name}(self, {name})")
    source = f"def _partial(_lazy, {', '.join(given)}):\n" + "\n".join(body) + "\n    return self\n"
    exec(source, namespace)  # noqa: S102 - built from the field names only
    cls.__getattr__ = __getattr__  # type: ignore[attr-defined]
    cls._partial = staticmethod(namespace["_partial"])  # type: ignore[attr-defined]
    return cls
