"""The defaults query parameter facts hold are literals the rules read back."""

from __future__ import annotations

import ast

import pytest

from featuredocs.introspect.ninja_sizes import NO_CAP, count_maximum, declared_cap
from featuredocs.introspect.param_defaults import literal_default, ordering_default, size_default


@pytest.mark.parametrize("value", ["name", 20, 2.5, True])
def test_a_plain_value_is_kept_as_a_literal(value: object) -> None:
    written = literal_default(value)
    assert written is not None and ast.literal_eval(written) == value


@pytest.mark.parametrize("value", [None, "", float("inf"), float("nan"), ["a"], object()])
def test_anything_else_is_unknown(value: object) -> None:
    assert literal_default(value) is None


def test_orderings_and_sizes() -> None:
    assert ordering_default(["-created_at", "id"]) == "'-created_at,id'"
    assert ordering_default("name") == "'name'"
    assert ordering_default([]) is None and ordering_default(["a,b"]) is None
    assert size_default(20) == "20"
    assert size_default(True) is None and size_default(0) is None and size_default(None) is None


def test_an_integers_bounds_as_its_cap() -> None:
    assert count_maximum(declared_cap([("le", 100)])) == 100
    assert count_maximum(declared_cap([("lt", 101)])) == 100
    assert count_maximum(declared_cap([("lt", 100.5), ("le", 120)])) == 100  # the tighter one
    assert declared_cap([]) == declared_cap([("le", float("inf"))]) == NO_CAP
    assert count_maximum(NO_CAP) is None and count_maximum(declared_cap([("le", 0)])) is None
    assert declared_cap([("le", True)]) is None and declared_cap([("le", object())]) is None  # unknown
