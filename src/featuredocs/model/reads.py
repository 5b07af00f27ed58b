"""Which facts the rules read while they check a page, so that when the facts change the
cache can tell the pages whose findings cannot have changed.

While :func:`recording` is on, reading a field of a facts object notes a number for the
object and the field: the object's position in a walk of the facts, times 64, plus the
field's position among its class's slots (``model/numbering.py``). Two versions of the
facts whose tuples all have the same lengths (the same *shape*) number their objects
alike, so the numbers a page read under the old facts say what to compare in the new
ones; where a tuple's length changed, ``model/changes.py`` lines its objects up by what
tells them apart.

What is built once and then used by every page (an index of the models, say) is built
under :func:`shared`: whichever page happens to build it, every page that uses it depends
on what it read. What is worked out once per facts object and then looked up again
(:func:`by_identity`) notes, at every use, one read standing for what building it read: a
*group*, kept beside the run (:func:`take_groups`) and touched when any read in it is.

An index that pages only ask about keys (is this a module of the project?) notes those
questions instead (:func:`note_key`), and says how to list its keys (:func:`keyed`): a new
function somewhere in the project then touches only the pages that asked about its name.
An index whose questions cannot be listed in advance (which routes match this path?)
keeps each question asked (:func:`asking`), so that it can be asked again of new facts:
a new endpoint then touches only the pages whose paths it answers differently.
"""

from __future__ import annotations

import functools
import hashlib
from collections.abc import Callable, Iterator, Mapping, Set
from contextlib import contextmanager
from typing import Any, TypeVar

from featuredocs.model.facts import ProjectFacts
from featuredocs.model.numbering import SLOTS, numbered

T = TypeVar("T")
Read = int

#: What an index registered with keyed() is made of: for each part, its keys, with a value
#: for each when the part is a mapping.
Parts = Mapping[str, "Mapping[str, object] | Set[str]"]

KEYED: dict[str, Callable[[ProjectFacts], Parts]] = {}
#: How each index registered with asking() answers a question, and the fields of the
#: facts its answers come from.
ANSWERS: dict[str, tuple[Callable[[ProjectFacts, Any], Any], tuple[str, ...]]] = {}
Question = tuple[str, Any]  # (index, question)
_questions: dict[Read, Question] = {}  # questions asked not yet handed out by take_questions()
_groups: dict[Read, frozenset[Read]] = {}  # groups made not yet handed out by take_groups()
_asked: dict[tuple[str, str, str | None], Read] = {}
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
    _numbers.update(numbered(facts))
    _shared.clear()
    _questions.clear()
    _groups.clear()
    for cls, names in SLOTS.items():
        for slot, name in enumerate(names):
            setattr(cls, name, _Noted(cls.__dict__[name], slot))
    _recording = True
    _generation += 1
    try:
        yield
    finally:
        for cls, names in SLOTS.items():
            for name in names:
                setattr(cls, name, cls.__dict__[name].member)
        _recording = False
        _numbers.clear()
        _shared.clear()
        _questions.clear()
        _groups.clear()


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


def keyed(index: str, parts: Callable[[ProjectFacts], Parts]) -> Callable[[ProjectFacts], dict[str, Any]]:
    """Register ``parts`` (how to list, from any facts, the keys of each part of ``index``)
    and return what builds the index for a facts object: each part a KeySet, or a KeyMap
    when it is a mapping, noting the questions pages ask of it. Building reads nothing."""
    KEYED[index] = parts

    def build(facts: ProjectFacts) -> dict[str, Any]:
        with unnoted():
            found = parts(facts)
        return {
            name: (KeyMap if isinstance(keys, Mapping) else KeySet)(index, name, keys)
            for name, keys in found.items()
        }

    return build


def note_key(index: str, part: str, key: str | None) -> None:
    """Note that a page asked ``part`` of ``index`` about ``key`` (None: looked at all of it)."""
    into = _into
    if into is not None:
        into.add(key_read(index, part, key))


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
        note_key(self._index, NONEMPTY, self._part)
        return bool(self._keys)


class KeyMap(KeySet):
    """A mapping part of a keyed index: each key looked up is noted."""

    _keys: Mapping[str, Any]

    def get(self, key: str, default: Any = None) -> Any:
        if _into is not None:
            note_key(self._index, self._part, key)
        return self._keys.get(key, default)


NONEMPTY = "\0nonempty"  # the part noting which parts were asked whether they are empty


def key_read(index: str, part: str, key: str | None) -> Read:
    """A negative number for the question, the same in every process (object reads are
    positive)."""
    found = _asked.get((index, part, key))
    if found is None:
        text = f"{index}\0{part}\0{'' if key is None else key}\0{key is None}"
        found = -1 - int.from_bytes(hashlib.blake2b(text.encode(), digest_size=7).digest(), "big")
        _asked[(index, part, key)] = found
    return found


def asking(
    index: str, answer: Callable[[ProjectFacts, Any], T], *, reading: tuple[str, ...]
) -> Callable[[ProjectFacts, Any], T]:
    """Register ``answer`` (a question of the facts, answered from the ``reading`` fields of
    the facts and noting nothing) and return it wrapped: each question a page asks is noted
    as a key of ``index`` and kept (:func:`take_questions`), for ``model/changes.py`` to ask
    again of other facts whose ``reading`` fields differ. What the page then reads of the
    facts objects answered is noted as usual.

    A question must be hashable, picklable and have a ``repr`` that is the same in every
    process (tuples of strings, numbers, enums and frozen dataclasses of those)."""
    ANSWERS[index] = (answer, reading)
    reads: dict[Any, Read] = {}

    @functools.wraps(answer)
    def ask(facts: ProjectFacts, question: Any) -> T:
        global _into
        into = _into
        if into is None:
            return answer(facts, question)
        read = reads.get(question)
        if read is None:
            read = reads[question] = key_read(index, "?", repr(question))
        into.add(read)
        _questions[read] = (index, question)
        _into = None
        try:
            return answer(facts, question)
        finally:
            _into = into

    return ask


def take_groups() -> dict[Read, frozenset[Read]]:
    """The groups made in this process since the last call: each the reads it stands for."""
    taken = dict(_groups)
    _groups.clear()
    return taken


def _group(noted: frozenset[Read]) -> Read:
    """The read standing for ``noted``: named by its contents, so that the processes of a
    run name alike what they build alike, and never name two different groups alike."""
    text = ",".join(map(str, sorted(noted)))
    read = -1 - int.from_bytes(hashlib.blake2b(f"\0group\0{text}".encode(), digest_size=7).digest(), "big")
    _groups[read] = noted
    return read


def take_questions() -> dict[Read, Question]:
    """The questions asked in this process since the last call, by their reads."""
    taken = dict(_questions)
    _questions.clear()
    return taken


def generation() -> int:
    """Changes whenever a recording starts: what was built before one began was built
    without noting its reads, and must be built again."""
    return _generation


def by_identity(limit: int) -> Callable[[Callable[..., T]], Callable[..., T]]:
    """Decorator: ``build(obj, *rest)`` cached by the identity of ``obj`` (a facts object:
    hashing one hashes every object inside it) and the value of ``rest``; each use notes
    the group of what building the entry read."""

    def decorate(build: Callable[..., T]) -> Callable[..., T]:
        entries: dict[tuple[Any, ...], tuple[Any, T, Read | None]] = {}
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
                group = _group(frozenset(noted)) if _recording else None
                if outer is not None and group is not None:
                    outer.add(group)
                if len(entries) >= limit:
                    entries.clear()
                entries[key] = (obj, value, group)
                return value
            if _into is not None and entry[2] is not None:
                _into.add(entry[2])
            return entry[1]

        return cached

    return decorate
