from __future__ import annotations

import json

import pytest

from featuredocs.report import FORMATS, RunStats, render
from tests.report.samples import SOURCES, sample_findings


def test_formats_are_the_documented_five() -> None:
    assert FORMATS == ("text", "json", "sarif", "github", "junit")


@pytest.mark.parametrize("fmt", FORMATS)
def test_every_format_renders_findings_and_nothing(fmt: str) -> None:
    full = render(sample_findings(), fmt, sources=SOURCES, stats=RunStats(pages_checked=3))
    assert "total_cents" in full
    empty = render([], fmt, stats=RunStats(pages_checked=3))
    assert "total_cents" not in empty
    assert full.endswith("\n")


@pytest.mark.parametrize("fmt", FORMATS)
def test_input_order_does_not_change_the_output(fmt: str) -> None:
    findings = sample_findings()
    forward = render(findings, fmt, sources=SOURCES)
    assert render(list(reversed(findings)), fmt, sources=SOURCES) == forward


def test_render_twice_gives_the_same_bytes() -> None:
    for fmt in FORMATS:
        first = render(sample_findings(), fmt, sources=SOURCES, color=True)
        assert render(sample_findings(), fmt, sources=SOURCES, color=True) == first


def test_colour_only_affects_text() -> None:
    for fmt in ("json", "sarif", "github", "junit"):
        assert render(sample_findings(), fmt, color=True) == render(sample_findings(), fmt)


def test_json_formats_are_json() -> None:
    for fmt in ("json", "sarif"):
        json.loads(render(sample_findings(), fmt))


def test_unknown_format_is_a_clear_error() -> None:
    with pytest.raises(ValueError, match="unknown report format 'html'.*text, json"):
        render([], "html")
