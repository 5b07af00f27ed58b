"""JSON round-trips for the frozen dataclasses of the model, driven by their annotations.

A project's facts hold a few hundred thousand values, so each dataclass gets its encoder
and decoder written out once (as ``dataclasses`` writes ``__init__``), and plain values
pass through without a call: the generic walk costs a call and a chain of type tests per
value. What comes out, and what is accepted, is the same as the walk's.
"""

from __future__ import annotations

import dataclasses
import types
import typing
from collections.abc import Callable
from enum import Enum
from functools import cache
from typing import Any, TypeVar

T = TypeVar("T")

#: Types written to JSON as they are (subclasses, say a ``str`` subclass, are looked at).
_PLAIN = frozenset({str, int, float, bool, type(None)})
_encoders: dict[type, Callable[[Any], Any]] = {}


def to_jsonable(value: Any) -> Any:
    kind = value.__class__
    if kind in _PLAIN:
        return value
    if kind is tuple or kind is list:
        return [v if v.__class__ in _PLAIN else to_jsonable(v) for v in value]
    encode = _encoders.get(kind)
    if encode is None:
        encode = _encoders[kind] = _encoder(kind)
    return encode(value)


def _encoder(kind: type) -> Callable[[Any], Any]:
    """How every value of exactly this class is written."""
    if dataclasses.is_dataclass(kind):
        return _dataclass_encoder(kind)
    if issubclass(kind, Enum):
        return lambda value: value.value
    if issubclass(kind, frozenset | set):
        return lambda value: sorted(to_jsonable(v) for v in value)
    if issubclass(kind, tuple | list):
        return lambda value: [to_jsonable(v) for v in value]
    if issubclass(kind, dict | types.MappingProxyType):
        return lambda value: {str(k): to_jsonable(v) for k, v in value.items()}
    return lambda value: value


def _dataclass_encoder(kind: type) -> Callable[[Any], Any]:
    names = [f.name for f in dataclasses.fields(kind) if not f.name.startswith("_")]
    reads = "".join(f"    v{i} = value.{name}\n" for i, name in enumerate(names))
    items = ", ".join(
        f"{name!r}: v{i} if v{i}.__class__ in plain else encode(v{i})" for i, name in enumerate(names)
    )
    source = f"def write(value):\n{reads}    return {{{items}}}\n"
    return _compiled(source, "write", {"plain": _PLAIN, "encode": to_jsonable})


@cache
def _hints(cls: type) -> dict[str, Any]:
    return typing.get_type_hints(cls)


def from_jsonable(tp: Any, data: Any) -> Any:
    if data is None:
        return None
    origin = typing.get_origin(tp)
    if origin in (typing.Union, types.UnionType):
        options = [a for a in typing.get_args(tp) if a is not type(None)]
        return from_jsonable(options[0], data) if len(options) == 1 else data
    if dataclasses.is_dataclass(tp):
        return _decoder(tp)(data)
    if origin is tuple:
        args = typing.get_args(tp)
        item = args[0] if args else Any
        return tuple(from_jsonable(item, v) for v in data)
    if origin is frozenset:
        (item,) = typing.get_args(tp)
        return frozenset(from_jsonable(item, v) for v in data)
    if isinstance(tp, type) and issubclass(tp, Enum):
        return tp(data)
    return data


@cache
def _decoder(cls: type) -> Callable[[Any], Any]:
    """Reads one ``cls`` from its JSON object: every field's value converted by its type,
    fields missing from the object left to their defaults."""
    hints = _hints(cls)
    names = [f.name for f in dataclasses.fields(cls) if not f.name.startswith("_")]
    namespace: dict[str, Any] = {"cls": cls, "expected": frozenset(names)}
    arguments = []
    for i, name in enumerate(names):
        convert = _converter(hints[name])
        value = f"data[{name!r}]"
        if convert is not None:
            namespace[f"c{i}"] = convert
            value = f"(None if (v{i} := {value}) is None else c{i}(v{i}))"
        arguments.append(f"{name}={value}")
    namespace["fields"] = [(name, _converter(hints[name])) for name in names]
    source = (
        "def read(data):\n"
        "    if data.keys() != expected:\n"
        "        return cls(**{n: data[n] if c is None or data[n] is None else c(data[n])\n"
        "                      for n, c in fields if n in data})\n"
        f"    return cls({', '.join(arguments)})\n"
    )
    return _compiled(source, "read", namespace)


def _converter(tp: Any) -> Callable[[Any], Any] | None:
    """What turns a JSON value (never None) into a value of type ``tp``; None when the
    value is used as it is."""
    if tp in _PLAIN or tp is Any:
        return None
    origin = typing.get_origin(tp)
    if origin in (typing.Union, types.UnionType):
        options = [a for a in typing.get_args(tp) if a is not type(None)]
        return _converter(options[0]) if len(options) == 1 else None
    if dataclasses.is_dataclass(tp):
        return lambda data: _decoder(tp)(data)  # looked up late: a class may contain itself
    if origin is tuple:
        args = typing.get_args(tp)
        item = _converter(args[0]) if args else None
        if item is None:
            return tuple
        return lambda data: tuple([None if v is None else item(v) for v in data])
    if origin is frozenset:
        (item_type,) = typing.get_args(tp)
        item = _converter(item_type)
        if item is None:
            return frozenset
        return lambda data: frozenset([None if v is None else item(v) for v in data])
    return lambda data: from_jsonable(tp, data)


def _compiled(source: str, name: str, namespace: dict[str, Any]) -> Callable[[Any], Any]:
    exec(compile(source, f"<featuredocs.model.serialize {name}>", "exec"), namespace)
    return namespace[name]
