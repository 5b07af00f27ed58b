"""Code changes applied to ProjectFacts, the way a developer's commit changes the project.

Each function returns new facts; nothing is mutated. They are the "code" side of the sync
tests: a field added, removed or retyped, an option added, removed or given a new
default, an environment default or a cache timeout changed, a variable read by new code.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Callable

from featuredocs.model import (
    CacheKeyFact,
    CommandFact,
    EnvVarFact,
    FieldFact,
    IndexFact,
    ModelFact,
    OptionFact,
    ProjectFacts,
    SourceLocation,
)

RELATIONS = frozenset({"ForeignKey", "OneToOneField"})


def _with_model(facts: ProjectFacts, label: str, change: Callable[[ModelFact], ModelFact]) -> ProjectFacts:
    models = tuple(change(m) if m.label == label else m for m in facts.models)
    return dataclasses.replace(facts, models=models)


def _with_command(facts: ProjectFacts, name: str, change: Callable[[CommandFact], CommandFact]) -> ProjectFacts:
    commands = tuple(change(c) if c.name == name else c for c in facts.commands)
    return dataclasses.replace(facts, commands=commands)


def model_file(model: ModelFact) -> str:
    own = [f.location.path for f in model.fields if f.location and not f.location.path.startswith("core/")]
    return own[0] if own else f"{model.app_label}/models.py"


def add_field(facts: ProjectFacts, label: str, name: str, field_class: str, related: str | None = None) -> ProjectFacts:
    def change(model: ModelFact) -> ModelFact:
        relation = field_class in RELATIONS
        field = FieldFact(
            name=name,
            field_class=field_class,
            internal_type=field_class,
            column=f"{name}_id" if relation else name,
            related_model=related if relation else None,
            is_relation=relation,
            location=SourceLocation(model_file(model), 90),
        )
        indexes = model.indexes
        if relation:
            indexes += (IndexFact("db_index", (name,), location=field.location),)
        return dataclasses.replace(model, fields=model.fields + (field,), indexes=indexes)

    return _with_model(facts, label, change)


def remove_field(facts: ProjectFacts, label: str, name: str) -> ProjectFacts:
    """The field goes, and with it every index that used it."""

    def change(model: ModelFact) -> ModelFact:
        fields = tuple(f for f in model.fields if f.name != name)
        indexes = tuple(i for i in model.indexes if name not in {n.lstrip("-") for n in i.fields})
        return dataclasses.replace(model, fields=fields, indexes=indexes)

    return _with_model(facts, label, change)


def rename_field(facts: ProjectFacts, label: str, old: str, new: str) -> ProjectFacts:
    def change(model: ModelFact) -> ModelFact:
        fields = tuple(
            dataclasses.replace(f, name=new, column=new if f.column == old else f.column) if f.name == old else f
            for f in model.fields
        )
        indexes = tuple(
            dataclasses.replace(i, fields=tuple(new if n == old else n for n in i.fields)) for i in model.indexes
        )
        return dataclasses.replace(model, fields=fields, indexes=indexes)

    return _with_model(facts, label, change)


def retype_field(facts: ProjectFacts, label: str, name: str, field_class: str) -> ProjectFacts:
    def change(model: ModelFact) -> ModelFact:
        fields = tuple(
            dataclasses.replace(f, field_class=field_class, internal_type=field_class) if f.name == name else f
            for f in model.fields
        )
        return dataclasses.replace(model, fields=fields)

    return _with_model(facts, label, change)


def add_index(facts: ProjectFacts, label: str, fields: tuple[str, ...], name: str) -> ProjectFacts:
    def change(model: ModelFact) -> ModelFact:
        index = IndexFact("index", fields, name=name, location=SourceLocation(model_file(model), 95))
        return dataclasses.replace(model, indexes=model.indexes + (index,))

    return _with_model(facts, label, change)


def add_option(facts: ProjectFacts, command: str, flag: str, default: str | None, help: str) -> ProjectFacts:
    option = OptionFact(
        dest=flag.lstrip("-").replace("-", "_"),
        flags=(flag,),
        action="store" if default is not None else "store_true",
        default=default if default is not None else "False",
        type="int" if default is not None and default.isdigit() else None,
        help=help,
    )
    return _with_command(facts, command, lambda c: dataclasses.replace(c, options=c.options + (option,)))


def remove_option(facts: ProjectFacts, command: str, flag: str) -> ProjectFacts:
    return _with_command(
        facts, command, lambda c: dataclasses.replace(c, options=tuple(o for o in c.options if flag not in o.flags))
    )


def set_option_default(facts: ProjectFacts, command: str, flag: str, default: str) -> ProjectFacts:
    def change(c: CommandFact) -> CommandFact:
        options = tuple(dataclasses.replace(o, default=default) if flag in o.flags else o for o in c.options)
        return dataclasses.replace(c, options=options)

    return _with_command(facts, command, change)


def set_env_default(facts: ProjectFacts, name: str, default: str) -> ProjectFacts:
    env_vars = tuple(
        dataclasses.replace(v, default=default, has_default=True, required=False) if v.name == name else v
        for v in facts.env_vars
    )
    return dataclasses.replace(facts, env_vars=env_vars)


def require_env(facts: ProjectFacts, name: str) -> ProjectFacts:
    env_vars = tuple(
        dataclasses.replace(v, default=None, has_default=False, required=True) if v.name == name else v
        for v in facts.env_vars
    )
    return dataclasses.replace(facts, env_vars=env_vars)


def add_env(facts: ProjectFacts, name: str, default: str | None, path: str) -> ProjectFacts:
    var = EnvVarFact(
        name=name,
        required=default is None,
        has_default=default is not None,
        default=default,
        locations=(SourceLocation(path, 7),),
    )
    return dataclasses.replace(facts, env_vars=facts.env_vars + (var,))


def remove_env(facts: ProjectFacts, name: str) -> ProjectFacts:
    return dataclasses.replace(facts, env_vars=tuple(v for v in facts.env_vars if v.name != name))


def set_ttl(facts: ProjectFacts, pattern: str, seconds: int) -> ProjectFacts:
    def change(key: CacheKeyFact) -> CacheKeyFact:
        if key.pattern == pattern and key.timeout is not None:
            return dataclasses.replace(key, timeout=seconds, timeout_source=str(seconds))
        return key

    return dataclasses.replace(facts, cache_keys=tuple(change(k) for k in facts.cache_keys))


def rename_key(facts: ProjectFacts, pattern: str, new: str) -> ProjectFacts:
    """Every call of ``pattern`` builds ``new`` instead, with the same names in its holes."""
    def change(key: CacheKeyFact) -> CacheKeyFact:
        if key.pattern != pattern:
            return key
        names = iter(re.findall(r"\{[^{}]*\}", key.raw))
        raw = re.sub(r"\{\}", lambda hole: next(names), new)
        return dataclasses.replace(key, pattern=new, raw=f'f"{raw}"')

    return dataclasses.replace(facts, cache_keys=tuple(change(k) for k in facts.cache_keys))


def add_key(facts: ProjectFacts, pattern: str) -> ProjectFacts:
    """A new call that stores ``pattern``, its holes named ``pk``."""
    raw = 'f"' + pattern.replace("{}", "{pk}") + '"'
    key = CacheKeyFact(pattern, raw, "set", 60, "60", SourceLocation("orders/views.py", 90))
    return dataclasses.replace(facts, cache_keys=facts.cache_keys + (key,))
