"""When a check run fails: exit codes and the pure decision the command line takes."""

from __future__ import annotations

from collections.abc import Iterable

from featuredocs.model import Finding, Severity

EXIT_CLEAN = 0  # nothing at or above the failing severity
EXIT_FINDINGS = 1  # at least one finding at or above it
EXIT_USAGE = 2  # bad arguments or configuration, unreadable docs, a project that will not load


def exit_code(findings: Iterable[Finding], fail_on: Severity = Severity.ERROR) -> int:
    """:data:`EXIT_FINDINGS` when any finding is at ``fail_on`` or more severe."""
    failing = any(finding.severity.rank >= fail_on.rank for finding in findings)
    return EXIT_FINDINGS if failing else EXIT_CLEAN
