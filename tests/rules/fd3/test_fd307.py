"""FD307 FieldChoicesDiffer against a real project: `Invoice.status` has the choices
`draft` and `paid` (``Invoice.Status``)."""

from __future__ import annotations

from featuredocs.model import Applicability, Span
from featuredocs.rules.fd3_models.fd307_field_choices_differ import FieldChoicesDiffer
from tests.support.rules import run_rule


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


def test_the_next_lines_are_read_only_when_the_list_runs_on_to_them(parse, billing_facts):
    page = parse(_invoice(
        "- `status` (CharField): One of `draft` or `paid`.\n"
        "  Refunds set it to `draft` or `void` in the ledger, not here.\n"
    ), dedent=False)
    assert run_rule(FieldChoicesDiffer, page, billing_facts) == []
