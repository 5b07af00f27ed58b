"""Checks of one docs tree in this process: a single check, or the passes of ``--fix``.

``incremental_check`` is one pass (``run.py``), its findings and facts saved for the next
run. The passes of ``check --fix`` and ``--diff`` (``fix/autofix.py``) check the pages as
the fixes so far left them, in memory, and save once at the end, if at all.
"""

from __future__ import annotations

import gc
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from featuredocs.cache.facts import Facts, FactsCache
from featuredocs.cache.keys import tool_identity
from featuredocs.cache.outcome import IncrementalCheck
from featuredocs.cache.pages import PageCache
from featuredocs.cache.pending import FactsLoader, cache_folder, load_in_child
from featuredocs.cache.run import CheckRun
from featuredocs.cache.store import NullStore, PassStore, ReadOnlyStore, Store
from featuredocs.cache.tree import DocsTree
from featuredocs.collector import collector_paused
from featuredocs.config import Config
from featuredocs.model import ProjectFacts

if TYPE_CHECKING:
    from featuredocs.coverage.claimed import Claimed


def incremental_check(
    config: Config,
    *,
    paths: Sequence[Path] = (),
    use_cache: bool = True,
    workers: int | None = None,
    load: FactsLoader | None = None,
) -> IncrementalCheck:
    """Check the docs tree; ``use_cache=False`` reads and writes no cache (``--no-cache``).

    ``load`` reads the facts on a cache miss (default: live or static as configured,
    live mode in a child process); ``workers`` caps the processes used for the rules.
    """
    passes = check_passes(config, use_cache=use_cache, workers=workers, load=load)
    checked = passes.check(paths)
    notes = passes.finish()
    return IncrementalCheck(checked.result, (*checked.notes, *notes), checked.stats)


class Passes:
    """Checks of one docs tree one after another in this process, each of the pages'
    texts as on disk or as given (the passes of ``check --fix``, see ``fix/autofix.py``).

    The first pass reads the facts and the cache as a single check does; the later ones
    check against the same facts and reuse every finding whose key still matches, the
    earlier passes' included: a pass after some pages were fixed checks those pages, the
    pages that link to their anchors and the docset-scope rules, not the whole tree.
    Nothing is written until :meth:`finish`.
    """

    def __init__(
        self, config: Config, store: Store, *, workers: int | None = None, load: FactsLoader = load_in_child,
        findings: bool = True, sync: bool = False, claims: bool = False,
    ) -> None:
        """``findings`` false: the caller reads no findings, and rules run only where the
        store keeps their findings for a later check. ``sync``: the caller asks which pages
        sync leaves as they are (:meth:`in_sync`); ``claims``: what the pages document
        (:meth:`claimed`). Each is also worked out wherever the store keeps the findings
        for a later run, and nowhere else."""
        self.config, self.store, self.workers, self._load = config, store, workers, load
        self._rules = findings or store.lasting
        self._sync = sync or store.lasting
        self._claims = claims or store.lasting
        self._cache: PageCache | None = None
        self._facts: tuple[Facts, FactsCache] | None = None
        self._docs: DocsTree | None = None  # as the first pass read them: later ones edit this
        self._last: CheckRun | None = None

    def check(self, paths: Sequence[Path] = (), texts: Mapping[str, str] | None = None) -> IncrementalCheck:
        """A check of the tree as the first pass read it, with the pages in ``texts`` (by
        rel path) edited so in memory (the first pass reads them from disk)."""
        if self._docs is None and texts:
            raise ValueError("pages are edited in memory only after the first pass read them")
        docs = self._docs.with_texts(texts or {}) if self._docs is not None else None
        run = CheckRun(self.config, self.store, self.workers, docs, run_rules=self._rules, sync_verdicts=self._sync,
                       claims=self._claims)
        # Without the pause the collector takes a quarter of the rules' time (measured with
        # benchmarks/hotspots.py).
        with collector_paused():
            try:
                result, facts = run.check(paths, self._page_cache, self._load, self._facts)
            finally:
                gc.unfreeze()  # see CheckRun._parse
        notes = run.notes if self._facts is None else []  # said once, by the first pass
        self._facts = facts
        self._docs = self._docs or run.docs
        self._last = run
        return IncrementalCheck(result, tuple(notes), run.stats)

    @property
    def facts(self) -> ProjectFacts | None:
        """The project's facts the passes check against (None until the first pass, or
        when the project could not be introspected)."""
        return self._facts[0].get() if self._facts is not None else None

    @property
    def docs(self) -> DocsTree:
        """The docs tree as the first pass listed and read it."""
        if self._docs is None:
            raise ValueError("the docs are read by the first pass")
        return self._docs

    def claimed(self) -> list[Claimed]:
        """What each feature page documents, in the docs' order, as the last pass saw the
        pages: worked out with their findings, so a check from the cache reads them from
        it (``coverage`` and ``index``). Needs the facts."""
        project = self.facts
        if self._last is None or project is None:
            raise ValueError("what the pages document is known once a pass has checked them against facts")
        return self._last.claimed(self._page_cache(), project)

    def in_sync(self, checked: IncrementalCheck) -> frozenset[str]:
        """The pages ``checked`` (the last pass) found that sync leaves as they are: worked
        out with their findings, in this run or, for findings kept, in an earlier one."""
        cache = self._page_cache()
        return frozenset(rel for rel in checked.result.checked if cache.in_sync(rel))

    def finish(self) -> list[str]:
        """Save what the passes found (in a store that keeps it for later runs), and say
        what went wrong with the store: its notes."""
        if self.store.lasting and self._facts is not None and self._cache is not None:
            self._facts[1].save()
            self._cache.save()
        return self.store.notes

    def _page_cache(self) -> PageCache:
        if self._cache is None:
            self._cache = PageCache(self.store.read, self.store.write, self.store.prune)
        return self._cache


def check_passes(
    config: Config, *, use_cache: bool = True, repeated: bool = False, writes: bool = True,
    workers: int | None = None, load: FactsLoader | None = None, findings: bool = True, sync: bool = False,
    claims: bool = False,
) -> Passes:
    """Passes over the docs: one for a check, several for ``--fix`` or ``--diff``
    (``repeated``). Without ``use_cache`` nothing is read or written, but passes after the
    first reuse what it found. A run that promises to write nothing (``writes`` false)
    reads the cache and adds nothing to it. ``load`` and ``workers``: see
    :func:`incremental_check`; ``findings``, ``sync`` and ``claims``: see :class:`Passes`."""
    if not use_cache:
        store: Store = PassStore() if repeated else NullStore()
    else:
        store = Store(cache_folder(config), tool_identity())
        store = store if writes else ReadOnlyStore(store)
    return Passes(config, store, workers=workers, load=load or load_in_child, findings=findings, sync=sync,
                  claims=claims)
