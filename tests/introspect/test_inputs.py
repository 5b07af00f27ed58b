"""``variables_read``: the environment variables asked for by name, in this process."""

from __future__ import annotations

import os

import pytest

from featuredocs.introspect.inputs import variables_read


@pytest.fixture
def environment(monkeypatch: pytest.MonkeyPatch) -> None:
    for name in ("LIMIT", "REGION", "SANDBOX", "TIMEOUT", "UNREAD"):
        monkeypatch.setenv(f"SHOP_{name}", "1")


def test_every_way_of_asking_by_name_is_heard(environment: None) -> None:
    kind = type(os.environ)
    with variables_read() as heard:
        prefix = "SHOP"
        os.environ.get(f"{prefix}_LIMIT")
        os.getenv("SHOP_REGION")
        assert "SHOP_SANDBOX" in os.environ
        os.environ.setdefault("SHOP_TIMEOUT", "5")
        with pytest.raises(KeyError):
            os.environ["SHOP_MISSING"]
    assert heard == {"SHOP_LIMIT", "SHOP_REGION", "SHOP_SANDBOX", "SHOP_TIMEOUT", "SHOP_MISSING"}
    assert type(os.environ) is kind and not hasattr(os.environ, "heard")
    os.environ.get("SHOP_UNREAD")
    assert "SHOP_UNREAD" not in heard  # not heard once the block ended


def test_going_over_the_whole_environment_is_not_asking_for_each_variable(environment: None) -> None:
    with variables_read() as heard:
        copied = os.environ.copy()  # how libraries hand it to a subprocess
        items = dict(os.environ.items())  # how wsgiref, which Django imports, reads it
        values = list(os.environ.values())
        same = os.environ == os.environ
    assert copied["SHOP_UNREAD"] == items["SHOP_UNREAD"] == "1" and "1" in values and same
    assert heard == set()


def test_the_environment_is_put_back_when_the_block_fails(environment: None) -> None:
    kind = type(os.environ)
    with pytest.raises(RuntimeError), variables_read():
        raise RuntimeError("the project could not be set up")
    assert type(os.environ) is kind and os.environ["SHOP_LIMIT"] == "1"
