from __future__ import annotations

import json
from functools import cache
from pathlib import Path
from typing import Any

import jsonschema
import pytest

from featuredocs.model import Edit, Finding, Fix, Severity, Span
from featuredocs.report import RunStats, render
from featuredocs.rules.registry import rule_for
from tests.report.samples import EXPIRY, ORDERS, ORDERS_TEXT, SOURCES, sample_findings

OFFICIAL_SCHEMA = Path(__file__).parent / "data" / "sarif-schema-2.1.0.json"


@cache
def official() -> jsonschema.Draft4Validator:
    document = json.loads(OFFICIAL_SCHEMA.read_text(encoding="utf-8"))
    assert document["$schema"] == "http://json-schema.org/draft-04/schema#"
    jsonschema.Draft4Validator.check_schema(document)
    return jsonschema.Draft4Validator(
        document, format_checker=jsonschema.Draft4Validator.FORMAT_CHECKER
    )


def sarif(findings: list[Finding], sources: dict[str, str] | None = SOURCES) -> dict[str, Any]:
    return json.loads(render(findings, "sarif", sources=sources, stats=RunStats()))


def only_run(log: dict[str, Any]) -> dict[str, Any]:
    (run,) = log["runs"]
    return run


def test_output_validates_against_the_official_sarif_schema() -> None:
    for findings in (sample_findings(), []):
        for sources in (SOURCES, None):
            errors = list(official().iter_errors(sarif(findings, sources)))
            assert errors == []


def test_the_official_schema_can_reject_a_log() -> None:
    log = sarif(sample_findings())
    only_run(log)["results"][0]["level"] = "fatal"
    assert not official().is_valid(log)
    log = sarif(sample_findings())
    only_run(log)["results"][0]["locations"][0]["physicalLocation"]["region"]["startLine"] = 0
    assert not official().is_valid(log)


def test_envelope_and_driver() -> None:
    log = sarif(sample_findings())
    assert log["version"] == "2.1.0"
    assert log["$schema"].endswith("sarif-schema-2.1.0.json")
    run = only_run(log)
    assert run["columnKind"] == "unicodeCodePoints"
    driver = run["tool"]["driver"]
    assert driver["name"] == "featuredocs"
    assert driver["informationUri"].startswith("https://")
    assert [rule["id"] for rule in driver["rules"]] == ["FD105", "FD302", "FD403", "FD604"]


def test_rule_descriptor_comes_from_the_rules_own_documentation() -> None:
    rule = rule_for("FD105")
    assert rule is not None
    driver = only_run(sarif(sample_findings()))["tool"]["driver"]
    (descriptor,) = [d for d in driver["rules"] if d["id"] == "FD105"]
    assert descriptor["name"] == rule.name
    assert descriptor["shortDescription"]["text"] == rule.summary
    assert descriptor["fullDescription"]["text"] == rule.doc_section("What it does")
    assert descriptor["help"]["text"] == rule.explanation()
    markdown = descriptor["help"]["markdown"]
    assert "**Why is this bad?**" in markdown and "**Fix safety**" in markdown
    assert "\n    " not in markdown.split("```")[0]  # section bodies are not indented into code
    assert descriptor["defaultConfiguration"]["level"] == {
        "error": "error", "warning": "warning", "info": "note"
    }[rule.severity.value]
    assert "helpUri" not in descriptor  # no page per rule exists to point at


def test_unknown_code_gets_a_minimal_descriptor() -> None:
    finding = Finding("FD999", Severity.INFO, ORDERS, Span.at(1), "from the future")
    (descriptor,) = only_run(sarif([finding]))["tool"]["driver"]["rules"]
    assert descriptor == {
        "id": "FD999",
        "name": "FD999",
        "shortDescription": {"text": "FD999"},
        "defaultConfiguration": {"level": "note"},
    }


def test_results_point_at_their_rule_and_region() -> None:
    findings = sample_findings()
    run = only_run(sarif(findings))
    rules = run["tool"]["driver"]["rules"]
    by_code = {f.code: f for f in findings}
    for result in run["results"]:
        assert rules[result["ruleIndex"]]["id"] == result["ruleId"]
        finding = by_code[result["ruleId"]]
        assert result["level"] == {"error": "error", "warning": "warning", "info": "note"}[
            finding.severity.value
        ]
        location = result["locations"][0]["physicalLocation"]
        assert location["artifactLocation"] == {"uri": finding.path, "uriBaseId": "%SRCROOT%"}
        region = location["region"]
        corners = ("startLine", "startColumn", "endLine", "endColumn")
        assert tuple(region[key] for key in corners) == (
            finding.span.line, finding.span.column, finding.span.end_line, finding.span.end_column
        )
        assert result["message"]["text"].startswith(finding.message)


def test_message_carries_the_hint_and_region_the_source_snippet() -> None:
    results = only_run(sarif(sample_findings()))["results"]
    (result,) = [r for r in results if r["ruleId"] == "FD302"]
    assert result["message"]["text"] == (
        "field `total_cents` is documented on orders.Order, which has no such field\n"
        "hint: did you mean `total`? (orders/models.py:31)"
    )
    snippet = result["locations"][0]["physicalLocation"]["region"]["snippet"]["text"]
    assert snippet == ORDERS_TEXT.splitlines()[9]


def test_fix_becomes_an_artifact_change_with_replacements() -> None:
    edits = (Edit(Span(4, 3, 4, 8), "total"), Edit(Span(2, 1, 2, 1), "# Title\n"))
    finding = Finding(
        "FD302", Severity.ERROR, EXPIRY, Span(4, 3, 4, 8), "renamed", fix=Fix("rename", edits)
    )
    log = sarif([finding], None)
    assert official().is_valid(log)
    (fix,) = only_run(log)["results"][0]["fixes"]
    assert fix["description"] == {"text": "rename"}
    (change,) = fix["artifactChanges"]
    assert change["artifactLocation"] == {"uri": EXPIRY, "uriBaseId": "%SRCROOT%"}
    assert change["replacements"] == [
        {
            "deletedRegion": {"startLine": 2, "startColumn": 1, "endLine": 2, "endColumn": 1},
            "insertedContent": {"text": "# Title\n"},
        },
        {
            "deletedRegion": {"startLine": 4, "startColumn": 3, "endLine": 4, "endColumn": 8},
            "insertedContent": {"text": "total"},
        },
    ]


def test_fix_without_edits_is_left_out() -> None:
    finding = Finding("FD302", Severity.ERROR, ORDERS, Span.at(1), "m", fix=Fix("think", ()))
    log = sarif([finding], None)
    assert official().is_valid(log)
    assert "fixes" not in only_run(log)["results"][0]


def _fingerprints(findings: list[Finding]) -> list[str]:
    results = only_run(sarif(findings, None))["results"]
    return [result["partialFingerprints"]["featuredocs/v1"] for result in results]


def test_fingerprints_survive_line_moves_and_tell_twins_apart() -> None:
    finding = sample_findings()[0]
    moved = Finding(
        finding.code, finding.severity, finding.path, finding.span.shifted(lines=7), finding.message
    )
    assert _fingerprints([finding]) == _fingerprints([moved])
    twins = _fingerprints([finding, moved])
    assert len(set(twins)) == 2
    other = Finding(finding.code, finding.severity, finding.path, finding.span, "another message")
    assert _fingerprints([other]) != _fingerprints([finding])


@pytest.mark.parametrize(
    ("path", "expected"),
    [
        ("docs/my page.md", {"uri": "docs/my%20page.md", "uriBaseId": "%SRCROOT%"}),
        ("docs/café#1.md", {"uri": "docs/caf%C3%A9%231.md", "uriBaseId": "%SRCROOT%"}),
        ("/srv/docs/a b.md", {"uri": "file:///srv/docs/a%20b.md"}),
    ],
)
def test_artifact_uris_are_percent_encoded(path: str, expected: dict[str, str]) -> None:
    log = sarif([Finding("FD302", Severity.ERROR, path, Span.at(1), "m")], None)
    assert official().is_valid(log)
    location = only_run(log)["results"][0]["locations"][0]["physicalLocation"]
    assert location["artifactLocation"] == expected


def test_out_of_range_spans_still_make_a_valid_log() -> None:
    finding = Finding("FD302", Severity.ERROR, ORDERS, Span(0, 0, 0, 0), "m")
    log = sarif([finding], None)
    assert official().is_valid(log)
    region = only_run(log)["results"][0]["locations"][0]["physicalLocation"]["region"]
    assert region == {"startLine": 1, "startColumn": 1, "endLine": 1, "endColumn": 1}
