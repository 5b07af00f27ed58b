"""A documented JSON body read for its shape: keys, nesting and lists, each key placed.

Plain JSON is read by ``json.loads``; a body written with the liberties pages take
(comments, trailing commas, ``...``) by :mod:`json_text`; anything that is still not
JSON gives None, so a rule makes no claims about it. Every key keeps its position in the
text (line index, character offset of its opening quote).
"""

from __future__ import annotations

import bisect
import itertools
import json
import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache

from featuredocs.rules.fd5_endpoints.json_text import Kind, Node, NotJson, Pairs, parse


class JsonKey:
    """``"name": value`` at ``line`` (0-based in the text), ``column`` (0-based offset);
    ``length`` counts the quotes too.

    Most bodies are right and their keys never need a place: the keys of a body are
    placed together, the first time one of them is asked where it is.
    """

    __slots__ = ("name", "value", "_places", "_index")

    def __init__(self, name: str, value: JsonValue, places: _Places, index: int) -> None:
        self.name = name
        self.value = value
        self._places = places
        self._index = index

    @property
    def line(self) -> int:
        return self._places.get()[self._index][0]

    @property
    def column(self) -> int:
        return self._places.get()[self._index][1]

    @property
    def length(self) -> int:
        return self._places.get()[self._index][2]

    def __repr__(self) -> str:
        return f"JsonKey({self.name!r}, {self.value!r})"


class _Places:
    """Where the keys of one body stand, in the order :meth:`JsonValue.walk_keys` gives."""

    __slots__ = ("_text", "_found", "root")

    def __init__(self, text: str, found: list[tuple[int, int, int]] | None = None) -> None:
        self._text = text
        self._found = found
        self.root: JsonValue | None = None

    def add(self, place: tuple[int, int, int]) -> int:
        assert self._found is not None
        self._found.append(place)
        return len(self._found) - 1

    def get(self) -> list[tuple[int, int, int]]:
        if self._found is None:
            assert self.root is not None
            names = [key.name for key in self.root.walk_keys()]
            try:
                self._found = _Placer(self._text).places(names)
            except NotJson:  # a key spelled with escapes: the lenient reader places it
                lenient = _read_lenient(self._text)
                keys = lenient.walk_keys() if lenient is not None else []
                self._found = [(key.line, key.column, key.length) for key in keys]
        return self._found


@dataclass(frozen=True, slots=True)
class JsonValue:
    kind: Kind
    keys: tuple[JsonKey, ...] = ()  # an object's members, in order
    items: tuple[JsonValue, ...] = ()  # an array's elements
    text: str | None = None  # the string a scalar holds (None for a number, true, null)

    def walk_keys(self) -> list[JsonKey]:
        """Every key at every depth, in the order they are written."""
        found: list[JsonKey] = []
        for key in self.keys:
            found.append(key)
            found.extend(key.value.walk_keys())
        for item in self.items:
            found.extend(item.walk_keys())
        return found


SCALAR = JsonValue(Kind.SCALAR)
# Key names json.dumps writes as they are, between quotes.
_PLAIN_KEY = re.compile(r'[^"\\\x00-\x1f]*')
_NEWLINE = re.compile("\n")

@lru_cache(maxsize=2048)  # a page often shows one body twice (create, then read)
def read_json(text: str) -> JsonValue | None:
    """The shape of the one JSON value ``text`` holds, or None when it holds none."""
    strict = _read_strict(text)
    if strict is not None:
        return strict
    return _read_lenient(text)


def _read_lenient(text: str) -> JsonValue | None:
    node = parse(text)
    if node is None:
        return None
    return _from_node(node, text, _line_starts(text), _Places(text, []))


def _from_node(node: Node, text: str, line_starts: list[int], places: _Places) -> JsonValue:
    if node.kind is Kind.OBJECT:
        keys = []
        for member in node.members:
            line = bisect.bisect_right(line_starts, member.start) - 1
            # a key is placed before the keys of its value
            index = places.add((line, member.start - line_starts[line], member.key_end - member.start))
            keys.append(JsonKey(member.name, _from_node(member.value, text, line_starts, places), places, index))
        return JsonValue(Kind.OBJECT, keys=tuple(keys))
    if node.kind is Kind.ARRAY:
        return JsonValue(Kind.ARRAY, items=tuple(_from_node(item, text, line_starts, places) for item in node.items))
    return _scalar(text[node.start : node.end])


def _scalar(written: str) -> JsonValue:
    if not written.startswith('"'):
        return SCALAR
    try:
        value = json.loads(written)
    except ValueError:
        return SCALAR
    return JsonValue(Kind.SCALAR, text=value) if isinstance(value, str) else SCALAR


# --- strict JSON: parsed by the json module, keys placed by searching in order ----------------


def _read_strict(text: str) -> JsonValue | None:
    """Most documented bodies are plain JSON: ``json.loads`` reads them far faster than
    the lenient reader; their keys are found in the text, in order, when first asked."""
    try:
        data = json.loads(text, object_pairs_hook=Pairs)
    except ValueError:
        return None
    places = _Places(text)
    root = _shape(data, places, itertools.count())
    places.root = root
    return root


def _shape(data: object, places: _Places, counter: Iterator[int]) -> JsonValue:
    # Most values are scalars: told apart here, without a call each (``Pairs`` is a list).
    if isinstance(data, Pairs):
        keys = []
        for name, value in data:
            index = next(counter)  # a key comes before the keys of its value
            if isinstance(value, list):
                shaped = _shape(value, places, counter)
            else:
                shaped = JsonValue(Kind.SCALAR, text=value) if isinstance(value, str) else SCALAR
            keys.append(JsonKey(name, shaped, places, index))
        return JsonValue(Kind.OBJECT, keys=tuple(keys))
    if isinstance(data, list):
        return JsonValue(
            Kind.ARRAY,
            items=tuple(_shape(item, places, counter) if isinstance(item, list) else SCALAR for item in data),
        )
    return SCALAR


class _Placer:
    def __init__(self, text: str) -> None:
        self._text = text
        self._line_starts = _line_starts(text)
        self._position = 0

    def places(self, names: list[str]) -> list[tuple[int, int, int]]:
        return [self._place(name) for name in names]

    def _place(self, name: str) -> tuple[int, int, int]:
        quoted = f'"{name}"' if _PLAIN_KEY.fullmatch(name) else json.dumps(name, ensure_ascii=False)
        offset = self._find_key(quoted)
        self._position = offset + len(quoted)
        line = bisect.bisect_right(self._line_starts, offset) - 1
        return line, offset - self._line_starts[line], len(quoted)

    def _find_key(self, quoted: str) -> int:
        """Where ``quoted`` next stands as a key: followed by ``:``, not as a value."""
        text = self._text
        offset = text.find(quoted, self._position)
        while offset >= 0:
            after = offset + len(quoted)
            while after < len(text) and text[after].isspace():
                after += 1
            if text.startswith(":", after):
                return offset
            offset = text.find(quoted, offset + 1)
        raise NotJson


def _line_starts(text: str) -> list[int]:
    return [0, *(match.end() for match in _NEWLINE.finditer(text))]
