"""Query parameters DRF accepts through filter backends and pagination classes.

The view's ``filter_backends`` and ``pagination_class`` already carry DRF's defaults
(``DEFAULT_FILTER_BACKENDS``, ``DEFAULT_PAGINATION_CLASS``, ``PAGE_SIZE``) unless the view
overrides them. django-filter is read only when the project has loaded it.

A backend or paginator defined in the project may read parameters of its own in
``filter_queryset``, ``get_page_size`` and the like: their ``request.query_params`` reads
are added. One from another package reads what its source says, which is not followed:
the parameters are then incomplete.
"""

from __future__ import annotations

import ast
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from rest_framework.filters import OrderingFilter, SearchFilter
from rest_framework.pagination import (
    BasePagination,
    CursorPagination,
    LimitOffsetPagination,
    PageNumberPagination,
)

from featuredocs.introspect.param_defaults import ordering_default, size_default, size_maximum
from featuredocs.introspect.parsed import branches, per_run
from featuredocs.introspect.source_reads import QueryReads, class_attributes, query_reads
from featuredocs.introspect.urls.source import own_sources, parsed_source
from featuredocs.model import QueryParamFact

# Form field classes (by name, along the MRO) to the type a page would write.
_FORM_FIELD_TYPES = {
    "BooleanField": "boolean", "NullBooleanField": "boolean",
    "IntegerField": "integer", "DecimalField": "number", "FloatField": "number",
    "DateTimeField": "datetime", "DateField": "date", "TimeField": "time",
    "UUIDField": "string", "ChoiceField": "string", "CharField": "string",
    # a related object's primary key: its type is the related model's business
    "ModelChoiceField": None, "ModelMultipleChoiceField": None,
}


@dataclass(frozen=True, slots=True)
class Pagination:
    """What a pagination class adds: its parameters, and the envelope of its responses.

    ``paginates`` is False when the class would page only on request (no default page
    size), so a plain list is what clients get by default. ``complete`` is False when the
    class may read parameters ``params`` does not list.
    """

    params: tuple[QueryParamFact, ...]
    paginates: bool
    keys: tuple[str, ...]
    complete: bool = True


#: Modules of DRF's and django-filter's backends and paginators: what their classes read
#: from the query string is what this module lists for them.
_KNOWN_MODULES = ("rest_framework.filters", "rest_framework.pagination", "django_filters")


def backend_params(view_class: type, project_root: Path) -> QueryReads:
    params: list[QueryParamFact] = []
    complete = True
    for backend in getattr(view_class, "filter_backends", None) or ():
        if not isinstance(backend, type):
            complete = False  # an instance or a factory: what it reads is not in a class
            continue
        own = own_reads(backend, project_root)
        complete = complete and own.complete
        if _is_django_filter_backend(backend):
            params.extend(_filterset_params(backend, view_class))
        elif issubclass(backend, SearchFilter):
            if getattr(view_class, "search_fields", None):
                params.append(QueryParamFact(backend.search_param, "search", "string"))
        elif issubclass(backend, OrderingFilter):
            params.append(
                QueryParamFact(backend.ordering_param, "ordering", "string",
                               choices=_ordering_choices(view_class, backend),
                               default=_ordering_default(view_class, backend))
            )
        params.extend(own.params)
    return QueryReads(_first_per_name(params), complete)


@per_run
def own_reads(klass: type, project_root: Path) -> QueryReads:
    """The query-string reads of the project's own classes in ``klass``'s MRO; incomplete
    when a class from another package (not DRF's or django-filter's) is among them."""
    own = own_sources(klass, project_root)
    foreign = any(c is not object and c not in own and not _is_known(c) for c in klass.__mro__)
    reads = query_reads(map(parsed_source, own), class_attributes(klass))
    return QueryReads(reads.params, reads.complete and not foreign)


def _is_known(klass: type) -> bool:
    module = klass.__module__ or ""
    return any(module == known or module.startswith(known + ".") for known in _KNOWN_MODULES)


def _first_per_name(params: list[QueryParamFact]) -> tuple[QueryParamFact, ...]:
    merged: dict[str, QueryParamFact] = {}
    for param in params:
        merged.setdefault(param.name, param)
    return tuple(merged.values())


def _is_django_filter_backend(backend: type) -> bool:
    module = sys.modules.get("django_filters.rest_framework")
    base = getattr(module, "DjangoFilterBackend", None)
    return isinstance(base, type) and issubclass(backend, base)


def _filterset_params(backend: type, view_class: type) -> Iterator[QueryParamFact]:
    filterset = _filterset_class(backend, view_class)
    if filterset is not None:
        for name, filter_ in filterset.base_filters.items():
            yield QueryParamFact(
                name, "filterset", _filter_type(filter_),
                bool(filter_.extra.get("required", False)), _filter_choices(filter_),
            )
        return
    # No queryset to build a FilterSet from: the declaration still names the parameters.
    for name in _declared_filter_names(getattr(view_class, "filterset_fields", None)):
        yield QueryParamFact(name, "filterset")


def _filterset_class(backend: type, view_class: type) -> Any:
    """The FilterSet the backend would use, built from the class attributes alone."""
    queryset = getattr(view_class, "queryset", None)
    try:
        # ``get_filterset_class`` only reads attributes of the view; the class has them.
        return backend().get_filterset_class(view_class, queryset)
    except Exception:  # a mismatched model assertion, a broken Meta: unknown
        explicit = getattr(view_class, "filterset_class", None)
        return explicit if hasattr(explicit, "base_filters") else None


def _declared_filter_names(fields: Any) -> Iterator[str]:
    if isinstance(fields, dict):
        for name, lookups in fields.items():
            for lookup in lookups or ("exact",):
                yield name if lookup == "exact" else f"{name}__{lookup}"
    elif isinstance(fields, list | tuple):
        yield from (str(name) for name in fields)


def _filter_type(filter_: Any) -> str | None:
    field_class = getattr(filter_, "field_class", None)
    for klass in getattr(field_class, "__mro__", ()):
        if klass.__name__ in _FORM_FIELD_TYPES:
            return _FORM_FIELD_TYPES[klass.__name__]
    return None


def _filter_choices(filter_: Any) -> tuple[str, ...]:
    choices = filter_.extra.get("choices")
    if not isinstance(choices, list | tuple):
        return ()  # a callable may query the database: leave it
    return tuple(str(c[0]) if isinstance(c, list | tuple) else str(c) for c in choices)


def _ordering_choices(view_class: type, backend: type) -> tuple[str, ...]:
    fields = getattr(view_class, "ordering_fields", getattr(backend, "ordering_fields", None))
    if isinstance(fields, list | tuple):
        return tuple(str(f) for f in fields)
    return ()  # ``__all__`` or the serializer's fields: any of them


def _ordering_default(view_class: type, backend: type) -> str | None:
    """The view's ``ordering``, which DRF's filter applies when the parameter is left out;
    unknown when the backend decides otherwise or the view has none (the queryset's own
    order then holds, which the view may set anywhere)."""
    if backend.get_default_ordering is not OrderingFilter.get_default_ordering:
        return None
    return ordering_default(getattr(view_class, "ordering", None))


# --- pagination ---------------------------------------------------------------------------


def pagination(view_class: type, project_root: Path) -> Pagination | None:
    paginator = getattr(view_class, "pagination_class", None)
    if not (isinstance(paginator, type) and issubclass(paginator, BasePagination)):
        return None
    own = own_reads(paginator, project_root)
    if issubclass(paginator, PageNumberPagination):
        params = [QueryParamFact(paginator.page_query_param, "pagination", "integer")]
        params += _page_size_param(paginator)
        paginates = paginator.page_size is not None
    elif issubclass(paginator, LimitOffsetPagination):
        params = [
            QueryParamFact(paginator.limit_query_param, "pagination", "integer",
                           default=size_default(paginator.default_limit),
                           maximum=size_maximum(paginator.max_limit)),
            QueryParamFact(paginator.offset_query_param, "pagination", "integer"),
        ]
        paginates = paginator.default_limit is not None
    elif issubclass(paginator, CursorPagination):
        params = [QueryParamFact(paginator.cursor_query_param, "pagination", "string")]
        params += _page_size_param(paginator)
        paginates = paginator.page_size is not None
    else:  # a paginator of the project's own: it wraps the list, in keys we may read
        params, paginates = [], True
    params += own.params
    return Pagination(_first_per_name(params), paginates, envelope_keys(paginator), own.complete)


def _page_size_param(paginator: type) -> list[QueryParamFact]:
    name = getattr(paginator, "page_size_query_param", None)
    default = size_default(getattr(paginator, "page_size", None))
    maximum = size_maximum(getattr(paginator, "max_page_size", None))
    return [QueryParamFact(name, "pagination", "integer", default=default, maximum=maximum)] if name else []


@per_run
def envelope_keys(paginator: type) -> tuple[str, ...]:
    """Keys of the paginated body: the literal dict ``get_paginated_response`` returns,
    else the properties of ``get_paginated_response_schema``."""
    keys = _returned_dict_keys(paginator.get_paginated_response)
    if keys:
        return keys
    try:
        schema = paginator().get_paginated_response_schema({})
    except Exception:
        return ()
    properties = schema.get("properties") if isinstance(schema, dict) else None
    return tuple(properties) if isinstance(properties, dict) else ()


def _returned_dict_keys(func: Any) -> tuple[str, ...]:
    tree = parsed_source(func)
    if tree is None:
        return ()
    for node in branches(tree):
        if isinstance(node, ast.Return) and isinstance(node.value, ast.Call):
            body = node.value.args[0] if node.value.args else None
            keys = _literal_keys(body)
            if keys:
                return keys
    return ()


def _literal_keys(node: ast.AST | None) -> tuple[str, ...]:
    """Keys of ``{...}`` or of ``OrderedDict([("k", v), ...])``."""
    if isinstance(node, ast.Dict):
        items = node.keys
    elif isinstance(node, ast.Call) and node.args and isinstance(node.args[0], ast.List | ast.Tuple):
        items = [e.elts[0] if isinstance(e, ast.Tuple) and e.elts else None for e in node.args[0].elts]
    else:
        return ()
    keys = [k.value for k in items if isinstance(k, ast.Constant) and isinstance(k.value, str)]
    return tuple(keys) if len(keys) == len(items) else ()
