"""AppFacts and ModelFacts from the app registry, with source locations from the AST."""

from __future__ import annotations

import inspect
import sys
import types
from pathlib import Path
from typing import Any

from django.apps import apps
from django.db import models

from featuredocs.introspect.annotations import annotated_names
from featuredocs.introspect.locate import Locator, method_facts
from featuredocs.introspect.model_fields import field_facts, model_label
from featuredocs.introspect.model_indexes import index_facts
from featuredocs.introspect.sources import is_project_path
from featuredocs.model import AppFact, FieldFact, ModelFact

#: Names Django adds to every model class; not attributes a page documents.
_GENERATED = frozenset({"DoesNotExist", "MultipleObjectsReturned", "NotUpdated", "Meta"})
#: ``Model`` and its own bases: Django's API, the same on every model.
_DJANGO_MODEL_CLASSES = frozenset(models.Model.__mro__)
#: Where Django's own manager and queryset classes live: their API is every manager's.
DJANGO_MANAGER_MODULES = "django.db.models."


def collect_apps(locator: Locator) -> tuple[AppFact, ...]:
    facts = []
    for config in apps.get_app_configs():
        rel = locator.relative(config.path) if config.path else None
        # by folder, not module file: a namespace-package app has no __file__
        own = rel is not None and is_project_path(Path(config.path) / "__init__.py", locator.root)
        facts.append(AppFact(config.label, config.name, (rel or "") if own else "", own))
    return tuple(facts)


def collect_models(
    locator: Locator, project_apps: frozenset[str], warnings: list[str]
) -> tuple[ModelFact, ...]:
    """Every installed model, plus the abstract models the project defines or builds on."""
    concrete = list(apps.get_models())
    facts = []
    for model in [*concrete, *_abstract_models(concrete, project_apps)]:
        try:
            facts.append(model_fact(model, locator))
        except Exception as error:  # one odd model must not hide the others
            warnings.append(f"model {model_label(model)}: cannot be read ({_one_line(error)})")
    return tuple(facts)


def model_fact(model: type[models.Model], locator: Locator) -> ModelFact:
    meta = model._meta
    manager_classes = _manager_classes(model)
    fields = field_facts(model, locator)
    return ModelFact(
        app_label=meta.app_label,
        name=model.__name__,
        module=model.__module__,
        fields=fields,
        indexes=index_facts(model, locator) if not meta.abstract else _abstract_indexes(model, locator),
        attributes=attribute_names(model, fields),
        methods=method_facts(
            body for cls in model.__mro__ if (body := locator.class_body(cls)) is not None
        ),
        managers=tuple(m.name for m in meta.managers) if not meta.abstract else _abstract_managers(model),
        manager_methods=manager_methods(manager_classes),
        manager_annotations=manager_annotations(manager_classes, locator),
        managers_known=managers_known(model),
        choices_members=choices_members(model),
        abstract=bool(meta.abstract),
        proxy=bool(meta.proxy),
        parents=tuple(p._meta.label for p, link in meta.parents.items() if link is not None),
        bases=tuple(model_label(c) or c.__name__ for c in _model_bases(model)),
        ordering=tuple(str(o) for o in (meta.ordering or ())),
        location=locator.class_location(model),
    )


def _model_bases(model: type[models.Model]) -> list[Any]:
    return [
        c for c in model.__mro__[1:]
        if isinstance(c, type) and issubclass(c, models.Model) and c is not models.Model
    ]


def _abstract_models(concrete: list[type[models.Model]], project_apps: frozenset[str]) -> list[Any]:
    """Abstract bases in the MRO of installed models, and those the project's apps define."""
    found: dict[str, Any] = {}
    for model in concrete:
        for base in _model_bases(model):
            if base._meta.abstract:
                found.setdefault(f"{base.__module__}.{base.__qualname__}", base)
    loaded = _loaded_modules()
    for config in apps.get_app_configs():
        if config.name not in project_apps or config.models_module is None:
            continue
        for module in _modules_under(config.models_module.__name__, loaded):
            for _, value in _classes_of(module):
                if _is_own_abstract_model(value, module.__name__):
                    found.setdefault(f"{value.__module__}.{value.__qualname__}", value)
    return list(found.values())


def _loaded_modules() -> dict[str, list[tuple[str, Any]]]:
    """The imported modules by top-level package, in import order."""
    loaded: dict[str, list[tuple[str, Any]]] = {}
    for name, module in list(sys.modules.items()):
        if module is not None:
            loaded.setdefault(name.partition(".")[0], []).append((name, module))
    return loaded


def _modules_under(package: str, loaded: dict[str, list[tuple[str, Any]]]) -> list[Any]:
    """A ``models`` module, or every imported submodule of a ``models/`` package."""
    return [m for name, m in loaded.get(package.partition(".")[0], ())
            if name == package or name.startswith(package + ".")]


def _classes_of(module: Any) -> list[tuple[str, type]]:
    """``inspect.getmembers(module, inspect.isclass)``, read from the module's namespace
    when nothing (a ``__dir__``) can make its names differ from it."""
    namespace = getattr(module, "__dict__", None)
    plain = type(module) is types.ModuleType and isinstance(namespace, dict)
    if not plain or "__dir__" in namespace:
        return inspect.getmembers(module, inspect.isclass)
    classes = [(name, value) for name, value in namespace.items() if isinstance(value, type)]
    return sorted(classes, key=lambda item: item[0])


def _is_own_abstract_model(value: Any, module_name: str) -> bool:
    return (
        issubclass(value, models.Model)
        and value is not models.Model
        and value.__module__ == module_name
        and bool(getattr(value._meta, "abstract", False))
    )


def _abstract_indexes(model: type[models.Model], locator: Locator) -> tuple:
    try:
        return index_facts(model, locator)
    except Exception:  # abstract Meta options may refer to fields of future children
        return ()


def _abstract_managers(model: type[models.Model]) -> tuple[str, ...]:
    try:
        return tuple(m.name for m in model._meta.managers)
    except Exception:
        return ()


def manager_methods(classes: list[type]) -> tuple[str, ...]:
    """Public names the classes of a model's managers and of the querysets they build
    define (:func:`_manager_classes`)."""
    names = {name for cls in classes for name in vars(cls) if not name.startswith("_")}
    return tuple(sorted(names))


def manager_annotations(classes: list[type], locator: Locator) -> tuple[str, ...]:
    """The names the methods of those classes annotate (:mod:`.annotations`)."""
    names: set[str] = set()
    for cls in classes:
        body = locator.class_body(cls)
        if body is not None:
            names.update(annotated_names(body[1]))
    return tuple(sorted(names))


def _manager_classes(model: type[models.Model]) -> list[type]:
    """The classes of the model's managers and of the querysets they build, past Django's
    own (``from_queryset`` copies a queryset's methods into a class of Django's module;
    the queryset class itself names them).

    ``get_queryset()`` builds a queryset without touching the database; its class is the
    one a custom ``get_queryset`` returns, which ``as_manager`` and ``from_queryset`` do
    not show.
    """
    try:
        managers = list(model._meta.managers)
    except Exception:  # an abstract model's managers may need a concrete child
        return []
    found: dict[type, None] = {}
    for manager in managers:
        classes = list(type(manager).__mro__)
        try:
            classes.extend(type(manager.get_queryset()).__mro__)
        except Exception:  # a get_queryset that needs a request or more: its manager's names
            pass
        for cls in classes:
            if cls is not object and not cls.__module__.startswith(DJANGO_MANAGER_MODULES):
                found.setdefault(cls)
    return list(found)


def managers_known(model: type[models.Model]) -> bool:
    """Whether :func:`manager_methods` names every method the model's managers and their
    querysets add: each queryset could be built, and no class of theirs answers names it
    does not define (``__getattr__``)."""
    try:
        managers = list(model._meta.managers)
        querysets = [manager.get_queryset() for manager in managers]
    except Exception:  # a manager that needs more than the model to build its queryset
        return False
    classes = {cls for each in (*managers, *querysets) for cls in type(each).__mro__}
    return not any("__getattr__" in vars(cls) for cls in classes)


def choices_members(model: type[models.Model]) -> tuple[str, ...]:
    """``Status.PAID`` for each member of a choices class the model or its bases nest."""
    members: set[str] = set()
    for cls in model.__mro__:
        if cls in _DJANGO_MODEL_CLASSES:
            continue
        for name, value in vars(cls).items():
            if isinstance(value, type) and issubclass(value, models.Choices) and not name.startswith("_"):
                members.update(f"{name}.{member}" for member in value.names)
    return tuple(sorted(members))


def attribute_names(model: type[models.Model], fields: tuple[FieldFact, ...]) -> tuple[str, ...]:
    """Public methods, properties, managers and class attributes of the model and its bases.

    Skips ``models.Model``: its own API (``save``, ``delete``, …) is Django's, not the
    model's. Field descriptors are left out, since fields are listed on their own.
    """
    field_names = {f.name for f in fields} | {f"{f.name}_id" for f in fields if f.is_relation}
    field_names |= {f.column for f in fields if f.column}
    names: set[str] = set()
    for cls in model.__mro__:
        if cls in _DJANGO_MODEL_CLASSES:
            continue
        for name in vars(cls):
            if not name.startswith("_") and name not in _GENERATED and name not in field_names:
                names.add(name)
    return tuple(sorted(names))


def _one_line(error: BaseException) -> str:
    return f"{type(error).__name__}: {error}".splitlines()[0]
