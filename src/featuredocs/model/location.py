"""Where a fact was found in the project's source."""

from __future__ import annotations

from dataclasses import dataclass

from featuredocs.model.frozen import quick_init


@quick_init
@dataclass(frozen=True, slots=True)
class SourceLocation:
    """A place in the project's source: ``path`` relative to the project root, POSIX."""

    path: str
    line: int

    def __str__(self) -> str:
        return f"{self.path}:{self.line}"
