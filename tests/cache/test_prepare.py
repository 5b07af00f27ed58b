"""Claims extracted while the facts load are the ones the rules would extract later."""

from __future__ import annotations

import threading

import pytest

from featuredocs.cache import incremental_check
from featuredocs.cache import run as cache_run
from featuredocs.rules import prepare as prepare_module
from tests.cache.test_check import drifted, shop  # noqa: F401 - fixtures

pytestmark = pytest.mark.usefixtures("shop")


def _slow_loader(monkeypatch: pytest.MonkeyPatch, facts):  # type: ignore[no-untyped-def]
    """A facts loader that answers only once every page has been prepared."""
    prepared = threading.Event()
    original = cache_run.CheckRun._prepare

    def preparing(self, *args, **kwargs):  # type: ignore[no-untyped-def]
        try:
            return original(self, *args, **kwargs)
        finally:
            prepared.set()

    monkeypatch.setattr(cache_run.CheckRun, "_prepare", preparing)

    def load(config):  # type: ignore[no-untyped-def]
        prepared.wait(timeout=120)
        return facts

    return load


def test_claims_prepared_while_the_facts_load_change_no_finding(drifted, monkeypatch):  # noqa: F811
    config, facts, expected = drifted
    run = incremental_check(config, use_cache=False, workers=1, load=_slow_loader(monkeypatch, facts))
    assert run.stats.prepared == len(list((config.docs / "features").glob("*.md"))) > 0
    assert run.result.findings == expected


def test_a_claim_that_fails_while_prepared_is_left_to_its_rule(drifted, monkeypatch):  # noqa: F811
    config, facts, expected = drifted
    calls = []

    def failing(page, ctx):  # type: ignore[no-untyped-def]
        calls.append(page.rel)
        raise ValueError("not now")

    families = {family: (failing, *extractors) for family, extractors in prepare_module._PAGE_ONLY.items()}
    monkeypatch.setattr(prepare_module, "_PAGE_ONLY", families)
    run = incremental_check(config, use_cache=False, workers=1, load=_slow_loader(monkeypatch, facts))
    assert len(calls) == run.stats.prepared > 0
    assert run.result.findings == expected
