"""Findings another page answers: FD505 says a page leaves out an endpoint of its URL
space, and another feature page documents that endpoint, as ``coverage`` counts it
(``claimed.py``: a heading, label, request line or table naming it with a method).

A page's findings are found, and kept in the cache, from the page alone; the ones another
page answers are dropped when the report is made, against what the pages document then.
So a page's cache entry depends on no other page, and a section added to another page,
or taken out of it, shows in the next report.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from featuredocs.coverage.claimed import Claimed
from featuredocs.model import Finding


def asked(findings: Iterable[Finding]) -> frozenset[str]:
    """The paths of the endpoints that ``findings`` say their pages leave out."""
    return frozenset(finding.endpoint for finding in findings if finding.endpoint is not None)


def may_document(text: str, endpoints: frozenset[str]) -> bool:
    """Whether a page's text can name one of ``endpoints``. A documented path may leave a
    mount prefix out and write values for parameters, but it writes the route's last
    literal segment (``stats`` of ``/api/v1/invoices/stats/``, also in ``stats.json``):
    a page without any of theirs is not worked out."""
    for path in endpoints:
        literal = [segment for segment in path.split("/") if segment and not _is_parameter(segment)]
        if not literal or literal[-1] in text:
            return True
    return False


def answered(findings: Sequence[Finding], claimed: Iterable[tuple[str, Claimed]]) -> tuple[Finding, ...]:
    """``findings`` without those another page answers. ``claimed``: the name each
    feature page is shown by (a finding's ``path``), and what it documents."""
    documenting: dict[str, set[str]] = {}
    for shown, page in claimed:
        if page.archived:  # check and sync skip it: it documents nothing now
            continue
        for path, _method in page.endpoints:
            documenting.setdefault(path, set()).add(shown)
    return tuple(
        finding for finding in findings
        if finding.endpoint is None or not documenting.get(finding.endpoint, set()) - {finding.path}
    )


def _is_parameter(segment: str) -> bool:
    return any(mark in segment for mark in "{<(:")
