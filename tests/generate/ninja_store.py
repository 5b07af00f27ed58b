"""A small django-ninja project for the generating commands: a list whose ``limit`` is
bounded by ``Query(20, le=100)`` and one paginated by
``@paginate(PageNumberPagination, page_size=20)`` (``max_page_size`` 100, ninja's default)."""

from __future__ import annotations

from pathlib import Path

from tests.support.django_project import make_project

API = """
from ninja import NinjaAPI, Query, Schema
from ninja.pagination import PageNumberPagination, paginate

api = NinjaAPI(urls_namespace="store")


class Item(Schema):
    id: int
    name: str


@api.get("/items", response=list[Item])
def list_items(request, limit: int = Query(20, le=100)):
    return []


@api.get("/orders", response=list[Item])
@paginate(PageNumberPagination, page_size=20)
def list_orders(request):
    return []
"""

URLS = """
from django.urls import path
from store.api import api

urlpatterns = [path("api/", api.urls)]
"""


def make_ninja_store(root: Path) -> Path:
    """The project under ``root``, with an empty ``docs/features`` folder."""
    make_project(root, apps={"store": {"api.py": API}}, urls=URLS, installed=("ninja",))
    (root / "docs" / "features").mkdir(parents=True)
    return root
