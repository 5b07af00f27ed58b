"""What a model's managers and querysets add to Django's API, and the members of the
choices classes it nests, read live and statically."""

from __future__ import annotations

import pytest

from featuredocs.introspect.static import collect_static
from featuredocs.model import ProjectFacts
from tests.introspect.projects import connection_attempted, make_live_project

QUERYSETS = '''
from django.db import models


class TicketQuerySet(models.QuerySet):
    def open(self):
        return self.filter(closed=False)

    def with_age(self):
        return self.annotate(age_days=models.Value(1)).alias(title_length=models.Value(2))

    def older_than(self, days):
        return self


class LabelQuerySet(models.QuerySet):
    def popular(self):
        return self


class TicketManager(models.Manager):
    use_in_migrations = True

    def get_queryset(self):
        return TicketQuerySet(self.model, using=self._db).annotate(models.Count("id"), score=models.Value(3))

    def create_ticket(self, title):
        return self.create(title=title)


LabelManager = models.Manager.from_queryset(LabelQuerySet)


class NoteManager(models.Manager.from_queryset(LabelQuerySet)):
    def pin(self, note):
        return note
'''

MODELS = '''
from django.db import models

from desk.querysets import LabelManager, LabelQuerySet, NoteManager, TicketManager, TicketQuerySet


class Stamped(models.Model):
    class Kind(models.IntegerChoices):
        NOTE = 1
        TASK = 2, "A task"

    stamped = models.Manager.from_queryset(LabelQuerySet)()

    class Meta:
        abstract = True


class Ticket(models.Model):
    class Status(models.TextChoices):
        OPEN = "open"
        CLOSED = "closed", "Closed"

    class Meta:
        ordering = ["title"]

    title = models.CharField(max_length=40)
    closed = models.BooleanField(default=False)

    objects = TicketManager()
    listed = TicketQuerySet.as_manager()


class Label(Stamped):
    name = models.CharField(max_length=40)

    objects = LabelManager()


class Plain(models.Model):
    name = models.CharField(max_length=40)


class Note(models.Model):
    text = models.TextField()

    objects = NoteManager()
'''


@pytest.fixture(scope="module")
def both(tmp_path_factory: pytest.TempPathFactory) -> tuple[ProjectFacts, ProjectFacts]:
    project = make_live_project(
        tmp_path_factory.mktemp("managers"), {"desk": {"models.py": MODELS, "querysets.py": QUERYSETS}}
    )
    live = project.facts()
    assert not connection_attempted(project)
    return live, collect_static(project.root)


@pytest.mark.parametrize("mode", ["live", "static"])
def test_methods_of_every_way_to_declare_a_manager(both, mode: str) -> None:
    facts = both[0] if mode == "live" else both[1]
    methods = {m.name: m.manager_methods for m in facts.models if m.app_label == "desk"}
    assert methods == {
        # a manager class (what it overrides too), the queryset its get_queryset builds,
        # and as_manager()
        "Ticket": ("create_ticket", "get_queryset", "older_than", "open", "use_in_migrations", "with_age"),
        # from_queryset at module level, and inline on an abstract base
        "Label": ("popular",),
        "Stamped": ("popular",),
        # a manager class derived from from_queryset(): its own methods and the queryset's
        "Note": ("pin", "popular"),
        # Django's own manager adds nothing
        "Plain": (),
    }


@pytest.mark.parametrize("mode", ["live", "static"])
def test_names_a_manager_or_queryset_annotates(both, mode: str) -> None:
    facts = both[0] if mode == "live" else both[1]
    annotated = {m.name: m.manager_annotations for m in facts.models if m.app_label == "desk"}
    assert annotated == {
        "Ticket": ("age_days", "score", "title_length"),  # the queryset's methods and get_queryset's
        "Label": (), "Stamped": (), "Note": (), "Plain": (),
    }


def test_django_contrib_managers_are_read_alike(both) -> None:
    live, static = both
    user = {mode.mode: mode.model("auth.User") for mode in (live, static)}
    assert user["live"] is not None and user["static"] is not None
    assert "create_user" in user["live"].manager_methods
    assert user["static"].manager_methods == user["live"].manager_methods


@pytest.mark.parametrize("mode", ["live", "static"])
def test_members_of_nested_choices_classes(both, mode: str) -> None:
    facts = both[0] if mode == "live" else both[1]
    members = {m.name: m.choices_members for m in facts.models if m.app_label == "desk"}
    assert members == {
        "Ticket": ("Status.CLOSED", "Status.OPEN"),  # not Meta
        "Label": ("Kind.NOTE", "Kind.TASK"),  # from its abstract base
        "Stamped": ("Kind.NOTE", "Kind.TASK"),
        "Plain": (),
        "Note": (),
    }
