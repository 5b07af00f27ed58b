"""The machine format: every finding with its rule name, location, hint and fix.

The shape is versioned (``"version": 1``) and described by the JSON Schema shipped at
``featuredocs/report/schemas/featuredocs-report-v1.json``; ``docs/output-formats.md``
documents it. A new version number means a field changed meaning or went away; new
optional fields may appear within a version.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from functools import cache
from importlib import resources
from typing import Any

from featuredocs.model import Edit, Finding, Fix, Span
from featuredocs.report.meta import rule_info
from featuredocs.report.stats import Counts, RunStats

FORMAT_VERSION = 1
SCHEMA_FILE = "featuredocs-report-v1.json"


def render_json(findings: Sequence[Finding], *, stats: RunStats | None = None) -> str:
    document = report_document(findings, stats or RunStats())
    return json.dumps(document, indent=2, ensure_ascii=False) + "\n"


def report_document(findings: Sequence[Finding], stats: RunStats) -> dict[str, Any]:
    return {
        "version": FORMAT_VERSION,
        "tool": {"name": "featuredocs", "version": stats.version},
        "summary": _summary(Counts.of(findings), stats),
        "findings": [finding_json(finding) for finding in findings],
    }


def _summary(counts: Counts, stats: RunStats) -> dict[str, Any]:
    return {
        "total": counts.total,
        "error": counts.error,
        "warning": counts.warning,
        "info": counts.info,
        "fixable": counts.fixable,
        "pages_with_findings": counts.pages_with_findings,
        "pages_checked": stats.checked,
        "rules_run": stats.rules_run,
        "elapsed_seconds": stats.elapsed_seconds,
    }


def finding_json(finding: Finding) -> dict[str, Any]:
    return {
        "code": finding.code,
        "name": rule_info(finding.code, finding.severity).name,
        "severity": finding.severity.value,
        "path": finding.path,
        **_span_json(finding.span),
        "message": finding.message,
        "hint": finding.hint,
        "fix": _fix_json(finding.fix) if finding.fix is not None else None,
    }


def _span_json(span: Span) -> dict[str, int]:
    return {
        "line": span.line,
        "column": span.column,
        "end_line": span.end_line,
        "end_column": span.end_column,
    }


def _fix_json(fix: Fix) -> dict[str, Any]:
    return {
        "description": fix.description,
        "applicability": fix.applicability.value,
        "edits": [_edit_json(edit) for edit in sorted(fix.edits)],
    }


def _edit_json(edit: Edit) -> dict[str, Any]:
    return {**_span_json(edit.span), "replacement": edit.replacement}


@cache
def schema() -> dict[str, Any]:
    """The JSON Schema of this format, as shipped in the package."""
    shipped = resources.files("featuredocs.report").joinpath("schemas").joinpath(SCHEMA_FILE)
    return json.loads(shipped.read_text("utf-8"))
