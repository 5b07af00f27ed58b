from __future__ import annotations

import xml.etree.ElementTree as ET

from hypothesis import given
from hypothesis import strategies as st

from featuredocs.model import Finding, Severity, Span
from featuredocs.report import RunStats, render
from tests.report.samples import CLEAN, EXPIRY, ORDERS, assert_gold, sample_findings, scrub


def parse(text: str) -> ET.Element:
    assert text.startswith("<?xml version='1.0' encoding='utf-8'?>")
    return ET.fromstring(text)


def test_gold_junit_report() -> None:
    stats = RunStats(pages=(ORDERS, EXPIRY, CLEAN))
    assert_gold("report.junit.xml", scrub(render(sample_findings(), "junit", stats=stats)))


def test_one_suite_per_page_one_case_per_finding_failing_unless_info() -> None:
    findings = sample_findings()
    root = parse(render(findings, "junit", stats=RunStats(pages=(ORDERS, EXPIRY, CLEAN))))
    assert root.tag == "testsuites"
    assert (root.get("tests"), root.get("failures"), root.get("errors")) == ("5", "3", "0")
    suites = {suite.get("name"): suite for suite in root.findall("testsuite")}
    assert list(suites) == sorted([ORDERS, EXPIRY, CLEAN])
    expiry = suites[EXPIRY]
    assert (expiry.get("tests"), expiry.get("failures")) == ("3", "2")
    names = [case.get("name") for case in expiry.findall("testcase")]
    assert names == ["FD105 at 1:1", "FD604 at 3:28", "FD403 at 6:42"]
    info = expiry.findall("testcase")[1]
    assert info.find("failure") is None
    output = info.find("system-out")
    assert output is not None and output.text is not None and "FD604 [info]" in output.text
    failure = expiry.find("testcase/failure")
    assert failure is not None
    assert failure.get("type") == "FD105"
    assert failure.get("message") == "page has no `# Title` heading"
    assert failure.text == (
        f"{EXPIRY}:1:1: FD105 [warning] page has no `# Title` heading\n"
        "hint: start the page with `# Feature Name`"
    )


def test_page_without_findings_has_one_passing_case() -> None:
    root = parse(render([], "junit", stats=RunStats(pages=(CLEAN,))))
    (suite,) = root.findall("testsuite")
    (case,) = suite.findall("testcase")
    assert suite.get("failures") == "0" and suite.get("tests") == "1"
    assert case.get("classname") == CLEAN
    assert list(case) == []


def test_no_pages_no_findings_is_an_empty_valid_report() -> None:
    root = parse(render([], "junit"))
    assert root.findall("testsuite") == []
    assert root.get("tests") == "0"


def test_markup_characters_and_newlines_survive_escaping() -> None:
    message = 'use <Order> & "Item" \'here\'\nnext line'
    finding = Finding("FD302", Severity.ERROR, 'docs/<a&b>".md', Span.at(1), message, hint="]]>")
    root = parse(render([finding], "junit"))
    (case,) = root.iter("testcase")
    failure = case.find("failure")
    assert failure is not None
    assert failure.get("message") == message
    assert case.get("file") == 'docs/<a&b>".md'
    assert failure.text is not None and failure.text.endswith("hint: ]]>")


def test_characters_xml_cannot_hold_are_replaced() -> None:
    message = "bell\x07 null\x00 esc\x1b \ufffe"
    finding = Finding("FD302", Severity.ERROR, "a.md", Span.at(1), message)
    root = parse(render([finding], "junit"))
    failure = root.find("testsuite/testcase/failure")
    assert failure is not None
    assert failure.get("message") == "bell\ufffd null\ufffd esc\ufffd \ufffd"


def test_elapsed_time_is_reported_when_known() -> None:
    assert parse(render([], "junit", stats=RunStats(elapsed_seconds=1.5))).get("time") == "1.500"


@given(st.text(), st.text(min_size=1), st.sampled_from(list(Severity)))
def test_any_text_gives_well_formed_xml(message: str, path: str, severity: Severity) -> None:
    root = parse(render([Finding("FD302", severity, path, Span.at(1), message)], "junit"))
    shown = "system-out" if severity is Severity.INFO else "failure"
    assert root.find(f"testsuite/testcase/{shown}") is not None
