"""JUnit XML, for CI systems that show test reports: one test suite per page.

Each error or warning is a failing test case. An info finding is a passing case that
carries its text as output: it is advice, and no CI should go red over it. A page named in
``RunStats.pages`` with no findings gets one passing case, so the report lists every page
checked.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from collections.abc import Sequence

from featuredocs.model import Finding, Severity
from featuredocs.report.snippet import REPLACEMENT
from featuredocs.report.stats import RunStats

PASSING_CASE = "all checks passed"


def render_junit(findings: Sequence[Finding], *, stats: RunStats | None = None) -> str:
    stats = stats or RunStats()
    by_page = _group(findings, stats.pages)
    root = ET.Element(
        "testsuites",
        name="featuredocs",
        tests=str(sum(max(len(found), 1) for found in by_page.values())),
        failures=str(_failures(findings)),
        errors="0",
    )
    if stats.elapsed_seconds is not None:
        root.set("time", f"{stats.elapsed_seconds:.3f}")
    for page, found in by_page.items():
        root.append(_suite(page, found))
    ET.indent(root)
    return ET.tostring(root, encoding="unicode", xml_declaration=True) + "\n"


def _group(findings: Sequence[Finding], pages: Sequence[str]) -> dict[str, list[Finding]]:
    by_page: dict[str, list[Finding]] = {page: [] for page in sorted(pages)}
    for finding in findings:
        by_page.setdefault(finding.path, []).append(finding)
    return dict(sorted(by_page.items()))


def _suite(page: str, found: list[Finding]) -> ET.Element:
    suite = ET.Element(
        "testsuite",
        name=xml_text(page),
        tests=str(max(len(found), 1)),
        failures=str(_failures(found)),
        errors="0",
        skipped="0",
    )
    if not found:
        ET.SubElement(suite, "testcase", classname=xml_text(page), name=PASSING_CASE)
    for finding in found:
        suite.append(_case(finding))
    return suite


def _case(finding: Finding) -> ET.Element:
    span = finding.span
    path = xml_text(finding.path)
    case = ET.Element(
        "testcase",
        classname=path,
        name=xml_text(f"{finding.code} at {span.line}:{span.column}"),
        file=path,
        line=str(span.line),
    )
    if finding.severity is Severity.INFO:
        ET.SubElement(case, "system-out").text = xml_text(_details(finding))
        return case
    failure = ET.SubElement(
        case, "failure", message=xml_text(finding.message), type=xml_text(finding.code)
    )
    failure.text = xml_text(_details(finding))
    return case


def _failures(findings: Sequence[Finding]) -> int:
    return sum(1 for finding in findings if finding.severity is not Severity.INFO)


def _details(finding: Finding) -> str:
    span = finding.span
    lines = [
        f"{finding.path}:{span.line}:{span.column}: {finding.code} "
        f"[{finding.severity.value}] {finding.message}"
    ]
    if finding.hint:
        lines.append(f"hint: {finding.hint}")
    if finding.fix is not None:
        lines.append(f"fix: {finding.fix.description}")
    return "\n".join(lines)


def xml_text(text: str) -> str:
    """``text`` with the characters XML 1.0 cannot hold replaced (ElementTree would write them)."""
    return "".join(char if _xml_char(char) else REPLACEMENT for char in text)


def _xml_char(char: str) -> bool:
    point = ord(char)
    return (
        char in "\t\n\r"
        or 0x20 <= point <= 0xD7FF
        or 0xE000 <= point <= 0xFFFD
        or 0x10000 <= point <= 0x10FFFF
    )
