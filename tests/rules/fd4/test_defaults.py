"""Lenient comparison of documented defaults with parser defaults."""

from __future__ import annotations

import pytest

from featuredocs.rules.fd4_commands.defaults import render_default, same_default


@pytest.mark.parametrize(
    ("documented", "fact"),
    [
        ("500", "500"),
        ("`500`", "500"),
        ("30", "30.0"),
        ("'csv'", "'csv'"),
        ("csv", "'csv'"),
        ('"csv"', "'csv'"),
        ("False", "False"),
        ("off", "False"),
        ("true", "True"),
        ("None", None),
        ("none", None),
        ("30", "'30'"),
        ("exports/", "PosixPath('exports/')"),
    ],
)
def test_equal_defaults(documented, fact):
    assert same_default(documented, fact) is True


@pytest.mark.parametrize(
    ("documented", "fact"),
    [("500", "1000"), ("csv", "'json'"), ("True", "False"), ("none", "30"), ("0.5", "0.25")],
)
def test_different_defaults(documented, fact):
    assert same_default(documented, fact) is False


@pytest.mark.parametrize(
    ("documented", "fact"),
    [
        ("30", None),  # the command decides in handle()
        ("all apps", "'default'"),
        ("1h", "3600"),
        ("settings.ORDER_EXPIRY_DAYS", "'x'"),
        ("ORDER_EXPIRY_DAYS", "'x'"),
        ("30", "<function default_days at 0x7f>"),
    ],
)
def test_unsure_comparisons_stay_silent(documented, fact):
    assert same_default(documented, fact) is None


@pytest.mark.parametrize(
    ("fact", "documented", "written"),
    [("1000", "500", "1000"), ("'json'", "csv", "json"), ("'json'", "'csv'", "'json'"),
     ("False", "true", "false"), ("False", "True", "False"), ("None", "3", None)],
)
def test_fix_text_follows_the_page_style(fact, documented, written):
    assert render_default(fact, documented) == written
