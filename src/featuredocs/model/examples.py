"""Examples a page asks its reader to run, and how running them went (``check --execute``)."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum


class ExampleKind(StrEnum):
    PYTHON = "python"  # a Python block, run as the Django shell would
    COMMAND = "command"  # one ``manage.py`` command line of a shell block
    HTTP = "http"  # one request of an ``http`` block, sent to the project's URLconf


@dataclass(frozen=True, slots=True)
class Example:
    """One example of a page. ``line`` is the page line of its first line; ``text`` is
    Python with its prompts and indentation removed, a command's arguments after
    ``manage.py`` (one per line), or the request as written. A request's documented answer
    is ``answer`` (a JSON body, or a status line, headers and body), from page line
    ``answer_line``; empty when the page shows none."""

    kind: ExampleKind
    line: int
    text: str
    answer: str = ""
    answer_line: int = 0


@dataclass(frozen=True, slots=True)
class ExampleFailure:
    """An example that failed when run: ``line`` is the page line that failed."""

    line: int
    kind: ExampleKind
    message: str


#: The failures of each page run, by the page's rel path; pages without any are absent.
Executions = dict[str, tuple[ExampleFailure, ...]]


@dataclass(frozen=True, slots=True)
class ExecutionReport:
    """What running the examples gave: the failures, how many examples passed and how
    many failed (one may fail in several ways: two names its answer lacks), and how many
    could not be judged, by why (``a row the test database lacks``)."""

    failures: Executions
    passed: int = 0
    not_judged: tuple[tuple[str, int], ...] = ()
    failed: int = 0

    def summary(self, explained: int = 0) -> str:
        """One line for the run; ``explained``: failures left to a rule that reports
        their line without running anything."""
        failed, judged = self.failed, sum(count for _, count in self.not_judged)
        parts = [f"{self.passed} passed", f"{failed} failed"]
        if explained:
            parts[1] += f" ({explained} already reported by other rules on the same line)"
        if judged:
            why = ", ".join(f"{count} {reason}" for reason, count in self.not_judged)
            parts.append(f"{judged} not judged ({why})")
        ran = self.passed + failed + judged
        if not ran:
            return "found no examples to run"
        return f"ran {ran} example{'' if ran == 1 else 's'}: " + ", ".join(parts)
