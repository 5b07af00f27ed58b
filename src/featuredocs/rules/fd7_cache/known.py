"""The cache keys the code uses, arranged once per run for the rules to ask about.

The rules ask questions of them (``model/reads.asking``) rather than read them all: a
new cache call touches only the pages whose keys it answers differently.
"""

from __future__ import annotations

from dataclasses import dataclass

from featuredocs.model import CacheKeyFact, ProjectFacts
from featuredocs.rules.base import asked_index
from featuredocs.rules.fd7_cache.patterns import narrowed, patterns_agree

#: Cache operations that store an entry, and so give it a lifetime.
STORING = frozenset({"set", "add", "get_or_set", "set_many", "touch",
                     "aset", "aadd", "aget_or_set", "aset_many", "atouch"})


@dataclass(frozen=True, slots=True)
class KnownKeys:
    patterns: frozenset[str]  # every key pattern a cache call uses
    written: frozenset[str]  # the patterns of the calls that store an entry
    # Those calls by pattern, each with its position in the facts.
    writes: dict[str, tuple[tuple[int, CacheKeyFact], ...]]
    # Each pattern as its calls build it, id-holding holes narrowed (patterns.narrowed).
    shapes: dict[str, frozenset[str]]

    def agree(self, documented: str, pattern: str) -> bool:
        """Whether the documented pattern fits a key some call of ``pattern`` builds."""
        return any(patterns_agree(documented, shape) for shape in self.shapes[pattern])

    def writes_of(self, patterns: set[str]) -> list[CacheKeyFact]:
        """The calls that store an entry under one of ``patterns``, in the facts' order."""
        return [write for _, write in sorted(w for p in patterns for w in self.writes.get(p, ()))]


@asked_index
def known_keys(facts: ProjectFacts) -> KnownKeys:
    writes: dict[str, list[tuple[int, CacheKeyFact]]] = {}
    shapes: dict[str, set[str]] = {}
    for position, fact in enumerate(facts.cache_keys):
        if fact.operation in STORING:
            writes.setdefault(fact.pattern, []).append((position, fact))
        shapes.setdefault(fact.pattern, set()).add(narrowed(fact.pattern, fact.raw))
    return KnownKeys(
        frozenset(shapes),
        frozenset(writes),
        {pattern: tuple(found) for pattern, found in writes.items()},
        {pattern: frozenset(found) for pattern, found in shapes.items()},
    )
