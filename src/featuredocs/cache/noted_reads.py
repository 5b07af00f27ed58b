"""The reads a run noted of the facts (``model/reads.py``), as the cache keeps them: each
page's own, and what the run's processes noted besides, pickled.
"""

from __future__ import annotations

import pickle
from collections.abc import Set
from dataclasses import dataclass, field

from featuredocs.model.reads import (
    Question,
    Read,
    take_groups,
    take_questions,
    take_shared,
)


@dataclass
class RunNotes:
    """What the processes of a run noted besides each page's own reads: the shared reads,
    the questions asked (``model/reads.asking``) and the groups of reads
    (``model/reads.by_identity``)."""

    shared: set[Read] = field(default_factory=set)
    questions: dict[Read, Question] = field(default_factory=dict)
    groups: dict[Read, frozenset[Read]] = field(default_factory=dict)

    def update(self, other: RunNotes) -> None:
        self.shared.update(other.shared)
        self.questions.update(other.questions)
        self.groups.update(other.groups)

    def pickled(self) -> tuple[bytes, bytes]:
        """The shared reads, and the questions with the groups, each pickled."""
        return packed(self.shared), packed_asked(self.questions, self.groups)


def packed(noted: Set[Read]) -> bytes:
    """Reads as the cache keeps them: a pickled frozenset."""
    return pickle.dumps(frozenset(noted), protocol=pickle.HIGHEST_PROTOCOL)


def packed_asked(questions: dict[Read, Question], groups: dict[Read, frozenset[Read]]) -> bytes:
    """A run's questions and groups as the cache keeps them."""
    return pickle.dumps((questions, groups), protocol=pickle.HIGHEST_PROTOCOL)


def take_run_notes() -> RunNotes:
    """What this process noted besides the pages' own reads since the last call."""
    return RunNotes(set(take_shared()), take_questions(), take_groups())
