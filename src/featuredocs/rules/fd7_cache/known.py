"""The cache keys the code uses, arranged once per run for the rules to look up."""

from __future__ import annotations

from dataclasses import dataclass

from featuredocs.model import CacheKeyFact, ProjectFacts

#: Cache operations that store an entry, and so give it a lifetime.
STORING = frozenset({"set", "add", "get_or_set", "set_many", "touch",
                     "aset", "aadd", "aget_or_set", "aset_many", "atouch"})


@dataclass(frozen=True, slots=True)
class KnownKeys:
    patterns: frozenset[str]  # every key pattern a cache call uses
    writes: tuple[CacheKeyFact, ...]  # the calls that store an entry, in the facts' order
    written: frozenset[str]  # their patterns


def known_keys(facts: ProjectFacts) -> KnownKeys:
    """The keys of the facts of this run (one run checks every page against one facts)."""
    if not _known or _known[0][0] is not facts:
        writes = tuple(fact for fact in facts.cache_keys if fact.operation in STORING)
        known = KnownKeys(
            frozenset(fact.pattern for fact in facts.cache_keys),
            writes,
            frozenset(fact.pattern for fact in writes),
        )
        _known[:] = [(facts, known)]
    return _known[0][1]


_known: list[tuple[ProjectFacts, KnownKeys]] = []
