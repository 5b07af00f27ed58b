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

An index that pages only ask about keys (is this a module of the project?) notes those
questions instead (:func:`note_key`), and says how to list its keys (:func:`keyed`): a new
function somewhere in the project then touches only the pages that asked about its name.
"""

from __future__ import annotations

import functools
import hashlib
import itertools
from collections.abc import Callable, Iterator, Mapping, Set
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
    SourceLocation,
)

T = TypeVar("T")
Read = int

#: The fields that hold further facts objects (a tuple of them, or one or None): walked,
#: and compared by length. Source locations are objects of their own, so that a page that
#: reads only which file a field is in is not touched when lines above it move.
NESTED: dict[type, tuple[str, ...]] = {
    ProjectFacts: ("apps", "models", "commands", "endpoints", "settings", "env_vars", "cache_keys"),
    ModelFact: ("fields", "indexes", "location"),
    FieldFact: ("location",),
    IndexFact: ("location",),
    CommandFact: ("options", "location"),
    EndpointFact: ("query_params", "response", "location"),
    ResponseField: ("children",),
    SettingFact: ("location",),
    EnvVarFact: ("locations",),
    CacheKeyFact: ("location",),
}
TRACKED = (
    ProjectFacts, AppFact, ModelFact, FieldFact, IndexFact, CommandFact, OptionFact,
    EndpointFact, QueryParamFact, ResponseField, SettingFact, EnvVarFact, CacheKeyFact,
    SourceLocation,
)
_SLOTS = {cls: tuple(name for name in cls.__slots__ if name != "__weakref__") for cls in TRACKED}
_PER_OBJECT = 64  # more than any facts class has slots
assert all(len(names) < _PER_OBJECT for names in _SLOTS.values())

#: What an index registered with keyed() is made of: for each part, its keys, with a value
#: for each when the part is a mapping.
Parts = Mapping[str, "Mapping[str, object] | Set[str]"]

_KEYED: dict[str, Callable[[ProjectFacts], Parts]] = {}
_key_reads: dict[tuple[str, str, str | None], Read] = {}
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


@contextmanager
def unnoted() -> Iterator[None]:
    """Reads made inside are noted nowhere: what is built here is read through note_key()."""
    global _into
    before, _into = _into, None
    try:
        yield
    finally:
        _into = before


def keyed(index: str, parts: Callable[[ProjectFacts], Parts]) -> None:
    """Register how to list, from any facts, the keys that ``note_key(index, …)`` asks about."""
    _KEYED[index] = parts


def note_key(index: str, part: str, key: str | None) -> None:
    """Note that a page asked ``part`` of ``index`` about ``key`` (None: looked at all of it)."""
    into = _into
    if into is not None:
        into.add(_key_read(index, part, key))


class KeySet:
    """Keys of a part of a keyed index: each question asked of them is noted."""

    __slots__ = ("_index", "_part", "_keys")

    def __init__(self, index: str, part: str, keys: Set[str] | Mapping[str, Any]) -> None:
        self._index, self._part, self._keys = index, part, keys

    def __contains__(self, key: str) -> bool:
        if _into is not None:
            note_key(self._index, self._part, key)
        return key in self._keys

    def __iter__(self) -> Iterator[str]:
        note_key(self._index, self._part, None)
        return iter(self._keys)

    def __bool__(self) -> bool:
        note_key(self._index, _NONEMPTY, self._part)
        return bool(self._keys)


class KeyMap(KeySet):
    """A mapping part of a keyed index: each key looked up is noted."""

    _keys: Mapping[str, Any]

    def get(self, key: str, default: Any = None) -> Any:
        if _into is not None:
            note_key(self._index, self._part, key)
        return self._keys.get(key, default)


_NONEMPTY = "\0nonempty"  # the part noting which parts were asked whether they are empty


def _key_read(index: str, part: str, key: str | None) -> Read:
    """A negative number for the question, the same in every process (object reads are
    positive)."""
    found = _key_reads.get((index, part, key))
    if found is None:
        text = f"{index}\0{part}\0{'' if key is None else key}\0{key is None}"
        found = -1 - int.from_bytes(hashlib.blake2b(text.encode(), digest_size=7).digest(), "big")
        _key_reads[(index, part, key)] = found
    return found


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
            if read < 0:  # a key asked of an index: the same in any facts
                carried.add(read)
                continue
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
    old_numbers, new_numbers = _numbered(old), _numbered(new)
    same_shape = _shape(old) == _shape(new)
    walk = _Comparison(old_numbers, None if same_shape else new_numbers)
    walk.compare(old, new, None)
    base = old_numbers[id(old)]
    slots = _SLOTS[ProjectFacts]
    if old.warnings != new.warnings:  # not part of the facts' equality
        walk.changed.add(base + slots.index("warnings"))
    if _names(old) != _names(new):
        walk.changed.add(base + slots.index("_by_name"))  # the lookup tables by name
    walk.changed.update(base + slots.index(name) for name in ("_text", "_fingerprint"))
    same = _Sameness(old_numbers, new_numbers, walk.renumbered)
    for index, parts in _KEYED.items():
        walk.changed.update(_changed_keys(index, parts(old), parts(new), same))
    return FactsChange(frozenset(walk.changed), walk.renumbered)


def _changed_keys(index: str, old: Parts, new: Parts, same: Callable[[object, object], bool]) -> Iterator[Read]:
    for part in old.keys() | new.keys():
        before, after = _as_mapping(old.get(part)), _as_mapping(new.get(part))
        changed = [key for key in before.keys() | after.keys()
                   if not same(before.get(key, _ABSENT), after.get(key, _ABSENT))]
        if not changed:
            continue
        yield _key_read(index, part, None)
        if bool(before) != bool(after):
            yield _key_read(index, _NONEMPTY, part)
        yield from (_key_read(index, part, key) for key in changed)


_ABSENT = object()


class _Sameness:
    """Whether a key of an index answers the same in both versions: facts objects are the
    same when they are the same object, lined up (their fields are compared on their own)."""

    def __init__(self, old_numbers: dict[int, int], new_numbers: dict[int, int], renumbered: dict[int, int] | None) -> None:
        self.old_numbers, self.new_numbers, self.renumbered = old_numbers, new_numbers, renumbered

    def __call__(self, before: object, after: object) -> bool:
        if type(before) in _SLOTS or type(after) in _SLOTS:
            if type(before) is not type(after):
                return False
            number = self.old_numbers.get(id(before))
            if number is not None and self.renumbered is not None:
                number = self.renumbered.get(number)
            return number is not None and number == self.new_numbers.get(id(after))
        if isinstance(before, tuple) and isinstance(after, tuple):
            return len(before) == len(after) and all(map(self, before, after))
        return before == after


def _as_mapping(keys: Mapping[str, object] | Set[str] | None) -> Mapping[str, object]:
    if keys is None:
        return {}
    return keys if isinstance(keys, Mapping) else dict.fromkeys(keys, True)


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
        children = _nested(getattr(obj, name))
        lengths.append(len(children))
        for child in children:
            _walk(child, visit, lengths)


#: What tells a facts object from the others in its tuple, for lining up two versions of a
#: tuple whose length changed (a model added: the others are still themselves).
_IDENTITY: dict[type, Callable[[Any], object]] = {
    AppFact: lambda app: app.label,
    ModelFact: lambda model: (model.app_label, model.name),
    FieldFact: lambda field: field.name,
    IndexFact: lambda index: (index.name, index.fields, index.expressions, index.condition),
    CommandFact: lambda command: (command.app, command.name),
    OptionFact: lambda option: (option.dest, option.flags, option.subcommand),
    EndpointFact: lambda endpoint: (endpoint.path, endpoint.name, endpoint.view, endpoint.methods),
    QueryParamFact: lambda param: (param.name, param.source),
    ResponseField: lambda response: response.name,
    SettingFact: lambda setting: setting.name,
    EnvVarFact: lambda variable: variable.name,
    CacheKeyFact: lambda key: (key.pattern, key.raw, key.operation),
}


def _lined_up(before: tuple[Any, ...], after: tuple[Any, ...]) -> Iterator[tuple[Any, Any]]:
    """The objects of two versions of a tuple that are the same one, when each is told
    apart from the others in both versions."""
    identity = _IDENTITY.get(type(before[0]) if before else type(after[0]) if after else object)
    if identity is None:
        return
    old, new = [identity(one) for one in before], [identity(one) for one in after]
    if len(set(old)) != len(old) or len(set(new)) != len(new):
        return
    found = dict(zip(new, after))
    for key, one in zip(old, before):
        if key in found:
            yield one, found[key]


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
                if (before is None) != (after is None) or len(_nested(before)) != len(_nested(after)):
                    self.changed.add(base + slot)
                    if self.renumbered is not None:
                        for one, other in _lined_up(_nested(before), _nested(after)):
                            self.compare(one, other, None)
                    continue
                for one, other in zip(_nested(before), _nested(after)):
                    self.compare(one, other, True if equal else None)
            elif not equal and not name.startswith("_") and before != after:
                self.changed.add(base + slot)


def _nested(value: Any) -> tuple[Any, ...]:
    if value is None:
        return ()
    return value if isinstance(value, tuple) else (value,)


def _names(facts: ProjectFacts) -> tuple[object, ...]:
    return tuple(tuple(one.name for one in family) for family in (facts.commands, facts.settings, facts.env_vars))
