"""Parity with live mode on a small project full of hard shapes (see ``tricky_project``):
a custom user model, abstract bases with ``%(class)s`` names and ``Meta`` inheritance,
multi-table inheritance, a proxy, self and through relations, a ``models/`` package next
to a ``models.py``, custom fields; commands built through base classes, groups, helper
methods, sub-parsers and ``LabelCommand``; plain and class views, DRF generic views,
ViewSets on two routers, filter sets, paginators, nested serializers, django-ninja.
"""

from __future__ import annotations


import pytest

from featuredocs.introspect.static import collect_static
from featuredocs.model import ProjectFacts
from tests.introspect.static.parity import (
    assert_same_commands,
    assert_same_models,
    assert_same_settings,
    endpoint_row,
)
from tests.introspect.static.tricky_project import make_tricky_project


@pytest.fixture(scope="module")
def both(tmp_path_factory: pytest.TempPathFactory) -> tuple[ProjectFacts, ProjectFacts]:
    project = make_tricky_project(tmp_path_factory.mktemp("tricky"))
    return project.facts(), collect_static(project.root)


def test_nothing_went_unread(both: tuple[ProjectFacts, ProjectFacts]) -> None:
    _, static = both
    assert static.warnings == ()


def test_models(both: tuple[ProjectFacts, ProjectFacts]) -> None:
    assert_same_models(*both)


def test_swapped_user_model_replaces_auth_user(both: tuple[ProjectFacts, ProjectFacts]) -> None:
    _, static = both
    assert static.model("auth.User") is None
    owner = static.model("library.Book").field("owner")  # type: ignore[union-attr]
    assert owner is not None and owner.related_model == "accounts.Member"
    member = static.model("accounts.Member")
    assert member is not None and member.field("library_book_owned") is not None


def test_commands(both: tuple[ProjectFacts, ProjectFacts]) -> None:
    assert_same_commands(*both)


def test_mutually_exclusive_groups_are_read_in_both_modes(both: tuple[ProjectFacts, ProjectFacts]) -> None:
    for facts in both:
        grouped = {
            (command.name, option.dest): (option.exclusive, option.exclusive_required)
            for command in facts.commands if command.name in ("export_books", "book_cache")
            for option in command.options if option.exclusive is not None
        }
        assert grouped == {
            ("export_books", "json"): ("1", False), ("export_books", "csv"): ("1", False),
            ("book_cache", "all"): ("clear 1", True), ("book_cache", "expired"): ("clear 1", True),
        }, facts.mode


def test_boolean_optional_options_carry_both_forms_in_argparse_order(
    both: tuple[ProjectFacts, ProjectFacts],
) -> None:
    for facts in both:
        command = facts.command("remind_borrowers")
        assert command is not None
        assert [(o.dest, o.flags, o.action, o.default, o.nargs) for o in command.options if not o.base] == [
            ("notify", ("--notify", "--no-notify"), "BooleanOptionalAction", "True", "0"),
            ("archive", ("-a", "--archive", "--no-archive", "--keep-copy", "--no-keep-copy"),
             "BooleanOptionalAction", None, "0"),
            ("urgent", ("--urgent",), "store_true", "False", "0"),
        ], facts.mode


def test_settings(both: tuple[ProjectFacts, ProjectFacts]) -> None:
    assert_same_settings(*both)


def test_env_cache_symbols(both: tuple[ProjectFacts, ProjectFacts]) -> None:
    live, static = both
    assert (static.env_vars, static.cache_keys) == (live.env_vars, live.cache_keys)
    assert (static.symbols, static.modules) == (live.symbols, live.modules)


def test_endpoints(both: tuple[ProjectFacts, ProjectFacts]) -> None:
    live, static = both
    assert [endpoint_row(e) for e in static.endpoints] == [endpoint_row(e) for e in live.endpoints]
    assert static.url_prefixes == live.url_prefixes


def test_query_parameters_carry_their_defaults(both: tuple[ProjectFacts, ProjectFacts]) -> None:
    for facts in both:
        defaults = {
            (e.path, p.name): p.default for e in facts.endpoints for p in e.query_params
            if e.path.startswith(("/api/items/", "/api/books-list/", "/api/v2/authors/", "/api/ninja/shelves"))
        }
        assert {key: value for key, value in defaults.items() if value is not None} == {
            ("/api/items/{slug}/", "sort"): "'name'",  # request.GET.get("sort", default="name")
            ("/api/v2/authors/", "ordering"): "'name,-public_id'",  # the view's ordering
            ("/api/v2/authors/top-rated/", "minimum"): "'4'",  # read by the action alone
            ("/api/books-list/", "limit"): "10",  # the paginator's default_limit
            ("/api/ninja/shelves", "size"): "10",
            ("/api/ninja/shelves", "order"): "'asc'",
            ("/api/ninja/shelves/{shelf_id}/books", "limit"): "20",  # Query(20)
        }, facts.mode
        # a backend that decides its own default ordering keeps it unknown
        assert defaults[("/api/books-list/", "ordering")] is None, facts.mode
        maximums = {(e.path, p.name): p.maximum for e in facts.endpoints for p in e.query_params if p.maximum}
        assert maximums == {("/api/books-list/", "limit"): 40}, facts.mode  # the paginator's max_limit


def test_choices_of_a_choices_class_are_read_in_both_modes(both: tuple[ProjectFacts, ProjectFacts]) -> None:
    for facts in both:
        export = facts.command("export_books")
        assert export is not None, facts.mode
        assert [(o.flags, o.choices) for o in export.options if o.dest in ("only", "skip")] == [
            (("--only",), ("1", "2")), (("--skip",), ("1", "2")),
        ], facts.mode
        kinds = [p.choices for e in facts.endpoints if e.path == "/api/books-list/" for p in e.query_params if p.name == "kind"]
        assert kinds == [("1", "2")], facts.mode


def test_an_action_without_a_serializer_answers_what_its_handler_returns(both: tuple[ProjectFacts, ProjectFacts]) -> None:
    for facts in both:
        answers = {e.path: e.response for e in facts.endpoints if e.path.startswith("/api/v2/authors/")}
        stats = answers["/api/v2/authors/stats/"]
        assert stats is not None and [(f.name, [c.name for c in f.children]) for f in stats] == [
            ("count", []), ("by_format", ["paper"]),
        ], facts.mode
        assert answers["/api/v2/authors/top-rated/"] is None, facts.mode  # a list: not read


def test_an_actions_query_parameter_is_its_own_routes(both: tuple[ProjectFacts, ProjectFacts]) -> None:
    for facts in both:
        reading = sorted(e.path for e in facts.endpoints if any(p.name == "minimum" for p in e.query_params))
        assert reading == ["/api/v2/authors/top-rated/"], facts.mode


def test_routes_with_format_suffix_twins_are_marked(both: tuple[ProjectFacts, ProjectFacts]) -> None:
    for facts in both:
        suffixed = {e.path for e in facts.endpoints if e.format_suffix}
        assert suffixed == {
            "/api/v2/", "/api/v2/authors/", "/api/v2/authors/stats/", "/api/v2/authors/top-rated/",
            "/api/v2/authors/{name}/",
            "/api/v2/authors/{name}/follow/", "/api/exports/report/",
        }, facts.mode  # a DefaultRouter's routes and format_suffix_patterns', not a SimpleRouter's
        author = next(e for e in facts.endpoints if e.path == "/api/v2/authors/{name}/")
        assert author.path_params == ("name",)


def test_path_parameters_carry_their_converters(both: tuple[ProjectFacts, ProjectFacts]) -> None:
    for facts in both:
        converters = {e.path: e.path_converters for e in facts.endpoints}
        assert {path: converters[path] for path in (
            "/api/items/{slug}/", "/api/shelves/{pk}/", "/api/tokens/{token}/", "/api/archive/{year}/",
            "/api/legacy/old/{year}/{arg1}/", "/api/v2/authors/{name}/", "/api/books/{pk}",
            "/api/ninja/shelves/{shelf_id}/books", "/api/ninja/tickets/{code}", "/api/ninja/floors/{level}",
            "/admin/library/book/{object_id}/change/",
        )} == {
            "/api/items/{slug}/": ("slug",),
            "/api/shelves/{pk}/": ("int",),
            "/api/tokens/{token}/": ("uuid",),
            "/api/archive/{year}/": ("yyyy",),  # registered: named, its regex unknown statically
            "/api/legacy/old/{year}/{arg1}/": ("[0-9]{4}", r"\\d+"),
            "/api/v2/authors/{name}/": ("[^/.]+",),  # a router's default lookup
            "/api/books/{pk}": ("[0-9]+",),  # the ViewSet's lookup_value_regex
            "/api/ninja/shelves/{shelf_id}/books": ("str",),
            "/api/ninja/tickets/{code}": ("uuidstr",),  # django-ninja leaves UUIDs to pydantic
            "/api/ninja/floors/{level}": ("int",),
            "/admin/library/book/{object_id}/change/": ("path",),
        }, facts.mode


def test_debug_only_urls_follow_the_settings(both: tuple[ProjectFacts, ProjectFacts]) -> None:
    _, static = both
    paths = {e.path for e in static.endpoints}
    assert "/api/status/" in paths and "/api/debug/" not in paths  # DEBUG is False by default
