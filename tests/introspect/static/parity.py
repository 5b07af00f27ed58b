"""Comparing static facts with live facts, area by area, with the documented exclusions."""

from __future__ import annotations

from featuredocs.model import EndpointFact, ModelFact, ProjectFacts, ResponseField


def field_rows(model: ModelFact) -> list[tuple[object, ...]]:
    """Every field's facts; a decimal's digits only for Django's own DecimalField, since a
    subclass may set them in ``__init__``, which static mode does not run."""
    return [
        (f.name, f.field_class, f.internal_type, f.related_model, f.reverse, f.null, f.blank,
         f.has_default, f.default, f.choices, f.unique, f.db_index, f.primary_key, f.column,
         f.query_name, f.inherited_from, f.help_text, f.many_to_many, f.is_relation, f.location,
         f.max_length, f.on_delete, *((f.max_digits, f.decimal_places) if f.field_class == "DecimalField" else ()))
        for f in model.fields
    ]


def model_row(model: ModelFact) -> tuple[object, ...]:
    return (model.module, model.abstract, model.proxy, model.bases, model.parents, model.ordering,
            model.managers, model.location, model.attributes, model.manager_methods, model.manager_annotations,
            model.methods)


def index_rows(model: ModelFact) -> set[tuple[object, ...]]:
    """Indexes without their location: live mode cannot place an unnamed ``Meta.indexes``
    entry (it matches entries to lines by name), static mode can."""
    return {(i.kind, i.fields, i.name, i.expressions, i.condition) for i in model.indexes}


def assert_same_models(live: ProjectFacts, static: ProjectFacts) -> None:
    assert [m.label for m in static.models] == [m.label for m in live.models]
    for model in live.models:
        twin = static.model(model.label)
        assert twin is not None, model.label
        assert field_rows(twin) == field_rows(model), model.label
        # a label static mode cannot read leaves the field without any, never with others
        labels = {f.name: f.choice_labels for f in model.fields}
        assert [f.name for f in twin.fields if f.choice_labels not in ((), labels[f.name])] == [], model.label
        assert model_row(twin) == model_row(model), model.label
        assert index_rows(twin) == index_rows(model), model.label
        located = {i.fields: i.location for i in model.indexes if i.location is not None}
        assert {i.fields: i.location for i in twin.indexes if i.fields in located} == located


def assert_same_commands(live: ProjectFacts, static: ProjectFacts) -> None:
    """Project commands identical; other commands' options right, or marked incomplete.

    Options a command adds from data only the running project has (createsuperuser's
    ``--username``, the test runner's options) cannot be read: such commands have
    ``options_complete`` False. Choices computed at run time (``tuple(connections)``) are None.
    """
    assert [(c.name, c.app, c.project) for c in static.commands] == [
        (c.name, c.app, c.project) for c in live.commands]
    for command in live.commands:
        twin = static.command(command.name)
        assert twin is not None
        if command.project:
            assert (twin.help, twin.location, twin.options, twin.options_complete) == (
                command.help, command.location, command.options, command.options_complete), command.name
            continue
        real = {o.flags: o for o in command.options if o.flags}
        read = {o.flags: o for o in twin.options if o.flags}
        assert set(read) <= set(real), command.name
        if twin.options_complete:
            assert set(read) == set(real), command.name
        for flags, option in read.items():
            assert option.default in (None, real[flags].default) or not real[flags].default, flags
            assert option.choices in (None, real[flags].choices), (command.name, flags)


def assert_same_settings(live: ProjectFacts, static: ProjectFacts) -> None:
    assert [s.name for s in static.settings] == [s.name for s in live.settings]
    def rows(facts: ProjectFacts) -> list[tuple[object, ...]]:
        return [(s.name, s.keys, s.project, s.secret, s.location) for s in facts.settings]

    assert rows(static) == rows(live)
    assert {s.name: s.value for s in static.settings if s.project} == {
        s.name: s.value for s in live.settings if s.project}


def shape(fields: tuple[ResponseField, ...] | None) -> object:
    if fields is None:
        return None
    return [(f.name, f.many, f.type, shape(f.children)) for f in fields]


def endpoint_row(endpoint: EndpointFact) -> tuple[object, ...]:
    """The view and app come last: rows drop them where the two modes may differ.

    A view outside the project (no location: the admin's, ninja's docs) is not read in
    static mode, which cannot tell whether it reads the query string only in ways a list
    shows (it says False); live mode reads a view function's own body.
    """
    unread = endpoint.location is None and endpoint.framework == "django"
    return (endpoint.path, endpoint.methods, endpoint.name, endpoint.path_params, endpoint.path_converters,
            endpoint.query_params, None if unread else endpoint.query_params_complete,
            shape(endpoint.response),
            endpoint.paginated, endpoint.pagination_keys, endpoint.framework, endpoint.location,
            endpoint.format_suffix, endpoint.view, endpoint.app)
