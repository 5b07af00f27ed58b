"""An unlabelled list under a model's heading whose items name fields without types
(``* **status** — `draft` or `paid` ``): read once the model shows most names are its
fields, left alone when they are statuses, steps or methods."""

from __future__ import annotations

import pytest

from featuredocs.coverage.claimed import page_claims
from featuredocs.rules.fd3_models.fd302_field_not_found import FieldNotFound
from featuredocs.rules.fd3_models.fd305_undocumented_field import UndocumentedField
from featuredocs.rules.fd3_models.fd307_field_choices_differ import FieldChoicesDiffer
from featuredocs.rules.fd3_models.fd308_field_default_differs import FieldDefaultDiffers
from tests.support.rules import context_for, run_rule

HEAD = "# Billing\n\n## Invoice model\n\nWhat is billed; one row per invoice.\n\n"
FIELDS = (
    "* **number** — printed on the PDF\n"
    "* **customer** — who pays\n"
    "* **status** — `draft` or `paid`; `draft` by default\n"
    "* **notes** — free text\n"
)


def _pointed(rule, page, facts):
    return [(f.code, page.line_text(f.span.line)[f.span.column - 1 : f.span.end_column - 1])
            for f in run_rule(rule, page, facts)]


def test_a_true_untyped_list_is_silent_and_asks_for_no_other_field(parse, billing_facts):
    page = parse(HEAD + FIELDS, dedent=False)
    for rule in (FieldNotFound, FieldChoicesDiffer, FieldDefaultDiffers, UndocumentedField):
        assert run_rule(rule, page, billing_facts) == [], rule.code


@pytest.mark.parametrize(("edit", "found"), [
    (("**notes**", "**note**"), [("FD302", "note")]),
    (("`draft` or `paid`;", "`draft`, `paid` or `void`;"), [("FD307", "void")]),
    (("`draft` by default", "`paid` by default"), [("FD308", "paid")]),
    (("* **number**", "* `numbr`"), [("FD302", "`numbr`")]),
])
def test_drift_in_an_untyped_list_is_reported(parse, billing_facts, edit, found):
    page = parse(HEAD + FIELDS.replace(*edit), dedent=False)
    rules = (FieldNotFound, FieldChoicesDiffer, FieldDefaultDiffers)
    assert [pointed for rule in rules for pointed in _pointed(rule, page, billing_facts)] == found


@pytest.mark.parametrize("items", [
    # statuses, not fields: `paid` is close to no field, `draf` to none either
    "* **draft** — being written\n* **paid** — settled\n* **draf** — a typo of a status\n",
    # one field among steps is not a field list
    "* `number` — assigned first\n* `numbr_check` — the checksum step\n* `send` — mailed\n",
    # a method list: known names are no fields, and a near miss of a field is not read
    "* `mark_paid` — settles it\n* `totals` — sums the lines\n",
])
def test_a_list_of_other_names_under_the_model_is_not_read(parse, billing_facts, items):
    page = parse(HEAD + items, dedent=False)
    assert run_rule(FieldNotFound, page, billing_facts) == []


def test_coverage_counts_the_fields_of_an_untyped_list(parse, billing_facts):
    page = parse(HEAD + FIELDS, dedent=False)
    found = page_claims(page, context_for([page], billing_facts))
    assert {name for label, name in found.fields if label == "billing.Invoice"} >= {
        "number", "customer", "status", "notes"}


def test_a_list_a_colon_line_introduces_as_something_else_is_not_read(parse, billing_facts):
    page = parse(HEAD + "Search filters on these names:\n\n" + FIELDS.replace("**notes**", "**note**"), dedent=False)
    assert run_rule(FieldNotFound, page, billing_facts) == []


INDEXES = "* `invoice_total_ok` check constraint on (`total`)\n* `invoice_recent_idx` on (`customer`, `-created_at`)\n"


def test_a_list_of_index_names_under_the_model_is_no_field_list(parse, billing_facts):
    page = parse(HEAD + INDEXES, dedent=False)
    assert run_rule(FieldNotFound, page, billing_facts) == []


def test_a_field_details_sub_section_reads_its_fields_but_not_the_lists_it_introduces_otherwise(parse, billing_facts):
    details = "### Field details\n\n* `notes` (TextField): free text\n* `numbr` (CharField): printed\n\nAlso on the table:\n\n"
    page = parse(HEAD + details + INDEXES, dedent=False)
    assert _pointed(FieldNotFound, page, billing_facts) == [("FD302", "`numbr`")]
