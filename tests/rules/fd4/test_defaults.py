"""Lenient comparison of documented defaults with parser defaults."""

from __future__ import annotations

import pytest

from featuredocs.rules.fd4_commands.defaults import measured_in, render_default, same_default


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
        ("1", "[1]"),  # nargs="+": the items as a user types them
        ("1 2", "[1, 2]"),
        ("`email, sms`", "['email', 'sms']"),
        ("[1]", "[1]"),
    ],
)
def test_equal_defaults(documented, fact):
    assert same_default(documented, fact) is True


@pytest.mark.parametrize(
    ("documented", "fact"),
    [("500", "1000"), ("csv", "'json'"), ("True", "False"), ("none", "30"), ("0.5", "0.25"),
     ("2", "[1]"), ("1", "[1, 2]"), ("email sms", "['email']")],
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
        ("all tiers", "[]"),
        ("every tier", "[1, 2]"),  # prose, not items
    ],
)
def test_unsure_comparisons_stay_silent(documented, fact):
    assert same_default(documented, fact) is None


@pytest.mark.parametrize(
    ("fact", "documented", "written"),
    [("1000", "500", "1000"), ("'json'", "csv", "json"), ("'json'", "'csv'", "'json'"),
     ("False", "true", "false"), ("False", "True", "False"), ("None", "3", None),
     ("[1, 2]", "1", "1 2"), ("['email']", "sms", "email"), ("[1]", "[2]", "[1]")],
)
def test_fix_text_follows_the_page_style(fact, documented, written):
    assert render_default(fact, documented) == written


@pytest.mark.parametrize(
    ("documented", "fact", "measured", "expected"),
    [
        ("200 rows", "200", frozenset(), True),
        ("300 rows", "200", frozenset(), False),
        ("1,000 rows", "1000", frozenset(), True),
        ("12 hours", "24", frozenset({"hour"}), False),
        ("24h", "24", frozenset({"hour"}), True),
        ("12 hours", "24", frozenset(), None),  # the option says nothing of hours
        ("5 minutes", "300", frozenset({"second"}), None),  # 300 seconds
        ("2 days", "48", frozenset({"hour", "day"}), None),
        ("24 hours", "'24h'", frozenset({"hour"}), None),  # text the command parses itself
        ("2x", "2", frozenset(), None),
        ("24 hours or the setting's value", "24", frozenset({"hour"}), None),
    ],
)
def test_numbers_with_a_unit(documented, fact, measured, expected):
    assert same_default(documented, fact, measured) is expected


def test_the_units_an_option_is_measured_in():
    help_text = "Expire orders created more than this many hours ago (default: 48)."
    assert measured_in("--older-than-hours", "older_than_hours", help_text) == {"hour"}
    assert measured_in("-h", "--timeout", "timeout", "Seconds to wait.") == {"second"}


def test_fix_text_keeps_the_unit():
    assert render_default("48", "72 hours") == "48 hours"
    assert render_default("200", "300rows") == "200rows"
