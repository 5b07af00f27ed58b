"""Endpoints reach ProjectFacts through ``python -m featuredocs.introspect``."""

from __future__ import annotations

from pathlib import Path

from featuredocs.model import QueryParamFact
from tests.introspect.urls.driver import SQLITE_SETTINGS
from tests.support.django_project import make_project

URLS = """
from django.urls import include, path
from rest_framework.routers import SimpleRouter
from billing.views import InvoiceViewSet, ping

router = SimpleRouter()
router.register("invoices", InvoiceViewSet, basename="invoice")

urlpatterns = [
    path("api/", include(router.urls)),
    path("ping/", ping),
]
"""

VIEWS = """
from django.http import HttpResponse
from rest_framework import viewsets
from rest_framework.response import Response


class InvoiceViewSet(viewsets.ViewSet):
    def list(self, request):
        year = request.query_params.get("year")
        return Response([])

    def retrieve(self, request, pk=None):
        return Response({"number": pk, "paid": False})


def ping(request):
    return HttpResponse("pong")
"""


def test_endpoints_and_prefixes_in_project_facts(tmp_path: Path) -> None:
    project = make_project(
        tmp_path, apps={"billing": {"views.py": VIEWS}}, urls=URLS,
        settings=SQLITE_SETTINGS, installed=("rest_framework",),
    )
    facts = project.facts()
    assert [(e.path, e.methods, e.framework) for e in facts.endpoints] == [
        ("/api/invoices/", ("GET",), "drf"),
        ("/api/invoices/{pk}/", ("GET",), "drf"),
        ("/ping/", None, "django"),
    ]
    assert facts.endpoints[0].query_params == (QueryParamFact("year", "request"),)
    assert facts.endpoints[0].name == "invoice-list"
    assert [f.name for f in facts.endpoints[1].response or ()] == ["number", "paid"]
    assert facts.url_prefixes == ("/api/",)
