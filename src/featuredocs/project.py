"""Finding the Django project and reading its facts, for every command alike."""

from __future__ import annotations

import sys
from collections.abc import Callable
from dataclasses import dataclass, field

from featuredocs.config import Config, settings_from_environment
from featuredocs.errors import UsageError
from featuredocs.model import HeardInputs, ProjectFacts


@dataclass
class FactsOutcome:
    facts: ProjectFacts | None
    notes: list[str] = field(default_factory=list)  # one line each, for stderr
    #: What the project read while its facts were read (see ``introspect/inputs.py``).
    #: None when not all of it was heard: inside a process that already ran Django, its
    #: settings were imported before featuredocs could listen.
    inputs: HeardInputs | None = field(default_factory=HeardInputs)


def resolve_settings(config: Config) -> str | None:
    """``--settings`` / config, then ``DJANGO_SETTINGS_MODULE``, then ``manage.py``."""
    if config.settings:
        return config.settings
    from_env = settings_from_environment()
    if from_env:
        return from_env
    from featuredocs.introspect import find_settings_module

    return find_settings_module(config.root)


def load_facts(config: Config, *, child: bool = False, fork: bool = False) -> FactsOutcome:
    """Facts in the configured mode; ``auto`` falls back to static mode with a note.

    ``child``: set the project up in a fresh interpreter instead of this process, so this
    process can do other work meanwhile and stays free of the project's imports. ``fork``:
    the child reads the URLconf in a forked copy of itself meanwhile (two cores), for a
    process that has little to do while it waits.
    """
    settings = resolve_settings(config)
    if config.mode == "static":
        return _static(config, settings, [])
    if settings is None:
        if config.mode == "live":
            raise UsageError("no Django settings module found (use --settings)", str(config.root))
        return _static(config, None, [f"{config.root}: no Django settings module found"])
    return _live_outcome(config, settings, lambda: _live(config, settings, child, fork))


def start_facts(
    config: Config, *, child: bool = False, fork: bool = False, hear: bool = False,
) -> Callable[[], FactsOutcome]:
    """:func:`load_facts`, begun now and finished by calling what is returned.

    Inside a project that already runs Django (``python manage.py featuredocs``, the system
    checks), the settings were imported before featuredocs could hear what they read. When
    that must be heard (``hear``: the facts are to be kept for later runs), a fresh
    interpreter reads the facts all the same, importing from this process's ``sys.path``.
    Otherwise a ``child`` is a copy of this process forked now: the setup is not paid
    twice, and this process works meanwhile instead of taking turns with the reading for
    the interpreter (see :mod:`featuredocs.introspect.alongside`; with other threads
    running, or no fork, the facts are read here when asked). What the settings read is
    then not known: the outcome has no :attr:`~FactsOutcome.inputs`.
    """
    inside = child and not hear and config.mode != "static" and django_ready()
    settings = resolve_settings(config) if inside else None
    if settings is None:
        return lambda: load_facts(config, child=child, fork=fork)
    from featuredocs.introspect import collect_live
    from featuredocs.introspect.alongside import Alongside

    read = Alongside(fork=True).start(lambda: (collect_live(config.root, settings), None))
    return lambda: _live_outcome(config, settings, read)


def _live_outcome(
    config: Config, settings: str, read: Callable[[], tuple[ProjectFacts, HeardInputs | None]],
) -> FactsOutcome:
    """The facts ``read()`` gives; when the project cannot be imported, an error in live
    mode and static facts with a note in ``auto``."""
    try:
        facts, inputs = read()
        return FactsOutcome(facts, list(facts.warnings), inputs=inputs)
    except UsageError:
        raise
    except (Exception, SystemExit) as error:  # the project's own import errors
        reason = _reason(error)
        if config.mode == "live":
            raise UsageError(f"cannot import settings `{settings}`: {reason}") from None
        return _static(config, settings, [f"cannot import settings `{settings}`: {reason}"])


def _reason(error: BaseException) -> str:
    from featuredocs.introspect import ProjectImportError

    if isinstance(error, ProjectImportError):
        return error.reason
    text = str(error).strip()
    first = text.splitlines()[0] if text else ""
    return f"{type(error).__name__}: {first}" if first else type(error).__name__


def _live(config: Config, settings: str, child: bool, fork: bool) -> tuple[ProjectFacts, HeardInputs | None]:
    from featuredocs.introspect import ProjectImportError, collect_live, collect_live_in_child
    from featuredocs.introspect.import_path import normalized

    if child:
        running = django_ready()
        # A process that runs the project imports it from where its manage.py put it.
        path = normalized(sys.path) if running else ()
        try:
            return collect_live_in_child(config.root, settings, fork=fork, path=path)
        except ProjectImportError:
            if not running:
                raise
            # Only the running project imports: its manage.py did more than extend
            # sys.path. The facts are read here.
    return collect_live(config.root, settings), None


def django_ready() -> bool:
    """Whether this process already runs Django (``python manage.py featuredocs``)."""
    apps = getattr(sys.modules.get("django.apps"), "apps", None)
    return bool(getattr(apps, "ready", False))


def _static(config: Config, settings: str | None, notes: list[str]) -> FactsOutcome:
    from featuredocs.introspect.static import collect_static

    if notes:
        notes[-1] += "; falling back to static mode"
    facts = collect_static(config.root, settings)
    return FactsOutcome(facts, [*notes, *facts.warnings])
