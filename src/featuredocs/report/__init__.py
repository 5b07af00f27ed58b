"""Reporters: one list of findings written as text, JSON, SARIF, GitHub annotations or JUnit.

Reporters are thin and know nothing of exit codes (see :mod:`featuredocs.policy`). They
print what findings say and nothing more; findings are written in their sort order.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from featuredocs.model import Finding
from featuredocs.report.stats import Counts, RunStats

FORMATS = ("text", "json", "sarif", "github", "junit")

__all__ = ["FORMATS", "Counts", "RunStats", "render"]


def render(
    findings: Sequence[Finding],
    fmt: str,
    *,
    sources: Mapping[str, str] | None = None,
    color: bool = False,
    stats: RunStats | None = None,
) -> str:
    """The report of ``findings`` in format ``fmt`` (one of :data:`FORMATS`).

    ``sources`` maps a finding's ``path`` to the page's text, for showing the offending
    line; ``color`` only affects ``text``.
    """
    ordered = sorted(findings, key=lambda finding: finding.sort_key)
    # Each format imports its renderer when asked for: a JSON report never loads rich.
    if fmt == "text":
        from featuredocs.report.text import render_text

        return render_text(ordered, sources=sources, color=color, stats=stats)
    if fmt == "json":
        from featuredocs.report.jsonfmt import render_json

        return render_json(ordered, stats=stats)
    if fmt == "sarif":
        from featuredocs.report.sarif import render_sarif

        return render_sarif(ordered, sources=sources, stats=stats)
    if fmt == "github":
        from featuredocs.report.github import render_github

        return render_github(ordered)
    if fmt == "junit":
        from featuredocs.report.junit import render_junit

        return render_junit(ordered, stats=stats)
    raise ValueError(f"unknown report format {fmt!r}; expected one of {', '.join(FORMATS)}")
