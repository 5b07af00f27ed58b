"""FD307 FieldChoicesDiffer against a real project: `Invoice.status` has the choices
`draft` and `paid` (``Invoice.Status``); and against one whose choices have labels that
differ from their values, with its facts read live and from the source."""

from __future__ import annotations

from dataclasses import replace

import pytest

from featuredocs.introspect.static import collect_static
from featuredocs.model import Applicability, ProjectFacts, Span
from featuredocs.rules.fd3_models.fd307_field_choices_differ import FieldChoicesDiffer
from tests.support.django_project import make_project
from tests.support.rules import run_rule

LABELLED = '''
from django.db import models
from django.utils.translation import gettext_lazy as _


class Subscription(models.Model):
    class Channel(models.TextChoices):
        EMAIL = "email", _("E-mail")
        SMS = "sms", "SMS"
        POST = "post", _("Letter")

    channel = models.CharField(max_length=8, choices=Channel.choices, default=Channel.EMAIL)
    contact = models.CharField(max_length=10, choices=[("email", "E-mail"), ("sms", "SMS")], default="email")
'''


@pytest.fixture(scope="module", params=["live", "static"])
def labelled_facts(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> ProjectFacts:
    project = make_project(tmp_path_factory.mktemp(f"labels-{request.param}"), {"plans": {"models.py": LABELLED}})
    return project.facts() if request.param == "live" else collect_static(project.root)


def _invoice(fields: str) -> str:
    return "## Data Models\n\n### Invoice\n\n**Fields:**\n" + fields


def test_a_value_the_field_never_holds(parse, billing_facts):
    page = parse(_invoice("- `status` (CharField): One of `draft`, `paid` or `void`; `draft` by default.\n"),
                 dedent=False)
    (finding,) = run_rule(FieldChoicesDiffer, page, billing_facts)
    assert (finding.code, finding.span) == ("FD307", Span(6, 52, 6, 56))
    assert finding.message == "`void` is not a choice of `Invoice.status`"
    assert finding.hint.startswith("billing.Invoice.status has choices `draft`, `paid` (")
    assert finding.fix.applicability is Applicability.UNSAFE
    assert [(e.span, e.replacement) for e in finding.fix.edits] == [(Span(6, 32, 6, 57), "`draft` or `paid`")]


def test_a_complete_list_that_leaves_a_choice_out(parse, billing_facts):
    page = parse(_invoice("- `status` (CharField): `draft` or `draft`\n"), dedent=False)
    (finding,) = run_rule(FieldChoicesDiffer, page, billing_facts)
    assert (finding.span, finding.message) == (Span(6, 25, 6, 43), "the values listed for `status` leave out `paid`")


def test_a_table_row_reads_its_description_cell_alone(parse, billing_facts):
    page = parse(_invoice(
        "| Field | Type | Description |\n| --- | --- | --- |\n"
        "| `status` | `CharField` | `draft`/`sent` |\n"
    ), dedent=False)
    (finding,) = run_rule(FieldChoicesDiffer, page, billing_facts)
    assert (finding.span, finding.message) == (Span(8, 37, 8, 41), "`sent` is not a choice of `Invoice.status`")
    assert finding.fix.edits[0].replacement == "`draft`/`paid`"


def test_silent_on_the_right_values_labels_and_fields_without_choices(parse, billing_facts):
    page = parse(_invoice(
        "- `status` (CharField): `draft` or `paid`; `draft` by default.\n"
        "- `number` (CharField): `INV-1` or `INV-2`, unique\n"  # no choices: any value
        "- `notes` (TextField): e.g. `late` or `paid twice`\n"
    ), dedent=False)
    assert run_rule(FieldChoicesDiffer, page, billing_facts) == []
    labels = parse(_invoice("- `status` (CharField): `Draft invoice` or `Settled`\n"), dedent=False)
    assert run_rule(FieldChoicesDiffer, labels, billing_facts) == []
    elsewhere = parse(_invoice("- `status` (CharField): `draft` until sent; then `paid` or `paid`\n"), dedent=False)
    assert run_rule(FieldChoicesDiffer, elsewhere, billing_facts) == []


def test_examples_are_checked_only_for_values_that_are_not_choices(parse, billing_facts):
    page = parse(_invoice("- `status` (CharField): a state such as `draft` or `overdue`\n"), dedent=False)
    (finding,) = run_rule(FieldChoicesDiffer, page, billing_facts)
    assert finding.message == "`overdue` is not a choice of `Invoice.status`" and finding.fix is None
    page = parse(_invoice("- `status` (CharField): a state such as `draft`\n"), dedent=False)
    assert run_rule(FieldChoicesDiffer, page, billing_facts) == []


def test_values_given_as_a_sub_list(parse, billing_facts):
    page = parse(_invoice(
        "- `status` (CharField): one of:\n"
        "  - `draft`: being written\n"
        "  - `sent`: with the customer\n"
        "- `notes` (TextField): Free text\n"
    ), dedent=False)
    (finding,) = run_rule(FieldChoicesDiffer, page, billing_facts)
    assert (finding.span, finding.message, finding.fix) == (
        Span(8, 6, 8, 10), "`sent` is not a choice of `Invoice.status`", None,
    )
    nested_prose = parse(_invoice(
        "- `status` (CharField): one of:\n  - `draft`: being written\n  - any state the workflow adds\n"
    ), dedent=False)
    assert run_rule(FieldChoicesDiffer, nested_prose, billing_facts) == []


def test_a_choices_column_lists_every_value(parse, billing_facts):
    page = parse(_invoice(
        "| Field | Type | Choices | Notes |\n| --- | --- | --- | --- |\n"
        "| `status` | CharField | `draft`, `paid`, `void` | `paid` once settled |\n"
        "| `number` | CharField | | unique |\n"
    ), dedent=False)
    (finding,) = run_rule(FieldChoicesDiffer, page, billing_facts)
    assert (finding.span, finding.message) == (Span(8, 44, 8, 48), "`void` is not a choice of `Invoice.status`")
    assert finding.fix.edits[0].replacement == "`draft`, `paid`"
    unlisted = parse(_invoice(
        "| Field | Type | Notes |\n| --- | --- | --- |\n| `status` | CharField | `draft`, `paid`, `void` |\n"
    ), dedent=False)
    assert run_rule(FieldChoicesDiffer, unlisted, billing_facts) == []  # no word says these are its values


def test_a_list_hard_wrapped_onto_the_next_line_is_read_whole(parse, billing_facts):
    right = "- `status` (CharField): Where the invoice is in its life, one of `draft`,\n  or `paid`.\n"
    assert run_rule(FieldChoicesDiffer, parse(_invoice(right), dedent=False), billing_facts) == []
    wrong = right.replace("or `paid`", "`paid` or `void`")
    (finding,) = run_rule(FieldChoicesDiffer, parse(_invoice(wrong), dedent=False), billing_facts)
    assert (finding.span, finding.message) == (Span(7, 14, 7, 18), "`void` is not a choice of `Invoice.status`")
    assert finding.fix is None  # a rewrite cannot place the break the list wraps at


def test_the_next_lines_are_read_only_when_the_list_runs_on_to_them(parse, billing_facts):
    page = parse(_invoice(
        "- `status` (CharField): One of `draft` or `paid`.\n"
        "  Refunds set it to `draft` or `void` in the ledger, not here.\n"
    ), dedent=False)
    assert run_rule(FieldChoicesDiffer, page, billing_facts) == []


def _subscription(fields: str) -> str:
    return "## Data Models\n\n### Subscription\n\n**Fields:**\n" + fields


def test_silent_on_choices_written_by_their_labels(parse, labelled_facts):
    page = parse(_subscription(
        "- `contact` (CharField): how we reach the customer, `E-mail` or `SMS`\n"
        "- `contact` (CharField): `email` or `SMS`; `E-mail` by default\n"
        "- `channel` (CharField): One of `E-mail`, `SMS` or `Letter`\n"
        "- `channel` (CharField): One of `email`, `SMS` or `post`\n"
        "- `channel` (CharField): one of:\n"
        "  - `E-mail`: sent at once\n"
        "  - `sms`: sent at once\n"
        "  - `Letter`: sent the next morning\n"
    ), dedent=False)
    assert run_rule(FieldChoicesDiffer, page, labelled_facts) == []


def test_a_label_or_a_value_no_choice_has(parse, labelled_facts):
    line = "- `contact` (CharField): One of `E-mail`, `SMS` or `Fax`"
    (finding,) = run_rule(FieldChoicesDiffer, parse(_subscription(line + "\n"), dedent=False), labelled_facts)
    column = line.index("Fax") + 1
    assert finding.span == Span(6, column, 6, column + 3)
    assert finding.message == "`Fax` is not a choice of `Subscription.contact`"
    assert finding.hint.startswith("plans.Subscription.contact has choices labelled `E-mail`, `SMS`")
    assert finding.fix.edits[0].replacement == "`E-mail` or `SMS`"  # the labels, as the page wrote them
    line = "- `contact` (CharField): One of `email`, `SMS` or `fax`"
    (finding,) = run_rule(FieldChoicesDiffer, parse(_subscription(line + "\n"), dedent=False), labelled_facts)
    assert finding.message == "`fax` is not a choice of `Subscription.contact`"
    assert finding.hint.startswith("plans.Subscription.contact has choices `email`, `sms`")
    assert finding.fix.edits[0].replacement == "`email` or `sms`"


def test_a_complete_list_of_labels_that_leaves_a_choice_out(parse, labelled_facts):
    page = parse(_subscription("- `channel` (CharField): One of `E-mail` or `SMS`\n"), dedent=False)
    (finding,) = run_rule(FieldChoicesDiffer, page, labelled_facts)
    assert finding.message == "the values listed for `channel` leave out `Letter`"
    assert finding.fix.edits[0].replacement == "`E-mail`, `SMS` or `Letter`"
    page = parse(_subscription("- `channel` (CharField): One of `email` or `SMS`\n"), dedent=False)
    (finding,) = run_rule(FieldChoicesDiffer, page, labelled_facts)
    assert finding.message == "the values listed for `channel` leave out `post`"


def test_without_its_labels_a_field_is_compared_by_its_values_alone(parse, labelled_facts):
    """The facts of a field whose labels static mode could not all read carry none."""
    unlabelled = replace(labelled_facts, models=tuple(
        replace(model, fields=tuple(replace(field, choice_labels=()) for field in model.fields))
        for model in labelled_facts.models
    ))
    page = parse(_subscription(
        "- `contact` (CharField): `email` or `SMS`\n"
        "- `contact` (CharField): `E-mail` or `Fax`\n"
    ), dedent=False)
    (finding,) = run_rule(FieldChoicesDiffer, page, unlabelled)
    assert (finding.span.line, finding.message) == (6, "`SMS` is not a choice of `Subscription.contact`")
