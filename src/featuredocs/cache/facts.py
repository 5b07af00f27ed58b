"""The facts cache: a project whose inputs did not change is not set up again.

The key is everything the facts can depend on: the project's own source files, the
settings module and mode, the values of the environment variables the project reads
(names taken from the cached facts: those its code names, and those read while they
were read, see ``introspect/inputs.py``; every variable when it went over them all),
``PYTHONPATH``, the installed distributions (by version, and by their files when built
from a folder or a URL), the Python version and featuredocs itself; for static facts,
also the project's folders on ``sys.path``, which name its modules. A hit skips
``django.setup()`` entirely.

Source files are compared by their stamps (``stamps.py``): a ``touch``, a branch switched
back and forth, or a fresh checkout re-hashes the files (milliseconds) but does not set
Django up again, while an edit that keeps the size is still caught by its hash.

Other files count when the facts come from them: files the project reads while it is set
up (a JSON file its settings load, in the project or outside it) and code it imports from
outside the root (an editable sibling package) or from a hidden folder of it. The child
that reads the facts lists them (``HeardInputs.files``) and they are stamped like
sources from then on; so are the folders under the root the project lists while it is
set up (settings that load every file of a folder), by the names they hold.

The facts of the two latest states are kept: switching a branch back (or undoing an edit
of the code) finds the facts it had before, and a check then compares them with those
of the other state, as after any change of the facts.

Facts read inside a process that already runs Django cannot be keyed so: its settings
were imported, reading what they read, before featuredocs could listen. ``manage.py
featuredocs`` and the system checks read them in a child too, which imports from their
``sys.path`` (``introspect/import_path.py``): facts read with folders the console script
would not lend (its ``manage.py`` put them there) are taken only by a process that lends
the same. When even so a fresh interpreter cannot import the project, the facts read
in the running process are kept to compare the next facts with, but never looked up;
until an input they are keyed on changes, a fresh interpreter is not tried again. Nor
does that door look up the static facts the console script fell back to for such a
project in ``auto`` mode: it can read them live.
"""

from __future__ import annotations

import dataclasses
import os
import sys
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from featuredocs.cache.keys import content_digest, digest
from featuredocs.cache.recent import latest_first
from featuredocs.cache.stamps import Stamps, input_stamps, source_stamps, sources_digest
from featuredocs.cache.store import Store
from featuredocs.collector import collector_paused
from featuredocs.config import Config
from featuredocs.introspect.discover import SETTINGS_VARIABLE
from featuredocs.introspect.import_path import running_borrows, static_import_roots
from featuredocs.model import HeardInputs, ProjectFacts
from featuredocs.model.inputs import WHOLE_ENVIRONMENT

_DIST_SUFFIXES = (".dist-info", ".egg-info", ".egg-link", ".pth")
#: Marks the stored facts as ``(_FACTS_TEXT, ProjectFacts.to_json_text() or None)``.
_FACTS_TEXT = "facts-json-1"


@dataclass(frozen=True)
class FactsEntry:
    """The small half of a cached facts entry: enough to decide a hit."""

    sources: Stamps
    sources_digest: str
    environment: str  # see environment_digest
    env_names: tuple[str, ...]
    env_digest: str
    fingerprint: str  # ProjectFacts.fingerprint(), or "none"
    notes: list[str] = field(default_factory=list)
    input_files: tuple[str, ...] = ()  # stamped too, beside the source files
    #: False for facts read inside a process that already ran Django, whose inputs are
    #: not all known: they are kept to compare the next facts with, never looked up.
    heard: bool = True
    #: Static facts where live ones were asked for (``auto``): a fresh interpreter could
    #: not import the project. A process that runs it reads it live instead.
    static_fallback: bool = False
    #: The folders the facts' reader took from the process that runs the project, and
    #: its own sys.path (``introspect/import_path.py``): a process takes these facts
    #: only when it would lend the same folders.
    borrowed_path: tuple[str, ...] = ()
    fresh_path: tuple[str, ...] = ()
    #: Static facts: the folders the project's modules were named from, which depend on
    #: the reading process's sys.path: another process takes them only if it names alike.
    import_roots: tuple[str, ...] = ()


@dataclass
class Facts:
    """Facts for one run: the fingerprint at once, the facts themselves on demand."""

    fingerprint: str
    notes: list[str]
    hit: bool
    _facts: ProjectFacts | None = None
    _load: Callable[[], ProjectFacts | None] | None = None

    def get(self) -> ProjectFacts | None:
        if self._load is not None:
            self._facts, self._load = self._load(), None
        return self._facts


def facts_key(config: Config, settings: str | None) -> str:
    return digest(str(config.root), settings, config.mode, sys.version, sys.implementation.cache_tag)


def keyed_variables(facts: ProjectFacts, read: tuple[str, ...]) -> tuple[str, ...]:
    """The environment variables facts are keyed on: those the code names, and those
    ``read`` while they were read (``HeardInputs.variables``)."""
    return tuple(sorted({v.name for v in facts.env_vars}.union(read)))


def environment_digest() -> str:
    """Installed distributions (their metadata folders name and version them), the files
    of those built from a folder or a URL, Python, and the PYTHONPATH the process that
    reads the facts imports from (the same module may be found elsewhere under another).

    Python is known by the file it runs from: the console script's shebang says
    ``bin/python``, ``python3 -m featuredocs`` finds ``bin/python3``, and a relative call
    keeps its ``..``; all three read the same facts. Which virtualenv it is shows in the
    distributions' folders."""
    names: list[str] = []
    for entry in sys.path:
        try:
            listed = os.listdir(entry or ".")
        except OSError:
            continue
        for name in listed:
            if name.endswith(_DIST_SUFFIXES):
                names.append(f"{entry}/{name}{_built_here(os.path.join(entry, name))}")
    return digest(sys.version, os.path.realpath(sys.executable), os.environ.get("PYTHONPATH"), *sorted(names))


def _built_here(metadata: str) -> str:
    """For a distribution installed from a folder, a file or a VCS URL rather than an
    index (its ``direct_url.json`` says so), a digest of its ``RECORD``: the hash of every
    file it installed. A monorepo's own library keeps its version while its code changes,
    and a CI job reinstalls it on every run; a release from an index never changes, so
    its RECORD is not read (Django's alone is half a megabyte)."""
    if not metadata.endswith(".dist-info") or not os.path.isfile(os.path.join(metadata, "direct_url.json")):
        return ""
    try:
        with open(os.path.join(metadata, "RECORD"), "rb") as stream:
            return f"@{content_digest(stream.read())}"
    except OSError:
        return ""


def env_digest(names: tuple[str, ...]) -> str:
    """The values of the environment variables the project reads, but the settings module:
    the facts are read with the module the key names (``manage.py featuredocs`` sets the
    variable, the console script leaves it to be found), never with this process's value.

    A project that goes over the whole environment (:data:`WHOLE_ENVIRONMENT`) reads every
    variable, but those that differ from one shell, hook or ``make`` to the next without
    configuring anything: these count only when the project reads them by name."""
    named = [(name, os.environ.get(name)) for name in names if name != SETTINGS_VARIABLE]
    if WHOLE_ENVIRONMENT in names:
        named += sorted((name, value) for name, value in os.environ.items() if not _per_invocation(name))
    return digest(*named)


#: Variables set anew by each shell, terminal, ``make``, git hook or test run: a hook run
#: from an editor and a check typed in a terminal share the facts.
_PER_INVOCATION = frozenset({
    "_", "OLDPWD", "PWD", "SHLVL", "COLUMNS", "LINES", "MAKEFLAGS", "MFLAGS", "MAKELEVEL",
    "MAKEOVERRIDES", "PYTEST_CURRENT_TEST", "INVOCATION_ID", "JOURNAL_STREAM", SETTINGS_VARIABLE,
    "TERM", "TERM_PROGRAM", "TERM_PROGRAM_VERSION", "TERM_SESSION_ID", "COLORTERM", "WINDOWID",
    "TMUX", "TMUX_PANE", "STY", "WT_SESSION", "KITTY_WINDOW_ID",
})
_PER_INVOCATION_PREFIXES = ("GIT_", "PRE_COMMIT", "SSH_", "VSCODE_", "ITERM_", "XDG_SESSION_", "FEATUREDOCS_")


def _per_invocation(name: str) -> bool:
    return name in _PER_INVOCATION or name.startswith(_PER_INVOCATION_PREFIXES)


#: How many states' facts are kept per project: the latest and the one before.
KEPT = 2


def _inputs(entry: FactsEntry) -> tuple[object, ...]:
    return (entry.sources_digest, entry.environment, entry.env_digest, entry.heard, entry.borrowed_path,
            entry.import_roots)


def _data_name(entry: FactsEntry) -> str:
    return f"{entry.fingerprint}.data"


class FactsCache:
    """Looks the project's facts up by their inputs, and stores fresh ones for next time."""

    def __init__(self, config: Config, settings: str | None, store: Store, skip: frozenset[Path] = frozenset()) -> None:
        key = facts_key(config, settings)
        self._store = store
        # The entries, latest first, in one small file; each one's facts in a folder of
        # this key's own, named by their fingerprint.
        self._meta, self._folder = f"facts-{key}.meta", f"facts/{key}"
        entries = store.read(self._meta)
        self._entries: tuple[FactsEntry, ...] = (
            tuple(entries[:KEPT]) if isinstance(entries, tuple) and all(isinstance(e, FactsEntry) for e in entries)
            else ()
        )
        self._entry = self._entries[0] if self._entries else None  # the latest
        self._hit: FactsEntry | None = None  # the entry whose facts this run uses
        self._fresh: tuple[FactsEntry, ProjectFacts | None] | None = None
        self._previous: dict[str, ProjectFacts | None] = {}  # by fingerprint, once read: see read_previous
        self._root, self._mode = config.root, config.mode
        self._walked: Stamps = {}  # the source files' stamps
        self._stamps: Stamps = {}  # and the data files'
        self._input_files: tuple[str, ...] = self._entry.input_files if self._entry else ()
        self._sources = self._environment = ""
        if not store.remembers:
            return  # nothing is looked up or kept: the project's files need no stamps
        # Stamped before the facts are read: a file edited meanwhile is seen next run.
        previous = self._entry.sources if self._entry else {}
        self._walked = source_stamps(config.root, previous, skip)
        self._stamps = {**self._walked, **input_stamps(config.root, self._input_files, previous)}
        self._sources = sources_digest(self._stamps)
        self._environment = environment_digest()

    @property
    def has_previous(self) -> bool:
        """Whether facts were cached by an earlier run (matching or not)."""
        return self._entry is not None

    def lookup(self, load: Callable[[], ProjectFacts | None], *, running: bool = False) -> Facts | None:
        """The cached facts of the latest state or the one before, when every input
        matches; ``load`` only runs if the stored facts turn out to be unreadable when they
        are needed. ``running``: this process runs the project (``manage.py``)."""
        for entry in self._entries:
            taken = entry.heard and not (running and entry.static_fallback) and self._lends(entry, running)
            if taken and self._names_alike(entry) and self._current(entry):
                self._hit = entry
                return Facts(entry.fingerprint, list(entry.notes), True, _load=lambda: self._read(load, entry))
        return None

    def _lends(self, entry: FactsEntry, running: bool) -> bool:
        """Whether this process would lend the fresh interpreter that read ``entry``'s
        facts the folders it borrowed: none, but where it runs the project. Facts no
        fresh interpreter read (static mode) borrowed nothing."""
        if not entry.fresh_path:
            return True
        lent = running_borrows(entry.fresh_path, self._root) if running else ()
        return lent == entry.borrowed_path

    def _names_alike(self, entry: FactsEntry) -> bool:
        """Whether this process names the project's modules as the one that read
        ``entry``'s static facts did (facts read live need not)."""
        return not entry.import_roots or entry.import_roots == static_import_roots(self._root)

    def hit_inputs(self) -> HeardInputs | None:
        """What the facts looked up were read from besides the project's code, as kept
        with them: the variables are every one they are keyed on."""
        entry = self._hit
        if entry is None:
            return None
        return HeardInputs(entry.input_files, entry.env_names, entry.borrowed_path, entry.fresh_path)

    def read_here_last(self) -> bool:
        """Whether the latest facts were read in the running project, a fresh interpreter
        failing to import it, and nothing they are keyed on changed since: one would fail
        again."""
        return self._entry is not None and not self._entry.heard and self._current(self._entry)

    def _current(self, entry: FactsEntry) -> bool:
        """Whether every input ``entry`` is keyed on is as it was."""
        return (
            self._sources_of(entry) == entry.sources_digest
            and entry.environment == self._environment
            and entry.env_digest == env_digest(entry.env_names)
        )

    def _sources_of(self, entry: FactsEntry) -> str:
        """The digest of the files ``entry`` watched, as they are now."""
        if entry.input_files == self._input_files:
            return self._sources
        inputs = input_stamps(self._root, entry.input_files, self._stamps)
        return sources_digest({**self._walked, **inputs})

    def fresh(self, facts: ProjectFacts | None, notes: list[str], inputs: HeardInputs | None) -> Facts:
        """Facts just read, kept by :meth:`save`; ``inputs``: what the project read
        meanwhile, or None when that is not all known."""
        fingerprint = facts.fingerprint() if facts is not None else "none"
        if not self._store.remembers:
            return Facts(fingerprint, list(notes), False, _facts=facts)
        known = inputs or HeardInputs()
        names = keyed_variables(facts, known.variables) if facts is not None else ()
        input_files = known.files
        if input_files != self._input_files:
            # Files first read in this run are stamped now, after the read: an edit made
            # while the project was being set up goes unseen until the next change.
            self._stamps = {**self._walked, **input_stamps(self._root, input_files, self._stamps)}
            self._sources, self._input_files = sources_digest(self._stamps), input_files
        static = facts is not None and facts.mode == "static"
        entry = FactsEntry(
            self._stamps, self._sources, self._environment, names, env_digest(names), fingerprint,
            notes=list(notes), input_files=input_files, heard=inputs is not None,
            static_fallback=static and self._mode != "static",
            borrowed_path=known.borrowed_path, fresh_path=known.fresh_path,
            import_roots=static_import_roots(self._root) if static else (),
        )
        self._fresh = (entry, facts)
        return Facts(fingerprint, list(notes), False, _facts=facts)

    def read_previous(self) -> None:
        """Read the facts of :meth:`previous_fingerprint`, for :meth:`previous` (a run calls
        this while fresh facts are being read)."""
        entry = self._other()
        if entry is not None and entry.fingerprint not in self._previous:
            facts = self._read(lambda: None, entry)
            self._previous[entry.fingerprint] = facts if facts is not None and facts.fingerprint() == entry.fingerprint else None

    def previous_fingerprint(self) -> str | None:
        """The fingerprint of the kept facts other than this run's that cached findings may
        hold under: the latest before this run, or, when this run's facts are those, the
        state's before them (a hook and a full check alternate across a change of the code)."""
        entry = self._other()
        return entry.fingerprint if entry is not None else None

    def previous(self) -> ProjectFacts | None:
        """The facts of :meth:`previous_fingerprint`, read on demand."""
        self.read_previous()
        entry = self._other()
        return self._previous.get(entry.fingerprint) if entry is not None else None

    def _other(self) -> FactsEntry | None:
        current = self._fresh[0] if self._fresh is not None else self._hit
        for entry in self._entries:
            if current is None or entry.fingerprint != current.fingerprint:
                return entry
        return None

    def save(self) -> None:
        if self._fresh is not None:
            entry, facts = self._fresh
            # As JSON text: facts read from the project carry it, and it reads back faster
            # than a pickle of their objects, which also takes three times as long to write.
            text = facts.to_json_text() if facts is not None else None
            self._store.write(self._data_of(entry), (_FACTS_TEXT, text))
            # Another state whose code gave the same facts is another state all the same.
            self._keep(entry, lambda e: _inputs(e) == _inputs(entry))
        elif self._hit is not None and self._hit is not self._entry:
            # The state before came back (a branch switched back): it is the latest again.
            latest = dataclasses.replace(self._hit, sources=self._stamps)
            self._keep(latest, lambda e: e is self._hit)
        elif self._entry is not None and self._entry.sources != self._stamps:
            # Same contents under new stamps (a touch, a checkout): spare the next run
            # the hashing.
            self._keep(dataclasses.replace(self._entry, sources=self._stamps), lambda e: e is self._entry)

    def _keep(self, latest: FactsEntry, same: Callable[[FactsEntry], bool]) -> None:
        """``latest`` kept as the latest state, in place of the earlier ones ``same`` as it."""
        kept = latest_first(latest, self._entries, same, KEPT)
        self._store.write(self._meta, kept)
        self._store.prune(self._folder, {_data_name(e) for e in kept})

    def _data_of(self, entry: FactsEntry) -> str:
        return f"{self._folder}/{_data_name(entry)}"

    def _read(self, load: Callable[[], ProjectFacts | None], entry: FactsEntry) -> ProjectFacts | None:
        data = self._store.read(self._data_of(entry))
        if isinstance(data, tuple) and len(data) == 2 and data[0] == _FACTS_TEXT:
            text = data[1]
            if text is None:
                return None
            if isinstance(text, str):
                try:
                    with collector_paused():
                        return ProjectFacts.from_json_text(text)
                except (ValueError, TypeError, KeyError, AttributeError):
                    pass
        return load()  # the stored facts are gone or damaged: read the project again
