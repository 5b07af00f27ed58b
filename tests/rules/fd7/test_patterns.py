"""Key patterns from f-strings, format strings and prose; matching with holes."""

from __future__ import annotations

import ast

import pytest

from featuredocs.rules.fd7_cache.durations import describe, durations, written_like
from featuredocs.rules.fd7_cache.patterns import (
    narrowed,
    pattern_from_node,
    pattern_from_text,
    patterns_agree,
    rewritten,
)


@pytest.mark.parametrize(
    ("source", "pattern"),
    [
        ('f"orders:{order_id}:summary"', "orders:{}:summary"),
        ('f"orders:{{literal}}:{pk}"', "orders:{literal}:{}"),
        ('"orders:{}:summary".format(pk)', "orders:{}:summary"),
        ('"orders:%s:summary" % pk', "orders:{}:summary"),
        ('"orders:" + str(pk) + ":summary"', "orders:{}:summary"),
        ('f"{PREFIX}{pk}"', "{}"),
        ('"dashboard"', "dashboard"),
        ("len(x)", None),
    ],
)
def test_pattern_from_python(source: str, pattern: str | None) -> None:
    assert pattern_from_node(ast.parse(source, mode="eval").body) == pattern


@pytest.mark.parametrize(
    ("text", "pattern"),
    [("orders:{order_id}:summary", "orders:{}:summary"), ("orders:<id>:lines", "orders:{}:lines"),
     ("orders:%(pk)s", "orders:{}")],
)
def test_pattern_from_prose(text: str, pattern: str) -> None:
    assert pattern_from_text(text) == pattern


@pytest.mark.parametrize(
    ("documented", "code", "agree"),
    [
        ("orders:{}:summary", "orders:{}:summary", True),
        ("orders:42:summary", "orders:{}:summary", True),
        ("orders:{}:summary", "{}:{}:summary", True),
        ("orders:{}:summary", "{}", True),  # a key the code builds entirely at run time
        ("orders:{}:summary", "orders:{}:lines", False),
        ("order:{}:summary", "orders:{}:summary", False),
        ("catalog:product:{}", "catalog:product:{}:summary", False),
        ("catalog:{}", "catalog:{}", True),
        ("catalog:product:{}:summary", "catalog:product:v2:{}", True),  # the hole may be "42:summary"
        ("catalog:product:{}:summary", "catalog:product:v2:{#}", False),  # a key holds no "summary"
        ("catalog:product:{}:summary", "catalog:product:v2:{.}", True),  # a slug may be "summary"
        ("catalog:product:{}:summary", "catalog:product:{.}", False),  # nor ":summary"
        ("catalog:product:{}", "catalog:product:{.}", True),
        ("catalog:product:42", "catalog:product:{#}", True),
        ("catalog:product:5f0c-9a1e", "catalog:product:{#}", True),
        ("catalog:product:blue", "catalog:product:{.}", True),
        ("catalog:product:blue", "catalog:product:{#}", False),
    ],
)
def test_patterns_agree(documented: str, code: str, agree: bool) -> None:
    assert patterns_agree(documented, code) is agree


@pytest.mark.parametrize(
    ("raw", "shape"),
    [
        ('f"catalog:product:v2:{product.pk}"', "catalog:product:v2:{#}"),
        ('f"orders:{order_id}:summary"', "orders:{.}:summary"),
        ('f"users:{self.slug}:{ID}:{user_uuid}"', "users:{.}:{#}:{#}"),
        ('f"catalog:{prefix}:{pk}"', "catalog:{}:{#}"),  # a prefix may be several parts
        ('f"catalog:{pk:08d}"', "catalog:{}"),  # formatted: left as written
        ('f"catalog:{pk}{suffix}"', "catalog:{}"),  # side by side: one may end in the other
        ('"catalog:{}".format(pk)', "catalog:{}"),
        ("KEY_TEMPLATE", "catalog:{}"),  # the pattern came from the constant's value
    ],
)
def test_id_holes_are_narrowed(raw: str, shape: str) -> None:
    pattern = shape.replace("{.}", "{}").replace("{#}", "{}")
    assert narrowed(pattern, raw) == shape


@pytest.mark.parametrize(
    ("text", "seconds"),
    [("**TTL**: 15 minutes", [900]), ("TTL: 900 seconds", [900]), ("1 hour", [3600]),
     ("24h", [86400]), ("30s or 2 min", [30, 120]), ("[X] minutes", []), ("v2 api", []),
     ("TTL: ten minutes", [600]), ("kept for an hour", [3600]), ("Fifteen Minutes", [900]),
     ("half an hour", [1800]), ("one day, then two weeks", [86400, 1209600]),
     ("wait a second", []), ("someone minutes", []), ("a minute-long job", []), ("ten", [])],
)
def test_durations(text: str, seconds: list[int]) -> None:
    assert [d.seconds for d in durations(text)] == seconds


def test_spelled_durations_are_written_back_in_figures_in_their_unit() -> None:
    (minutes,) = durations("ten minutes")
    assert written_like(900, minutes) == "15 minutes"
    (hour,) = durations("an hour")
    assert written_like(7200, hour) == "2 hours"
    assert written_like(3600, hour) == "1 hour"


def test_durations_are_written_back_in_the_page_s_unit() -> None:
    (minutes,) = durations("15 minutes")
    assert written_like(1800, minutes) == "30 minutes"
    assert written_like(60, minutes) == "1 minute"
    assert written_like(90, minutes) == "90 seconds"
    (hours,) = durations("24h")
    assert written_like(7200, hours) == "2h"
    assert describe(900) == "15 minutes" and describe(86400) == "1 day" and describe(45) == "45 seconds"



def test_durations_written_back_keep_the_space_as_written() -> None:
    for written, expected in (("30\u00a0minutes", "15\u00a0minutes"), ("30m", "15m"), ("30 min", "15 min")):
        (duration,) = durations(written)
        assert written_like(900, duration) == expected


@pytest.mark.parametrize(
    ("text", "pattern", "written"),
    [
        ('f"catalog:product:{pk}:summary"', "catalog:product:v2:{}:summary", 'f"catalog:product:v2:{pk}:summary"'),
        ("orders:<id>:lines", "orders:{}:line-items", "orders:<id>:line-items"),
        ("'orders:%s:summary'", "orders:summary:{}", "'orders:summary:%s'"),
        ('f"orders:{pk}:summary"', "orders:{}:{}:summary", None),  # a hole more: what goes there?
        ('"orders:{}:summary".format(pk)', "orders:v2:{}:summary", None),  # not a plain string
        ('f"orders:{pk}"', 'orders:"x":{}', None),  # would end the string
    ],
)
def test_a_key_is_rewritten_with_the_page_s_own_holes(text: str, pattern: str, written: str | None) -> None:
    assert rewritten(text, pattern) == written
