from __future__ import annotations

from featuredocs.model import Severity, Span
from featuredocs.rules.fd1_template.fd105_missing_title import MissingTitleOrTagline
from featuredocs.rules.fd1_template.fd106_archived_page import ArchivedPage
from tests.support.rules import run_rule


def test_title_and_tagline_present_is_silent(parse) -> None:
    page = parse("# Orders\n\n> **Orders** - Cancels unpaid orders.\n\n## Overview\n")
    assert run_rule(MissingTitleOrTagline, page) == []


def test_missing_title(parse) -> None:
    (finding,) = run_rule(MissingTitleOrTagline, parse("## Overview\n\nText.\n"))
    assert (finding.code, finding.span) == ("FD105", Span.at(1))


def test_missing_tagline_is_reported_at_the_title(parse) -> None:
    (finding,) = run_rule(MissingTitleOrTagline, parse("# Orders\n\nPlain intro.\n"))
    assert finding.span == Span(1, 1, 1, 9)


def test_archived_page_gets_one_info_finding(parse) -> None:
    page = parse("# Old\n\n> **Archived**: replaced by Billing v2.\n")
    (finding,) = run_rule(ArchivedPage, page)
    assert finding.severity is Severity.INFO and finding.span == Span(3, 1, 3, 40)


def test_current_page_is_not_archived(parse) -> None:
    assert run_rule(ArchivedPage, parse("# New\n\n> **New** - does things.\n")) == []
