"""The project's facts, read while this process does other work.

On a facts-cache hit they are there at once. On a miss a thread waits for them (in live
mode, for a child interpreter that sets the project up), so the core the child leaves
free reads and parses the pages meanwhile: the check does, and every command that reads
the docs does it through a check. :func:`cached_facts` is for those that read no page.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from functools import partial
from pathlib import Path

from featuredocs import parallel
from featuredocs.cache.facts import Facts, FactsCache
from featuredocs.cache.keys import tool_identity
from featuredocs.cache.store import DEFAULT_DIR, NullStore, Store
from featuredocs.collector import collector_paused
from featuredocs.config import Config
from featuredocs.model import HeardInputs, ProjectFacts
from featuredocs.project import FactsOutcome, django_ready, load_facts, resolve_settings, start_facts

FactsLoader = Callable[[Config], FactsOutcome]


def cache_folder(config: Config) -> Path:
    return config.cache_dir if config.cache_dir is not None else config.root / DEFAULT_DIR


def load_in_child(config: Config) -> FactsOutcome:
    return load_facts(config, child=True)


def load_in_forking_child(config: Config) -> FactsOutcome:
    """``load_in_child``, the child reading the URLconf in a forked copy of itself meanwhile."""
    return load_facts(config, child=True, fork=True)


class PendingFacts:
    """Facts from the cache, or being read in a thread; :meth:`result` has them either way."""

    def __init__(
        self, config: Config, store: Store, load: FactsLoader = load_in_child, *,
        may_fork: Callable[[], bool] = lambda: True,
    ) -> None:
        """``may_fork()``: false when this process will be busy while the facts are read
        (asked only when the child could fork)."""
        settings = resolve_settings(config)  # static mode reads the settings file it names
        skip = frozenset({cache_folder(config).resolve()})
        # Without a cache this stamps nothing, so the child is not kept waiting.
        self.cache = FactsCache(config, settings, store, skip)
        self.cached: Facts | None = self.cache.lookup(lambda: load(config).facts, running=django_ready())
        #: whether the child forks a copy of itself to read the URLconf
        self.forking = (self.cached is None and load is load_in_child and self.cache.has_previous
                        and parallel.second_core() and may_fork())
        if self.forking:
            # Earlier facts: most pages will keep their findings, and this process will
            # mostly wait. The child may use the core it leaves idle (measured with
            # benchmarks/run.py: the facts of the generated project arrive a sixth sooner).
            load = load_in_forking_child
        self._outcome: list[FactsOutcome | BaseException] = []
        self._reader: threading.Thread | None = None
        if self.cached is None:
            if load is load_in_child or load is load_in_forking_child:
                # Begun here, in the only thread: inside Django it may fork (see start_facts).
                hear = store.remembers and not self.cache.read_here_last()
                finish = start_facts(config, child=True, fork=load is load_in_forking_child, hear=hear)
            else:
                finish = partial(load, config)
            self._reader = threading.Thread(target=self._read, args=(finish,), name="featuredocs-facts", daemon=True)
            self._reader.start()

    def reading(self) -> bool:
        """Whether the facts are still being read."""
        return self._reader is not None and self._reader.is_alive()

    def result(self) -> Facts:
        """The facts, once read; an error reading them is raised here."""
        if self.cached is not None:
            return self.cached
        assert self._reader is not None
        self._reader.join()
        outcome = self._outcome[0]
        if isinstance(outcome, BaseException):
            raise outcome
        return self.cache.fresh(outcome.facts, outcome.notes, outcome.inputs)

    def inputs(self) -> HeardInputs | None:
        """What the facts were read from besides the project's code, once :meth:`result`
        returned; None when that is not all known (see ``FactsOutcome.inputs``)."""
        if self.cached is not None:
            return self.cache.hit_inputs()
        outcome = self._outcome[0]
        return outcome.inputs if isinstance(outcome, FactsOutcome) else None

    def _read(self, finish: Callable[[], FactsOutcome]) -> None:
        try:
            self._outcome.append(finish())
        except BaseException as error:  # raised again in the waiting thread, by result()
            self._outcome.append(error)


def cached_facts(config: Config, *, use_cache: bool = True) -> FactsOutcome:
    """The project's facts, from the facts cache or read in a child process; fresh facts
    are kept in the cache for the next command."""
    store = Store(cache_folder(config), tool_identity()) if use_cache else NullStore()
    pending = PendingFacts(config, store)
    with collector_paused():
        facts = pending.result()
        found: ProjectFacts | None = facts.get()
    pending.cache.save()
    for note in store.notes:
        facts.notes.append(note)
    return FactsOutcome(found, facts.notes, pending.inputs())
