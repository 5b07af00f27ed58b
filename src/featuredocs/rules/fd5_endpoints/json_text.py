"""A documented JSON body read with the place of every member and value.

Pages write bodies the way people read them, not the way ``json.loads`` wants them:
``// comments``, trailing commas, and ``...`` or ``…`` for "more of the same". This
reader accepts exactly those liberties and nothing else. FD5 reads a body's shape from it
when ``json.loads`` refuses the body, and ``sync`` edits bodies through it. Offsets are
character offsets into the text.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from enum import StrEnum

_TOKEN = re.compile(
    r"""
    (?P<space>\s+)
  | (?P<comment>//[^\n]*|/\*.*?\*/)
  | (?P<string>"(?:[^"\\\n]|\\.)*")
  | (?P<ellipsis>\.\.\.|…)
  | (?P<punct>[{}\[\]:,])
  | (?P<word>-?(?:\d+(?:\.\d+)?(?:[eE][+-]?\d+)?)|true|false|null)
    """,
    re.VERBOSE | re.DOTALL,
)


class Kind(StrEnum):
    OBJECT = "object"
    ARRAY = "array"
    SCALAR = "scalar"


@dataclass
class Node:
    """A value: ``start``/``end`` enclose it (braces and brackets included)."""

    kind: Kind
    start: int
    end: int
    members: list[Member] = field(default_factory=list)
    items: list[Node] = field(default_factory=list)
    ellipsis: bool = False  # the object or array says "and more" (``...``)


@dataclass
class Member:
    """``"name": value``; ``start``/``key_end`` enclose the quoted key, ``end`` is the
    value's end."""

    name: str
    start: int
    key_end: int
    value: Node

    @property
    def end(self) -> int:
        return self.value.end


@dataclass(frozen=True, slots=True)
class _Token:
    kind: str
    text: str
    start: int

    @property
    def end(self) -> int:
        return self.start + len(self.text)


class NotJson(Exception):
    pass


def parse(text: str) -> Node | None:
    """The value ``text`` holds, or None when it is not (liberal) JSON."""
    try:
        parser = _Parser(_tokens(text))
        value = parser.value()
        parser.expect_end()
    except NotJson:
        return None
    return value


def unplaced(text: str) -> Node | None:
    """The value plain JSON ``text`` holds, as :func:`parse` reads it but with every place
    0, or None when ``json.loads`` refuses it (the liberties pages take included). Reading
    it costs a tenth of :func:`parse`: enough to ask what a body holds, not where."""
    try:
        value = json.loads(text, object_pairs_hook=Pairs, parse_constant=_refuse)
    except (ValueError, RecursionError):
        return None
    return _unplaced_node(value)


class Pairs(list):  # type: ignore[type-arg]
    """An object's ``(name, value)`` pairs as ``json.loads`` gives them with this as its
    ``object_pairs_hook``, told apart from an array's elements."""


def _refuse(constant: str) -> None:
    raise ValueError(f"{constant} is not JSON")  # NaN and Infinity: parse refuses them too


def _unplaced_node(value: object) -> Node:
    if isinstance(value, Pairs):
        return Node(Kind.OBJECT, 0, 0, members=[Member(name, 0, 0, _unplaced_node(item)) for name, item in value])
    if isinstance(value, list):
        return Node(Kind.ARRAY, 0, 0, items=[_unplaced_node(item) for item in value])
    return Node(Kind.SCALAR, 0, 0)


def _tokens(text: str) -> list[_Token]:
    tokens: list[_Token] = []
    position = 0
    while position < len(text):
        match = _TOKEN.match(text, position)
        if match is None:
            raise NotJson
        kind = match.lastgroup or ""
        if kind not in ("space", "comment"):
            tokens.append(_Token(kind, match.group(), position))
        position = match.end()
    tokens.append(_Token("end", "", len(text)))
    return tokens


class _Parser:
    def __init__(self, tokens: list[_Token]) -> None:
        self._tokens = tokens
        self._index = 0

    def _peek(self) -> _Token:
        return self._tokens[self._index]

    def _next(self) -> _Token:
        token = self._tokens[self._index]
        if token.kind != "end":
            self._index += 1
        return token

    def _is(self, text: str) -> bool:
        token = self._peek()
        return token.kind == "punct" and token.text == text

    def _take(self, text: str) -> _Token:
        if not self._is(text):
            raise NotJson
        return self._next()

    def expect_end(self) -> None:
        if self._peek().kind != "end":
            raise NotJson

    def value(self) -> Node:
        if self._is("{"):
            return self._object()
        if self._is("["):
            return self._array()
        token = self._next()
        if token.kind in ("string", "word", "ellipsis"):
            return Node(Kind.SCALAR, token.start, token.end)
        raise NotJson

    def _object(self) -> Node:
        node = Node(Kind.OBJECT, self._take("{").start, 0)
        while not self._is("}"):
            if self._peek().kind == "ellipsis":
                self._next()
                node.ellipsis = True
            else:
                node.members.append(self._member())
            if not self._is("}"):
                self._take(",")
        node.end = self._take("}").end
        return node

    def _member(self) -> Member:
        token = self._next()
        if token.kind != "string":
            raise NotJson
        self._take(":")
        try:
            name = json.loads(token.text)
        except ValueError as error:
            raise NotJson from error
        return Member(name, token.start, token.end, self.value())

    def _array(self) -> Node:
        node = Node(Kind.ARRAY, self._take("[").start, 0)
        while not self._is("]"):
            if self._peek().kind == "ellipsis":
                self._next()
                node.ellipsis = True
            else:
                node.items.append(self.value())
            if not self._is("]"):
                self._take(",")
        node.end = self._take("]").end
        return node
