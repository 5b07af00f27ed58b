"""The incremental check: the same findings as ``engine.run_check``, recomputing only what
changed since the last run.

1. List the docs tree, and look the facts up in the cache; on a miss, start reading them
   in a child process at once.
2. Read every page and hash its content; while the child works, parse the pages that
   will surely be checked again, then extract their page-only claims
   (``rules/prepare.py``) until the facts arrive.
3. A page's findings are reused when its key matches: the page's content, path and
   rel; the tool; the configuration; the template; and, for every local link,
   whether it finds a page of the tree and that page's anchors, or else the state of the
   linked file (for a missing one, the names beside it); and
   when they were computed against these facts, or against facts that differ in nothing
   the page's rules read (``revalidate.py``). Other pages are checked (on every core when
   there are many), noting what their rules read of the facts (``model/reads.py``).
4. Docset-scope rules (reachability from the index) are re-run whenever any page changed,
   or the facts did in something they read.
"""

from __future__ import annotations

import gc
import os
from collections.abc import Callable, Sequence
from contextlib import nullcontext
from dataclasses import InitVar, dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from featuredocs.cache.facts import Facts, FactsCache
from featuredocs.cache.keys import config_digest, digest, template_digest, tool_identity
from featuredocs.cache.noted_reads import RunNotes, packed, take_run_notes
from featuredocs.cache.outcome import CacheStats
from featuredocs.cache.page_check import PageCheck, check_pages
from featuredocs.cache.pages import (
    RECORDS,
    PageCache,
    Result,
    dependencies,
    light_page,
    make_record,
    restore,
)
from featuredocs.cache.revalidate import keep_unaffected_since_previous
from featuredocs.cache.pending import FactsLoader, PendingFacts
from featuredocs.cache.plan import RulePlan, rule_plan
from featuredocs.cache.store import Store
from featuredocs.cache.tree import DocsTree
from featuredocs.config import Config
from featuredocs.engine import (
    CheckResult,
    docset_findings,
    feature_pages,
    in_report_order,
    load_template,
    reported_errors,
    select_pages,
    selected_rules,
    settle,
)
from featuredocs.markdown import parse_page
from featuredocs.model import DocSet, Finding, Page, ProjectFacts, reads
from featuredocs.model.template import TemplateSchema
from featuredocs.rules.base import CheckContext
from featuredocs.rules.fd2_links.targets import LinkTarget, targets_of
from featuredocs.rules.registry import rule_for

if TYPE_CHECKING:
    from featuredocs.coverage.claimed import Claimed

_DOCSET = "\0docset"  # the results entry of the docset-scope rules
_FREEZE_EVERY = 64  # parsed pages between two gc.freeze() calls
#: Edited pages from which a run is busy while the facts are read: parsing one takes 1-2 ms,
#: and the facts arrive ~0.35 s sooner with a forked reader (measured with benchmarks/run.py).
_BUSY_PAGES = 100


@dataclass
class CheckRun:
    """One check of the docs tree (one pass, see ``passes.py``): the steps above."""

    config: Config
    store: Store
    workers: int | None
    read_docs: InitVar[DocsTree | None] = None  # as an earlier pass listed and read them
    #: False when nobody reads the findings (see Passes): the pages checked again only say
    #: what they document.
    run_rules: bool = True
    #: Whether to work out, for each feature page checked again, whether ``sync`` would
    #: leave it as it is (see ``fix/sync/run.py:in_sync``): for findings kept for later
    #: runs, and for ``sync`` itself.
    sync_verdicts: bool = False
    #: Whether to work out what each feature page checked again documents (see
    #: ``coverage/claimed.py``): for findings kept for later runs, and for a caller that
    #: asks (``coverage``, ``index``, ``new``). A check that keeps nothing has no reader.
    claims: bool = True
    stats: CacheStats = field(default_factory=CacheStats)
    notes: list[str] = field(default_factory=list)
    docs: DocsTree = field(init=False)
    parsed: dict[str, Page] = field(default_factory=dict)  # pages parsed in this run
    memo: dict[tuple[str, str], Any] = field(default_factory=dict)  # the rules' (CheckContext.memo)
    schema: TemplateSchema | None = None
    targets_context: CheckContext | None = None  # see _targets

    def __post_init__(self, read_docs: DocsTree | None) -> None:
        self._read = read_docs is not None
        self.docs = read_docs or DocsTree(self.config)

    def check(
        self, paths: Sequence[Path], page_cache: Callable[[], PageCache], load: FactsLoader,
        known: tuple[Facts, FactsCache] | None = None,
    ) -> tuple[CheckResult, tuple[Facts, FactsCache]]:
        """The findings, and the facts they were found with: ``known``, those an earlier
        pass found, else from the facts cache, else read by ``load``."""
        with self.stats.timed("read"):
            if not self._read:
                self.docs.list()
            # Bad paths fail before the project loads.
            wanted = select_pages(self.docs.plain_docset(every_listed=True), paths)
        # A miss starts reading the facts now, so the project is set up while the pages are read.
        pending = self._start_facts(load) if known is None else None
        with self.stats.timed("read"):
            if not self._read:
                self.docs.read()
            self.stats.pages = len(self.docs.texts)
            wanted = frozenset(rel for rel in wanted if rel in self.docs.texts)
            cache = page_cache()
            cache.showing(self.docs.displays)
        if pending is not None:
            facts, facts_cache = self._finish_facts(pending, cache, wanted)
        else:
            assert known is not None
            self._refresh_records(cache)
            facts, facts_cache = known
        self.notes.extend(facts.notes)
        plan = rule_plan(self.config, self.store, facts.fingerprint != "none")
        keys = self._keys(cache, facts, plan, wanted)
        found = {rel: cache.result(rel, key, facts.fingerprint) for rel, key in keys.items()}
        # Facts an earlier pass found: it kept what their change left unaffected.
        if pending is not None and any(findings is None for findings in found.values()):
            kept = keep_unaffected_since_previous(cache, found, keys, facts, facts_cache, self.stats)
            self.stats.kept = sum(1 for rel in kept if rel != _DOCSET)
        if not plan.docset or not self.run_rules:
            found[_DOCSET] = ()
        self.stats.reused = sum(1 for rel, f in found.items() if f is not None and rel != _DOCSET)
        docset = self.docs.plain_docset()
        if any(findings is None for findings in found.values()):
            docset = self._recheck(cache, found, keys, facts, plan)
        cache.keep_only({*self.docs.texts, _DOCSET})
        page_found = [f for rel in self.docs.texts for f in found.get(rel) or ()]
        shown = {self.docs.displays[rel] for rel in wanted}
        docset_found = [f for f in found[_DOCSET] or () if f.path in shown]
        findings = in_report_order([*page_found, *docset_found])
        return CheckResult(
            findings=self._unanswered(findings, cache, facts),
            docset=docset,
            page_errors=reported_errors(self.docs.errors, paths),
            rules_run=plan.run,
            checked=wanted,
            skipped_for_facts=plan.skipped,
        ), (facts, facts_cache)

    def _keys(self, cache: PageCache, facts: Facts, plan: RulePlan, wanted: frozenset[str]) -> dict[str, str]:
        """What each wanted page's findings (and the docset rules') depend on, digested;
        without a cache, keys that match nothing."""
        if not self.store.remembers:
            return dict.fromkeys([*(rel for rel in self.docs.texts if rel in wanted), _DOCSET], "")
        # A page's key leaves the facts out: its result names them (see revalidate.py).
        common = digest(
            tool_identity(), config_digest(self.config), template_digest(self.config), plan.run,
        )
        files: dict[tuple[str, bool], tuple[object, ...]] = {}
        keys = {
            rel: digest(common, self.docs.contents[rel], dependencies(cache.records[rel], cache.records, self.docs.texts, files))
            for rel in self.docs.texts if rel in wanted
        }
        views = tuple((rel, cache.records[rel].view) for rel in self.docs.texts)
        # Not the pages named: the docset rules' findings on every page are kept, and a
        # check naming a few shows theirs (a hook naming a commit's pages, then a full check).
        keys[_DOCSET] = digest(common, views)
        return keys

    def _recheck(
        self,
        cache: PageCache,
        found: dict[str, tuple[Finding, ...] | None],
        keys: dict[str, str],
        facts: Facts,
        plan: RulePlan,
    ) -> DocSet:
        """Run the rules whose findings are missing from ``found``, fill them in, remember
        them; the docs as the rules saw them."""
        stale = [rel for rel, findings in found.items() if findings is None and rel != _DOCSET]
        docset = self._full_docset(cache, stale, every_page=found[_DOCSET] is None)
        ctx = CheckContext(docset, self._schema(), facts.get(), self.config.root,
                           feature_pages(docset, self.config), _memo=self.memo)
        runnable = [rule for code in plan.run if (rule := rule_for(code)) is not None] if self.run_rules else []
        project = ctx.facts
        # What the rules read of the facts is noted only for findings the cache keeps for
        # later runs, whose facts may differ.
        noting = self.store.lasting and project is not None
        run = os.urandom(8).hex() if noting else ""
        with reads.recording(project) if noting and project is not None else nullcontext():
            if found[_DOCSET] is None:  # first: what they work out is shared with the workers
                with self.stats.timed("docset rules"), reads.page_reads() as noted:
                    every_page = frozenset(self.docs.texts)
                    found[_DOCSET] = tuple(settle(docset_findings(runnable, ctx, every_page), docset, self.config))
                blob = packed(noted) if noting else None
                cache.remember(_DOCSET, Result(keys[_DOCSET], facts.fingerprint, found[_DOCSET], blob, run))
                self.stats.docset_rules_run = True
            with self.stats.timed("rules"):
                besides = RunNotes()
                check = PageCheck(ctx, tuple(rule() for rule in runnable), self.config, self._parse,
                                  claims=self.claims, verdicts=self.sync_verdicts, noting=noting)
                checked = check_pages(check, stale, self.workers, self.stats, self.parsed)
                for rel, (findings, claimed, synced, noted, noted_besides) in zip(stale, checked):
                    found[rel] = findings
                    besides.update(noted_besides)
                    claims = f"{rel}\0{keys[rel]}\0{facts.fingerprint}" if claimed is not None else ""
                    result = Result(keys[rel], facts.fingerprint, findings, noted, run, claims, synced)
                    cache.remember(rel, result, claimed)
                if noting:
                    besides.update(take_run_notes())
                    cache.remember_shared(run, *besides.pickled())
        self.stats.checked = len(stale)
        return docset

    def claimed(
        self, cache: PageCache, project: ProjectFacts, which: Callable[[str], bool] | None = None,
    ) -> list[Claimed]:
        """What each feature page (each that ``which`` takes, by rel) documents, in the
        docs' order, as found with its findings in this run or an earlier one; worked out
        again for a page whose claims the cache has lost, or a run did not keep."""
        from featuredocs.coverage.claimed import page_claims

        docset = self.docs.plain_docset()
        features = feature_pages(docset, self.config)
        ctx: CheckContext | None = None
        found = []
        for rel in self.docs.texts:
            if rel not in features or (which is not None and not which(rel)):
                continue
            claimed = cache.claimed(rel)
            if claimed is None:
                ctx = ctx or CheckContext(docset, self._schema(), project, self.config.root, features, _memo=self.memo)
                claimed = page_claims(self._parse(rel), ctx)
            found.append(claimed)
        return found

    def _unanswered(self, findings: tuple[Finding, ...], cache: PageCache, facts: Facts) -> tuple[Finding, ...]:
        """``findings`` without those another page answers (``coverage/elsewhere.py``).
        The facts are read from the cache only then: a warm run whose findings all hold
        needs none."""
        if all(finding.endpoint is None for finding in findings):
            return findings
        project = facts.get()
        if project is None:
            return findings
        # Imported here: a report without such findings needs no claims.
        from featuredocs.coverage.elsewhere import answered, asked, may_document

        endpoints = asked(findings)
        texts = self.docs.texts
        claimed = self.claimed(cache, project, lambda rel: may_document(texts[rel], endpoints))
        return answered(findings, [(self.docs.displays[page.rel], page) for page in claimed])

    # --- the docs -------------------------------------------------------------------

    def _parse(self, rel: str) -> Page:
        page = self.parsed.get(rel)
        if page is None:
            with self.stats.timed("parse"):
                page = parse_page(self.docs.texts[rel], path=self.docs.paths[rel], rel=rel, display=self.docs.displays[rel])
            self.parsed[rel] = page
            self.stats.parsed += 1
            if self.stats.parsed % _FREEZE_EVERY == 0:
                # Parsed pages live until the run ends; without this the collector walks
                # them all again and again as more are parsed (a quarter of the parsing
                # time on a thousand pages, measured with benchmarks/hotspots.py).
                gc.freeze()
        return page

    def _refresh_records(self, cache: PageCache) -> None:
        """Parse every page whose record is missing or stale, and record it."""
        if not self.store.remembers:
            return
        lookup = DocSet(self.docs.root, (), self.docs.files)
        for rel in self.docs.texts:
            record = cache.records.get(rel)
            if record is not None and record.content == self.docs.contents[rel]:
                continue
            page = self._parse(rel)
            cache.record(rel, make_record(page, light_page(page), lookup, self.config.root,
                                          self.docs.contents[rel], self._targets(page)))

    def _targets(self, page: Page) -> list[LinkTarget]:
        """The page's local links, through the rules' memo: the link rules read the same."""
        if self.targets_context is None:
            lookup = DocSet(self.docs.root, (), self.docs.files)
            self.targets_context = CheckContext(lookup, self._schema(), None, self.config.root, _memo=self.memo)
        return targets_of(page, self.targets_context)

    def _linked(self, cache: PageCache, pages: list[str]) -> set[str | None]:
        """The docs pages that ``pages`` link to: from their records or, without a cache,
        from the pages themselves."""
        if self.store.remembers:
            return {target[0] for rel in pages for target in cache.records[rel].targets}
        return {target.rel for rel in pages for target in self._targets(self._parse(rel))}

    def _full_docset(self, cache: PageCache, stale: list[str], every_page: bool) -> DocSet:
        """The docs as the rules about to run need them.

        Pages parsed in this run are whole. The pages those rules look across to (every
        page for docset-scope rules, else the pages the checked ones link to) are light
        copies, and the rest only names and text. A page to check that is here as a
        light copy is parsed by whichever process checks it (``page_check.py``).
        """
        linked = set() if every_page else self._linked(cache, stale)
        pages = []
        for rel, text in self.docs.texts.items():
            page = self.parsed.get(rel)
            if page is None and (every_page or rel in linked or rel in stale):
                light = cache.light_for(rel, self.docs.contents[rel])
                page = restore(light, text, self.docs.displays[rel]) if light is not None else self._parse(rel)
            pages.append(page or Page(self.docs.paths[rel], rel, self.docs.displays[rel], text))
        return DocSet(self.docs.root, tuple(pages), self.docs.files)

    # --- facts and rules ------------------------------------------------------------

    def _start_facts(self, load: FactsLoader) -> PendingFacts:
        with self.stats.timed("facts lookup"):
            # Pages edited since the last run are parsed while the facts are read: with
            # many (a branch switched), this process is busy, and a forked reader of the
            # facts would only take turns with it on the cores.
            def idle() -> bool:
                return self.docs.edited_since(self.store.modified(RECORDS), _BUSY_PAGES) < _BUSY_PAGES

            pending = PendingFacts(self.config, self.store, load, may_fork=idle)
        self.stats.facts_cached = pending.cached is not None
        self.stats.facts_forked = pending.forking
        return pending

    def _finish_facts(self, pending: PendingFacts, cache: PageCache, wanted: frozenset[str]) -> tuple[Facts, FactsCache]:
        """The facts, once read. New facts almost always differ from the old ones, and then
        the pages whose findings the change can affect are checked again: so while the child
        reads them, the wanted pages are parsed here, on the core the child leaves free.
        With a cache, only until the facts arrive: most pages may keep their findings."""
        if pending.cached is not None:
            self._refresh_records(cache)
            return pending.cached, pending.cache
        try:
            self._refresh_records(cache)
            # A page whose findings may hold under the new facts needs neither.
            keepable = {rel for rel in wanted if cache.may_keep(rel)}
            needed = [rel for rel in self.docs.texts if rel in wanted and rel not in keepable]
            for rel in needed:
                if self.store.remembers and not pending.reading():
                    break
                self._parse(rel)
            if not self.store.remembers and self._docset_rules_selected():
                # They read every page (see _full_docset): parsed now, not after the facts.
                for rel in self.docs.texts:
                    self._parse(rel)
            if keepable and pending.reading():
                pending.cache.read_previous()  # what the other pages' findings may hold under
            self._prepare(needed, waiting=pending.reading)
        finally:
            with self.stats.timed("facts (after parsing)"):
                facts = pending.result()
        return facts, pending.cache

    def _prepare(self, pages: list[str], waiting: Callable[[], bool]) -> None:
        """While ``waiting()``, extract the page-only claims of those of ``pages`` parsed
        so far into the memo the rules will read (see ``rules/prepare.py``)."""
        if not waiting():
            return
        # Imported here: a run with cached facts reads no claims before the rules run.
        from featuredocs.rules.prepare import extractors_for, prepare

        docset = self.docs.plain_docset()
        ctx = CheckContext(docset, self._schema(), None, self.config.root,
                           feature_pages(docset, self.config), _memo=self.memo)
        extractors = extractors_for(rule.code for rule in selected_rules(self.config))
        with self.stats.timed("prepare"):
            for rel in pages:
                if not waiting():
                    break
                page = self.parsed.get(rel)
                if page is not None and ctx.is_feature(page):
                    prepare(page, ctx, extractors)
                    self.stats.prepared += 1

    def _docset_rules_selected(self) -> bool:
        return any(rule.scope == "docset" for rule in selected_rules(self.config))

    def _schema(self) -> TemplateSchema:
        if self.schema is None:
            self.schema = load_template(self.config)
        return self.schema
