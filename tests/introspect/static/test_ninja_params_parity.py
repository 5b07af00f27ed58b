"""django-ninja's query parameters read statically as live mode reads them: caps an
integer's ``le``/``lt`` declares, schemas spread into parameters, and the parameters
ninja's paginators add, with their defaults and caps from the paginator and ninja's
settings. One small project, built twice: with ninja's settings at their defaults and
with the project's own.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from featuredocs.introspect.static import collect_static
from featuredocs.model import EndpointFact, ProjectFacts
from tests.introspect.static.parity import endpoint_row
from tests.support.django_project import make_project

URLS = """
from django.urls import path
from stock.api import api

urlpatterns = [path("api/", api.urls)]
"""

PAGING = """
from ninja import Field, Schema
from ninja.pagination import LimitOffsetPagination, PageNumberPagination


class SmallPages(PageNumberPagination):
    class Input(Schema):
        page: int = Field(1, ge=1)
        page_size: int | None = Field(None, ge=1, le=50)


class Totals(LimitOffsetPagination):
    def paginate_queryset(self, queryset, pagination, request, **params):
        return {"items": queryset, "count": 0}


class Fixed(PageNumberPagination):
    def __init__(self, **kwargs):
        super().__init__(page_size=15, max_page_size=30, **kwargs)
"""

API = """
from datetime import date
from enum import Enum
from typing import Annotated, Literal

from django.db import models

from ninja import Field, Header, NinjaAPI, Query, Schema
from ninja.pagination import CursorPagination, LimitOffsetPagination, PageNumberPagination, RouterPaginated, paginate

from stock.paging import Fixed, SmallPages, Totals

api = NinjaAPI(urls_namespace="stock")
listed = RouterPaginated()
MAX_ROWS = 200


class ItemOut(Schema):
    id: int
    name: str


class Window(Schema):
    limit: int = Field(20, le=100)
    ratio: float = Field(0.5, le=1.0)
    kind: Literal["new", "used"] = "new"


class Search(Schema):
    window: Window
    text: str | None = Field(None, alias="q")


@api.get("/caps", response=list[ItemOut])
def caps(request, limit: int = Query(20, le=100), upto: int = Query(10, lt=101),
         size: Annotated[int, Query(le=MAX_ROWS)] = 25, count: Query[int, {"le": 30}] = 3,
         ratio: float = Query(0.5, le=1.0), day: date = Query(None, le=date(2030, 1, 1)),
         loose: int = 7, token: str = Header(None)):
    return []


@api.post("/caps", response=ItemOut)
def add(request, payload: ItemOut, tags: list[str] = None):
    return {}


class Grade(models.TextChoices):
    NEW = "new", "New"
    USED = "used"


class Size(str, Enum):
    SMALL = "s"
    LARGE = "l"


@api.get("/graded", response=list[ItemOut])
def graded(request, grade: Grade | None = None, size: Size = Size.SMALL):
    return []


@api.get("/filtered", response=list[ItemOut])
def filtered(request, filters: Query[Window]):
    return []


@api.get("/searched", response=list[ItemOut])
def searched(request, search: Search = Query(...), page: int = 1):
    return []


@api.get("/offsets", response=list[ItemOut])
@paginate
def offsets(request):
    return []


@api.get("/pages", response=list[ItemOut])
@paginate(PageNumberPagination, page_size=20)
def pages(request):
    return []


@api.get("/capped", response=list[ItemOut])
@paginate(LimitOffsetPagination, max_limit=MAX_ROWS)
def capped(request):
    return []


@api.get("/cursor", response=list[ItemOut])
@paginate(CursorPagination, ordering=("id",), page_size=10, max_page_size=40)
def cursor(request):
    return []


@api.get("/small", response=list[ItemOut])
@paginate(SmallPages, page_size=10, max_page_size=80)
def small(request, kind: str = None):
    return []


@api.get("/totals", response=list[ItemOut])
@paginate(Totals)
def totals(request):
    return []


@api.get("/fixed", response=list[ItemOut])
@paginate(Fixed)
def fixed(request):
    return []


@paginate  # above the operation: ninja declared the function unwrapped
@api.get("/unpaged", response=list[ItemOut])
def unpaged(request):
    return []


@listed.get("/auto", response=list[ItemOut])
def auto(request):
    return []


@listed.get("/auto/{item_id}", response=ItemOut)
def one(request, item_id: int):
    return {}


api.add_router("/listed/", listed)
"""

OWN_SETTINGS = """
NINJA_PAGINATION_PER_PAGE = 25
NINJA_PAGINATION_MAX_LIMIT = 500
NINJA_MAX_PER_PAGE_SIZE = 60
NINJA_PAGINATION_CLASS = "stock.paging.SmallPages"
"""


def _both(root: Path, settings: str) -> tuple[ProjectFacts, ProjectFacts]:
    project = make_project(root, apps={"stock": {"api.py": API, "paging.py": PAGING}}, urls=URLS,
                           settings=settings, installed=("ninja",))
    return project.facts(), collect_static(root)


@pytest.fixture(scope="module")
def defaults(tmp_path_factory: pytest.TempPathFactory) -> tuple[ProjectFacts, ProjectFacts]:
    return _both(tmp_path_factory.mktemp("ninja-defaults"), "")


@pytest.fixture(scope="module")
def configured(tmp_path_factory: pytest.TempPathFactory) -> tuple[ProjectFacts, ProjectFacts]:
    return _both(tmp_path_factory.mktemp("ninja-configured"), OWN_SETTINGS)


def _ninja(facts: ProjectFacts) -> dict[str, EndpointFact]:
    return {e.path: e for e in facts.endpoints if e.framework == "ninja"}


def _params(facts: ProjectFacts, path: str) -> dict[str, tuple[object, ...]]:
    return {p.name: (p.source, p.type, p.default, p.maximum) for p in _ninja(facts)[path].query_params}


# A subclass that sets its sizes in its own ``__init__`` is not run in static mode.
_BUILT_IN_INIT = "/api/fixed"


@pytest.mark.parametrize("which", ["defaults", "configured"])
def test_every_operation_reads_the_same_in_both_modes(which: str, request: pytest.FixtureRequest) -> None:
    live, static = request.getfixturevalue(which)
    assert static.warnings == ()
    rows = {path: endpoint_row(e) for path, e in _ninja(live).items() if path != _BUILT_IN_INIT}
    assert {path: endpoint_row(e) for path, e in _ninja(static).items() if path != _BUILT_IN_INIT} == rows
    assert len(rows) == 13


def test_integer_bounds_are_caps(defaults: tuple[ProjectFacts, ProjectFacts]) -> None:
    for facts in defaults:
        assert _params(facts, "/api/caps") == {
            "limit": ("ninja", "integer", "20", 100),
            "upto": ("ninja", "integer", "10", 100),  # lt=101
            "size": ("ninja", "integer", "25", 200),  # Annotated, a module constant
            "count": ("ninja", "integer", "3", 30),  # Query[int, {"le": 30}]
            "ratio": ("ninja", "number", "0.5", None),  # a bound on a float is no count's cap
            "day": ("ninja", "date", None, None),
            "loose": ("ninja", "integer", "7", None),
        }, facts.mode  # the header, the body and the list (a body too) are no query parameters


def test_an_enum_or_a_models_choices_gives_its_values(defaults: tuple[ProjectFacts, ProjectFacts]) -> None:
    for facts in defaults:
        choices = {p.name: p.choices for p in _ninja(facts)["/api/graded"].query_params}
        assert choices == {"grade": ("new", "used"), "size": ("s", "l")}, facts.mode


def test_schemas_spread_their_fields_with_their_caps(defaults: tuple[ProjectFacts, ProjectFacts]) -> None:
    for facts in defaults:
        window = {"limit": ("ninja", "integer", "20", 100), "ratio": ("ninja", "number", "0.5", None),
                  "kind": ("ninja", "string", "'new'", None)}
        assert _params(facts, "/api/filtered") == window, facts.mode
        assert _params(facts, "/api/searched") == {
            **window, "q": ("ninja", "string", None, None), "page": ("ninja", "integer", "1", None),
        }, facts.mode


def test_paginators_with_ninja_settings_at_their_defaults(defaults: tuple[ProjectFacts, ProjectFacts]) -> None:
    for facts in defaults:
        params = {path: _params(facts, f"/api/{path}") for path in (
            "offsets", "pages", "capped", "cursor", "small", "totals", "listed/auto")}
        assert params == {
            "offsets": {"limit": ("pagination", "integer", "100", None),
                        "offset": ("pagination", "integer", "0", None)},
            "pages": {"page": ("pagination", "integer", "1", None),
                      "page_size": ("pagination", "integer", "20", 100)},
            "capped": {"limit": ("pagination", "integer", "100", 200),
                       "offset": ("pagination", "integer", "0", None)},
            "cursor": {"page_size": ("pagination", "integer", "10", 40),
                       "cursor": ("pagination", "string", None, None)},
            "small": {"kind": ("ninja", "string", None, None), "page": ("pagination", "integer", "1", None),
                      "page_size": ("pagination", "integer", "10", 50)},  # its Input's le under 80
            "totals": {"limit": ("pagination", "integer", "100", None),  # it sizes pages itself
                       "offset": ("pagination", "integer", "0", None)},
            "listed/auto": {"limit": ("pagination", "integer", "100", None),
                            "offset": ("pagination", "integer", "0", None)},
        }, facts.mode
        assert _ninja(facts)["/api/listed/auto/{item_id}"].query_params == (), facts.mode
        assert _ninja(facts)["/api/unpaged"].query_params == (), facts.mode


def test_paginators_follow_the_projects_ninja_settings(configured: tuple[ProjectFacts, ProjectFacts]) -> None:
    for facts in configured:
        assert _params(facts, "/api/offsets") == _params(facts, "/api/listed/auto") == {
            "page": ("pagination", "integer", "1", None),  # NINJA_PAGINATION_CLASS
            "page_size": ("pagination", "integer", "25", 50),
        }, facts.mode
        assert _params(facts, "/api/pages")["page_size"] == ("pagination", "integer", "20", 60), facts.mode
        assert _params(facts, "/api/capped")["limit"] == ("pagination", "integer", "25", 200), facts.mode
        assert _params(facts, "/api/totals")["limit"] == ("pagination", "integer", "25", 500), facts.mode


def test_paginated_responses_are_the_paginators_envelope(defaults: tuple[ProjectFacts, ProjectFacts]) -> None:
    for facts in defaults:
        shapes = {path: [(f.name, f.many, [c.name for c in f.children]) for f in e.response or ()]
                  for path, e in _ninja(facts).items()}
        items = ["id", "name"]
        assert shapes["/api/offsets"] == [("items", True, items), ("count", False, [])], facts.mode
        assert shapes["/api/cursor"] == [("previous", False, []), ("next", False, []), ("results", True, items)]
        assert shapes["/api/filtered"] == [("id", False, []), ("name", False, [])], facts.mode


def test_a_paginator_sized_in_its_own_init_is_known_live_only(defaults: tuple[ProjectFacts, ProjectFacts]) -> None:
    live, static = defaults
    assert _params(live, _BUILT_IN_INIT)["page_size"] == ("pagination", "integer", "15", 30)
    assert _params(static, _BUILT_IN_INIT)["page_size"] == ("pagination", "integer", None, None)
    assert _params(static, _BUILT_IN_INIT)["page"] == _params(live, _BUILT_IN_INIT)["page"]
