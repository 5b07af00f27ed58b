"""GitHub Actions workflow commands: one annotation per finding.

``::error file=docs/a.md,line=3,col=5,endLine=3,endColumn=9,title=FD302::message%0Ahint: …``

Escaping follows GitHub's toolkit (``@actions/core``, ``command.ts``): in the message
``%``, ``\\r`` and ``\\n`` are percent-encoded; in a property value ``:`` and ``,`` are too,
since they separate the properties.
"""

from __future__ import annotations

from collections.abc import Sequence

from featuredocs.model import Finding, Severity

_COMMAND = {
    Severity.ERROR: "error",
    Severity.WARNING: "warning",
    Severity.INFO: "notice",
}


def render_github(findings: Sequence[Finding]) -> str:
    return "".join(annotation(finding) + "\n" for finding in findings)


def annotation(finding: Finding) -> str:
    span = finding.span
    properties = {
        "file": finding.path,
        "line": str(span.line),
        "col": str(span.column),
        "endLine": str(span.end_line),
        "endColumn": str(span.end_column),
        "title": finding.code,
    }
    props = ",".join(f"{key}={escape_property(value)}" for key, value in properties.items())
    return f"::{_COMMAND[finding.severity]} {props}::{escape_data(_body(finding))}"


def _body(finding: Finding) -> str:
    lines = [finding.message]
    if finding.hint:
        lines.append(f"hint: {finding.hint}")
    if finding.fix is not None:
        lines.append(f"fix: {finding.fix.description}")
    return "\n".join(lines)


def escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(text: str) -> str:
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")
