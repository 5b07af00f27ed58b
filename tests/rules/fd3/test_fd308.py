"""FD308 FieldDefaultDiffers against a real project, with its facts read live and from
the source: `Subscription` has a default of each kind a model gives, and choices whose
labels differ from their values."""

from __future__ import annotations

from dataclasses import replace

import pytest

from featuredocs.introspect.static import collect_static
from featuredocs.model import Applicability, ProjectFacts, Span
from featuredocs.rules.fd3_models.fd308_field_default_differs import FieldDefaultDiffers
from tests.support.django_project import make_project
from tests.support.rules import run_rule

MODELS = '''
from decimal import Decimal

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

PAYMENTS = [
    ("Online", [("card", "Card"), ("bank_transfer", _("Bank transfer"))]),
    ("cod", _("Cash on delivery")),
]


class Priority(models.IntegerChoices):
    LOW = 1, _("Low")
    VERY_HIGH = 2


class Subscription(models.Model):
    class Channel(models.TextChoices):
        EMAIL = "email", "E-mail"
        SMS = "sms", "SMS"

    channel = models.CharField(max_length=8, choices=Channel.choices, default=Channel.EMAIL)
    currency = models.CharField(max_length=3, default="EUR")
    seats = models.PositiveIntegerField(default=1)
    reminders_enabled = models.BooleanField(default=True)
    balance = models.DecimalField(max_digits=8, decimal_places=2, default=Decimal("0.00"))
    started_at = models.DateTimeField(default=timezone.now)
    options = models.JSONField(default=dict)
    note = models.TextField(blank=True)
    window_hours = models.PositiveIntegerField(default=48)
    contact = models.CharField(max_length=10, choices=[("email", "E-mail"), ("sms", "SMS")], default="email")
    payment = models.CharField(max_length=20, choices=PAYMENTS, default="bank_transfer")
    priority = models.IntegerField(choices=Priority.choices, default=Priority.LOW)
    color = models.CharField(max_length=7, default="#888888")
'''


@pytest.fixture(scope="module", params=["live", "static"])
def facts(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> ProjectFacts:
    root = tmp_path_factory.mktemp(f"defaults-{request.param}")
    project = make_project(root, {"plans": {"models.py": MODELS}})
    return project.facts() if request.param == "live" else collect_static(project.root)


def _subscription(fields: str) -> str:
    return "## Data Models\n\n### Subscription\n\n**Fields:**\n" + fields


@pytest.mark.parametrize(
    ("item", "written", "replacement"),
    [
        ("- `currency` (CharField): ISO 4217 code, `USD` by default.", "USD", "EUR"),
        ("- `seats` (PositiveIntegerField): Seats paid for; 5 by default.", "5", "1"),
        ("- `reminders_enabled` (BooleanField): Whether reminders go out; defaults to false.", "false", "true"),
        ("- `reminders_enabled` (BooleanField, default=False): Whether reminders go out", "False", "True"),
        ("- `channel` (CharField): `email` or `sms` (default)", "sms", "email"),
        ("- `currency` (CharField): **Default:** `'USD'`", "'USD'", "'EUR'"),
        ("- `balance` (DecimalField): Credit left (default 10.50)", "10.50", "0.00"),
        ("- `seats` (integer): Default is 3, raised when a seat is added", "3", "1"),
        ("- `seats` (integer): Seats paid for. Defaults to 1,000.", "1,000", "1"),
        ("- **seats** (PositiveIntegerField, default 2): Seats paid for", "2", "1"),
        # a choice's label names that choice, and the fix writes the default's label
        ("- `contact` — how we reach the customer; `SMS` by default", "SMS", "E-mail"),
        ("- `contact` (CharField): how we reach the customer; `sms` by default", "sms", "email"),
        ('- `channel` (CharField): how we reach the customer; "SMS" by default', '"SMS"', '"E-mail"'),
        ("- `payment` (CharField): `Cash on delivery` by default", "Cash on delivery", "Bank transfer"),
        ("- `priority` (IntegerField): `Very High` by default", "Very High", "Low"),
        ("- `priority` (IntegerField): 2 by default", "2", "1"),
        ("- `seats` – PositiveIntegerField: Seats paid for; starts at 10.", "10", "1"),
        ("- `currency` (CharField): initially `USD`", "USD", "EUR"),
        ("- `color` (CharField): hex colour (default: `#ffffff`)", "#ffffff", "#888888"),
    ],
)
def test_a_default_that_is_not_the_fields(parse, facts, item, written, replacement):
    page = parse(_subscription(item + "\n"), dedent=False)
    (finding,) = run_rule(FieldDefaultDiffers, page, facts)
    column = item.index(written) + 1
    assert finding.span == Span(6, column, 6, column + len(written))
    name = item.split()[1].strip("`*")
    assert finding.message.startswith(f"field `{name}` is documented to default to `{written}`, but")
    assert finding.hint.startswith("plans.Subscription.")
    assert finding.fix.applicability is Applicability.SAFE
    assert [e.replacement for e in finding.fix.edits] == [replacement]


def test_a_default_column_of_a_field_table(parse, facts):
    row = "| `seats` | integer | 2 | Seats paid for |"
    page = parse(_subscription(
        "| Field | Type | Default | Description |\n| --- | --- | --- | --- |\n"
        "| `currency` | string | `EUR` | ISO 4217 code |\n"
        "| `note` | text | — | Free text |\n"
        f"{row}\n"
    ), dedent=False)
    (finding,) = run_rule(FieldDefaultDiffers, page, facts)
    assert (finding.span, finding.fix.edits[0].replacement) == (Span(10, row.index("2") + 1, 10, row.index("2") + 2), "1")


def test_a_default_in_words_in_a_table_cell(parse, facts):
    rows = "| Field | Type | Notes |\n| --- | --- | --- |\n| `reminders_enabled` | BooleanField | default {} |\n"
    (finding,) = run_rule(FieldDefaultDiffers, parse(_subscription(rows.format("False")), dedent=False), facts)
    assert (finding.span.line, finding.fix.edits[0].replacement) == (8, "True")
    assert run_rule(FieldDefaultDiffers, parse(_subscription(rows.format("True")), dedent=False), facts) == []
    right = "- `color` (CharField): hex colour (default: `#888888`)\n"
    assert run_rule(FieldDefaultDiffers, parse(_subscription(right), dedent=False), facts) == []


def test_a_default_in_a_class_block(parse, facts):
    page = parse(
        "## Data Models\n\n### Subscription\n\n```python\nclass Subscription(models.Model):\n"
        "    seats = models.PositiveIntegerField(default=3)\n"
        "    channel = models.CharField(max_length=8, default=Channel.EMAIL)\n```\n",
        dedent=False,
    )
    (finding,) = run_rule(FieldDefaultDiffers, page, facts)
    assert finding.span.line == 7 and finding.message.endswith("but its default is 1")


def test_silent_on_the_right_default_and_on_what_is_no_default(parse, facts):
    page = parse(_subscription(
        "- `channel` (CharField): `email` (default) or `sms`; `Email` by default\n"
        "- `currency` (CharField, default=\"EUR\"): ISO 4217 code, `EUR` by default.\n"
        "- `seats` (PositiveIntegerField): Seats paid for; 1 by default, 0 for none at all.\n"
        "- `reminders_enabled` (BooleanField): true by default; defaults to True.\n"
        "- `balance` (DecimalField): Credit left, `0.00` by default\n"
        "- `started_at` (DateTimeField): `timezone.now` by default; now by default\n"
        "- `options` (JSONField): `{}` by default\n"
        "- `note` (TextField): empty by default, `none` by default\n"
        "- `window_hours` (PositiveIntegerField): default: 2 days; 48 hours by default\n"
        "- `currency` (CharField): hidden by default; defaults to the customer's currency; the default currency\n"
        "- `balance` (DecimalField): Credit left; `seats` defaults to 1 and `currency` to `EUR`\n"
        "- `currency` (CharField): the default `USD` rate applies; the default 2 hours; see default 5-day window\n"
        "- `seats` (PositiveIntegerField): starts at 1; starts at 5 seats for teams; initially set to 1.\n"
    ), dedent=False)
    assert run_rule(FieldDefaultDiffers, page, facts) == []


def test_a_default_on_the_line_an_item_is_wrapped_onto(parse, facts):
    item = "- `currency` (CharField): ISO 4217 code of the amounts the subscription\n  bills in; `USD` by default.\n"
    (finding,) = run_rule(FieldDefaultDiffers, parse(_subscription(item), dedent=False), facts)
    assert (finding.span, finding.fix.edits[0].replacement) == (Span(7, 14, 7, 17), "EUR")
    code = _subscription("```python\nclass Subscription(models.Model):\n    currency = models.CharField(max_length=3)\n"
                         "    seats = models.PositiveIntegerField(default=1)\n```\n")
    assert run_rule(FieldDefaultDiffers, parse(code, dedent=False), facts) == []  # a code line is no wrapped text


def test_silent_on_the_default_choice_by_its_label_or_its_value(parse, facts):
    page = parse(_subscription(
        "- `contact` — how we reach the customer; `E-mail` by default\n"
        "- `contact` (CharField): `email` by default; `Email` by default; `e-mail` by default\n"
        "- `channel` (CharField): 'E-mail' by default; `EMAIL` by default\n"
        "- `payment` (CharField): `Bank transfer` by default, or `bank_transfer` by default\n"
        "- `priority` (IntegerField): `Low` by default; 1 by default\n"
    ), dedent=False)
    assert run_rule(FieldDefaultDiffers, page, facts) == []


def test_a_default_column_may_give_a_choice_by_its_label(parse, facts):
    row = "| `channel` | string | SMS | How we reach the customer |"
    page = parse(_subscription(
        "| Field | Type | Default | Description |\n| --- | --- | --- | --- |\n"
        "| `contact` | string | E-mail | How we reach the customer |\n"
        f"{row}\n"
    ), dedent=False)
    (finding,) = run_rule(FieldDefaultDiffers, page, facts)
    column = row.index("SMS") + 1
    assert (finding.span, finding.fix.edits[0].replacement) == (Span(9, column, 9, column + 3), "E-mail")


def test_without_its_labels_a_field_is_compared_by_its_values_alone(parse, facts):
    """The facts of a field whose labels static mode could not all read carry none."""
    unlabelled = replace(facts, models=tuple(
        replace(model, fields=tuple(replace(field, choice_labels=()) for field in model.fields))
        for model in facts.models
    ))
    page = parse(_subscription(
        "- `contact` (CharField): how we reach the customer; `E-mail` by default\n"
        "- `channel` (CharField): `Email` by default\n"
        "- `payment` (CharField): `Cash on delivery` by default\n"
    ), dedent=False)
    (finding,) = run_rule(FieldDefaultDiffers, page, unlabelled)
    assert (finding.span.line, finding.fix.edits[0].replacement) == (6, "email")


def test_a_default_named_as_a_member_of_the_choices_class(parse, facts):
    page = parse(_subscription(
        "- `priority` (IntegerField): defaults to `Priority.VERY_HIGH`.\n"
        "- `channel` (CharField): defaults to `Subscription.Channel.SMS`.\n"
    ), dedent=False)
    findings = run_rule(FieldDefaultDiffers, page, facts)
    assert [(f.span.line, f.message.split(", but")[0]) for f in findings] == [
        (6, "field `priority` is documented to default to `Priority.VERY_HIGH`"),
        (7, "field `channel` is documented to default to `Subscription.Channel.SMS`"),
    ]
    assert [f.fix for f in findings] == [None, None]  # the default's member may be named otherwise
    right = "- `priority` (IntegerField): defaults to `Priority.LOW`.\n- `channel` (CharField): `Subscription.Channel.EMAIL` by default.\n"
    assert run_rule(FieldDefaultDiffers, parse(_subscription(right), dedent=False), facts) == []


def test_a_default_followed_by_its_choices_label(parse, facts):
    page = parse(_subscription("- `priority` (IntegerField): `1` = Low, `2` = Very High; default `2` (Very High).\n"), dedent=False)
    (finding,) = run_rule(FieldDefaultDiffers, page, facts)
    assert finding.message.startswith("field `priority` is documented to default to `2`, but")
    assert [e.replacement for e in finding.fix.edits] == ["1"]
