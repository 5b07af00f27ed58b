from __future__ import annotations

import pytest

from featuredocs.model import Finding, Severity, Span
from featuredocs.policy import EXIT_CLEAN, EXIT_FINDINGS, EXIT_USAGE, exit_code


def at(severity: Severity) -> Finding:
    return Finding("FD302", severity, "docs/features/a.md", Span.at(1), "message")


def test_exit_codes_are_distinct_and_conventional() -> None:
    assert (EXIT_CLEAN, EXIT_FINDINGS, EXIT_USAGE) == (0, 1, 2)


@pytest.mark.parametrize(
    ("severities", "fail_on", "expected"),
    [
        ([], Severity.ERROR, EXIT_CLEAN),
        ([], Severity.INFO, EXIT_CLEAN),
        ([Severity.WARNING, Severity.INFO], Severity.ERROR, EXIT_CLEAN),
        ([Severity.INFO, Severity.ERROR], Severity.ERROR, EXIT_FINDINGS),
        ([Severity.WARNING], Severity.WARNING, EXIT_FINDINGS),
        ([Severity.INFO], Severity.WARNING, EXIT_CLEAN),
        ([Severity.INFO], Severity.INFO, EXIT_FINDINGS),
        ([Severity.ERROR], Severity.INFO, EXIT_FINDINGS),
    ],
)
def test_exit_code_fails_at_or_above_the_threshold(
    severities: list[Severity], fail_on: Severity, expected: int
) -> None:
    assert exit_code([at(s) for s in severities], fail_on) == expected


def test_default_threshold_is_error_and_any_iterable_works() -> None:
    assert exit_code(at(s) for s in [Severity.WARNING]) == EXIT_CLEAN
    assert exit_code(at(s) for s in [Severity.ERROR]) == EXIT_FINDINGS
