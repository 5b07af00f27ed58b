"""FD509 ResponseValuesDiffer on a small real DRF project, its facts read live and
statically: a ModelSerializer renders `status` from a model field with choices (once
plainly, once beside a declared nested serializer, which DRF builds field by field), and
a serializer that declares its own `ChoiceField` says nothing the model decides."""

from __future__ import annotations

from pathlib import Path

import pytest

from featuredocs.introspect.static import collect_static
from featuredocs.model import Applicability, ProjectFacts
from featuredocs.rules.fd5_endpoints.fd509_response_values_differ import ResponseValuesDiffer
from tests.conftest import ParsePage
from tests.support.django_project import make_project
from tests.support.rules import run_rule

MODELS = """
from django.db import models


class Shipment(models.Model):
    class Status(models.TextChoices):
        PENDING = "pending"
        SHIPPED = "shipped"
        DELIVERED = "delivered"

    status = models.CharField(max_length=10, choices=Status.choices, default=Status.PENDING)
    carrier = models.CharField(max_length=10, choices=[("dhl", "DHL"), ("ups", "UPS")])


class Parcel(models.Model):
    shipment = models.ForeignKey(Shipment, related_name="parcels", on_delete=models.CASCADE)
    state = models.CharField(max_length=10, choices=[("packed", "Packed"), ("lost", "Lost")])
"""

VIEWS = """
from rest_framework import generics, serializers

from shipping.models import Parcel, Shipment


class ParcelSerializer(serializers.ModelSerializer):
    class Meta:
        model = Parcel
        fields = ["id", "state"]


class ShipmentSerializer(serializers.ModelSerializer):
    parcels = ParcelSerializer(many=True, read_only=True)

    class Meta:
        model = Shipment
        fields = ["id", "status", "carrier", "parcels"]


class PlainShipmentSerializer(serializers.ModelSerializer):
    class Meta:
        model = Shipment
        fields = ["id", "status"]


class TrackingSerializer(serializers.ModelSerializer):
    status = serializers.ChoiceField(choices=["moving", "stopped"])

    class Meta:
        model = Shipment
        fields = ["id", "status"]


class ShipmentDetail(generics.RetrieveAPIView):
    queryset = Shipment.objects.all()
    serializer_class = ShipmentSerializer


class ShipmentSummary(generics.RetrieveAPIView):
    queryset = Shipment.objects.all()
    serializer_class = PlainShipmentSerializer


class Tracking(generics.RetrieveAPIView):
    queryset = Shipment.objects.all()
    serializer_class = TrackingSerializer
"""

URLS = """
from django.urls import path

from shipping import views

urlpatterns = [
    path("api/shipments/<int:pk>/", views.ShipmentDetail.as_view()),
    path("api/shipments/<int:pk>/summary/", views.ShipmentSummary.as_view()),
    path("api/shipments/<int:pk>/tracking/", views.Tracking.as_view()),
]
"""


@pytest.fixture(scope="module")
def project(tmp_path_factory: pytest.TempPathFactory):
    return make_project(
        tmp_path_factory.mktemp("fd509"),
        apps={"shipping": {"models.py": MODELS, "views.py": VIEWS}},
        urls=URLS,
        installed=("rest_framework",),
    )


@pytest.fixture(scope="module", params=["live", "static"])
def facts(request: pytest.FixtureRequest, project) -> ProjectFacts:
    return project.facts() if request.param == "live" else collect_static(Path(project.root))


def _check(parse: ParsePage, facts: ProjectFacts, heading: str, fields: str):
    page = parse(f"# Shipping\n\n### {heading}\n\n**Response fields:**\n{fields}", dedent=False)
    return run_rule(ResponseValuesDiffer, page, facts)


def test_the_facts_hold_the_choices_of_model_fields_only(facts: ProjectFacts) -> None:
    by_path = {endpoint.path: endpoint for endpoint in facts.endpoints}
    detail = {field.name: field for field in by_path["/api/shipments/{pk}/"].response or ()}
    assert detail["status"].choices == ("pending", "shipped", "delivered")
    assert detail["carrier"].choices == ("dhl", "ups")
    assert [field.choices for field in detail["parcels"].children] == [(), ("packed", "lost")]
    summary = {field.name: field for field in by_path["/api/shipments/{pk}/summary/"].response or ()}
    assert summary["status"].choices == ("pending", "shipped", "delivered")
    tracking = {field.name: field for field in by_path["/api/shipments/{pk}/tracking/"].response or ()}
    assert tracking["status"].choices == ()  # declared: the serializer's, not the model's


def test_a_value_the_field_never_takes(parse: ParsePage, facts: ProjectFacts) -> None:
    item = "- `status` (string): `pending`, `shipped` or `returned`"
    (finding,) = _check(parse, facts, "GET /api/shipments/{id}/", item + "\n")
    column = item.index("returned") + 1
    assert (finding.code, finding.span.line, finding.span.column) == ("FD509", 6, column)
    assert finding.message == "`returned` is not a value `status` takes in `/api/shipments/{pk}/`'s response"
    assert finding.hint.startswith("`status` takes `pending`, `shipped`, `delivered`")
    assert finding.fix.applicability is Applicability.UNSAFE
    assert finding.fix.edits[0].replacement == "`pending`, `shipped` or `delivered`"


def test_a_complete_list_that_leaves_a_value_out(parse: ParsePage, facts: ProjectFacts) -> None:
    item = "- `status` (string): One of `pending` or `shipped`\n"
    (finding,) = _check(parse, facts, "GET /api/shipments/{id}/summary/", item)
    assert finding.message == "the values listed for `status` leave out `delivered`"


def test_nested_fields_in_a_table(parse: ParsePage, facts: ProjectFacts) -> None:
    table = ("| Field | Type | Description |\n| --- | --- | --- |\n"
             "| `carrier` | string | `dhl` or `fedex` |\n"
             "| `parcels[].state` | string | One of `packed`, `lost` or `late` |\n")
    found = _check(parse, facts, "GET /api/shipments/{id}/", table)
    assert [(f.span.line, f.message) for f in found] == [
        (8, "`fedex` is not a value `carrier` takes in `/api/shipments/{pk}/`'s response"),
        (9, "`late` is not a value `parcels[].state` takes in `/api/shipments/{pk}/`'s response"),
    ]


def test_silent_on_the_right_values_on_prose_and_where_the_values_are_not_known(
    parse: ParsePage, facts: ProjectFacts
) -> None:
    right = ("- `status` (string): One of `pending`, `shipped` or `delivered`\n"
             "- `carrier` (string): `dhl` or `ups`, e.g. `dhl`\n"
             "- `parcels[].state` (string): `packed` or `lost`\n"
             "- `id` (integer): `1` or `2` in the examples\n")
    assert _check(parse, facts, "GET /api/shipments/{id}/", right) == []
    declared = "- `status` (string): `moving`, `stopped` or `parked`\n"
    assert _check(parse, facts, "GET /api/shipments/{id}/tracking/", declared) == []
    # the values under a condition are not every value
    when = "- `status` (string): one of `shipped` or `delivered` after it has left\n"
    assert _check(parse, facts, "GET /api/shipments/{id}/", when) == []
    prose = "- `status` (string): where the shipment is; see `Shipment.Status`\n"
    assert _check(parse, facts, "GET /api/shipments/{id}/", prose) == []


def _body(parse: ParsePage, facts: ProjectFacts, body: str):
    page = parse(f"# Shipping\n\n### GET /api/shipments/{{id}}/\n\n**Response:**\n```json\n{body}\n```\n", dedent=False)
    return run_rule(ResponseValuesDiffer, page, facts)


def test_a_value_an_example_body_gives_that_the_field_never_takes(parse: ParsePage, facts: ProjectFacts) -> None:
    body = '{\n  "id": 7,\n  "status": "returned",\n  "carrier": "dhl",\n  "parcels": [{"state": "late"}]\n}'
    found = _body(parse, facts, body)
    assert [(f.span.line, f.span.column, f.message) for f in found] == [
        (9, 14, "`returned` is not a value `status` takes in `/api/shipments/{pk}/`'s response"),
        (11, 26, "`late` is not a value `state` takes in `/api/shipments/{pk}/`'s response"),
    ]
    assert found[0].hint.startswith("`status` takes `pending`, `shipped`, `delivered`")


def test_an_example_body_with_right_values_or_placeholders_is_silent(parse: ParsePage, facts: ProjectFacts) -> None:
    body = '{"id": 7, "status": "shipped", "carrier": "string", "parcels": [{"state": "<state>"}]}'
    assert _body(parse, facts, body) == []
