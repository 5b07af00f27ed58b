"""The per-run indexes answer exactly what scanning the facts answers."""

from __future__ import annotations

from featuredocs.rules.fd3_models.lookup import any_field, forward_field, is_attribute, reverse_field
from featuredocs.rules.fd3_models.resolve import model_index
from tests.rules.fd3.hand_facts import facts

NAMES = (
    "Invoice", "invoice", "INVOICE", "Item", "item", "Group", "group", "billing.Invoice",
    "billing.invoice", "catalog.Item", "orders.Item", "auth.Group", "customers.Group",
    "django.contrib.auth.Group", "billing.models.Invoice", "Nothing", "nothing.Item", "",
)


def test_models_by_name_as_the_facts_find_them():
    project = facts()
    index = model_index(project)
    for name in NAMES:
        assert index.named(name) == project.models_named(name), name
    assert model_index(project) is index  # built once per facts object
    assert model_index(facts()) is not index


def test_field_names_as_a_scan_of_the_fields_finds_them():
    for model in facts().models:
        names = {f.name for f in model.fields} | {f"{f.name}_id" for f in model.fields}
        names |= {f.column or "" for f in model.fields} | {f.query_name or "" for f in model.fields}
        names |= set(model.attributes) | set(model.managers) | {"pk", "nope", "objects"}
        for name in names:
            assert forward_field(model, name) == _scan_forward(model, name), (model.label, name)
            for query in (False, True):
                assert reverse_field(model, name, query=query) == next(
                    (f for f in model.fields if f.reverse
                     and name == ((f.query_name or f.name) if query else f.name)), None)
            if name in model.attributes or name in model.managers:
                assert is_attribute(model, name), (model.label, name)
        assert not is_attribute(model, "nope")
        assert any_field(model, "pk") == next((f for f in model.fields if f.primary_key), None)


def _scan_forward(model, name):
    for f in model.fields:
        if f.reverse:
            continue
        attname = f.is_relation and not f.many_to_many and bool(f.column)
        if name in {f.name, f.column} or (attname and name == f"{f.name}_id"):
            return f
    return None
