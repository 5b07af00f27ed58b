"""A real page, parsed by the real parser, checked by a real rule, written in every format."""

from __future__ import annotations

import json
from pathlib import Path

from featuredocs.markdown import parse_page
from featuredocs.model import Page
from featuredocs.policy import EXIT_CLEAN, exit_code
from featuredocs.report import FORMATS, RunStats, render
from featuredocs.rules.registry import rule_for
from tests.report.test_sarif import official
from tests.support.rules import run_rule

UNTAGGED = """\
# Café — 注文 Expiry

## Overview

Unpaid orders expire.
"""


def page_of(tmp_path: Path, text: str) -> Page:
    path = tmp_path / "docs" / "features" / "expiry.md"
    path.parent.mkdir(parents=True)
    path.write_text(text, encoding="utf-8")
    return parse_page(text, path=path, rel="features/expiry.md", display="docs/features/expiry.md")


def test_title_without_tagline_is_reported_under_the_title(tmp_path: Path) -> None:
    rule = rule_for("FD105")
    assert rule is not None
    page = page_of(tmp_path, UNTAGGED)
    findings = run_rule(rule, page)
    assert [f.code for f in findings] == ["FD105"]
    stats = RunStats(pages=(page.display,))
    lines = render(findings, "text", sources={page.display: page.text}, stats=stats).splitlines()
    span = findings[0].span
    assert lines[0].startswith(f"docs/features/expiry.md:{span.line}:{span.column}: FD105 ")
    assert lines[1] == "  1 | # Café — 注文 Expiry"
    assert lines[2].startswith("    | " + " " * (span.column - 1) + "^")
    assert lines[-1] == "1 warning in 1 of 1 page"
    assert exit_code(findings) == EXIT_CLEAN


def test_every_format_writes_the_real_finding(tmp_path: Path) -> None:
    rule = rule_for("FD105")
    assert rule is not None
    page = page_of(tmp_path, UNTAGGED)
    findings = run_rule(rule, page)
    sources = {page.display: page.text}
    for fmt in FORMATS:
        assert "docs/features/expiry.md" in render(findings, fmt, sources=sources)
    log = json.loads(render(findings, "sarif", sources=sources))
    assert official().is_valid(log)
    (descriptor,) = log["runs"][0]["tool"]["driver"]["rules"]
    assert descriptor["id"] == "FD105" and descriptor["name"] == rule.name
