"""What a model's managers and their querysets add to Django's API, read from the source.

A manager is declared as ``OrderQuerySet.as_manager()``, ``OrderManager()``,
``models.Manager.from_queryset(OrderQuerySet)()``, or an instance of a module-level
``OrderManager = models.Manager.from_queryset(OrderQuerySet)``; a manager class's
``get_queryset`` may build its own queryset class (``return OrderQuerySet(self.model)``).
The public names these classes define, past Django's own manager and queryset classes,
are the methods a page may call on ``Order.objects`` beyond Django's API. A class whose
source cannot be read adds nothing: static facts then know fewer names, never wrong ones.
"""

from __future__ import annotations

import ast
from collections.abc import Iterator

from featuredocs.introspect.annotations import annotated_names
from featuredocs.introspect.locate import assigned_names
from featuredocs.introspect.static.classes import ClassRef, Classes
from featuredocs.introspect.static.model_meta import is_manager_value
from featuredocs.introspect.static.modules import Module

_MAX_DEPTH = 4  # from_queryset wrappers of wrappers
_DJANGO_MANAGER_MODULES = "django.db.models."  # as live introspection draws the line


def manager_classes(classes: Classes, ref: ClassRef, bases: list[ClassRef]) -> list[ClassRef]:
    """The project's classes behind the model's managers and the querysets they build,
    each once."""
    seen: set[str] = set()
    found = {found.dotted: found for behind in _managers(classes, ref, bases) for dotted in behind
             for found in _project_classes(classes, dotted, seen)}
    return list(found.values())


def manager_methods(refs: list[ClassRef]) -> tuple[str, ...]:
    """Sorted public names those classes (:func:`manager_classes`) define."""
    names: set[str] = set()
    for ref in refs:
        for statement in ref.node.body:
            if isinstance(statement, ast.FunctionDef | ast.AsyncFunctionDef):
                names.add(statement.name)
            elif isinstance(statement, ast.Assign | ast.AnnAssign):
                names.update(assigned_names(statement))
    return tuple(sorted(name for name in names if not name.startswith("_")))


def manager_annotations(refs: list[ClassRef]) -> tuple[str, ...]:
    """Sorted names the methods of those classes annotate (:mod:`..annotations`)."""
    return tuple(sorted({name for ref in refs for name in annotated_names(ref.node)}))


def managers_known(classes: Classes, ref: ClassRef, bases: list[ClassRef]) -> bool:
    """Whether :func:`manager_methods` names every method the model's managers and their
    querysets add: the model's classes and each manager's and queryset's are the
    project's or Django's own, all read here, and none answers names it does not define
    (``__getattr__``). A manager from a library is not read, so its methods are unknown."""
    if not all(_read_whole(classes, name) for name in classes.mro(ref.dotted)):
        return False
    return all(
        behind and all(_read_whole(classes, name) for dotted in behind for name in classes.mro(dotted))
        for behind in _managers(classes, ref, bases)
    )


def _managers(classes: Classes, ref: ClassRef, bases: list[ClassRef]) -> Iterator[list[str]]:
    """For each manager the model and its bases declare, the classes behind it (none
    when they cannot be read)."""
    for cls in [ref, *bases]:
        for statement in cls.node.body:
            if not isinstance(statement, ast.Assign | ast.AnnAssign) or statement.value is None:
                continue
            if is_manager_value(classes, cls, statement.value):
                yield list(_classes_of(classes, cls.module, statement.value, 0))


def _read_whole(classes: Classes, dotted: str) -> bool:
    if dotted.startswith(_DJANGO_MANAGER_MODULES) or dotted in {"object", "builtins.object"}:
        return True
    ref = classes.get(dotted)
    if ref is None or not ref.module.project:
        return False
    return not any(
        isinstance(statement, ast.FunctionDef) and statement.name == "__getattr__" for statement in ref.node.body
    )


def _classes_of(classes: Classes, module: Module, value: ast.expr, depth: int) -> Iterator[str]:
    """The manager and queryset classes behind a manager expression."""
    if depth > _MAX_DEPTH or not isinstance(value, ast.Call):
        return
    func = value.func
    if isinstance(func, ast.Attribute) and func.attr in {"as_manager", "from_queryset"}:
        if func.attr == "from_queryset":
            yield from _named(classes, module, func.value, depth)
            for argument in value.args[:1]:
                yield from _named(classes, module, argument, depth)
        else:
            yield from _named(classes, module, func.value, depth)
    elif isinstance(func, ast.Call):  # Manager.from_queryset(QuerySet)()
        yield from _classes_of(classes, module, func, depth + 1)
    else:
        yield from _named(classes, module, func, depth)


def _named(classes: Classes, module: Module, node: ast.expr, depth: int) -> Iterator[str]:
    dotted = classes.resolve(module, node)
    if not dotted:
        return
    if classes.get(dotted) is not None:
        yield dotted
        return
    found = classes.index.definition(dotted)  # OrderManager = Manager.from_queryset(...)
    if found is not None and isinstance(found[1], ast.Call):
        yield from _classes_of(classes, found[0], found[1], depth + 1)


def _project_classes(classes: Classes, dotted: str, seen: set[str]) -> Iterator[ClassRef]:
    """The classes of ``dotted``'s MRO past Django's, and of the querysets their
    ``get_queryset`` builds, each once."""
    if dotted in seen:
        return
    seen.add(dotted)
    for ref in classes.refs_in_mro(dotted):
        if ref.dotted.startswith(_DJANGO_MANAGER_MODULES):
            continue
        yield ref
        for statement in ref.node.body:
            if isinstance(statement, ast.FunctionDef | ast.AsyncFunctionDef) and statement.name == "get_queryset":
                for built in _built_querysets(classes, ref, statement):
                    yield from _project_classes(classes, built, seen)


def _built_querysets(
    classes: Classes, ref: ClassRef, method: ast.FunctionDef | ast.AsyncFunctionDef
) -> Iterator[str]:
    """Project classes ``get_queryset`` instantiates: ``return OrderQuerySet(self.model)``."""
    for node in ast.walk(method):
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Name | ast.Attribute):
            dotted = classes.resolve(ref.module, node.func)
            if dotted and dotted != ref.dotted and classes.get(dotted) is not None:
                yield dotted
