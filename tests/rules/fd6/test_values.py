"""Documented values against code defaults, compared leniently."""

from __future__ import annotations

import dataclasses

import pytest

from featuredocs.rules.fd6_config.fd602_stale_environment_default import StaleEnvironmentDefault
from featuredocs.rules.fd6_config.values import (
    display_default,
    is_placeholder,
    same_value,
    shown,
    shown_apart,
    unit_counted_in,
    with_unit_of,
)
from tests.support.rules import run_rule

from .facts import FACTS
from .test_rules import CLEAN, _spanned


@pytest.mark.parametrize(
    ("documented", "code", "expected"),
    [
        ("30", "30", True),
        ('"30"', "30", True),
        ("30", "30.0", True),
        ("true", "True", True),
        ("'False'", "False", True),
        ("off", "False", True),
        ("1", "True", True),
        ("localhost,127.0.0.1", "localhost,127.0.0.1", True),
        ("a,b", "['a', 'b']", True),
        ("['a', 'b']", "('a', 'b')", True),
        ("900", "60 * 15", True),
        ("eu-west-1", "eu-west-1", True),
        ("31", "30", False),
        ("false", "True", False),
        ("a,c", "['a', 'b']", False),
        ("eu-west-2", "eu-west-1", False),
        ("anything", "get_default()", None),
        ("anything", "settings.BASE_TIMEOUT", None),
        ("anything", "None", None),
        ("anything", "", None),
        ("30s", "30", True),
        ("48 hours", "48", True),
        ("15 min.", "15", True),
        ("45s", "30", False),
        ("eu, us", "eu,us", True),
        ("eu, asia", "eu,us", False),
        ("50,000", "50000", True),
        ("1,500 rows", "1500", True),
        ("50,000", "5000", False),
        ("1,5", "15", False),
        ("50.000", "50000", True),
        ("1.5", "1.5", True),
        ("1.500", "1.5", True),
        ("50.000", "5000", False),
        ("“EUR”", "'EUR'", True),
        ("„orders/expired.txt“", "'orders/expired.txt'", True),
        ("«EUR»", "'EUR'", True),
        ("“USD”", "'EUR'", False),
    ],
)
def test_same_value(documented: str, code: str, expected: bool | None) -> None:
    assert same_value(documented, code) is expected


@pytest.mark.parametrize(
    "value",
    ["your_api_key_here", "<your-token>", "[X]", "${API_KEY}", "$API_KEY", "xxxx", "changeme", "..."],
)
def test_placeholders_stand_for_some_value(value: str) -> None:
    assert is_placeholder(value)


@pytest.mark.parametrize("value", ["30", "True", "https://api.example.com", "eu-west-1", ""])
def test_real_values_are_not_placeholders(value: str) -> None:
    assert not is_placeholder(value)


@pytest.mark.parametrize(
    ("code", "written"),
    [("60", "60"), ("60 * 15", "900"), ("True", "True"), ("['a', 'b']", "a,b"),
     ("eu-west-1", "eu-west-1"), ("hello world", None), ("make()", None)],
)
def test_display_default_writes_plain_values_only(code: str, written: str | None) -> None:
    assert display_default(code) == written


def test_secret_names_are_masked_in_messages() -> None:
    assert shown("PAYMENT_API_KEY", "sk_live_123") != "sk_live_123"
    assert "sk_live_123" not in shown("PAYMENT_API_KEY", "sk_live_123")
    assert shown("PAYMENT_TIMEOUT", "30") == "30"


@pytest.mark.parametrize(
    ("documented", "replacement", "written"),
    [("45s", "30", "30s"), ("45 seconds", "30", "30 seconds"), ("45", "30", "30"), ("abc", "30", "30"),
     ("45s", "eu", "eu")],
)
def test_a_fix_keeps_the_unit_the_page_wrote(documented: str, replacement: str, written: str) -> None:
    assert with_unit_of(documented, replacement) == written


def test_fd602_a_number_written_with_thousands_separators_is_the_same_default(parse):
    facts = dataclasses.replace(FACTS, env_vars=FACTS.env_vars + (
        dataclasses.replace(FACTS.env_vars[1], name="ORDER_MAX_ROWS", default="50000"),
    ))
    table = CLEAN.replace("### Django Settings\n", (
        "| Variable | Default | Description |\n|---|---|---|\n"
        "| `ORDER_MAX_ROWS` | 50,000 | rows per file |\n| `ORDER_TIMEOUT` | `30` | seconds |\n\n"
        "### Django Settings\n"
    ))
    for right in ("50,000", "`50_000`", "50 000", "50,000 rows"):
        assert run_rule(StaleEnvironmentDefault, parse(table.replace("50,000", right)), facts) == [], right
    for wrong in ("5,000", "50,000,000", "5,0000", "500,00"):
        page = parse(table.replace("50,000", wrong))
        assert _spanned(page, run_rule(StaleEnvironmentDefault, page, facts)) == [wrong], wrong


@pytest.mark.parametrize(
    ("documented", "name", "counted"),
    [
        ("48", "window_hours", True),
        ("48h", "window_hours", True),
        ("48 hours", "ORDER_WINDOW_HOURS", True),
        ("15min", "timeout", False),  # a timeout in seconds may be written in minutes
        ("30s", "timeout_seconds", True),
        ("2.5 MB", "FILE_UPLOAD_MAX_MEMORY_SIZE", False),
        ("50,000", "max_rows", True),
    ],
)
def test_a_unit_is_compared_only_when_the_name_counts_in_it(documented, name, counted):
    assert unit_counted_in(documented, name) is counted


def test_a_file_name_default_is_compared_and_an_attribute_is_not() -> None:
    from featuredocs.rules.fd6_config.values import same_value

    assert same_value("shop.sqlite3", "shop.sqlite3") is True
    assert same_value("db.sqlite3", "shop.sqlite3") is False
    assert same_value("\"app.log\"", "app.log") is True
    # a default written as code (`settings.BASE_DIR`) says nothing a page can match
    assert same_value("/srv/shop", "settings.BASE_DIR") is None
    assert same_value("x", "defaults.TIMEOUT") is None


@pytest.mark.parametrize(
    ("first", "second", "shown_pair"),
    [
        ("/var/lib/invoicing/exports", "/var/lib/invoicing/reports", ("…voicing/exports", "…voicing/reports")),
        ("abc", "abd", ("abc", "abd")),
        ("x" * 40, "y" * 40, ("x" * 15 + "…", "y" * 15 + "…")),
        ("/var/lib/invoicing/exports/archive", "/var/lib/invoicing/reports", ("…voicing/export…", "…voicing/reports")),
    ],
)
def test_long_values_are_shown_where_they_differ(first: str, second: str, shown_pair: tuple[str, str]) -> None:
    assert shown_apart(first, second, 16) == shown_pair
