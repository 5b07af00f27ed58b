from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import jsonschema
import pytest

from featuredocs.model import Finding, Severity, Span
from featuredocs.report import RunStats, render
from featuredocs.report.jsonfmt import schema
from featuredocs.rules.registry import rule_for
from tests.report.samples import ORDERS, SOURCES, assert_gold, sample_findings, scrub


def validator() -> jsonschema.Draft202012Validator:
    document = schema()
    jsonschema.Draft202012Validator.check_schema(document)
    return jsonschema.Draft202012Validator(
        document, format_checker=jsonschema.Draft202012Validator.FORMAT_CHECKER
    )


def report(findings: list[Finding], stats: RunStats | None = None) -> dict[str, Any]:
    return json.loads(render(findings, "json", sources=SOURCES, stats=stats))


def test_real_output_satisfies_the_shipped_schema() -> None:
    stats = RunStats(pages_checked=3, rules_run=12, elapsed_seconds=0.25)
    for findings in (sample_findings(), []):
        validator().validate(report(findings, stats))
        validator().validate(report(findings))


def test_the_schema_rejects_what_the_format_does_not_allow() -> None:
    document = report(sample_findings())
    broken = json.loads(json.dumps(document))
    broken["findings"][0]["severity"] = "fatal"
    assert not validator().is_valid(broken)
    broken = json.loads(json.dumps(document))
    del broken["findings"][1]["fix"]
    assert not validator().is_valid(broken)
    broken = json.loads(json.dumps(document))
    broken["findings"][0]["column"] = 0
    assert not validator().is_valid(broken)


def _expected_name(code: str) -> str:
    rule = rule_for(code)
    return rule.name if rule is not None else code


def test_gold_json_report() -> None:
    document = report(sample_findings(), RunStats(pages_checked=5, rules_run=40))
    # Rule names come from the registry, which grows; check them here, keep gold stable.
    for finding in document["findings"]:
        assert finding["name"] == _expected_name(finding["code"])
        finding["name"] = "<name>"
    assert_gold("report.json", scrub(json.dumps(document, indent=2, ensure_ascii=False) + "\n"))


def test_envelope_and_summary() -> None:
    document = report(sample_findings(), RunStats(pages_checked=5, rules_run=40))
    assert document["version"] == 1
    assert document["tool"]["name"] == "featuredocs"
    assert document["summary"] == {
        "total": 4,
        "error": 1,
        "warning": 2,
        "info": 1,
        "fixable": 1,
        "pages_with_findings": 2,
        "pages_checked": 5,
        "rules_run": 40,
        "elapsed_seconds": None,
    }


def test_known_rule_gets_its_registered_name_and_unknown_code_its_code() -> None:
    fd105 = rule_for("FD105")
    assert fd105 is not None
    found = Finding("FD105", Severity.WARNING, ORDERS, Span.at(1), "no title")
    unknown = Finding("FD999", Severity.INFO, ORDERS, Span.at(2), "from the future")
    names = {f["code"]: f["name"] for f in report([found, unknown])["findings"]}
    assert names == {"FD105": fd105.name, "FD999": "FD999"}


def test_finding_fields_carry_the_span_hint_and_fix_edits() -> None:
    first = sample_findings()[0]
    (entry,) = [f for f in report(sample_findings())["findings"] if f["code"] == "FD302"]
    assert (entry["line"], entry["column"], entry["end_line"], entry["end_column"]) == (
        first.span.line, first.span.column, first.span.end_line, first.span.end_column,
    )
    assert entry["hint"] == first.hint
    assert entry["fix"]["applicability"] == "unsafe"
    assert entry["fix"]["edits"] == [
        {
            "line": first.span.line,
            "column": first.span.column,
            "end_line": first.span.end_line,
            "end_column": first.span.end_column,
            "replacement": "total",
        }
    ]


@pytest.mark.parametrize(
    "message", ["100% sure", "two\nlines", 'quote " and \\ back', "é 日本 \x00"]
)
def test_messages_round_trip_exactly(message: str) -> None:
    finding = Finding("FD302", Severity.ERROR, ORDERS, Span.at(1), message, hint=message)
    (entry,) = report([finding])["findings"]
    assert entry["message"] == message
    assert entry["hint"] == message


def test_the_documented_example_satisfies_the_schema() -> None:
    docs = Path(__file__).parents[2] / "docs" / "output-formats.md"
    match = re.search(r"```json\n(.*?)```", docs.read_text(encoding="utf-8"), re.S)
    assert match is not None
    validator().validate(json.loads(match.group(1)))
