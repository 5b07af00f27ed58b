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
from featuredocs.introspect.static.commands import UNREAD_OPTIONS
from featuredocs.model import EndpointFact, ModelFact, ProjectFacts, ResponseField
from tests.cli.support import featuredocs
from tests.support.django_project import collect_facts

SHOP = Path(__file__).resolve().parents[3] / "examples" / "shop"

#: Gaps static mode cannot close, each documented:
#: - URLs a ModelAdmin adds in its own ``get_urls`` (Django's UserAdmin adds a password
#:   page), and the admin views such a subclass overrides (``UserAdmin.add_view``).
ADMIN_GET_URLS = {"/admin/auth/user/{id}/password/"}
ADMIN_OVERRIDDEN_VIEWS = {"/admin/auth/user/add/"}
#: - ``choices`` computed at run time (``choices=tuple(connections)`` on ``--database``)
#:   are unknown (None: any value accepted), and so are the options a command adds from
#:   data only the running project has (createsuperuser's ``--username``, the test
#:   runner's options): such commands carry the UNREAD_OPTIONS marker instead.
#: - the location of an unnamed ``Meta.indexes`` entry: live mode cannot match the
#:   generated name to its line; static mode knows the line.


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


def _fields(model: ModelFact) -> dict[str, tuple[object, ...]]:
    return {
        f.name: (f.field_class, f.internal_type, f.related_model, f.reverse, f.null, f.blank,
                 f.has_default, f.default, f.choices, f.unique, f.db_index, f.primary_key,
                 f.column, f.query_name, f.inherited_from, f.help_text, f.location)
        for f in model.fields
    }


def test_models_fields_and_related_models(live: ProjectFacts, static: ProjectFacts) -> None:
    assert {m.label for m in static.models} == {m.label for m in live.models}
    for model in live.models:
        twin = static.model(model.label)
        assert twin is not None, model.label
        assert _fields(twin) == _fields(model), model.label
        assert [f.name for f in twin.fields] == [f.name for f in model.fields], model.label
        assert (twin.module, twin.abstract, twin.bases, twin.parents, twin.ordering, twin.managers,
                twin.location) == (model.module, model.abstract, model.bases, model.parents,
                                   model.ordering, model.managers, model.location), model.label
        assert twin.attributes == model.attributes, model.label


def _indexes(model: ModelFact, with_location: bool) -> set[tuple[object, ...]]:
    return {(i.kind, i.fields, i.name, i.expressions, i.condition,
             i.location if with_location and i.location is not None else None)
            for i in model.indexes}


def test_indexes(live: ProjectFacts, static: ProjectFacts) -> None:
    for model in live.models:
        twin = static.model(model.label)
        assert twin is not None
        assert _indexes(twin, False) == _indexes(model, False), model.label
        located = {i.fields: i.location for i in model.indexes if i.location is not None}
        assert {i.fields: i.location for i in twin.indexes if i.fields in located} == located


def test_commands_and_their_options(live: ProjectFacts, static: ProjectFacts) -> None:
    assert [c.name for c in static.commands] == [c.name for c in live.commands]
    assert [(c.name, c.app, c.project) for c in static.commands] == [
        (c.name, c.app, c.project) for c in live.commands]
    for command in (c for c in live.commands if c.project):
        twin = static.command(command.name)
        assert twin is not None
        assert (twin.help, twin.location) == (command.help, command.location)
        assert twin.options == command.options, command.name


def test_other_commands_options_are_right_or_marked_unread(live: ProjectFacts, static: ProjectFacts) -> None:
    for command in (c for c in live.commands if not c.project):
        twin = static.command(command.name)
        assert twin is not None
        flags = {o.flags for o in twin.options if o.flags}
        unread = UNREAD_OPTIONS in twin.options
        assert flags <= {o.flags for o in command.options if o.flags}, command.name
        if not unread:
            assert flags == {o.flags for o in command.options if o.flags}, command.name
        for option in twin.options:
            real = next((o for o in command.options if o.flags == option.flags and option.flags), None)
            if real is not None and option.choices is not None:
                assert option.choices == real.choices, (command.name, option.flags)
            if real is not None and option.default is not None and real.default is not None:
                assert option.default == real.default, (command.name, option.flags)


def test_settings_names_nested_keys_and_values(live: ProjectFacts, static: ProjectFacts) -> None:
    assert [s.name for s in static.settings] == [s.name for s in live.settings]
    for setting in live.settings:
        twin = static.setting(setting.name)
        assert twin is not None
        assert (twin.keys, twin.project, twin.secret, twin.location) == (
            setting.keys, setting.project, setting.secret, setting.location), setting.name
    project_values = {s.name: s.value for s in live.settings if s.project}
    assert {s.name: s.value for s in static.settings if s.project} == project_values


def test_environment_variables_with_defaults(live: ProjectFacts, static: ProjectFacts) -> None:
    assert static.env_vars == live.env_vars


def test_cache_keys_with_timeouts(live: ProjectFacts, static: ProjectFacts) -> None:
    assert static.cache_keys == live.cache_keys
    assert any(k.timeout == 900 for k in static.cache_keys)  # PRODUCT_SUMMARY_TTL = 60 * 15


def test_symbols_and_modules(live: ProjectFacts, static: ProjectFacts) -> None:
    assert (static.symbols, static.modules) == (live.symbols, live.modules)


def _shape(fields: tuple[ResponseField, ...] | None) -> object:
    if fields is None:
        return None
    return [(f.name, f.many, f.type, _shape(f.children)) for f in fields]


def _endpoint(endpoint: EndpointFact) -> tuple[object, ...]:
    return (endpoint.methods, endpoint.name, endpoint.path_params, endpoint.query_params,
            _shape(endpoint.response), endpoint.paginated, endpoint.pagination_keys,
            endpoint.framework, endpoint.location, endpoint.view, endpoint.app)


def test_endpoints(live: ProjectFacts, static: ProjectFacts) -> None:
    live_paths = {e.path for e in live.endpoints} - ADMIN_GET_URLS
    assert {e.path for e in static.endpoints} == live_paths
    by_path = {e.path: e for e in static.endpoints}
    for endpoint in live.endpoints:
        if endpoint.path in ADMIN_GET_URLS:
            continue
        described = _endpoint(by_path[endpoint.path])
        expected = _endpoint(endpoint)
        if endpoint.path in ADMIN_OVERRIDDEN_VIEWS:
            described, expected = described[:-2], expected[:-2]
        assert described == expected, endpoint.path
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
    run = featuredocs("check", "--mode", "static", "--format", "json", *args, cwd=SHOP)
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
