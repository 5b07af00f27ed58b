"""``variables_read``: the environment variables asked for by name, in this process."""

from __future__ import annotations

import os
from collections.abc import Callable

import pytest

from featuredocs.introspect.inputs import variables_read
from featuredocs.model.inputs import WHOLE_ENVIRONMENT


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


@pytest.mark.parametrize("going_over", [
    lambda: os.environ.copy(),  # how code hands it to a subprocess
    lambda: dict(os.environ.items()),
    lambda: list(os.environ.values()),
    lambda: [name for name in os.environ if name.startswith("SHOP_")],  # settings taking a prefix
    lambda: os.environ == os.environ.copy(),
], ids=["copy", "items", "values", "iteration", "comparison"])
def test_going_over_the_whole_environment_is_noted_as_such(environment: None, going_over: Callable[[], object]) -> None:
    with variables_read() as heard:
        assert going_over()
    assert heard == {WHOLE_ENVIRONMENT}  # not every variable, one by one


def test_python_going_over_the_environment_is_not_the_project_reading_it(environment: None) -> None:
    """Django imports ``wsgiref``, which copies the environment, in every project."""
    from wsgiref.handlers import read_environ

    with variables_read() as heard:
        assert read_environ()["SHOP_UNREAD"] == "1"
    assert heard == set()


def test_the_environment_is_put_back_when_the_block_fails(environment: None) -> None:
    kind = type(os.environ)
    with pytest.raises(RuntimeError), variables_read():
        raise RuntimeError("the project could not be set up")
    assert type(os.environ) is kind and os.environ["SHOP_LIMIT"] == "1"
