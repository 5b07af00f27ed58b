"""SARIF 2.1.0, the format code-scanning services (GitHub, Azure DevOps, IDEs) read.

One run; ``tool.driver.rules`` describes every rule that has a result, from the rule's
own docstring; each result points into the page with a region counted in Unicode code
points (``columnKind``), carries the rule's fix as ``fixes`` and a fingerprint that does
not change when the finding moves to another line.
"""

from __future__ import annotations

import hashlib
import json
from collections import Counter
from collections.abc import Mapping, Sequence
from pathlib import PurePosixPath
from typing import Any
from urllib.parse import quote

from featuredocs.model import Edit, Finding, Fix, Severity, Span
from featuredocs.report.meta import HOMEPAGE, RuleInfo, rule_info
from featuredocs.report.snippet import source_line
from featuredocs.report.stats import RunStats

SARIF_SCHEMA = (
    "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
)
SRCROOT = "%SRCROOT%"
FINGERPRINT_KEY = "featuredocs/v1"

_LEVEL = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "note"}


def render_sarif(
    findings: Sequence[Finding],
    *,
    sources: Mapping[str, str] | None = None,
    stats: RunStats | None = None,
) -> str:
    return json.dumps(sarif_log(findings, sources or {}, stats or RunStats()), indent=2) + "\n"


def sarif_log(
    findings: Sequence[Finding], sources: Mapping[str, str], stats: RunStats
) -> dict[str, Any]:
    rules = _rules_of(findings)
    index = {rule.code: position for position, rule in enumerate(rules)}
    fingerprints = _fingerprints(findings)
    results = [
        _result(finding, index[finding.code], fingerprint, sources.get(finding.path))
        for finding, fingerprint in zip(findings, fingerprints, strict=True)
    ]
    run = {
        "tool": {"driver": _driver(rules, stats)},
        "originalUriBaseIds": {
            SRCROOT: {"description": {"text": "The directory featuredocs was run from."}}
        },
        "results": results,
        "columnKind": "unicodeCodePoints",
    }
    return {"$schema": SARIF_SCHEMA, "version": "2.1.0", "runs": [run]}


def _rules_of(findings: Sequence[Finding]) -> list[RuleInfo]:
    first_severity: dict[str, Severity] = {}
    for finding in findings:
        first_severity.setdefault(finding.code, finding.severity)
    return [rule_info(code, first_severity[code]) for code in sorted(first_severity)]


def _driver(rules: list[RuleInfo], stats: RunStats) -> dict[str, Any]:
    return {
        "name": "featuredocs",
        "version": stats.version,
        "informationUri": HOMEPAGE,
        "rules": [_descriptor(rule) for rule in rules],
    }


def _descriptor(rule: RuleInfo) -> dict[str, Any]:
    descriptor: dict[str, Any] = {
        "id": rule.code,
        "name": rule.name,
        "shortDescription": {"text": rule.summary or rule.code},
        "defaultConfiguration": {"level": _LEVEL[rule.severity]},
    }
    if rule.known:
        if rule.description:
            descriptor["fullDescription"] = {"text": rule.description}
        # No helpUri: there is no page per rule to point at, and `help` carries the
        # whole explanation that `featuredocs rule CODE` prints.
        descriptor["help"] = {"text": rule.explanation, "markdown": rule.help_markdown}
    return descriptor


def _result(
    finding: Finding, rule_index: int, fingerprint: str, source: str | None
) -> dict[str, Any]:
    text = finding.message + (f"\nhint: {finding.hint}" if finding.hint else "")
    region = _region(finding.span)
    snippet = _snippet(source, finding.span) if source is not None else None
    if snippet is not None:
        region["snippet"] = {"text": snippet}
    result: dict[str, Any] = {
        "ruleId": finding.code,
        "ruleIndex": rule_index,
        "level": _LEVEL[finding.severity],
        "message": {"text": text},
        "locations": [
            {"physicalLocation": {"artifactLocation": artifact(finding.path), "region": region}}
        ],
        "partialFingerprints": {FINGERPRINT_KEY: fingerprint},
    }
    if finding.fix is not None and finding.fix.edits:  # SARIF wants at least one change
        result["fixes"] = [_fix(finding.path, finding.fix)]
    return result


def artifact(path: str) -> dict[str, str]:
    """A page as SARIF names it: a URI relative to ``%SRCROOT%``, or a file URI."""
    posix = PurePosixPath(path)
    if posix.is_absolute():
        return {"uri": "file://" + quote(str(posix))}
    return {"uri": quote(str(posix)), "uriBaseId": SRCROOT}


def _region(span: Span) -> dict[str, Any]:
    # SARIF numbers from 1 and ends at or after the start; a span from a confused rule
    # must not make the whole log invalid.
    line = max(span.line, 1)
    column = max(span.column, 1)
    end_line = max(span.end_line, line)
    end_column = max(span.end_column, column if end_line == line else 1)
    return {"startLine": line, "startColumn": column, "endLine": end_line, "endColumn": end_column}


def _snippet(source: str, span: Span) -> str | None:
    lines = [source_line(source, number) for number in range(span.line, span.end_line + 1)]
    if any(line is None for line in lines):
        return None
    return "\n".join(line for line in lines if line is not None)


def _fix(path: str, fix: Fix) -> dict[str, Any]:
    return {
        "description": {"text": fix.description},
        "artifactChanges": [
            {
                "artifactLocation": artifact(path),
                "replacements": [_replacement(edit) for edit in sorted(fix.edits)],
            }
        ],
        "properties": {"applicability": fix.applicability.value},
    }


def _replacement(edit: Edit) -> dict[str, Any]:
    return {"deletedRegion": _region(edit.span), "insertedContent": {"text": edit.replacement}}


def _fingerprints(findings: Sequence[Finding]) -> list[str]:
    """A hash of what a finding says and where, without its line: stable as a page grows.

    Two findings alike in code, page and message get distinct fingerprints by their order.
    """
    seen: Counter[tuple[str, str, str]] = Counter()
    prints = []
    for finding in findings:
        key = (finding.code, finding.path, finding.message)
        seen[key] += 1
        blob = "\0".join((*key, str(seen[key])))
        prints.append(hashlib.sha256(blob.encode("utf-8")).hexdigest()[:32])
    return prints
