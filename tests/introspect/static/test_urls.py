"""Endpoints read from a URLconf's source: joined paths, names, methods, unknowns."""

from __future__ import annotations

import pytest

from featuredocs.introspect.static import collect_static
from featuredocs.model import EndpointFact, ProjectFacts
from tests.introspect.static.trees import project_tree

VIEWS = '''
from django.http import JsonResponse
from django.views.decorators.http import require_safe
from rest_framework.views import APIView
from somewhere_not_installed import MagicView


@require_safe
def report(request, year, month):
    return JsonResponse({"year": year, "rows": [{"id": 1}]})


def anything(request):
    return JsonResponse({"ok": True}, status=418)


class Magic(MagicView):
    pass


class Upload(APIView):
    def put(self, request):
        return None
'''

URLS = '''
from django.urls import include, path, re_path

from reports import views

extra = [path("upload/", views.Upload.as_view(), name="upload")]

urlpatterns = [
    re_path(r"^reports/(\\d{4})/(?P<month>\\d{2})/$", views.report, name="monthly"),
    path("any/", views.anything),
    path("magic/", views.Magic.as_view()),
    path("lambda/", lambda request: None),
    path("v1/", include((extra, "files"), namespace="v1-files")),
]
urlpatterns += [path("any/", views.Upload.as_view())]  # shadowed: the first pattern wins
'''


@pytest.fixture(scope="module")
def endpoints(tmp_path_factory: pytest.TempPathFactory) -> dict[str, EndpointFact]:
    root = project_tree(tmp_path_factory.mktemp("urls"), {
        "reports/views.py": VIEWS, "project/urls.py": URLS,
    }, ("reports",))
    facts: ProjectFacts = collect_static(root)
    assert facts.url_prefixes == ("/v1/",)
    return {e.path: e for e in facts.endpoints}


def test_regex_routes_and_decorated_function_views(endpoints: dict[str, EndpointFact]) -> None:
    report = endpoints["/reports/{arg1}/{month}/"]
    assert (report.name, report.path_params, report.methods) == ("monthly", ("arg1", "month"), ("GET",))
    assert (report.view, report.app, report.framework) == ("reports.views.report", "reports", "django")
    assert report.location is not None and (report.location.path, report.location.line) == (
        "reports/views.py", 7)  # the decorator's line, as inspect reports it
    assert [(f.name, f.many) for f in report.response or ()] == [("year", False), ("rows", True)]


def test_what_cannot_be_known_stays_unknown(endpoints: dict[str, EndpointFact]) -> None:
    anything = endpoints["/any/"]
    assert (anything.methods, anything.response) == (None, None)  # no decorator; only an error body
    assert endpoints["/magic/"].methods is None  # its base class is not installed here
    lambda_view = endpoints["/lambda/"]
    assert (lambda_view.methods, lambda_view.view) == (None, "lambda request: None")


def test_included_lists_with_namespaces(endpoints: dict[str, EndpointFact]) -> None:
    upload = endpoints["/v1/upload/"]
    assert (upload.name, upload.methods, upload.framework) == ("v1-files:upload", ("PUT",), "drf")
