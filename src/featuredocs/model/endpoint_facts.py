"""The facts of the project's URL patterns: endpoints, their query parameters and the
fields of their responses (part of :class:`~featuredocs.model.facts.ProjectFacts`)."""

from __future__ import annotations

from dataclasses import dataclass

from featuredocs.model.frozen import quick_init
from featuredocs.model.location import SourceLocation


@quick_init
@dataclass(frozen=True, slots=True)
class QueryParamFact:
    """A query parameter an endpoint accepts; ``source`` says how we know. ``default`` is
    the repr of the value used when the parameter is left out, None when unknown (an
    ordering of several fields is written as the query string would: ``'-created_at,id'``).
    ``maximum`` is the most a count parameter takes: a page size or limit's cap (a
    paginator's ``max_page_size`` or ``max_limit``), or a django-ninja integer's bound
    (``Query(20, le=100)``); None when it has none or it is unknown."""

    name: str
    source: str  # filterset, search, ordering, pagination, request, ninja, format
    type: str | None = None
    required: bool = False
    choices: tuple[str, ...] = ()
    default: str | None = None
    maximum: int | None = None


@quick_init
@dataclass(frozen=True, slots=True)
class ResponseField:
    """A key of a response body; ``children`` for nested objects, ``many`` for lists.
    ``choices``: the values it takes, when a model serializer renders a model field
    declared with ``choices`` (as :attr:`FieldFact.choices <featuredocs.model.FieldFact>`
    writes them); empty when any value may come."""

    name: str
    children: tuple[ResponseField, ...] = ()
    many: bool = False
    type: str | None = None
    choices: tuple[str, ...] = ()


@quick_init
@dataclass(frozen=True, slots=True)
class EndpointFact:
    """One URL pattern with what it accepts.

    ``path`` is normalised: leading and trailing slash as Django matches them, parameters
    as ``{name}`` (``/api/orders/{pk}/``). ``methods`` is None when they are unknown (a plain
    function view with no decorator), otherwise upper-case names without HEAD/OPTIONS.
    ``response`` is None when the shape is unknown; ``paginated`` wraps it in
    ``count``/``next``/``previous``/``results`` (or the paginator's own keys).
    ``query_params_complete`` is False when something reads the query string in a way no
    list can show (a filter backend or paginator from another package, the query dict
    handed to a form): ``query_params`` may then lack some the endpoint accepts.
    ``format_suffix`` is True when the route has format-suffix twins (DRF's
    ``DefaultRouter``, ``format_suffix_patterns``): ``/orders.json`` and ``/orders/7.json``
    resolve to it too. The twins are not endpoints of their own.
    ``path_converters`` says, for each of ``path_params`` in turn, what the parameter
    accepts as the URL pattern writes it: a ``path()`` converter's name (``int``, ``str``,
    ``slug``, ``uuid``, ``path`` or a registered one's), or a ``re_path()`` group's regex
    (``[0-9]{4}``; a DRF router's lookup, ``[^/.]+`` by default); ``""`` when unknown.
    """

    path: str
    methods: tuple[str, ...] | None = None
    name: str | None = None  # URL name with namespace: "api:order-detail"
    view: str = ""  # dotted path of the view class or function
    path_params: tuple[str, ...] = ()
    path_converters: tuple[str, ...] = ()  # parallel to path_params: "int", "[0-9]{4}"
    query_params: tuple[QueryParamFact, ...] = ()
    response: tuple[ResponseField, ...] | None = None
    paginated: bool = False
    pagination_keys: tuple[str, ...] = ()
    app: str | None = None  # app label that owns the view
    framework: str = "django"  # django, drf, ninja
    location: SourceLocation | None = None
    query_params_complete: bool = True
    format_suffix: bool = False
