"""Choice labels, read live and from the source: the same labels for every way a project
writes its choices, and none at all in static mode where one label is computed."""

from __future__ import annotations

import pytest

from featuredocs.introspect.static import collect_static
from featuredocs.model import FieldFact, ProjectFacts
from tests.support.django_project import make_project

CONSTANTS = '''
from django.utils.translation import gettext_lazy as _

CHANNELS = [("email", _("E-mail")), ("sms", "SMS")]
PAY_ONLINE = [("card", "Card"), ("bank_transfer", _("Bank transfer"))]
PAYMENTS = [
    ("Online", PAY_ONLINE),
    ("In person", (("cod", "Cash on delivery"),)),
]
'''

STATES = '''
from django.db import models
from django.utils.translation import gettext_lazy, pgettext_lazy


class State(models.TextChoices):
    PENDING = "pending", gettext_lazy("Pending payment")
    ON_HOLD = "on_hold", pgettext_lazy("order state", "On hold")
    BANK_TRANSFER = "bank_transfer"
'''

MODELS = '''
from django.db import models
from django.utils.translation import gettext_lazy as _

from notify import constants
from notify.constants import CHANNELS, PAYMENTS
from notify.states import State

SIZES = (("s", "Small"), ("m", "Medium"))
GROWN = [("a", "Alpha")]
GROWN = [*GROWN, ("b", "Beta")]
LEVELS = {1: "Low", 2: "High"}
EXTRA = ("x", "Extra")


def shout(text):
    return text.upper()


class Priority(models.IntegerChoices):
    LOW = 1, _("Low")
    VERY_HIGH = 2


class Notice(models.Model):
    class Kind(models.TextChoices):
        INFO = "info", "Information"
        WARN = "warn"

    channel = models.CharField(max_length=10, choices=CHANNELS, default="email")
    fallback = models.CharField(max_length=10, choices=constants.CHANNELS, blank=True)
    payment = models.CharField(max_length=20, choices=PAYMENTS)
    size = models.CharField(max_length=1, choices=SIZES)
    level = models.IntegerField(choices=LEVELS)
    sides = models.IntegerField(choices=[(1, 1), (2, 2.5)], default=1)
    extra = models.CharField(max_length=1, choices=[EXTRA, ("y", "Why")])
    spread = models.CharField(max_length=1, choices=[*SIZES, ("l", "Large")])
    grouped = models.CharField(max_length=1, choices={"Letters": {"a": "A", "b": _("B")}, "z": "Zed"})
    state = models.CharField(max_length=20, choices=State.choices, default=State.PENDING)
    priority = models.IntegerField(choices=Priority, default=Priority.LOW)
    kind = models.CharField(max_length=4, choices=Kind.choices)
    answer = models.CharField(max_length=1, choices=[("y", _("Yes")), ("n", _("No"))])
    loud = models.CharField(max_length=1, choices=[("a", shout("a")), ("b", "B")])
    grown = models.CharField(max_length=1, choices=GROWN)
    note = models.TextField(blank=True)
'''

#: German is the default language: Django's own catalog would turn ``_("Yes")`` into
#: ``Ja``; the labels are the source's all the same, the only ones static mode can read.
SETTINGS = 'LANGUAGE_CODE = "de"\n'


@pytest.fixture(scope="module")
def both(tmp_path_factory: pytest.TempPathFactory) -> tuple[ProjectFacts, ProjectFacts]:
    project = make_project(
        tmp_path_factory.mktemp("labels"),
        {"notify": {"constants.py": CONSTANTS, "states.py": STATES, "models.py": MODELS}},
        settings=SETTINGS,
    )
    return project.facts(), collect_static(project.root)


def test_nothing_went_unread(both: tuple[ProjectFacts, ProjectFacts]) -> None:
    _, static = both
    assert static.warnings == ()


def _fields(facts: ProjectFacts) -> dict[str, FieldFact]:
    model = facts.model("notify.Notice")
    assert model is not None, facts.mode
    return {field.name: field for field in model.fields}


def test_the_labels_of_each_shape_of_choices(both: tuple[ProjectFacts, ProjectFacts]) -> None:
    expected = {
        "channel": (("email", "sms"), ("E-mail", "SMS")),
        "fallback": (("email", "sms"), ("E-mail", "SMS")),
        "payment": (("card", "bank_transfer", "cod"), ("Card", "Bank transfer", "Cash on delivery")),
        "size": (("s", "m"), ("Small", "Medium")),
        "level": (("1", "2"), ("Low", "High")),
        "sides": (("1", "2"), ("1", "2.5")),
        "extra": (("x", "y"), ("Extra", "Why")),
        "spread": (("s", "m", "l"), ("Small", "Medium", "Large")),
        "grouped": (("a", "b", "z"), ("A", "B", "Zed")),
        "state": (("pending", "on_hold", "bank_transfer"), ("Pending payment", "On hold", "Bank Transfer")),
        "priority": (("1", "2"), ("Low", "Very High")),
        "kind": (("info", "warn"), ("Information", "Warn")),
        "answer": (("y", "n"), ("Yes", "No")),
        "note": ((), ()),
    }
    for facts in both:
        fields = _fields(facts)
        assert {name: (fields[name].choices, fields[name].choice_labels) for name in expected} == expected, facts.mode


def test_live_and_static_agree_on_every_field(both: tuple[ProjectFacts, ProjectFacts]) -> None:
    live, static = (_fields(facts) for facts in both)
    assert list(static) == list(live)
    computed = {"loud", "grown"}
    assert {name: (f.choices, f.choice_labels) for name, f in static.items() if name not in computed} == {
        name: (f.choices, f.choice_labels) for name, f in live.items() if name not in computed}


def test_a_label_static_mode_cannot_read_leaves_the_field_without_labels(
    both: tuple[ProjectFacts, ProjectFacts],
) -> None:
    live, static = (_fields(facts)["loud"] for facts in both)
    assert (live.choices, live.choice_labels) == (("a", "b"), ("A", "B"))
    assert (static.choices, static.choice_labels) == (("a", "b"), ())
    # a constant assigned again from itself: static mode reads neither values nor labels
    live, static = (_fields(facts)["grown"] for facts in both)
    assert (live.choices, live.choice_labels) == (("a", "b"), ("Alpha", "Beta"))
    assert (static.choices, static.choice_labels) == ((), ())


def test_labels_survive_the_facts_json(both: tuple[ProjectFacts, ProjectFacts]) -> None:
    """Live facts have come through it once already, from the introspection child."""
    for facts in both:
        again = ProjectFacts.from_json_text(facts.to_json_text())
        assert _fields(again)["payment"].choice_labels == ("Card", "Bank transfer", "Cash on delivery")
        assert again == facts
