"""FD508 and FD507 on a small real django-ninja API, its facts read live and statically:
an argument capped by ``Query(20, le=100)``, a query schema's field capped by
``Field(10, lt=51)``, a float bounded by ``le`` (no count's cap), and lists paginated
by ``@paginate(PageNumberPagination, page_size=20)`` (``max_page_size`` 100 from ninja's
settings) and by ``@paginate(LimitOffsetPagination, max_limit=50)`` (the project sets
``NINJA_PAGINATION_PER_PAGE = 25``)."""

from __future__ import annotations

import pytest

from featuredocs.introspect.static import collect_static
from featuredocs.model import Applicability, ProjectFacts, Span
from featuredocs.rules.fd5_endpoints.fd507_parameter_default_differs import ParameterDefaultDiffers
from featuredocs.rules.fd5_endpoints.fd508_parameter_maximum_differs import ParameterMaximumDiffers
from tests.conftest import ParsePage
from tests.introspect.urls.driver import line_of
from tests.support.django_project import DjangoProject, make_project
from tests.support.rules import run_rule

API = """
from ninja import Field, NinjaAPI, Query, Schema
from ninja.pagination import LimitOffsetPagination, PageNumberPagination, paginate

api = NinjaAPI(urls_namespace="store")


class Item(Schema):
    id: int


class Filters(Schema):
    per_batch: int = Field(10, lt=51)
    min_price: float = Field(0.0, le=1000.0)


@api.get("/items", response=list[Item])
def items(request, filters: Query[Filters], limit: int = Query(20, le=100)):
    return []


@api.get("/orders", response=list[Item])
@paginate(PageNumberPagination, page_size=20)
def orders(request):
    return []


@api.get("/invoices", response=list[Item])
@paginate(LimitOffsetPagination, max_limit=50)
def invoices(request):
    return []
"""

URLS = """
from django.urls import path
from store.api import api

urlpatterns = [path("api/", api.urls)]
"""


def _head(path: str) -> str:
    return f"# Store\n\n## API Endpoints\n\n### GET {path}\n\n**Query Parameters:**\n"


@pytest.fixture(scope="module")
def project(tmp_path_factory: pytest.TempPathFactory) -> DjangoProject:
    return make_project(tmp_path_factory.mktemp("ninja_caps"), apps={"store": {"api.py": API}}, urls=URLS,
                        settings="NINJA_PAGINATION_PER_PAGE = 25\n", installed=("ninja",))


@pytest.fixture(scope="module", params=["live", "static"])
def facts(request: pytest.FixtureRequest, project: DjangoProject) -> ProjectFacts:
    return project.facts() if request.param == "live" else collect_static(project.root)


def _caps(parse: ParsePage, facts: ProjectFacts, path: str, items: str) -> list:
    return run_rule(ParameterMaximumDiffers, parse(_head(path) + items, dedent=False), facts)


def _defaults(parse: ParsePage, facts: ProjectFacts, path: str, items: str) -> list:
    return run_rule(ParameterDefaultDiffers, parse(_head(path) + items, dedent=False), facts)


def test_a_bounded_argument_documented_with_another_cap(parse: ParsePage, facts: ProjectFacts) -> None:
    item = "- `limit` (integer, optional): How many items, at most 500"
    (finding,) = _caps(parse, facts, "/api/items", item + "\n")
    column = item.index("500") + 1
    assert (finding.code, finding.span) == ("FD508", Span(8, column, 8, column + 3))
    assert finding.message == (
        "query parameter `limit` is documented to take at most 500, but `/api/items` caps it at 100"
    )
    line = line_of(API, '@api.get("/items"')
    assert finding.hint == f"the cap comes from the parameter's `le`/`lt` bound (store/api.py:{line})"
    assert finding.fix.applicability is Applicability.SAFE and finding.fix.edits[0].replacement == "100"
    (field,) = _caps(parse, facts, "/api/items", "- `per_batch` (integer, optional): up to 100 per batch\n")
    assert field.message.endswith("caps it at 50")  # Field(10, lt=51)


def test_a_paginators_cap_documented_wrong(parse: ParsePage, facts: ProjectFacts) -> None:
    (page_size,) = _caps(parse, facts, "/api/orders", "- `page_size` (integer, optional): Orders per page, max: 500\n")
    assert page_size.message.endswith("`/api/orders` caps it at 100")  # ninja's NINJA_MAX_PER_PAGE_SIZE
    assert page_size.hint.startswith("the cap comes from the pagination class's maximum (store/api.py:")
    (limit,) = _caps(parse, facts, "/api/invoices", "- `limit` (integer, optional): How many, at most 100\n")
    assert limit.message.endswith("`/api/invoices` caps it at 50")  # max_limit


def test_silent_on_the_right_caps_and_on_bounds_that_are_no_count(parse: ParsePage, facts: ProjectFacts) -> None:
    items = (
        "- `limit` (integer, optional): How many items, at most 100\n"
        "- `per_batch` (integer, optional): up to 50 per batch\n"
        "- `min_price` (number, optional): Cheapest price, at most 5\n"  # a float's bound is not read
    )
    assert _caps(parse, facts, "/api/items", items) == []
    assert _caps(parse, facts, "/api/orders", "- `page_size` (integer, optional): at most 100\n") == []
    params = "- `limit` (integer, optional): up to 50\n- `offset` (integer, optional): at most 10 pages in\n"
    assert _caps(parse, facts, "/api/invoices", params) == []  # the offset has no cap


def test_a_paginators_default_documented_wrong(parse: ParsePage, facts: ProjectFacts) -> None:
    (page_size,) = _defaults(parse, facts, "/api/orders", "- `page_size` (integer, optional): (default: 100)\n")
    assert page_size.message.endswith("`/api/orders` uses `20`")  # @paginate(..., page_size=20)
    assert page_size.hint.startswith("the default comes from the pagination class's page size")
    (limit,) = _defaults(parse, facts, "/api/invoices", "- `limit` (integer, optional): (default: 100)\n")
    assert limit.message.endswith("uses `25`")  # NINJA_PAGINATION_PER_PAGE, under max_limit
    (page,) = _defaults(parse, facts, "/api/orders", "- `page` (integer, optional): Page number (default: 0)\n")
    assert page.message.endswith("uses `1`")
    assert page.hint.startswith("the default comes from the pagination class's `Input` schema")


def test_silent_on_the_paginators_right_defaults(parse: ParsePage, facts: ProjectFacts) -> None:
    params = "- `page` (integer, optional): (default: 1)\n- `page_size` (integer, optional): (default: 20)\n"
    assert _defaults(parse, facts, "/api/orders", params) == []
    params = "- `limit` (integer, optional): (default: 25)\n- `offset` (integer, optional): (default: 0)\n"
    assert _defaults(parse, facts, "/api/invoices", params) == []
