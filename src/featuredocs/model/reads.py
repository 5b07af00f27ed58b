"""Which facts the rules read while they check a page, so that when the facts change the
cache can tell the pages whose findings cannot have changed.

While :func:`recording` is on, reading a field of a facts object notes a number for the
object and the field: the object's position in a walk of the facts, times 64, plus the
field's position among its class's slots. Two versions of the facts whose tuples all have
the same lengths (the same *shape*) number their objects alike, so the numbers a page
read under the old facts say what to compare in the new ones; facts of another shape
keep nothing.

What is built once and then used by every page (an index of the models, say) is built
under :func:`shared`: whichever page happens to build it, every page that uses it depends
on what it read. What is worked out once per facts object and then looked up again
(:func:`by_identity`) notes its reads again at every use.
"""

from __future__ import annotations

import functools
import itertools
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any, TypeVar

from featuredocs.model.facts import (
    AppFact,
    CacheKeyFact,
    CommandFact,
    EndpointFact,
    EnvVarFact,
    FieldFact,
    IndexFact,
    ModelFact,
    OptionFact,
    ProjectFacts,
    QueryParamFact,
    ResponseField,
    SettingFact,
)

T = TypeVar("T")
Read = int

#: The fields that hold further facts objects: walked, and compared by length.
NESTED: dict[type, tuple[str, ...]] = {
    ProjectFacts: ("apps", "models", "commands", "endpoints", "settings", "env_vars", "cache_keys"),
    ModelFact: ("fields", "indexes"),
    CommandFact: ("options",),
    EndpointFact: ("query_params", "response"),
    ResponseField: ("children",),
}
TRACKED = (
    ProjectFacts, AppFact, ModelFact, FieldFact, IndexFact, CommandFact, OptionFact,
    EndpointFact, QueryParamFact, ResponseField, SettingFact, EnvVarFact, CacheKeyFact,
)
_SLOTS = {cls: tuple(name for name in cls.__slots__ if name != "__weakref__") for cls in TRACKED}
_PER_OBJECT = 64  # more than any facts class has slots
assert all(len(names) < _PER_OBJECT for names in _SLOTS.values())

_numbers: dict[int, int] = {}  # id() of each object of the facts being recorded -> its number × 64
_into: set[Read] | None = None  # where a read is noted now: a page's reads, the shared ones, or nowhere
_shared: set[Read] = set()  # shared reads not yet handed out by take_shared()
_recording = False
_generation = 0


class _Noted:
    """Stands in for a slot of a facts class while recording: notes each read."""

    __slots__ = ("_get", "_slot", "member")

    def __init__(self, member: Any, slot: int) -> None:
        self.member = member
        self._get, self._slot = member.__get__, slot

    def __get__(self, obj: Any, owner: type | None = None) -> Any:
        if obj is None:
            return self.member
        into = _into
        if into is not None:
            number = _numbers.get(id(obj))
            if number is not None:
                into.add(number + self._slot)
        return self._get(obj, owner)

    def __set__(self, obj: Any, value: Any) -> None:
        self.member.__set__(obj, value)


@contextmanager
def recording(facts: ProjectFacts) -> Iterator[None]:
    """Note the reads of ``facts`` made inside :func:`page_reads` and :func:`shared`."""
    global _recording, _generation
    if _recording:
        raise RuntimeError("facts reads are already being recorded")
    _numbers.clear()
    _numbers.update(_numbered(facts))
    _shared.clear()
    for cls, names in _SLOTS.items():
        for slot, name in enumerate(names):
            setattr(cls, name, _Noted(cls.__dict__[name], slot))
    _recording = True
    _generation += 1
    try:
        yield
    finally:
        for cls, names in _SLOTS.items():
            for name in names:
                setattr(cls, name, cls.__dict__[name].member)
        _recording = False
        _numbers.clear()
        _shared.clear()


@contextmanager
def page_reads() -> Iterator[set[Read]]:
    """The reads made inside, by the rules checking one page."""
    global _into
    noted: set[Read] = set()
    before, _into = _into, noted if _recording else None
    try:
        yield noted
    finally:
        _into = before


@contextmanager
def shared() -> Iterator[None]:
    """Reads made inside serve every page: noted for all of them."""
    global _into
    before, _into = _into, _shared if _recording else None
    try:
        yield
    finally:
        _into = before


def take_shared() -> frozenset[Read]:
    """The shared reads noted in this process since the last call."""
    taken = frozenset(_shared)
    _shared.clear()
    return taken


def generation() -> int:
    """Changes whenever a recording starts: what was built before one began was built
    without noting its reads, and must be built again."""
    return _generation


def by_identity(limit: int) -> Callable[[Callable[..., T]], Callable[..., T]]:
    """Decorator: ``build(obj, *rest)`` cached by the identity of ``obj`` (a facts object:
    hashing one hashes every object inside it) and the value of ``rest``; each use notes
    again what building the entry read."""

    def decorate(build: Callable[..., T]) -> Callable[..., T]:
        entries: dict[tuple[Any, ...], tuple[Any, T, frozenset[Read]]] = {}
        built_in = [-1]  # the generation the entries belong to

        @functools.wraps(build)
        def cached(obj: Any, *rest: Any) -> T:
            global _into
            if built_in[0] != _generation:
                entries.clear()
                built_in[0] = _generation
            key = (id(obj), *rest)
            entry = entries.get(key)
            if entry is None or entry[0] is not obj:
                outer, noted = _into, set()
                _into = noted if _recording else None
                try:
                    value = build(obj, *rest)
                finally:
                    _into = outer
                    if outer is not None:
                        outer.update(noted)
                if len(entries) >= limit:
                    entries.clear()
                entries[key] = (obj, value, frozenset(noted))
                return value
            if _into is not None:
                _into.update(entry[2])
            return entry[1]

        return cached

    return decorate


@dataclass(frozen=True)
class FactsChange:
    """What changed from one version of the facts to the next, as reads of the old one."""

    changed: frozenset[Read]
    renumbered: dict[int, int] | None  # old object numbers to new ones, when the shapes differ

    def carried(self, noted: frozenset[Read]) -> frozenset[Read] | None:
        """``noted`` numbered as in the new facts, when the change touches none of them."""
        if not self.changed.isdisjoint(noted):
            return None
        if self.renumbered is None:
            return noted
        table, carried = self.renumbered, set()
        for read in noted:
            slot = read % _PER_OBJECT
            number = table.get(read - slot)
            if number is None:  # below a tuple whose length changed (and so is in changed)
                return None
            carried.add(number + slot)
        return frozenset(carried)


def facts_change(old: ProjectFacts, new: ProjectFacts) -> FactsChange:
    """Compare two versions of the facts: every field that differs, by its read of ``old``.

    A tuple of facts objects whose length differs is a changed field, and what is under it
    is not compared: no page reached it without reading the tuple.
    """
    old_numbers = _numbered(old)
    same_shape = _shape(old) == _shape(new)
    walk = _Comparison(old_numbers, None if same_shape else _numbered(new))
    walk.compare(old, new, None)
    base = old_numbers[id(old)]
    slots = _SLOTS[ProjectFacts]
    if old.warnings != new.warnings:  # not part of the facts' equality
        walk.changed.add(base + slots.index("warnings"))
    if _names(old) != _names(new):
        walk.changed.add(base + slots.index("_by_name"))  # the lookup tables by name
    walk.changed.update(base + slots.index(name) for name in ("_text", "_fingerprint"))
    return FactsChange(frozenset(walk.changed), walk.renumbered)


def _shape(facts: ProjectFacts) -> list[int]:
    """The lengths of every tuple of facts objects, in walking order."""
    lengths: list[int] = []
    _walk(facts, lambda obj: None, lengths)
    return lengths


def _numbered(facts: ProjectFacts) -> dict[int, int]:
    """Each object's number × 64, by its first place in the walk (numbers count places,
    so an object met twice does not shift the numbers of those after it)."""
    numbers: dict[int, int] = {}
    places = itertools.count(0, _PER_OBJECT)
    _walk(facts, lambda obj: numbers.setdefault(id(obj), next(places)), [])
    return numbers


def _walk(obj: Any, visit: Callable[[Any], object], lengths: list[int]) -> None:
    visit(obj)
    for name in NESTED.get(type(obj), ()):
        children = getattr(obj, name) or ()
        lengths.append(len(children))
        for child in children:
            _walk(child, visit, lengths)


class _Comparison:
    def __init__(self, old_numbers: dict[int, int], new_numbers: dict[int, int] | None) -> None:
        self.old_numbers, self.new_numbers = old_numbers, new_numbers
        self.renumbered: dict[int, int] | None = None if new_numbers is None else {}
        self.changed: set[Read] = set()

    def compare(self, old: Any, new: Any, equal: bool | None) -> None:
        """``equal``: known already, from the objects holding these."""
        base = self.old_numbers[id(old)]
        if self.renumbered is not None and self.new_numbers is not None:
            self.renumbered[base] = self.new_numbers[id(new)]
        if equal is None:
            equal = old == new
        if equal and self.renumbered is None:
            return
        nested = NESTED.get(type(old), ())
        for slot, name in enumerate(_SLOTS[type(old)]):
            before, after = getattr(old, name), getattr(new, name)
            if name in nested:
                if (before is None) != (after is None) or len(before or ()) != len(after or ()):
                    self.changed.add(base + slot)
                    continue
                for one, other in zip(before or (), after or ()):
                    self.compare(one, other, True if equal else None)
            elif not equal and not name.startswith("_") and before != after:
                self.changed.add(base + slot)


def _names(facts: ProjectFacts) -> tuple[object, ...]:
    return tuple(tuple(one.name for one in family) for family in (facts.commands, facts.settings, facts.env_vars))
