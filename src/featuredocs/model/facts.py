"""ProjectFacts: what the Django project really contains, as plain frozen data.

Produced by ``featuredocs.introspect`` (live or static), read by the rules and the
generators, serialised to JSON by ``featuredocs facts`` and the cache. Values that came
from code (defaults, setting values) are kept as ``repr``-like strings, secrets masked.
Every class gets :func:`quick_init`: introspecting a large project builds tens of thousands.
"""

from __future__ import annotations

import ast
import hashlib
import json
from dataclasses import dataclass, field

from featuredocs.model.endpoint_facts import EndpointFact
from featuredocs.model.frozen import memo_field, pickled_without_memos, quick_init
from featuredocs.model.location import SourceLocation
from featuredocs.model.serialize import from_jsonable, to_json_text, to_jsonable


@quick_init
@dataclass(frozen=True, slots=True)
class AppFact:
    label: str  # "orders"
    name: str  # dotted module, "shop.orders"
    path: str  # relative to the project root; "" for apps outside it
    project: bool  # True for the project's own apps, False for django.contrib and packages


@quick_init
@dataclass(frozen=True, slots=True)
class FieldFact:
    """A model field or relation as ``_meta.get_fields()`` sees it.

    ``field_class`` is the class name (``CharField``, ``ForeignKey``); ``internal_type`` is
    ``get_internal_type()``; ``related_model`` is a label (``auth.User``). ``default`` is the
    default's repr, or None when the field has none (``has_default`` False). ``choices``
    are the stored values, flattened out of their groups; ``choice_labels`` the label of
    each, in the same order, or empty when the labels could not be read.
    """

    name: str
    field_class: str
    internal_type: str
    column: str | None = None
    related_model: str | None = None
    null: bool = False
    blank: bool = False
    has_default: bool = False
    default: str | None = None
    choices: tuple[str, ...] = ()
    choice_labels: tuple[str, ...] = ()
    help_text: str = ""
    primary_key: bool = False
    unique: bool = False
    db_index: bool = False
    is_relation: bool = False
    many_to_many: bool = False
    reverse: bool = False  # a reverse relation (``order.items``), not a concrete column
    auto_created: bool = False
    inherited_from: str | None = None  # label of the concrete parent model, if inherited
    location: SourceLocation | None = None
    query_name: str | None = None  # reverse relations: the ORM lookup name (``orderitem``)
    max_length: int | None = None  # ``max_length``, as the field class fills it in when not given
    max_digits: int | None = None  # a DecimalField's ``max_digits`` and ``decimal_places``
    decimal_places: int | None = None
    #: a forward relation's ``on_delete`` by name: ``CASCADE``, ``PROTECT``, ``SET_NULL``, ``SET``
    on_delete: str | None = None


@quick_init
@dataclass(frozen=True, slots=True)
class IndexFact:
    """An index or uniqueness rule, however it was declared.

    ``kind`` is one of ``db_index``, ``unique`` (field ``unique=True``), ``index``
    (``Meta.indexes``), ``index_together``, ``unique_together``, ``unique_constraint``,
    ``check_constraint`` (whose ``fields`` are those its condition looks up).
    ``fields`` may carry a leading ``-`` for descending order as Django writes it.
    """

    kind: str
    fields: tuple[str, ...]
    name: str | None = None
    expressions: tuple[str, ...] = ()
    condition: str | None = None
    location: SourceLocation | None = None


@quick_init
@dataclass(frozen=True, slots=True)
class MethodFact:
    """A method or property a model class of the project defines, at its ``def`` line."""

    name: str
    location: SourceLocation


@quick_init
@dataclass(frozen=True, slots=True)
class ModelFact:
    app_label: str
    name: str
    module: str  # "shop.orders.models"
    fields: tuple[FieldFact, ...] = ()
    indexes: tuple[IndexFact, ...] = ()
    attributes: tuple[str, ...] = ()  # methods, properties, managers, class attributes
    #: Where the project defines those of ``attributes`` that are methods or properties.
    methods: tuple[MethodFact, ...] = ()
    managers: tuple[str, ...] = ("objects",)
    #: What its managers and their querysets add to Django's API (``unpaid_older_than``).
    manager_methods: tuple[str, ...] = ()
    #: The names those methods add to the rows (``.annotate(line_total=…)``).
    manager_annotations: tuple[str, ...] = ()
    #: Whether ``manager_methods`` holds every method they add: each of their classes was
    #: read and none answers names it does not define (``__getattr__``).
    managers_known: bool = False
    #: Members of the choices classes it nests, with their class: ``Status.PAID``.
    choices_members: tuple[str, ...] = ()
    abstract: bool = False
    proxy: bool = False
    parents: tuple[str, ...] = ()  # labels of concrete parents (multi-table inheritance)
    bases: tuple[str, ...] = ()  # every class in the MRO that is a model, abstract included
    ordering: tuple[str, ...] = ()
    location: SourceLocation | None = None

    @property
    def label(self) -> str:
        return f"{self.app_label}.{self.name}"

    def method_location(self, name: str) -> SourceLocation | None:
        return next((method.location for method in self.methods if method.name == name), None)

    def field(self, name: str) -> FieldFact | None:
        for candidate in self.fields:
            if candidate.name == name or candidate.column == name:
                return candidate
        return None


@quick_init
@dataclass(frozen=True, slots=True)
class OptionFact:
    """One argparse action of a command's real parser.

    ``flags`` is empty for a positional. ``type`` is the converter's name (``int``,
    ``float``, ``str``, or another callable's name); ``default`` its repr (None when
    argparse would give None). ``base`` marks the options every command gets
    (``--verbosity``, ``--settings``, …), computed from ``BaseCommand().create_parser``.
    ``exclusive`` names the mutually exclusive group the option is in (``"1"``, or
    ``"sync 1"`` in a sub-parser), ``exclusive_required`` when one of it must be given.
    ``default_from`` is the expression a default read from the settings is written as
    (``settings.MEMBERSHIP["inactive_after_days"]``); ``default`` is then the value the
    settings module gives it with no environment variable set, when that is known.
    """

    dest: str
    flags: tuple[str, ...] = ()
    action: str = "store"  # store, store_true, store_false, store_const, append, count, help, version
    default: str | None = None
    type: str | None = None
    choices: tuple[str, ...] | None = None
    required: bool = False
    nargs: str | None = None  # None, "?", "*", "+", or a number as a string
    metavar: str | None = None
    help: str = ""
    base: bool = False
    subcommand: str | None = None  # set for options of a sub-parser: "sync", "cache clear"
    exclusive: str | None = None
    exclusive_required: bool = False
    default_from: str | None = None

    @property
    def positional(self) -> bool:
        return not self.flags

    @property
    def takes_value(self) -> bool:
        return self.action in {"store", "append", "extend"} and self.nargs != "0"


@quick_init
@dataclass(frozen=True, slots=True)
class CommandFact:
    """A management command. ``options_complete`` is False when ``options`` may lack some
    of the real parser's (static mode: options added by code it does not follow, or a
    command known by name only); a flag missing from such a list may still exist."""

    name: str
    app: str  # module of the app that provides it: "shop.orders", "django.core"
    options: tuple[OptionFact, ...] = ()
    help: str = ""
    project: bool = True  # provided by one of the project's own apps
    location: SourceLocation | None = None
    options_complete: bool = True

    def option(self, flag: str) -> OptionFact | None:
        for option in self.options:
            if flag in option.flags:
                return option
        return None


@quick_init
@dataclass(frozen=True, slots=True)
class SettingFact:
    """A setting. ``keys`` lists nested dict keys as dotted paths (``nested.sub_option``).

    ``defaults`` holds, for a project setting, each plain value the settings module gives
    it with no environment variable set, as ``(key path, value)``: ``""`` for the setting
    itself, a dotted path for a dict key. Strings are themselves, other values their repr
    (as :attr:`EnvVarFact.default`). Values that may be secret are left out.
    """

    name: str
    value: str  # repr, masked when secret
    secret: bool = False
    keys: tuple[str, ...] = ()
    project: bool = True  # defined in the project's settings module, not only Django's defaults
    location: SourceLocation | None = None
    defaults: tuple[tuple[str, str], ...] = ()

    def default_at(self, path: str) -> str | None:
        """The written default of the setting (``path`` "") or of one of its keys. A
        setting the project does not set has Django's default, or the one the code that
        reads it gives (``getattr(settings, "NAME", 20)``), when that is a plain string,
        number or boolean."""
        for key, value in self.defaults:
            if key == path:
                return value
        if self.project or path or self.secret:
            return None
        return _plain(self.value)


def _plain(shown: str) -> str | None:
    """A string as itself, a number or boolean as its repr, from a value's repr; None
    for any other value."""
    try:
        value = ast.literal_eval(shown)
    except (ValueError, SyntaxError, MemoryError, RecursionError):
        return None
    if isinstance(value, str):
        return value
    return repr(value) if isinstance(value, (bool, int, float)) else None


@quick_init
@dataclass(frozen=True, slots=True)
class EnvVarFact:
    """An environment variable the project reads.

    ``default`` is the default as written in code (a repr for non-strings, the string
    itself for strings), masked when the name looks secret. ``required`` when a read has
    no default (``os.environ["X"]``, ``env("X")`` without default).
    """

    name: str
    required: bool
    has_default: bool = False
    default: str | None = None
    cast: str | None = None  # bool, int, float, list, ...
    reader: str = "os.environ"  # os.environ, os.getenv, environ, decouple
    secret: bool = False
    locations: tuple[SourceLocation, ...] = ()


@quick_init
@dataclass(frozen=True, slots=True)
class CacheKeyFact:
    """A cache call with a key we could read.

    ``pattern`` has every interpolated part replaced by ``{}``: ``f"orders:{pk}:summary"``
    gives ``orders:{}:summary``; ``raw`` keeps the source text. ``timeout`` is in seconds,
    None when not given, not computable or None itself (``timeout_source`` then says what
    was written). ``never_expires`` tells the last case apart: the call stores the entry
    until it is deleted (``timeout=None``, written so or through a name or a setting).
    """

    pattern: str
    raw: str
    operation: str  # get, set, add, get_or_set, delete, get_many, set_many, ...
    timeout: int | None = None
    timeout_source: str | None = None
    location: SourceLocation | None = None
    never_expires: bool = False


@pickled_without_memos
@quick_init
@dataclass(frozen=True, slots=True)
class ProjectFacts:
    root: str
    mode: str  # live or static
    settings_module: str | None = None
    django_version: str | None = None
    apps: tuple[AppFact, ...] = ()
    models: tuple[ModelFact, ...] = ()
    commands: tuple[CommandFact, ...] = ()
    endpoints: tuple[EndpointFact, ...] = ()
    settings: tuple[SettingFact, ...] = ()
    env_vars: tuple[EnvVarFact, ...] = ()
    cache_keys: tuple[CacheKeyFact, ...] = ()
    symbols: frozenset[str] = frozenset()  # dotted names defined in the project's own code
    modules: frozenset[str] = frozenset()  # dotted module names of the project's own code
    url_prefixes: tuple[str, ...] = ()  # mount points of include()s, longest first
    warnings: tuple[str, ...] = field(default=(), compare=False)
    # Commands, settings and variables by name, made on the first lookup (rules ask
    # thousands of times per run); never pickled, so a copy in the cache stays small.
    _by_name: tuple[dict[str, CommandFact], dict[str, SettingFact], dict[str, EnvVarFact]] | None = memo_field()
    # The facts' compact JSON text, kept once written or read (the facts cache stores it),
    # and its hash.
    _text: str | None = memo_field()
    _fingerprint: str | None = memo_field()

    # --- lookups ---------------------------------------------------------------

    def model(self, name: str) -> ModelFact | None:
        """A model by label (``orders.Order``) or unambiguous bare name (``Order``)."""
        matches = self.models_named(name)
        return matches[0] if len(matches) == 1 else None

    def models_named(self, name: str) -> list[ModelFact]:
        if "." in name:
            app_label, _, model_name = name.rpartition(".")
            return [
                m for m in self.models
                if m.name.lower() == model_name.lower()
                and (m.app_label == app_label or m.module.startswith(app_label + "."))
            ]
        return [m for m in self.models if m.name == name] or [
            m for m in self.models if m.name.lower() == name.lower()
        ]

    def own_apps(self) -> tuple[AppFact, ...]:
        """The project's own apps: those with a folder inside the project."""
        return tuple(app for app in self.apps if app.project and app.path not in ("", "."))

    def command(self, name: str) -> CommandFact | None:
        return self._indexes()[0].get(name)

    def setting(self, name: str) -> SettingFact | None:
        return self._indexes()[1].get(name)

    def env_var(self, name: str) -> EnvVarFact | None:
        return self._indexes()[2].get(name)

    def _indexes(
        self,
    ) -> tuple[dict[str, CommandFact], dict[str, SettingFact], dict[str, EnvVarFact]]:
        indexes = self._by_name
        if indexes is None:
            # Filled from the back, so a name listed twice finds its first entry, as a scan did.
            indexes = (
                {command.name: command for command in reversed(self.commands)},
                {setting.name: setting for setting in reversed(self.settings)},
                {var.name: var for var in reversed(self.env_vars)},
            )
            object.__setattr__(self, "_by_name", indexes)
        return indexes

    # --- serialisation -----------------------------------------------------------

    def to_json(self) -> dict[str, object]:
        return to_jsonable(self)

    def to_json_text(self) -> str:
        """The facts as compact JSON with sorted keys: the text :meth:`fingerprint` hashes."""
        text = self._text
        if text is None:
            text = to_json_text(self)
            object.__setattr__(self, "_text", text)
        return text

    @classmethod
    def from_json(cls, data: dict[str, object]) -> ProjectFacts:
        return from_jsonable(cls, data)

    @classmethod
    def from_json_text(cls, text: str) -> ProjectFacts:
        """Facts from the text :meth:`to_json_text` wrote (a final newline aside). That text
        is what the fingerprint hashes and the facts cache stores, so the facts are not
        encoded again for either."""
        facts = cls.from_json(json.loads(text))
        object.__setattr__(facts, "_text", text.rstrip("\n"))
        return facts

    def fingerprint(self) -> str:
        """A stable hash of every fact, for cache keys."""
        known = self._fingerprint
        if known is None:
            known = hashlib.sha256(self.to_json_text().encode()).hexdigest()
            object.__setattr__(self, "_fingerprint", known)
        return known
