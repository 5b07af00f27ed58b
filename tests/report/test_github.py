from __future__ import annotations

import re
from urllib.parse import unquote

from hypothesis import given
from hypothesis import strategies as st

from featuredocs.model import Finding, Fix, Severity, Span
from featuredocs.report import render
from featuredocs.report.github import escape_data, escape_property
from tests.report.samples import assert_gold, sample_findings

COMMAND = re.compile(r"^::(error|warning|notice) ([^:]*)::(.*)$")


def parse(line: str) -> tuple[str, dict[str, str], str]:
    """Read a workflow command back as the runner does: split, then unescape."""
    match = COMMAND.match(line)
    assert match is not None, line
    kind, props, message = match.groups()
    properties = dict(part.split("=", 1) for part in props.split(","))
    return kind, {k: unquote(v) for k, v in properties.items()}, unquote(message)


def test_gold_github_annotations() -> None:
    assert_gold("report.github", render(sample_findings(), "github"))


def test_one_command_per_finding_with_location_and_title() -> None:
    finding = sample_findings()[0]
    (line,) = render([finding], "github").splitlines()
    kind, properties, message = parse(line)
    span = finding.span
    assert kind == "error"
    assert properties == {
        "file": finding.path,
        "line": str(span.line),
        "col": str(span.column),
        "endLine": str(span.end_line),
        "endColumn": str(span.end_column),
        "title": "FD302",
    }
    assert finding.fix is not None
    assert message == f"{finding.message}\nhint: {finding.hint}\nfix: {finding.fix.description}"


def test_severity_picks_the_command() -> None:
    kinds = [
        parse(line)[0]
        for line in render(
            [
                Finding("FD1", Severity.ERROR, "a.md", Span.at(1), "e"),
                Finding("FD1", Severity.WARNING, "a.md", Span.at(2), "w"),
                Finding("FD1", Severity.INFO, "a.md", Span.at(3), "i"),
            ],
            "github",
        ).splitlines()
    ]
    assert kinds == ["error", "warning", "notice"]


def test_message_escaping_of_percent_and_line_breaks() -> None:
    finding = Finding(
        "FD302", Severity.ERROR, "a.md", Span.at(1), "100% off\r\nnext :: line, done", hint="50%"
    )
    (line,) = render([finding], "github").splitlines()
    assert line.endswith("::100%25 off%0D%0Anext :: line, done%0Ahint: 50%25")


def test_property_escaping_of_colon_and_comma() -> None:
    finding = Finding("FD302", Severity.ERROR, "docs/a,b:c%.md", Span.at(1), "m")
    (line,) = render([finding], "github").splitlines()
    assert "file=docs/a%2Cb%3Ac%25.md," in line
    assert parse(line)[1]["file"] == "docs/a,b:c%.md"


def test_no_findings_no_output() -> None:
    assert render([], "github") == ""


@given(st.text())
def test_escaped_data_is_one_line_and_reads_back(text: str) -> None:
    escaped = escape_data(text)
    assert "\n" not in escaped and "\r" not in escaped
    assert _unescape(escaped) == text


@given(st.text())
def test_escaped_property_never_breaks_the_property_list(text: str) -> None:
    escaped = escape_property(text)
    assert not set(escaped) & {",", ":", "\n", "\r"}
    assert _unescape(escaped) == text


def _unescape(text: str) -> str:
    # The runner's own decoding: exactly the sequences the toolkit produces.
    for sequence, char in (("%0D", "\r"), ("%0A", "\n"), ("%3A", ":"), ("%2C", ","), ("%25", "%")):
        text = text.replace(sequence, char)
    return text


def test_fix_without_hint_still_reads_back() -> None:
    finding = Finding("FD403", Severity.WARNING, "a.md", Span.at(2, 3, 2), "d", fix=Fix("set", ()))
    assert parse(render([finding], "github").strip())[2] == "d\nfix: set"
