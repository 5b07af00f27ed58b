"""JSON round-trips for the frozen dataclasses of the model, driven by their annotations.

A project's facts hold a few hundred thousand values, so each dataclass gets its
compact-text writer and its decoder written out once (as ``dataclasses`` writes
``__init__``), and plain values pass through without a call: the generic walk costs a call
and a chain of type tests per value. What comes out, and what is accepted, is the same as
the walk's.
"""

from __future__ import annotations

import dataclasses
import json
import types
import typing
from collections.abc import Callable
from enum import Enum
from json.encoder import encode_basestring_ascii
from typing import Any, TypeVar

T = TypeVar("T")

#: Types written to JSON as they are (subclasses, say a ``str`` subclass, are looked at).
_PLAIN = frozenset({str, int, float, bool, type(None)})
_encoders: dict[type, Callable[[Any], Any]] = {}


def to_jsonable(value: Any) -> Any:
    """``value`` as JSON-ready lists, dicts and plain values; every dict's keys in sorted
    order, so ``json.dumps`` writes what it writes with ``sort_keys`` without sorting."""
    kind = value.__class__
    if kind in _PLAIN:
        return value
    if kind is tuple or kind is list:
        return [v if v.__class__ in _PLAIN else to_jsonable(v) for v in value]
    return _encoder(kind)(value)


def _encoder(kind: type) -> Callable[[Any], Any]:
    """How every value of exactly this class is written."""
    encode = _encoders.get(kind)
    if encode is not None:
        return encode
    if dataclasses.is_dataclass(kind):
        encode = _from_text(kind)
    elif issubclass(kind, Enum):
        encode = _enum_value
    elif issubclass(kind, frozenset | set):
        encode = _sorted_items
    elif issubclass(kind, tuple | list):
        encode = _items
    elif issubclass(kind, dict | types.MappingProxyType):
        encode = _mapping
    else:
        encode = _itself
    _encoders[kind] = encode
    return encode


def _enum_value(value: Any) -> Any:
    return value.value


def _sorted_items(value: Any) -> list[Any]:
    return sorted(to_jsonable(v) for v in value)


def _items(value: Any) -> list[Any]:
    return [to_jsonable(v) for v in value]


def _mapping(value: Any) -> dict[str, Any]:
    written = {str(k): to_jsonable(v) for k, v in value.items()}
    return {k: written[k] for k in sorted(written)}


def _itself(value: Any) -> Any:
    return value


def _from_text(kind: type) -> Callable[[Any], Any]:
    """A dataclass as lists and dicts: its compact text read back. Only the indented
    output wants them, and the text writer is the one written out per class."""
    write = _text_writer(kind)

    def encode(value: Any) -> Any:
        return json.loads(write(value))

    return encode


def to_json_text(value: Any) -> str:
    """``json.dumps(to_jsonable(value), sort_keys=True, separators=(",", ":"))``, the same
    text, written without building the dicts and lists in between."""
    kind = value.__class__
    if dataclasses.is_dataclass(kind):
        return _text_writer(kind)(value)
    return _dumped(value)


def _dumped(value: Any) -> str:
    return json.dumps(to_jsonable(value), separators=(",", ":"), check_circular=False)


_text_writers: dict[type, Callable[[Any], str]] = {}


def _text_writer(kind: type) -> Callable[[Any], str]:
    """Writes one ``kind`` as compact JSON text: keys in order, each field as its annotation
    says it is stored, and anything else (another class, a float, a set) as ``json.dumps``
    writes it."""
    known = _text_writers.get(kind)
    if known is not None:
        return known
    try:
        hints = typing.get_type_hints(kind)
    except (NameError, TypeError):
        hints = {}
    names = sorted(f.name for f in dataclasses.fields(kind) if not f.name.startswith("_"))
    namespace: dict[str, Any] = {"dump": _dumped, "quote": encode_basestring_ascii}
    nested: dict[str, type] = {}
    reads = "".join(f"    v{i} = value.{name}\n" for i, name in enumerate(names))
    template = "{" + ",".join(f"{json.dumps(name)}:%s" for name in names) + "}"
    parts = "".join(
        f"{_text_code(f'v{i}', hints.get(name), str(i), namespace, nested)}, "
        for i, name in enumerate(names)
    )
    source = f"def text(value):\n{reads}    return {template!r} % ({parts})\n"
    text = _text_writers[kind] = _compiled(source, "text", namespace)
    for name, tp in nested.items():
        namespace[name] = _text_writer(tp)
    return text


def _text_code(read: str, tp: Any, key: str, namespace: dict[str, Any], nested: dict[str, type]) -> str:
    """A Python expression giving the JSON text of the value ``read``, annotated ``tp``."""
    origin = typing.get_origin(tp)
    if origin in (typing.Union, types.UnionType):
        options = [a for a in typing.get_args(tp) if a is not type(None)]
        if len(options) != 1:
            return f"dump({read})"
        return f"('null' if {read} is None else {_text_code(read, options[0], key, namespace, nested)})"
    if tp is str:
        return f"(quote({read}) if {read}.__class__ is str else dump({read}))"
    if tp is bool:
        return f"('true' if {read} is True else 'false' if {read} is False else dump({read}))"
    if tp is int:
        return f"(int.__repr__({read}) if {read}.__class__ is int else dump({read}))"
    if dataclasses.is_dataclass(tp):
        namespace[f"t{key}"], nested[f"w{key}"] = tp, tp
        return f"(w{key}({read}) if {read}.__class__ is t{key} else dump({read}))"
    if origin is tuple:
        args = typing.get_args(tp)
        item = args[0] if args else Any
        if dataclasses.is_dataclass(item):
            namespace[f"t{key}"], nested[f"w{key}"] = item, item
            written = f"w{key}(x) if x.__class__ is t{key} else dump(x)"
        elif item is str:
            written = "quote(x) if x.__class__ is str else dump(x)"
        else:
            return f"dump({read})"
        return f"('[' + ','.join([{written} for x in {read}]) + ']' if {read}.__class__ is tuple else dump({read}))"
    return f"dump({read})"


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


_decoders: dict[type, Callable[[Any], Any]] = {}


def _decoder(cls: type) -> Callable[[Any], Any]:
    """Reads one ``cls`` from its JSON object: every field's value converted by its type,
    fields missing from the object left to their defaults, keys it does not know ignored."""
    known = _decoders.get(cls)
    if known is not None:
        return known
    hints = typing.get_type_hints(cls)
    fields = dataclasses.fields(cls)
    names = [f.name for f in fields if not f.name.startswith("_")]
    namespace: dict[str, Any] = {"cls": cls}
    nested: dict[str, type] = {}  # decoders of dataclasses looked up once all exist: a class may contain itself
    values = {name: _value_code(f"data[{name!r}]", hints[name], f"{i}", namespace, nested)
              for i, name in enumerate(names)}
    namespace["fields"] = [(name, _converter(hints[name])) for name in names]
    # An object with as many keys as there are fields holds them all, unless a key is
    # missing, and then reading it fails: either way the fields are read one by one.
    slow = (
        "def read_each(data):\n"
        "    return cls(**{n: data[n] if c is None or data[n] is None else c(data[n])\n"
        "                  for n, c in fields if n in data})\n"
        "def read(data):\n"
        f"    if len(data) != {len(names)}:\n"
        "        return read_each(data)\n"
        "    try:\n"
    )
    if _fills_slots(cls):
        # A frozen dataclass's ``__init__`` sets each field by name through
        # ``object.__setattr__``; the slots' own setters do the same work for a fraction.
        namespace["new"] = object.__new__
        body = ["        self = new(cls)"]
        for i, f in enumerate(fields):
            namespace[f"s{i}"] = getattr(cls, f.name).__set__
            if f.name in values:
                body.append(f"        s{i}(self, {values[f.name]})")
            else:
                namespace[f"default{i}"] = f.default
                body.append(f"        s{i}(self, default{i})")
        body.append("        return self")
    else:
        arguments = ", ".join(f"{name}={value}" for name, value in values.items())
        body = [f"        return cls({arguments})"]
    source = slow + "\n".join(body) + "\n    except KeyError:\n        return read_each(data)\n"
    read = _decoders[cls] = _compiled(source, "read", namespace)
    for name, tp in nested.items():
        namespace[name] = _decoder(tp)
    return read


def _fills_slots(cls: type) -> bool:
    """Whether a ``cls`` is made whole by setting each field's slot: every field has one,
    there is no ``__post_init__``, and every field outside ``__init__`` has a plain default."""
    if hasattr(cls, "__post_init__"):
        return False
    return all(
        isinstance(getattr(cls, f.name, None), types.MemberDescriptorType)
        and (f.init or f.default is not dataclasses.MISSING)
        for f in dataclasses.fields(cls)
    )


def _value_code(read: str, tp: Any, key: str, namespace: dict[str, Any], nested: dict[str, type]) -> str:
    """Python text turning the JSON value ``read`` into a value of type ``tp``, None kept."""
    origin = typing.get_origin(tp)
    if origin in (typing.Union, types.UnionType):
        options = [a for a in typing.get_args(tp) if a is not type(None)]
        if len(options) != 1:
            return read
        tp, origin = options[0], typing.get_origin(options[0])
    if tp in _PLAIN or tp is Any:
        return read
    if dataclasses.is_dataclass(tp):
        nested[f"d{key}"] = tp
        return f"(None if (v{key} := {read}) is None else d{key}(v{key}))"
    if origin is tuple or origin is frozenset:
        args = typing.get_args(tp)
        make = "tuple" if origin is tuple else "frozenset"
        if args and dataclasses.is_dataclass(args[0]):
            nested[f"d{key}"] = args[0]
            item = f"d{key}(x)"
        elif not args or args[0] in _PLAIN or args[0] is Any:
            return f"(None if (v{key} := {read}) is None else {make}(v{key}))"
        else:
            namespace[f"c{key}"] = _converter(args[0])
            item = f"c{key}(x)"
        return f"(None if (v{key} := {read}) is None else {make}([None if x is None else {item} for x in v{key}]))"
    namespace[f"c{key}"] = _converter(tp)
    return f"(None if (v{key} := {read}) is None else c{key}(v{key}))"


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
