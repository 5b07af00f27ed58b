"""A relation's ``on_delete`` in the facts, however it is written, the same in live and
static mode."""

from __future__ import annotations

import pytest

from featuredocs.introspect.static import collect_static
from featuredocs.model import ProjectFacts
from tests.support.django_project import make_project

MODELS = '''
from django.db import models
from django.db.models import PROTECT


class Team(models.Model):
    name = models.CharField(max_length=40)


class Member(models.Model):
    team = models.ForeignKey(Team, models.CASCADE)
    mentor = models.ForeignKey("self", on_delete=models.SET_NULL, null=True, related_name="mentees")
    home = models.ForeignKey(Team, PROTECT, related_name="residents")
    backup = models.ForeignKey(Team, on_delete=models.SET(0), related_name="backups")
    badge = models.OneToOneField("Badge", on_delete=models.RESTRICT)
    teams = models.ManyToManyField(Team, related_name="visitors")


class Badge(models.Model):
    code = models.CharField(max_length=8)
'''


@pytest.fixture(scope="module")
def both(tmp_path_factory: pytest.TempPathFactory) -> tuple[ProjectFacts, ProjectFacts]:
    project = make_project(tmp_path_factory.mktemp("on-delete"), {"clubs": {"models.py": MODELS}})
    return project.facts(), collect_static(project.root)


def _handlers(facts: ProjectFacts) -> dict[str, str | None]:
    model = facts.model("clubs.Member")
    assert model is not None
    return {field.name: field.on_delete for field in model.fields if not field.reverse}


def test_live_and_static_name_the_same_handlers(both):
    live, static = both
    assert _handlers(live) == {
        "id": None, "team": "CASCADE", "mentor": "SET_NULL", "home": "PROTECT", "backup": "SET",
        "badge": "RESTRICT", "teams": None,
    }
    assert _handlers(static) == _handlers(live)
