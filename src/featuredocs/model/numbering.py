"""The numbers that reads of the facts are noted by (``model/reads.py``): a facts object's
place in a walk of the facts, times 64, plus the position of the field read among its
class's slots; and the fields the walk goes into.
"""

from __future__ import annotations

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
from featuredocs.model.location import SourceLocation

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
SLOTS = {cls: tuple(name for name in cls.__slots__ if name != "__weakref__") for cls in TRACKED}
PER_OBJECT = 64  # more than any facts class has slots
assert all(len(names) < PER_OBJECT for names in SLOTS.values())


def numbered(facts: ProjectFacts, lengths: list[int] | None = None) -> dict[int, int]:
    """Each object's number × 64, by its first place in a walk of the facts (numbers count
    places, so an object met twice does not shift the numbers of those after it). The
    length of every tuple of facts objects met is added to ``lengths``: two facts with the
    same lengths have the same shape."""
    numbers: dict[int, int] = {}
    place = 0
    pending: list[Any] = [facts]
    while pending:
        obj = pending.pop()
        numbers.setdefault(id(obj), place)
        place += PER_OBJECT
        names = NESTED.get(type(obj))
        if names:
            below: list[Any] = []
            for name in names:
                children = nested(getattr(obj, name))
                if lengths is not None:
                    lengths.append(len(children))
                below.extend(children)
            pending.extend(reversed(below))
    return numbers


def nested(value: Any) -> tuple[Any, ...]:
    """A field of NESTED as a tuple: a location is a tuple of one, or none."""
    if value is None:
        return ()
    return value if isinstance(value, tuple) else (value,)
