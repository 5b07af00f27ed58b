"""What a run reports besides its findings, and the counts every format prints."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from featuredocs import __version__
from featuredocs.model import Applicability, Finding, Severity


@dataclass(frozen=True, slots=True)
class RunStats:
    """Facts about one check run that the findings alone do not carry.

    ``pages`` lists the display paths of every page checked, so formats that list passing
    pages (JUnit) can name them; ``pages_checked`` defaults to its length.
    """

    pages_checked: int | None = None
    rules_run: int | None = None
    elapsed_seconds: float | None = None
    version: str = __version__
    pages: tuple[str, ...] = ()
    unreadable: int = 0

    @property
    def checked(self) -> int | None:
        if self.pages_checked is not None:
            return self.pages_checked
        return len(self.pages) if self.pages else None


@dataclass(frozen=True, slots=True)
class Counts:
    """Findings counted by severity, plus how many pages they touch and how many --fix mends."""

    error: int = 0
    warning: int = 0
    info: int = 0
    pages_with_findings: int = 0
    fixable: int = 0

    @property
    def total(self) -> int:
        return self.error + self.warning + self.info

    @classmethod
    def of(cls, findings: Sequence[Finding]) -> Counts:
        by_severity = {severity: 0 for severity in Severity}
        for finding in findings:
            by_severity[finding.severity] += 1
        return cls(
            error=by_severity[Severity.ERROR],
            warning=by_severity[Severity.WARNING],
            info=by_severity[Severity.INFO],
            pages_with_findings=len({finding.path for finding in findings}),
            fixable=sum(1 for finding in findings if _safely_fixable(finding)),
        )


def _safely_fixable(finding: Finding) -> bool:
    return finding.fix is not None and finding.fix.applicability is Applicability.SAFE
