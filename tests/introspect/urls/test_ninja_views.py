"""django-ninja projects: operations behind the view closure, Query schemas, caps,
paginators, responses."""

from __future__ import annotations

from pathlib import Path

import pytest

from featuredocs.model import QueryParamFact, ResponseField, SourceLocation
from tests.introspect.urls.driver import SQLITE_SETTINGS, Collected, collect, line_of
from tests.support.django_project import make_project

ROOT_URLS = """
from django.urls import path
from catalog.api import api, router

urlpatterns = [path("api/", api.urls)]
# Releases before 1.4 mounted the bound method ``PathView._sync_view`` itself.
urlpatterns.append(path("v0/products", router.path_operations["/products"]._sync_view))
"""

API = """
from typing import Literal

from ninja import Field, NinjaAPI, Query, Router, Schema
from ninja.pagination import PageNumberPagination, paginate

api = NinjaAPI(urls_namespace="catalog")
router = Router()


class ProductFilters(Schema):
    category: str | None = None
    min_price: float | None = None
    sort: Literal["price", "name"] = "name"


class Supplier(Schema):
    name: str
    country: str


class ProductOut(Schema):
    id: int
    name: str
    in_stock: bool
    supplier: Supplier
    tags: list[str]
    variants: list[Supplier]


class ProductIn(Schema):
    name: str


class OfferPages(PageNumberPagination):
    class Input(Schema):
        page: int = Field(1, ge=1)
        page_size: int | None = Field(None, ge=1, le=40)


@router.get("/products", response=list[ProductOut])
def list_products(request, filters: Query[ProductFilters], page: int = 1):
    return []


@router.post("/products", response=ProductOut)
def create_product(request, payload: ProductIn):
    return {}


@router.get("/products/{product_id}", response=ProductOut)
def get_product(request, product_id: int, expand: bool):
    return {}


@router.get("/offers", response=list[Supplier])
@paginate(OfferPages, page_size=12)
def list_offers(request, min_quantity: int = Query(1, lt=100), discount: float = Query(0.0, le=0.9)):
    return []


@router.delete("/products/{product_id}")
def delete_product(request, product_id: int):
    return 204, None


api.add_router("/catalog/", router)
"""


@pytest.fixture(scope="module")
def collected(tmp_path_factory: pytest.TempPathFactory) -> Collected:
    root: Path = tmp_path_factory.mktemp("ninja")
    make_project(root, apps={"catalog": {"api.py": API}}, urls=ROOT_URLS,
                 settings=SQLITE_SETTINGS)
    return collect(root)


def test_one_endpoint_per_path_with_every_operation(collected: Collected) -> None:
    ninja_paths = [e.path for e in collected.endpoints if e.framework == "ninja"]
    assert ninja_paths == [
        "/api/catalog/offers", "/api/catalog/products", "/api/catalog/products/{product_id}", "/v0/products",
    ]
    listing = collected.endpoint("/api/catalog/products")
    assert listing.methods == ("GET", "POST")
    assert listing.view == "catalog.api.list_products"
    assert listing.location == SourceLocation(
        "catalog/api.py", line_of(API, '@router.get("/products"')
    )
    assert listing.app == "catalog"
    assert listing.name == "catalog:list_products"
    detail = collected.endpoint("/api/catalog/products/{product_id}")
    assert detail.methods == ("GET", "DELETE")
    assert detail.path_params == ("product_id",)
    assert collected.prefixes == ("/api/",)
    assert collected.connections == ()


def test_bound_path_view_of_older_releases(collected: Collected) -> None:
    old = collected.endpoint("/v0/products")
    current = collected.endpoint("/api/catalog/products")
    assert (old.methods, old.view, old.query_params) == (
        current.methods, current.view, current.query_params
    )


def test_query_schema_is_spread_into_parameters(collected: Collected) -> None:
    assert collected.endpoint("/api/catalog/products").query_params == (
        QueryParamFact("category", "ninja", "string"),
        QueryParamFact("min_price", "ninja", "number"),
        QueryParamFact("sort", "ninja", "string", choices=("price", "name"), default="'name'"),
        QueryParamFact("page", "ninja", "integer", default="1"),
    )
    assert collected.endpoint("/api/catalog/products/{product_id}").query_params == (
        QueryParamFact("expand", "ninja", "boolean", required=True),
    )


def test_an_integers_bounds_cap_it_and_a_paginator_adds_its_parameters(collected: Collected) -> None:
    offers = collected.endpoint("/api/catalog/offers")
    assert offers.query_params == (
        QueryParamFact("min_quantity", "ninja", "integer", default="1", maximum=99),  # lt=100
        QueryParamFact("discount", "ninja", "number", default="0.0"),  # a float's bound is no count's cap
        QueryParamFact("page", "pagination", "integer", default="1"),
        # left out: the paginator's page_size; asked for: under the Input's le and max_page_size (100)
        QueryParamFact("page_size", "pagination", "integer", default="12", maximum=40),
    )
    assert offers.view == "catalog.api.list_offers"
    assert offers.location == SourceLocation("catalog/api.py", line_of(API, '@router.get("/offers"'))
    supplier = (ResponseField("name", type="string"), ResponseField("country", type="string"))
    assert offers.response == (
        ResponseField("items", supplier, many=True, type="array"), ResponseField("count", type="integer"),
    )


def test_response_schema_fields_nested(collected: Collected) -> None:
    supplier = (ResponseField("name", type="string"), ResponseField("country", type="string"))
    expected = (
        ResponseField("id", type="integer"),
        ResponseField("name", type="string"),
        ResponseField("in_stock", type="boolean"),
        ResponseField("supplier", supplier, type="object"),
        ResponseField("tags", many=True, type="array"),
        ResponseField("variants", supplier, many=True, type="array"),
    )
    assert collected.endpoint("/api/catalog/products").response == expected
    assert collected.endpoint("/api/catalog/products/{product_id}").response == expected


def test_documentation_views_of_the_api_are_plain_django(collected: Collected) -> None:
    docs = collected.endpoint("/api/docs")
    assert docs.framework == "django"
    assert docs.location is None
