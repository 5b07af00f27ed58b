"""Comparing two versions of the facts, as the reads of the old one that they touch.

A page's cached findings hold under new facts when none of the reads its rules made
(``model/reads.py``) is touched: see ``cache/revalidate.py``.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Iterator, Mapping, Set
from dataclasses import dataclass, field
from typing import Any

from featuredocs.model.endpoint_facts import EndpointFact, QueryParamFact, ResponseField
from featuredocs.model.facts import (
    AppFact,
    CacheKeyFact,
    CommandFact,
    EnvVarFact,
    FieldFact,
    IndexFact,
    ModelFact,
    OptionFact,
    ProjectFacts,
    SettingFact,
)
from featuredocs.model.numbering import NESTED, PER_OBJECT, SLOTS, nested, numbered
from featuredocs.model.reads import (
    ANSWERS,
    KEYED,
    NONEMPTY,
    Parts,
    Question,
    Read,
    key_read,
)


@dataclass(frozen=True)
class FactsChange:
    """What changed from one version of the facts to the next, as reads of the old one."""

    changed: frozenset[Read]
    renumbered: dict[int, int] | None  # old object numbers to new ones, when the shapes differ
    old: ProjectFacts | None = field(default=None, compare=False, repr=False)
    new: ProjectFacts | None = field(default=None, compare=False, repr=False)
    same: Callable[[object, object], bool] | None = field(default=None, compare=False, repr=False)

    def answered_differently(self, questions: Mapping[Read, Question]) -> frozenset[Read]:
        """The questions (``model/reads.asking``) that the new facts answer differently."""
        asked: dict[str, list[tuple[Read, Any]]] = {}
        for read, (index, question) in questions.items():
            asked.setdefault(index, []).append((read, question))
        differ: set[Read] = set()
        for index, pairs in asked.items():
            answer, reading = ANSWERS.get(index, (None, ()))
            if answer is not None and all(getattr(self.old, name) == getattr(self.new, name) for name in reading):
                continue  # what the answers come from is the same
            try:
                assert answer is not None and self.same is not None  # else: the index is gone
                before = [answer(self.old, question) for _, question in pairs]
                after = [answer(self.new, question) for _, question in pairs]
            except Exception:  # a question of an older featuredocs, say: asked again
                differ.update(read for read, _ in pairs)
                continue
            same = self.same
            differ.update(read for (read, _), one, other in zip(pairs, before, after) if not same(one, other))
        return frozenset(differ)

    def groups_touched(self, groups: Mapping[Read, frozenset[Read]]) -> tuple[frozenset[Read], dict[Read, frozenset[Read]]]:
        """The groups (``model/reads.by_identity``) that hold a read this change touches,
        or such a group; and the others, their reads numbered as in the new facts."""
        carried = {group: self.carried(reads) for group, reads in groups.items()}
        touched: dict[Read, bool] = {}

        def is_touched(group: Read) -> bool:
            if group not in touched:
                touched[group] = True  # until shown otherwise: a group never holds itself
                touched[group] = carried[group] is None or any(
                    is_touched(read) for read in groups[group] if read < 0 and read in groups)
            return touched[group]

        changed = frozenset(group for group in groups if is_touched(group))
        return changed, {group: reads for group, reads in carried.items() if reads is not None and group not in changed}

    def with_changed(self, more: frozenset[Read]) -> FactsChange:
        return dataclasses.replace(self, changed=self.changed | more) if more else self

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
            slot = read % PER_OBJECT
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
    old_shape: list[int] = []
    new_shape: list[int] = []
    old_numbers, new_numbers = numbered(old, old_shape), numbered(new, new_shape)
    same_shape = old_shape == new_shape
    comparison = _Comparison(old_numbers, None if same_shape else new_numbers)
    comparison.compare(old, new, None)
    base = old_numbers[id(old)]
    slots = SLOTS[ProjectFacts]
    if old.warnings != new.warnings:  # not part of the facts' equality
        comparison.changed.add(base + slots.index("warnings"))
    if _names(old) != _names(new):
        comparison.changed.add(base + slots.index("_by_name"))  # the lookup tables by name
    comparison.changed.update(base + slots.index(name) for name in ("_text", "_fingerprint"))
    same = _Sameness(old_numbers, new_numbers, comparison.renumbered)
    for index, parts in KEYED.items():
        comparison.changed.update(_changed_keys(index, parts(old), parts(new), same))
    return FactsChange(frozenset(comparison.changed), comparison.renumbered, old, new, same)


def _changed_keys(index: str, old: Parts, new: Parts, same: Callable[[object, object], bool]) -> Iterator[Read]:
    for part in old.keys() | new.keys():
        before, after = _as_mapping(old.get(part)), _as_mapping(new.get(part))
        changed = [key for key in before.keys() | after.keys()
                   if not same(before.get(key, _ABSENT), after.get(key, _ABSENT))]
        if not changed:
            continue
        yield key_read(index, part, None)
        if bool(before) != bool(after):
            yield key_read(index, NONEMPTY, part)
        yield from (key_read(index, part, key) for key in changed)


_ABSENT = object()


class _Sameness:
    """Whether a key of an index answers the same in both versions: facts objects are the
    same when they are the same object, lined up (their fields are compared on their own)."""

    def __init__(self, old_numbers: dict[int, int], new_numbers: dict[int, int], renumbered: dict[int, int] | None) -> None:
        self.old_numbers, self.new_numbers, self.renumbered = old_numbers, new_numbers, renumbered

    def __call__(self, before: object, after: object) -> bool:
        if type(before) in SLOTS or type(after) in SLOTS:
            if type(before) is not type(after):
                return False
            number = self.old_numbers.get(id(before))
            if number is not None and self.renumbered is not None:
                number = self.renumbered.get(number)
            return number is not None and number == self.new_numbers.get(id(after))
        if isinstance(before, tuple) and isinstance(after, tuple):
            return len(before) == len(after) and all(map(self, before, after))
        fields = getattr(type(before), "__dataclass_fields__", None)  # an answer holding facts
        if fields is not None and type(before) is type(after):
            return all(self(getattr(before, name), getattr(after, name)) for name in fields)
        return before == after


def _as_mapping(keys: Mapping[str, object] | Set[str] | None) -> Mapping[str, object]:
    if keys is None:
        return {}
    return keys if isinstance(keys, Mapping) else dict.fromkeys(keys, True)


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
        holding = NESTED.get(type(old), ())
        for slot, name in enumerate(SLOTS[type(old)]):
            before, after = getattr(old, name), getattr(new, name)
            if name in holding:
                if (before is None) != (after is None) or len(nested(before)) != len(nested(after)):
                    self.changed.add(base + slot)
                    if self.renumbered is not None:
                        for one, other in _lined_up(nested(before), nested(after)):
                            self.compare(one, other, None)
                    continue
                for one, other in zip(nested(before), nested(after)):
                    self.compare(one, other, True if equal else None)
            elif not equal and not name.startswith("_") and before != after:
                self.changed.add(base + slot)


def _names(facts: ProjectFacts) -> tuple[object, ...]:
    return tuple(tuple(one.name for one in family) for family in (facts.commands, facts.settings, facts.env_vars))
