from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum

from featuredocs.model.span import Span


class Severity(StrEnum):
    ERROR = "error"
    WARNING = "warning"
    INFO = "info"

    @property
    def rank(self) -> int:
        return {"error": 2, "warning": 1, "info": 0}[self.value]


class Applicability(StrEnum):
    """How far a fix can be trusted (ruff's vocabulary)."""

    SAFE = "safe"  # applied by --fix
    UNSAFE = "unsafe"  # applied only with --unsafe-fixes
    DISPLAY = "display"  # shown, never applied


@dataclass(frozen=True, slots=True, order=True)
class Edit:
    """Replace the text at ``span`` (1-based, end exclusive) of one file with ``replacement``."""

    span: Span
    replacement: str


@dataclass(frozen=True, slots=True)
class Fix:
    description: str
    edits: tuple[Edit, ...]
    applicability: Applicability = Applicability.SAFE


@dataclass(frozen=True, slots=True)
class Finding:
    """One disagreement between a page and the project (or the template).

    ``path`` is the page's path relative to the working directory the check ran from, POSIX
    style, so it can be printed, clicked and compared in tests.
    """

    code: str
    severity: Severity
    path: str
    span: Span
    message: str
    hint: str | None = None
    fix: Fix | None = field(default=None, compare=False)
    #: The path of the endpoint a finding says the page leaves out (FD505): a feature page
    #: that documents it answers the finding (``coverage/elsewhere.py``).
    endpoint: str | None = field(default=None, compare=False)

    @property
    def sort_key(self) -> tuple[str, int, int, str, str]:
        return (self.path, self.span.line, self.span.column, self.code, self.message)
