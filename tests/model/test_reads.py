"""Recording what the rules read of the facts, and telling which reads a change touches."""

from __future__ import annotations

import dataclasses

import pytest

from featuredocs.model import CommandFact, FieldFact, ModelFact, OptionFact, ProjectFacts, SourceLocation, changes, reads


def _facts(total: str = "IntegerField", extra_fields: tuple[FieldFact, ...] = ()) -> ProjectFacts:
    order = ModelFact("orders", "Order", "shop.orders.models", fields=(
        FieldFact("id", "BigAutoField", "BigAutoField", primary_key=True),
        FieldFact("total", total, total),
        *extra_fields,
    ))
    customer = ModelFact("orders", "Customer", "shop.orders.models", fields=(FieldFact("name", "CharField", "CharField"),))
    sync = CommandFact("sync", "shop.orders", options=(OptionFact("dry_run", ("--dry-run",), action="store_true"),))
    return ProjectFacts(root="/p", mode="live", models=(order, customer), commands=(sync,))


def _read_total_type(facts: ProjectFacts) -> str:
    return facts.models[0].fields[1].field_class


def _read_option_flags(facts: ProjectFacts) -> tuple[str, ...]:
    return facts.commands[0].options[0].flags


def _noted(facts: ProjectFacts, read) -> frozenset[int]:
    with reads.recording(facts), reads.page_reads() as noted:
        read(facts)
    return frozenset(noted)


def test_only_reads_inside_a_page_are_noted_and_the_classes_are_restored_after() -> None:
    facts = _facts()
    with reads.recording(facts):
        _read_total_type(facts)
        with reads.page_reads() as noted:
            _read_option_flags(facts)
    assert noted and noted == _noted(facts, _read_option_flags)
    assert noted.isdisjoint(_noted(facts, _read_total_type))
    assert type(FieldFact.__dict__["field_class"]).__name__ == "member_descriptor"
    with reads.page_reads() as outside:
        _read_option_flags(facts)
    assert outside == set()


def test_a_changed_value_touches_the_reads_of_it_and_no_other() -> None:
    old, new = _facts(), _facts(total="BigIntegerField")
    change = changes.facts_change(old, new)
    assert change.carried(_noted(old, _read_total_type)) is None
    flags = _noted(old, _read_option_flags)
    assert change.carried(flags) == flags


def test_equal_facts_touch_no_read_of_a_field() -> None:
    old = _facts()
    change = changes.facts_change(old, _facts())
    for read in (_read_total_type, _read_option_flags):
        noted = _noted(old, read)
        assert change.carried(noted) == noted


def test_a_longer_tuple_touches_its_readers_and_renumbers_the_reads_after_it() -> None:
    old = _facts()
    new = _facts(extra_fields=(FieldFact("note", "TextField", "TextField"),))
    change = changes.facts_change(old, new)

    def read_field_names(facts: ProjectFacts) -> list[str]:
        return [field.name for field in facts.models[0].fields]

    assert change.carried(_noted(old, read_field_names)) is None
    assert change.carried(_noted(old, _read_option_flags)) == _noted(new, _read_option_flags)
    assert _noted(old, _read_option_flags) != _noted(new, _read_option_flags)


def test_reads_while_building_for_every_page_are_shared() -> None:
    facts = _facts()
    with reads.recording(facts):
        with reads.page_reads() as noted, reads.shared():
            _read_total_type(facts)
        shared = reads.take_shared()
        assert reads.take_shared() == frozenset()
    assert noted == set() and shared == _noted(facts, _read_total_type)


def test_an_entry_cached_by_identity_notes_one_group_of_its_reads_at_every_use() -> None:
    built = []

    @reads.by_identity(limit=8)
    def names(model: ModelFact) -> tuple[str, ...]:
        built.append(model.name)
        return tuple(field.name for field in model.fields)

    facts = _facts()
    order = facts.models[0]
    with reads.recording(facts):
        with reads.page_reads() as first:
            names(order)
        with reads.page_reads() as second:
            names(order)
        groups = reads.take_groups()
    assert built == ["Order"] and len(first) == 1 and first == second
    (group,) = first
    assert groups == {group: _noted(facts, lambda facts: (order.name, *(field.name for field in order.fields)))}
    with reads.recording(facts), reads.page_reads() as third:
        names(order)  # a new recording builds again, noting as it goes
    assert built == ["Order", "Order"] and third == first  # named by what it holds

    renamed = dataclasses.replace(facts, models=(dataclasses.replace(order, fields=(
        order.fields[0], dataclasses.replace(order.fields[1], name="amount"))), facts.models[1]))
    touched, carried = changes.facts_change(facts, renamed).groups_touched(groups)
    assert touched == {group} and carried == {}
    touched, carried = changes.facts_change(facts, _facts(total="BigIntegerField")).groups_touched(groups)
    assert touched == frozenset() and carried == groups  # the field's type is not in the group


def test_the_lookup_tables_by_name_change_with_the_names() -> None:
    old = _facts()
    renamed = dataclasses.replace(old, commands=(dataclasses.replace(old.commands[0], name="resync"),))

    def look_up(facts: ProjectFacts) -> CommandFact | None:
        return facts.command("sync")

    noted = _noted(old, look_up)
    assert changes.facts_change(old, _facts()).carried(noted) == noted
    assert changes.facts_change(old, renamed).carried(noted) is None


def test_a_key_asked_of_a_keyed_index_is_touched_only_when_that_key_changes(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(reads.KEYED, "test modules", lambda facts: {"modules": facts.modules})
    old = dataclasses.replace(_facts(), modules=frozenset({"shop.orders"}))
    new = dataclasses.replace(old, modules=frozenset({"shop.orders", "shop.billing"}))

    known = reads.KeySet("test modules", "modules", old.modules)  # as an index built unnoted holds them

    def asks(name: str):
        def ask(facts: ProjectFacts) -> bool:
            return name in known
        return ask

    with reads.recording(old), reads.page_reads() as emptiness:
        bool(known)
    change = changes.facts_change(old, new)
    orders, billing = _noted(old, asks("shop.orders")), _noted(old, asks("shop.billing"))
    assert change.carried(orders) == orders and change.carried(frozenset(emptiness)) == emptiness
    assert change.carried(billing) is None


def test_a_question_is_touched_only_when_the_new_facts_answer_it_differently(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(reads.ANSWERS, "test models", None)  # restored after the test

    def models_named(facts: ProjectFacts, name: str) -> tuple[ModelFact, ...]:
        return tuple(model for model in facts.models if model.name.startswith(name))

    ask = reads.asking("test models", models_named, reading=("models",))
    old = _facts()
    spare = ModelFact("orders", "Refund", "shop.orders.models")
    new = dataclasses.replace(old, models=(*old.models, spare))

    def asks(name: str):
        return lambda facts: ask(facts, name)

    with reads.recording(old):
        with reads.page_reads() as customer:
            (found,) = ask(old, "Cust")
            assert found.name == "Customer"  # read after the answer: noted as usual
        with reads.page_reads() as refund:
            assert ask(old, "Ref") == ()
        questions = reads.take_questions()
        assert sorted(question for _, question in questions.values()) == ["Cust", "Ref"]
        assert reads.take_questions() == {}
    change = changes.facts_change(old, new)
    seen = change.with_changed(change.answered_differently(questions))
    assert seen.carried(frozenset(refund)) is None  # a new answer: the model added
    assert seen.carried(frozenset(customer)) is not None  # the same model, lined up
    assert _noted(old, asks("Cust")) < frozenset(customer)  # the same question, noted alike


def test_moved_lines_touch_the_reads_of_the_line_not_of_the_file() -> None:
    def at(line: int) -> ProjectFacts:
        field = FieldFact("total", "IntegerField", "IntegerField", location=SourceLocation("orders/models.py", line))
        return dataclasses.replace(_facts(), models=(ModelFact("orders", "Order", "m", fields=(field,)),))

    def file_of(facts: ProjectFacts) -> str:
        return facts.models[0].fields[0].location.path

    def line_of(facts: ProjectFacts) -> int:
        return facts.models[0].fields[0].location.line

    change = changes.facts_change(at(7), at(9))
    assert change.carried(_noted(at(7), file_of)) is not None
    assert change.carried(_noted(at(7), line_of)) is None


def test_a_new_model_leaves_the_reads_of_the_others_carried_over() -> None:
    old = _facts()
    refund = ModelFact("orders", "Refund", "shop.orders.models", fields=(FieldFact("reason", "TextField", "TextField"),))
    new = dataclasses.replace(old, models=(refund, *old.models))

    def customer_name_type(facts: ProjectFacts) -> str:
        customer = next(m for m in reversed(facts.models) if m.name == "Customer")
        return customer.fields[0].field_class

    before, after = old.models[1], new.models[2]  # as an index built unnoted holds them
    with reads.recording(old), reads.page_reads() as noted:
        found = before.fields[0].field_class
    with reads.recording(new), reads.page_reads() as again:
        assert after.fields[0].field_class == found
    change = changes.facts_change(old, new)
    assert change.carried(frozenset(noted)) == again
    assert change.carried(_noted(old, customer_name_type)) is None  # it went through the models
