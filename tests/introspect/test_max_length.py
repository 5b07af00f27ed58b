"""``max_length`` in the facts: as a model gives it, as Django's field classes fill it in,
and the same in live and static mode; a DecimalField's ``max_digits`` and ``decimal_places``
too."""

from __future__ import annotations

import pytest

from featuredocs.introspect.static import collect_static
from featuredocs.model import ProjectFacts
from tests.support.django_project import make_project

MODELS = '''
from django.db import models

LIMIT = 300
PLACES = 2


class Shout(models.CharField):
    def __init__(self, *args, **kwargs):
        kwargs.setdefault("max_length", 7)
        super().__init__(*args, **kwargs)


class Contact(models.Model):
    name = models.CharField(max_length=40)
    email = models.EmailField()
    site = models.URLField(max_length=LIMIT)
    slug = models.SlugField()
    token = models.UUIDField(max_length=50)
    shout = Shout()
    notes = models.TextField()
    age = models.PositiveIntegerField()
    balance = models.DecimalField(max_digits=8, decimal_places=PLACES)
    rate = models.DecimalField("interest rate", max_digits=5, decimal_places=3, null=True)
'''


@pytest.fixture(scope="module")
def both(tmp_path_factory: pytest.TempPathFactory) -> tuple[ProjectFacts, ProjectFacts]:
    project = make_project(tmp_path_factory.mktemp("lengths"), {"people": {"models.py": MODELS}})
    return project.facts(), collect_static(project.root)


def _lengths(facts: ProjectFacts) -> dict[str, int | None]:
    model = facts.model("people.Contact")
    assert model is not None
    return {field.name: field.max_length for field in model.fields}


def test_live_lengths_are_the_fields_own(both):
    live, _ = both
    assert _lengths(live) == {
        "id": None, "name": 40, "email": 254, "site": 300, "slug": 50, "token": 32, "shout": 7,
        "notes": None, "age": None, "balance": None, "rate": None,
    }


def test_static_lengths_agree_except_where_a_subclass_computes_its_own(both):
    live, static = both
    expected = {**_lengths(live), "shout": None}  # set in Shout.__init__: not read without running it
    assert _lengths(static) == expected


def _digits(facts: ProjectFacts) -> dict[str, tuple[int | None, int | None]]:
    model = facts.model("people.Contact")
    assert model is not None
    return {field.name: (field.max_digits, field.decimal_places) for field in model.fields
            if field.max_digits is not None or field.decimal_places is not None}


def test_a_decimal_fields_digits_are_read_alike_live_and_static(both):
    live, static = both
    assert _digits(live) == {"balance": (8, 2), "rate": (5, 3)}
    assert _digits(static) == _digits(live)
