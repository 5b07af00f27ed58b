"""Parity with live mode on the bundled example: the same facts from the source alone.

Live facts come from ``python -m featuredocs.introspect`` in a child process; static facts
from ``collect_static`` in this one, which must not import the example. Where static
mode cannot know what live mode knows, the fact is unknown rather than wrong, and each
such gap is listed below as an explicit exclusion.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest

from featuredocs.introspect.static import collect_static
from featuredocs.model import ProjectFacts
from tests.cli.support import featuredocs
from tests.introspect.static.parity import (
    assert_same_commands,
    assert_same_models,
    assert_same_settings,
    endpoint_row,
)
from tests.support.django_project import collect_facts

SHOP = Path(__file__).resolve().parents[3] / "examples" / "shop"

#: Gaps static mode cannot close, each documented:
#: - URLs a ModelAdmin adds in its own ``get_urls`` (Django's UserAdmin adds a password
#:   page), and the admin views such a subclass overrides (``UserAdmin.add_view``).
ADMIN_GET_URLS = {"/admin/auth/user/{id}/password/"}
ADMIN_OVERRIDDEN_VIEWS = {"/admin/auth/user/add/"}
#: Runtime-computed choices and options are documented in ``parity.assert_same_commands``,
#: unnamed index locations in ``parity.index_rows``.


@pytest.fixture(scope="module")
def live() -> ProjectFacts:
    return collect_facts(SHOP, "shop.settings")


@pytest.fixture(scope="module")
def static() -> ProjectFacts:
    before = set(sys.modules)
    facts = collect_static(SHOP)
    imported = {m.split(".")[0] for m in set(sys.modules) - before}
    assert not imported & {"shop", "catalog", "orders", "customers", "core"}, "the project was imported"
    return facts


def test_static_facts_say_how_they_were_read(static: ProjectFacts) -> None:
    assert static.mode == "static"
    assert static.settings_module == "shop.settings"
    assert static.warnings == ()


def test_apps(live: ProjectFacts, static: ProjectFacts) -> None:
    assert static.apps == live.apps


def test_models_fields_related_models_and_indexes(live: ProjectFacts, static: ProjectFacts) -> None:
    assert_same_models(live, static)


def test_commands_and_their_options(live: ProjectFacts, static: ProjectFacts) -> None:
    assert_same_commands(live, static)


def test_settings_names_nested_keys_and_values(live: ProjectFacts, static: ProjectFacts) -> None:
    assert_same_settings(live, static)


def test_environment_variables_with_defaults(live: ProjectFacts, static: ProjectFacts) -> None:
    assert static.env_vars == live.env_vars


def test_cache_keys_with_timeouts(live: ProjectFacts, static: ProjectFacts) -> None:
    assert static.cache_keys == live.cache_keys
    assert any(k.timeout == 900 for k in static.cache_keys)  # PRODUCT_SUMMARY_TTL = 60 * 15


def test_symbols_and_modules(live: ProjectFacts, static: ProjectFacts) -> None:
    assert (static.symbols, static.modules) == (live.symbols, live.modules)


def test_endpoints(live: ProjectFacts, static: ProjectFacts) -> None:
    expected = [endpoint_row(e) for e in live.endpoints if e.path not in ADMIN_GET_URLS]
    described = [endpoint_row(e) for e in static.endpoints]
    for rows in (expected, described):  # the view and app of an overridden admin view
        rows[:] = [r[:-2] if r[0] in ADMIN_OVERRIDDEN_VIEWS else r for r in rows]
    assert described == expected
    assert static.url_prefixes == live.url_prefixes


def test_api_endpoints_have_their_nested_response_shapes(static: ProjectFacts) -> None:
    orders = next(e for e in static.endpoints if e.path == "/api/v1/orders/")
    items = next(f for f in orders.response or () if f.name == "items")
    assert items.many and [f.name for f in items.children] == [
        "id", "product", "quantity", "unit_price_cents", "line_total_cents"]
    assert orders.methods == ("GET", "POST")  # http_method_names switches PUT/PATCH/DELETE off
    status = next(p for p in orders.query_params if p.name == "status")
    assert status.choices == ("pending", "paid", "shipped", "expired", "cancelled")


# --- the command line on the example ----------------------------------------------------------


def _findings(*args: str) -> tuple[int, list[dict[str, object]], str]:
    run = featuredocs("check", "--mode", "static", "--no-cache", "--format", "json", *args, cwd=SHOP)
    assert "Traceback" not in run.err, run.err
    return run.code, json.loads(run.out)["findings"], run.err


def test_true_docs_check_clean_in_static_mode() -> None:
    code, found, err = _findings()
    assert found == []
    assert code == 0
    assert "featuredocs:" not in err


def test_drifted_docs_give_the_manifests_drifts_in_static_mode() -> None:
    code, found, _ = _findings("--docs", "docs-drifted")
    manifest = json.loads((SHOP / "drifts.json").read_text(encoding="utf-8"))
    expected = {(d["page"], d["line"], d["code"]) for d in manifest}
    got = {(str(f["path"]).removeprefix("docs-drifted/"), f["line"], f["code"]) for f in found}
    assert code == 1
    assert sorted(expected - got) == [], "missed drifts"
    assert sorted(got - expected) == [], "findings the manifest does not list"
