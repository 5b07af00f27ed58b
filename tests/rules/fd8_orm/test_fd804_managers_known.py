"""FD804 on manager methods no name is close to, against a real small project read live
and statically: reported where the facts know every method the model's managers add
(the project's own managers and querysets, and in live mode a package's), left alone where
a manager comes from a package static mode does not read, or answers names it does not
define (``__getattr__``),
and in sentences, which may name a method still to be written."""

from __future__ import annotations

from pathlib import Path

import pytest

from featuredocs.introspect.static import collect_static
from featuredocs.model import ProjectFacts
from featuredocs.rules.fd8_orm.fd804_unknown_model_attribute import UnknownModelAttribute
from tests.support.django_project import make_project
from tests.support.rules import run_rule

VENDOR = """
from django.db import models


class SoftDeleteManager(models.Manager):
    def alive(self):
        return self.filter(deleted=False)
"""

MODELS = """
from django.contrib.contenttypes.fields import GenericForeignKey, GenericRelation
from django.contrib.contenttypes.models import ContentType
from django.db import models

from vendor import SoftDeleteManager


class ShipmentQuerySet(models.QuerySet):
    def late(self):
        return self.filter(late=True)


class Shipment(models.Model):
    late = models.BooleanField(default=False)
    objects = ShipmentQuerySet.as_manager()


class Parcel(models.Model):
    deleted = models.BooleanField(default=False)
    objects = SoftDeleteManager()


class DynamicManager(models.Manager):
    def __getattr__(self, name):
        if name.startswith("by_"):
            return lambda: self.filter(kind=name[3:])
        raise AttributeError(name)


class Carrier(models.Model):
    kind = models.CharField(max_length=10)
    objects = DynamicManager()


class Note(models.Model):
    content_type = models.ForeignKey(ContentType, on_delete=models.CASCADE)
    object_id = models.PositiveIntegerField()
    target = GenericForeignKey("content_type", "object_id")


class Depot(models.Model):
    shipments = models.ManyToManyField(Shipment, related_name="depots")
    notes = GenericRelation(Note)


class Crate(models.Model):
    depot = models.ForeignKey(Depot, on_delete=models.CASCADE, related_name="crates")
"""

SETTINGS = """
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "site-packages"))
"""


@pytest.fixture(scope="module")
def project(tmp_path_factory: pytest.TempPathFactory):
    made = make_project(tmp_path_factory.mktemp("managers"), apps={"shipping": {"models.py": MODELS}},
                        settings=SETTINGS)
    made.write("site-packages/vendor.py", VENDOR)
    return made


@pytest.fixture(scope="module", params=["live", "static"])
def facts(request: pytest.FixtureRequest, project) -> ProjectFacts:
    return project.facts() if request.param == "live" else collect_static(Path(project.root))


def _found(parse, facts, code: str):
    page = parse(f"# Shipping\n\n## Usage\n\n```python\nfrom shipping.models import Carrier, Depot, Parcel, Shipment\n\n{code}\n```\n",
                 dedent=False)
    return [(f.span.line, f.message, f.hint) for f in run_rule(UnknownModelAttribute, page, facts)]


def test_which_models_managers_are_known(facts: ProjectFacts) -> None:
    known = {model.name: model.managers_known for model in facts.models if model.app_label == "shipping"}
    # live mode reads the package's manager class as it reads the project's; static mode
    # reads the project's source only
    assert known == {"Shipment": True, "Parcel": facts.mode == "live", "Carrier": False, "Note": True, "Depot": True, "Crate": True}


def test_a_method_the_projects_own_managers_lack_is_reported(parse, facts: ProjectFacts) -> None:
    assert _found(parse, facts, "Shipment.objects.late().count()\nShipment.objects.filter(late=True).exists()") == []
    assert _found(parse, facts, "Shipment.objects.overdue()") == [
        (8, "`overdue` is not a method of shipping.Shipment's managers or querysets",
         "its managers add `late()` to Django's queryset API"),
    ]


def test_managers_the_facts_cannot_read_whole_are_left_alone(parse, facts: ProjectFacts) -> None:
    assert _found(parse, facts, "Carrier.objects.by_truck()") == []
    found = _found(parse, facts, "Parcel.objects.purge_all()")
    if facts.mode == "live":
        assert found == [(8, "`purge_all` is not a method of shipping.Parcel's managers or querysets",
                          "its managers add `alive()` to Django's queryset API")]
    else:
        assert found == []


def test_a_sentence_naming_an_unknown_method_is_left_alone(parse, facts: ProjectFacts) -> None:
    page = parse("# Shipping\n\n## Overview\n\n`Shipment.objects.overdue()` will list late parcels.\n", dedent=False)
    assert run_rule(UnknownModelAttribute, page, facts) == []


def test_a_relations_manager_answers_add_remove_set_and_clear(parse, facts: ProjectFacts) -> None:
    related = (
        "depot = Depot.objects.get(pk=1)\nshipment = Shipment.objects.get(pk=1)\n"
        "depot.shipments.add(shipment)\ndepot.shipments.remove(shipment)\ndepot.shipments.set([shipment])\n"
        "shipment.depots.clear()\ndepot.crates.create()\ndepot.crates.add(depot.crates.first())\n"
        "depot.notes.order_by('id').first()\ndepot.notes.create(object_id=1)"
    )
    assert _found(parse, facts, related) == []
    found = _found(parse, facts, "depot = Depot.objects.get(pk=1)\ndepot.shipments.filter(late=True).add(1)\nShipment.objects.add(1)")
    assert [(line, message) for line, message, _ in found] == [
        (9, "`add` is not a method of shipping.Shipment's managers or querysets"),
        (10, "`add` is not a method of shipping.Shipment's managers or querysets"),
    ]
