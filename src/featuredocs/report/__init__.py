"""Reporters: one list of findings written as text, JSON, SARIF, GitHub annotations or JUnit.

Reporters are thin and know nothing of exit codes (see :mod:`featuredocs.policy`). They
print what findings say and nothing more; findings are written in their sort order.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from featuredocs.model import Finding
from featuredocs.report.github import render_github
from featuredocs.report.jsonfmt import render_json
from featuredocs.report.junit import render_junit
from featuredocs.report.sarif import render_sarif
from featuredocs.report.stats import Counts, RunStats
from featuredocs.report.text import render_text

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
    if fmt == "text":
        return render_text(ordered, sources=sources, color=color, stats=stats)
    if fmt == "json":
        return render_json(ordered, stats=stats)
    if fmt == "sarif":
        return render_sarif(ordered, sources=sources, stats=stats)
    if fmt == "github":
        return render_github(ordered)
    if fmt == "junit":
        return render_junit(ordered, stats=stats)
    raise ValueError(f"unknown report format {fmt!r}; expected one of {', '.join(FORMATS)}")
