"""sync on Fields and Indexes lists, against hand-built facts of a small shop."""

from __future__ import annotations

import dataclasses

import pytest

from featuredocs.model import FieldFact, IndexFact
from tests.conftest import ParsePage
from tests.sync import changes
from tests.sync.support import FACTS, at, findings, synced, synced_page

PAGE = """\
# Orders

> **Orders** - What customers buy.

## Data Models

### Order

An order and its lines.

**Fields:**
- `number` (CharField): Printed on invoices.
- `customer` (ForeignKey → User): Who ordered.
- `status` (CharField): Where the order is in its life.
- `total_cents` (PositiveIntegerField): Sum of the lines, in cents.
- `created_at` (DateTimeField): When it was placed.

**Indexes:**
- Unique index on `number`
- Index on `customer`
- `orders_status_created_idx` on (`status`, `created_at`): the expiry scan
"""
FIELD_CODES = ("FD302", "FD303", "FD305")
INDEX_CODES = ("FD304", "FD306")


def test_a_correct_page_is_left_exactly_as_it_is(parse: ParsePage) -> None:
    page = parse(PAGE)
    assert findings(page, FACTS, *FIELD_CODES, *INDEX_CODES) == []
    assert synced(page, FACTS) == page.text


def test_a_new_field_is_appended_in_code_order_with_a_placeholder(parse: ParsePage) -> None:
    facts = changes.add_field(FACTS, "orders.Order", "note", "TextField")
    facts = changes.add_field(facts, "orders.Order", "coupon", "ForeignKey", "catalog.Coupon")
    page = parse(PAGE)
    assert [f.code for f in findings(page, facts, "FD305")] == ["FD305", "FD305"]
    text = synced(page, facts)
    assert text == PAGE.replace(
        "- `created_at` (DateTimeField): When it was placed.\n",
        "- `created_at` (DateTimeField): When it was placed.\n"
        "- `note` (TextField): [Description]\n"
        "- `coupon` (ForeignKey → Coupon): [Description]\n",
    )
    after = parse(text)
    assert findings(after, facts, *FIELD_CODES) == []
    assert [f.code for f in findings(after, facts, "FD103")] == ["FD103", "FD103"]


def test_a_new_field_goes_after_the_field_the_model_declares_before_it(parse: ParsePage) -> None:
    order = FACTS.models[0]
    paid_at = FieldFact("paid_at", "DateTimeField", "DateTimeField", column="paid_at", location=at(30))
    fields = [*order.fields]
    fields.insert([f.name for f in fields].index("status") + 1, paid_at)
    facts = dataclasses.replace(FACTS, models=(dataclasses.replace(order, fields=tuple(fields)), *FACTS.models[1:]))
    assert synced(parse(PAGE), facts) == PAGE.replace(
        "- `status` (CharField): Where the order is in its life.\n",
        "- `status` (CharField): Where the order is in its life.\n- `paid_at` (DateTimeField): [Description]\n",
    )


def test_a_new_fields_help_text_is_its_description(parse: ParsePage) -> None:
    note = FieldFact("note", "TextField", "TextField", column="note", help_text="Shown  to staff\nonly", location=at(30))
    facts = dataclasses.replace(FACTS, models=(dataclasses.replace(FACTS.models[0], fields=FACTS.models[0].fields + (note,)),))
    assert "- `note` (TextField): Shown to staff only\n" in synced(parse(PAGE), facts)


def test_a_new_field_with_choices_lists_them_as_fd307_reads_them(parse: ParsePage) -> None:
    kind = FieldFact("kind", "CharField", "CharField", column="kind", help_text="What was sold.",
                     choices=("goods", "gift_card"), location=at(31))
    facts = dataclasses.replace(FACTS, models=(dataclasses.replace(FACTS.models[0], fields=FACTS.models[0].fields + (kind,)),))
    text = synced(parse(PAGE), facts)
    assert "- `kind` (CharField): What was sold. One of `goods` or `gift_card`.\n" in text
    assert findings(parse(text), facts, *FIELD_CODES, "FD307") == []
    assert findings(parse(text.replace("`gift_card`", "`voucher`")), facts, "FD307")[0].message == (
        "`voucher` is not a choice of `Order.kind`"
    )


def test_a_documented_length_and_list_of_values_follow_the_model(parse: ParsePage) -> None:
    order = FACTS.models[0]
    fields = tuple(
        dataclasses.replace(f, max_length=24) if f.name == "number"
        else dataclasses.replace(f, choices=("pending", "paid", "void")) if f.name == "status" else f
        for f in order.fields
    )
    facts = dataclasses.replace(FACTS, models=(dataclasses.replace(order, fields=fields),))
    page = parse(PAGE.replace("Printed on invoices.", "Printed on invoices, up to 20 characters.").replace(
        "Where the order is in its life.", "Where the order is in its life: `pending` or `paid`."))
    assert [f.code for f in findings(page, facts, "FD303", "FD307")] == ["FD303", "FD307"]
    text = synced(page, facts)
    assert "- `number` (CharField): Printed on invoices, up to 24 characters.\n" in text
    assert "- `status` (CharField): Where the order is in its life: `pending`, `paid` or `void`.\n" in text
    assert findings(parse(text), facts, "FD303", "FD307") == []


def test_a_documented_default_follows_the_model(parse: ParsePage) -> None:
    order = FACTS.models[0]
    fields = tuple(
        dataclasses.replace(f, has_default=True, default="'pending'") if f.name == "status"
        else dataclasses.replace(f, has_default=True, default="0") if f.name == "total_cents" else f
        for f in order.fields
    )
    facts = dataclasses.replace(FACTS, models=(dataclasses.replace(order, fields=fields),))
    page = parse(PAGE.replace("Where the order is in its life.", "Where the order is in its life; `paid` by default.")
                 .replace("Sum of the lines, in cents.", "Sum of the lines, in cents; defaults to 100."))
    assert [f.code for f in findings(page, facts, "FD308")] == ["FD308", "FD308"]
    text = synced(page, facts)
    assert "- `status` (CharField): Where the order is in its life; `pending` by default.\n" in text
    assert "- `total_cents` (PositiveIntegerField): Sum of the lines, in cents; defaults to 0.\n" in text
    assert findings(parse(text), facts, "FD308") == []


def test_what_the_type_says_of_uniqueness_follows_the_model(parse: ParsePage) -> None:
    page = parse(PAGE.replace("- `status` (CharField):", "- `status` (CharField, unique):")
                 .replace("- `number` (CharField):", "- `number` (CharField, unique=False):"))
    assert [f.code for f in findings(page, FACTS, "FD303")] == ["FD303", "FD303"]
    text = synced(page, FACTS)
    assert "- `status` (CharField, not unique):" in text
    assert "- `number` (CharField, unique=True):" in text
    assert findings(parse(text), FACTS, "FD303") == []


def test_a_decimal_fields_digits_follow_the_model_and_a_new_one_states_them(parse: ParsePage) -> None:
    total = FieldFact("total", "DecimalField", "DecimalField", column="total", help_text="Amount due.",
                      max_digits=10, decimal_places=2, location=at(34))
    facts = dataclasses.replace(FACTS, models=(dataclasses.replace(FACTS.models[0], fields=FACTS.models[0].fields + (total,)),))
    added = synced(parse(PAGE), facts)
    assert "- `total` (DecimalField): Amount due (up to 10 digits, 2 decimal places).\n" in added
    stale = parse(added.replace("up to 10 digits, 2 decimal places", "decimal(12, 3)"))
    assert [f.code for f in findings(stale, facts, "FD303")] == ["FD303", "FD303"]
    assert "- `total` (DecimalField): Amount due (decimal(10, 2)).\n" in synced(stale, facts)


def test_an_on_delete_named_follows_the_model_and_words_about_it_are_left_to_the_writer(parse: ParsePage) -> None:
    order = FACTS.models[0]
    fields = tuple(dataclasses.replace(f, on_delete="PROTECT") if f.name == "customer" else f for f in order.fields)
    facts = dataclasses.replace(FACTS, models=(dataclasses.replace(order, fields=fields),))
    named = parse(PAGE.replace("- `customer` (ForeignKey → User):", "- `customer` (ForeignKey → User, on_delete=CASCADE):"))
    assert "- `customer` (ForeignKey → User, on_delete=PROTECT): Who ordered.\n" in synced(named, facts)
    words = parse(PAGE.replace("Who ordered.", "Who ordered; deleted with the user."))
    assert [f.code for f in findings(words, facts, "FD309")] == ["FD309"]
    assert synced(words, facts) == words.text


def test_a_new_field_says_what_it_defaults_to(parse: ParsePage) -> None:
    flag = FieldFact("gift", "BooleanField", "BooleanField", column="gift", help_text="Wrapped as a gift.",
                     has_default=True, default="False", location=at(33))
    facts = dataclasses.replace(FACTS, models=(dataclasses.replace(FACTS.models[0], fields=FACTS.models[0].fields + (flag,)),))
    text = synced(parse(PAGE), facts)
    assert "- `gift` (BooleanField): Wrapped as a gift (default: False)\n" in text
    assert findings(parse(text), facts, "FD308") == []


def test_a_new_text_field_says_how_long_it_may_be(parse: ParsePage) -> None:
    code = FieldFact("code", "CharField", "CharField", column="code", help_text="Printed on the box.",
                     max_length=12, location=at(32))
    facts = dataclasses.replace(FACTS, models=(dataclasses.replace(FACTS.models[0], fields=FACTS.models[0].fields + (code,)),))
    text = synced(parse(PAGE), facts)
    assert "- `code` (CharField): Printed on the box (up to 12 characters).\n" in text
    assert findings(parse(text), facts, *FIELD_CODES) == []
    later = dataclasses.replace(facts, models=(dataclasses.replace(facts.models[0], fields=(
        *facts.models[0].fields[:-1], dataclasses.replace(code, max_length=16))),))
    assert "- `code` (CharField): Printed on the box (up to 16 characters).\n" in synced(parse(text), later)


def test_what_a_type_says_of_null_follows_the_model(parse: ParsePage) -> None:
    page = parse(PAGE.replace("(DateTimeField): When", "(DateTimeField, nullable): When").replace(
        "(CharField): Printed", "(CharField, null=True): Printed"))
    assert [f.code for f in findings(page, FACTS, "FD303")] == ["FD303", "FD303"]
    text = synced(page, FACTS)
    assert "- `number` (CharField, null=False): Printed on invoices.\n" in text
    assert "- `created_at` (DateTimeField, not null): When it was placed.\n" in text
    assert findings(parse(text), FACTS, *FIELD_CODES) == []


def test_a_removed_field_loses_its_item(parse: ParsePage) -> None:
    facts = changes.remove_field(FACTS, "orders.Order", "total_cents")
    page = parse(PAGE)
    assert [f.code for f in findings(page, facts, "FD302")] == ["FD302"]
    text = synced(page, facts)
    assert text == PAGE.replace("- `total_cents` (PositiveIntegerField): Sum of the lines, in cents.\n", "")
    assert findings(parse(text), facts, *FIELD_CODES) == []


def test_a_removed_item_takes_its_continuation_lines_and_nested_items(parse: ParsePage) -> None:
    source = PAGE.replace(
        "- `total_cents` (PositiveIntegerField): Sum of the lines, in cents.\n",
        "- `total_cents` (PositiveIntegerField): Sum of the lines,\n  in cents.\n  - never negative\n",
    )
    facts = changes.remove_field(FACTS, "orders.Order", "total_cents")
    text = synced(parse(source), facts)
    assert "total_cents" not in text and "never negative" not in text and "in cents" not in text
    assert "- `created_at` (DateTimeField): When it was placed.\n" in text


@pytest.mark.parametrize("attributes", ["{ .annotate }", "{: #order-fields }"])
def test_a_new_field_goes_above_the_lists_attributes(parse: ParsePage, attributes: str) -> None:
    facts = changes.add_field(FACTS, "orders.Order", "note", "TextField")
    last = "- `created_at` (DateTimeField): When it was placed.\n"
    text = synced(parse(PAGE.replace(last, f"{last}{attributes}\n")), facts)
    assert f"{last}- `note` (TextField): [Description]\n{attributes}\n" in text


@pytest.mark.parametrize(("first", "second", "new"), [("1.", "2.", "6."), ("1.", "1.", "1."), ("1)", "2)", "6)")])
def test_a_new_item_of_a_numbered_list_is_numbered_as_the_list_numbers(parse: ParsePage, first: str, second: str, new: str) -> None:
    facts = changes.add_field(FACTS, "orders.Order", "note", "TextField")
    fields = PAGE.split("**Fields:**\n")[1].split("\n\n")[0].splitlines()
    markers = [first, second] + [first if first == second else f"{int(first[:-1]) + i}{first[-1]}" for i in range(2, len(fields))]
    numbered = "\n".join(f"{marker} {line[2:]}" for marker, line in zip(markers, fields, strict=True))
    text = synced(parse(PAGE.replace("\n".join(fields), numbered)), facts)
    assert f"\n{new} `note` (TextField): [Description]\n" in text


def test_a_renamed_field_keeps_its_description(parse: ParsePage) -> None:
    facts = changes.rename_field(FACTS, "orders.Order", "created_at", "created_on")
    text = synced(parse(PAGE), facts)
    assert "- `created_on` (DateTimeField): When it was placed.\n" in text
    # the index item is the index's own: it takes the new fields as the index does
    assert "`orders_status_created_idx` on (`status`, `created_on`): the expiry scan" in text
    assert findings(parse(text), facts, *FIELD_CODES) == []


EXAMPLES = """
## Usage Examples

```python
from orders.models import Order

recent = Order.objects.filter(created_at__date__gte=since, status="paid").order_by("-created_at")
Order.objects.create(number="SO-1", created_at=now)
by_day = Order.objects.values("created_at__date")
Order.objects.filter(**{"created_" + "at": now})
```
"""


def test_a_renamed_field_is_renamed_in_the_orm_examples_too(parse: ParsePage) -> None:
    facts = changes.rename_field(FACTS, "orders.Order", "created_at", "created_on")
    page = parse(PAGE + EXAMPLES)
    assert len(findings(page, facts, "FD803")) == 4
    text = synced(page, facts)
    assert (
        'recent = Order.objects.filter(created_on__date__gte=since, status="paid").order_by("-created_on")\n'
        'Order.objects.create(number="SO-1", created_on=now)\n'
        'by_day = Order.objects.values("created_on__date")\n'
        # a name built at run time is not the model's to rename
        'Order.objects.filter(**{"created_" + "at": now})\n'
    ) in text
    assert findings(parse(text), facts, "FD803", *FIELD_CODES) == []


def test_examples_keep_a_name_the_fields_list_did_not_rename(parse: ParsePage) -> None:
    # The field is gone and no new one is like it: the list drops its item, and nothing
    # says what the examples meant; FD803 reports them to a person.
    facts = changes.remove_field(FACTS, "orders.Order", "created_at")
    text = synced(parse(PAGE + EXAMPLES), facts)
    assert 'order_by("-created_at")' in text and "created_at=now" in text


def test_the_one_stale_field_takes_the_name_of_the_one_new_field_of_its_class(parse: ParsePage) -> None:
    facts = changes.rename_field(FACTS, "orders.Order", "created_at", "booked_at")  # no name alike
    text = synced(parse(PAGE), facts)
    assert "- `booked_at` (DateTimeField): When it was placed.\n" in text
    assert findings(parse(text), facts, *FIELD_CODES) == []
    other_class = changes.add_field(changes.remove_field(FACTS, "orders.Order", "created_at"), "orders.Order", "booked_on", "DateField")
    text = synced(parse(PAGE), other_class)
    assert "When it was placed" not in text and "- `booked_on` (DateField): [Description]\n" in text


def test_a_field_renamed_in_more_words_keeps_its_description_and_check_names_it(parse: ParsePage) -> None:
    facts = changes.rename_field(FACTS, "orders.Order", "number", "printed_order_number")
    page = parse(PAGE)
    (finding,) = [f for f in findings(page, facts, "FD302")]
    assert finding.hint is not None and finding.hint.startswith("did you mean `printed_order_number`?")
    assert finding.fix is None  # no close name: a person confirms, or sync renames
    text = synced(page, facts)
    assert "- `printed_order_number` (CharField): Printed on invoices.\n" in text
    assert findings(parse(text), facts, *FIELD_CODES) == []


def test_a_field_retyped_from_decimal_loses_what_its_type_said_of_digits(parse: ParsePage) -> None:
    facts = changes.retype_field(FACTS, "orders.Order", "total_cents", "PositiveIntegerField")
    page = PAGE.replace("`total_cents` (PositiveIntegerField)", "`total_cents` (DecimalField, 10 digits, 2 decimal places, not null)")
    text = synced(parse(page), facts)
    assert "- `total_cents` (PositiveIntegerField, not null): Sum of the lines, in cents.\n" in text


def test_a_retyped_field_gets_its_type_in_the_pages_style(parse: ParsePage) -> None:
    facts = changes.retype_field(FACTS, "orders.Order", "total_cents", "DecimalField")
    facts = changes.rename_field(facts, "orders.Order", "customer", "customer")  # unchanged
    model = facts.models[0]
    customer = dataclasses.replace(model.fields[2], related_model="customers.Customer")
    facts = dataclasses.replace(
        facts, models=(dataclasses.replace(model, fields=(*model.fields[:2], customer, *model.fields[3:])),)
    )
    page = parse(PAGE)
    assert [f.code for f in findings(page, facts, "FD303")] == ["FD303", "FD303"]
    text = synced(page, facts)
    assert "- `total_cents` (DecimalField): Sum of the lines, in cents.\n" in text
    assert "- `customer` (ForeignKey → Customer): Who ordered.\n" in text
    assert findings(parse(text), facts, *FIELD_CODES) == []


def test_plain_word_types_stay_words_and_modifiers_stay(parse: ParsePage) -> None:
    source = PAGE.replace("(CharField): Printed", "(string, unique): Printed").replace(
        "(PositiveIntegerField)", "(integer)"
    ).replace("(DateTimeField)", "(datetime)").replace("(CharField): Where", "(string): Where")
    facts = changes.retype_field(FACTS, "orders.Order", "number", "DecimalField")
    text = synced(parse(source), facts)
    assert "- `number` (decimal, unique): Printed on invoices.\n" in text
    assert findings(parse(text), facts, "FD303") == []


def test_a_key_fields_selection_is_not_completed(parse: ParsePage) -> None:
    source = PAGE.replace("**Fields:**", "**Key Fields:**")
    facts = changes.add_field(FACTS, "orders.Order", "note", "TextField")
    assert synced(parse(source), facts) == source


def test_a_silenced_list_is_left_alone(parse: ParsePage) -> None:
    source = PAGE.replace("**Fields:**", "<!-- featuredocs: ignore FD305 -->\n**Fields:**")
    facts = changes.add_field(FACTS, "orders.Order", "note", "TextField")
    assert synced(parse(source), facts) == source


def test_an_archived_page_is_history_and_is_not_synced(parse: ParsePage) -> None:
    source = "---\nstatus: archived\n---\n" + PAGE
    facts = changes.add_field(FACTS, "orders.Order", "note", "TextField")
    assert synced(parse(source), facts) == source


def test_a_dropped_index_goes_and_a_new_one_is_added_in_the_templates_shape(parse: ParsePage) -> None:
    facts = changes.remove_field(FACTS, "orders.Order", "created_at")
    facts = changes.add_index(facts, "orders.Order", ("status", "total_cents"), "orders_status_total_idx")
    model = facts.models[0]
    facts = dataclasses.replace(
        facts,
        models=(dataclasses.replace(model, indexes=model.indexes + (
            IndexFact("index_together", ("customer", "status")),
            IndexFact("index", ("number", "status"), name="orders_orde_number_1a2b3c_idx"),
        )),),
    )
    page = parse(PAGE)
    text = synced(page, facts)
    assert text.split("**Indexes:**\n")[1] == (
        "- Unique index on `number`\n"
        "- Index on `customer`\n"
        "- `orders_status_total_idx` index on (`status`, `total_cents`)\n"
        "- Composite index on (`customer`, `status`)\n"
        "- Composite index on (`number`, `status`)\n"
    )
    assert findings(parse(text), facts, *INDEX_CODES) == []


def test_an_index_whose_fields_changed_takes_the_new_fields_and_keeps_its_words(parse: ParsePage) -> None:
    facts = changes.rename_field(FACTS, "orders.Order", "created_at", "placed_at")
    text = synced(parse(PAGE), facts)
    assert "- `orders_status_created_idx` on (`status`, `placed_at`): the expiry scan\n" in text
    assert findings(parse(text), facts, *INDEX_CODES) == []


def test_an_index_whose_fields_changed_is_written_again_when_words_stand_between_them(parse: ParsePage) -> None:
    facts = changes.rename_field(FACTS, "orders.Order", "created_at", "placed_at")
    worded = PAGE.replace("on (`status`, `created_at`)", "on `status`, then newest `created_at`")
    text = synced(parse(worded), facts)
    assert "- `orders_status_created_idx` index on (`status`, `placed_at`)\n" in text
    assert "newest" not in text
    assert findings(parse(text), facts, *INDEX_CODES) == []


def test_a_renamed_index_keeps_its_words_under_its_new_name(parse: ParsePage) -> None:
    model = FACTS.models[0]
    indexes = tuple(
        dataclasses.replace(index, name="orders_stat_created_idx") if index.name == "orders_status_created_idx" else index
        for index in model.indexes
    )
    facts = dataclasses.replace(FACTS, models=(dataclasses.replace(model, indexes=indexes), *FACTS.models[1:]))
    page = parse(PAGE)
    assert [f.code for f in findings(page, facts, *INDEX_CODES)] == ["FD304"]
    text = synced(page, facts)
    assert text == PAGE.replace("`orders_status_created_idx`", "`orders_stat_created_idx`")
    assert findings(parse(text), facts, *INDEX_CODES) == []


def test_sync_twice_changes_nothing_more(parse: ParsePage) -> None:
    facts = changes.rename_field(FACTS, "orders.Order", "created_at", "created_on")
    facts = changes.add_field(facts, "orders.Order", "note", "TextField")
    once = synced_page(parse(PAGE), facts)
    assert synced(once, facts) == once.text


def test_a_model_without_a_fields_list_gets_none(parse: ParsePage) -> None:
    source = PAGE.split("**Fields:**")[0] + "**Indexes:**" + PAGE.split("**Indexes:**")[1]
    facts = changes.add_field(FACTS, "orders.Order", "note", "TextField")
    assert synced(parse(source), facts) == source


def test_a_crlf_page_stays_crlf(parse: ParsePage) -> None:
    source = PAGE.replace("\n", "\r\n")
    facts = changes.add_field(FACTS, "orders.Order", "note", "TextField")
    facts = changes.remove_field(facts, "orders.Order", "total_cents")
    text = synced(parse(source, dedent=False), facts)
    assert text == source.replace(
        "- `total_cents` (PositiveIntegerField): Sum of the lines, in cents.\r\n", ""
    ).replace("When it was placed.\r\n", "When it was placed.\r\n- `note` (TextField): [Description]\r\n")


TABLE_PAGE = """\
# Orders

## Data Models

### Order

| Field | Type | Default | Notes |
| --- | --- | --- | --- |
| `number` | string | — | Printed on invoices, up to 12 characters |
| `status` | CharField | `paid` | Where the order is in its life |
| `total_cents` | integer | 0 | Sum of the lines |
| `notes_old` | text | — | Whatever the clerk wrote |
"""


def test_a_field_tables_stale_facts_are_corrected_in_place_and_its_rows_kept(parse: ParsePage) -> None:
    order = FACTS.models[0]
    fields = tuple(
        dataclasses.replace(f, max_length=20) if f.name == "number"
        else dataclasses.replace(f, has_default=True, default="'pending'") if f.name == "status"
        else dataclasses.replace(f, has_default=True, default="0") if f.name == "total_cents" else f
        for f in order.fields
    )
    facts = dataclasses.replace(FACTS, models=(dataclasses.replace(order, fields=fields),))
    page = parse(TABLE_PAGE)
    assert sorted(f.code for f in findings(page, facts, "FD303", "FD308")) == ["FD303", "FD308"]
    text = synced(page, facts)
    assert text == TABLE_PAGE.replace("up to 12 characters", "up to 20 characters").replace("`paid`", "`pending`")
    assert findings(parse(text), facts, "FD303", "FD308") == []


ALIGNED_TABLE_PAGE = """\
# Orders

## Data Models

### Order

| Field         | Type      | Default  | Notes                          |
| ------------- | --------- | -------- | ------------------------------ |
| `status`      | CharField | `paid`   | Where the order is in its life |
| `total_cents` | integer   | 0        | Sum of the lines               |
"""


def test_a_cell_of_a_table_whose_pipes_line_up_keeps_them_lined_up(parse: ParsePage) -> None:
    order = FACTS.models[0]
    fields = tuple(
        dataclasses.replace(f, has_default=True, default="'pending'") if f.name == "status"
        else dataclasses.replace(f, has_default=True, default="7") if f.name == "total_cents" else f
        for f in order.fields
    )
    facts = dataclasses.replace(FACTS, models=(dataclasses.replace(order, fields=fields),))
    text = synced(parse(ALIGNED_TABLE_PAGE), facts)
    assert text == ALIGNED_TABLE_PAGE.replace("| `paid`   |", "| `pending` |").replace("| 0        |", "| 7        |")
    lengthened = ALIGNED_TABLE_PAGE.replace("| `paid`   |", "| `paid`     |").replace("| Default  |", "| Default    |")
    lengthened = lengthened.replace("| -------- |", "| ---------- |").replace("| 0        |", "| 0          |")
    assert synced(parse(lengthened), facts) == lengthened.replace("| `paid`     |", "| `pending`  |").replace(
        "| 0          |", "| 7          |")
