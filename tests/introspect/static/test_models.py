"""Models read from source, checked against what Django itself would build."""

from __future__ import annotations

import pytest

from featuredocs.introspect.static import collect_static
from featuredocs.model import FieldFact, ModelFact, ProjectFacts
from tests.introspect.static.trees import project_tree

MODELS = '''
from decimal import Decimal

from django.contrib.auth import get_user_model
from django.contrib.contenttypes.fields import GenericForeignKey, GenericRelation
from django.contrib.contenttypes.models import ContentType
from django.db import models

PRIORITIES = {"low": "Low", "high": "High"}


class Stamped(models.Model):
    created = models.DateTimeField(auto_now_add=True)
    note = models.TextField(blank=True)

    class Meta:
        abstract = True


class Ticket(Stamped):
    note = None  # removes the inherited field
    code = models.CharField(primary_key=True, max_length=12)
    reporter = models.ForeignKey(get_user_model(), on_delete=models.CASCADE, db_index=False)
    watchers = models.ManyToManyField("auth.User", related_name="+")
    priority = models.CharField(max_length=4, choices=PRIORITIES, default="low")
    budget = models.DecimalField(max_digits=8, decimal_places=2, default=Decimal("0.00"))
    content_type = models.ForeignKey(ContentType, on_delete=models.CASCADE)
    object_id = models.PositiveIntegerField()
    target = GenericForeignKey("content_type", "object_id")

    class Meta:
        unique_together = [("priority", "budget")]
        ordering = [models.F("created").desc(), "code"]

    def close(self):
        pass


class Comment(models.Model):
    ticket = models.ForeignKey(Ticket, on_delete=models.CASCADE)
    tickets = GenericRelation(Ticket)


class Profile(models.Model):
    ticket = models.OneToOneField("Ticket", on_delete=models.CASCADE)

    class Meta:
        app_label = "desk"
'''


@pytest.fixture(scope="module")
def facts(tmp_path_factory: pytest.TempPathFactory) -> ProjectFacts:
    root = project_tree(tmp_path_factory.mktemp("models"), {"desk/models.py": MODELS}, ("desk",))
    return collect_static(root)


def _model(facts: ProjectFacts, label: str) -> ModelFact:
    model = facts.model(label)
    assert model is not None, label
    return model


def _field(model: ModelFact, name: str) -> FieldFact:
    field = model.field(name)
    assert field is not None, (model.label, name)
    return field


def test_fields_in_order_with_djangos_implied_options(facts: ProjectFacts) -> None:
    ticket = _model(facts, "desk.Ticket")
    assert [f.name for f in ticket.fields] == [
        "comment_set", "profile", "created", "code", "reporter", "priority", "budget",
        "content_type", "object_id", "watchers", "target",
    ]
    created = _field(ticket, "created")
    assert created.blank and created.inherited_from is None  # auto_now_add implies blank
    code = _field(ticket, "code")
    assert (code.primary_key, code.unique, code.column) == (True, True, "code")
    assert ticket.field("id") is None  # a declared primary key replaces the implicit one


def test_relations_and_their_targets(facts: ProjectFacts) -> None:
    ticket = _model(facts, "desk.Ticket")
    reporter = _field(ticket, "reporter")
    assert (reporter.related_model, reporter.db_index, reporter.column) == ("auth.User", False, "reporter_id")
    target = _field(ticket, "target")
    assert (target.field_class, target.column, target.is_relation) == ("GenericForeignKey", None, True)
    user = _model(facts, "auth.User")
    assert user.field("ticket_set") is not None and user.field("watchers") is None  # "+" hides it
    comments = _field(ticket, "comment_set")
    assert (comments.field_class, comments.related_model, comments.query_name) == (
        "ManyToOneRel", "desk.Comment", "comment")
    profile = _field(ticket, "profile")
    assert (profile.field_class, profile.related_model) == ("OneToOneRel", "desk.Profile")
    tickets = _field(_model(facts, "desk.Comment"), "tickets")
    assert (tickets.internal_type, tickets.related_model, tickets.column) == (
        "ManyToManyField", "desk.Ticket", None)


def test_defaults_and_choices(facts: ProjectFacts) -> None:
    ticket = _model(facts, "desk.Ticket")
    priority = _field(ticket, "priority")
    assert (priority.choices, priority.default) == (("low", "high"), "'low'")  # a dict of choices
    assert _field(ticket, "budget").default == "Decimal('0.00')"


def test_meta_options(facts: ProjectFacts) -> None:
    ticket = _model(facts, "desk.Ticket")
    assert ticket.ordering == ('models.F("created").desc()', "code")  # expressions as written
    assert [(i.kind, i.fields) for i in ticket.indexes] == [  # the primary key is no index here
        ("db_index", ("content_type",)), ("unique_together", ("priority", "budget")),
    ]
    assert _model(facts, "desk.Profile").app_label == "desk"


def test_attributes(facts: ProjectFacts) -> None:
    ticket = _model(facts, "desk.Ticket")
    assert ticket.attributes == (  # ``note = None`` stays a class attribute
        "close", "get_next_by_created", "get_previous_by_created", "get_priority_display", "note",
        "objects",
    )
    assert ticket.managers == ("objects",)
    stamped = _model(facts, "desk.Stamped")
    assert (stamped.abstract, stamped.managers, [f.name for f in stamped.fields]) == (
        True, (), ["created", "note"])
