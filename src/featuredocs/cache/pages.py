"""What the cache keeps per page: a record of what other pages may read of it, a light copy
for cross-page rules, and the page's findings under the keys they were computed for.

A page keeps its two latest results (:data:`RESULTS_KEPT`): a pre-commit hook that runs
some rules and a full check alternate, and so do two branches whose pages or code differ;
each finds its own findings again rather than checking the page anew. (Findings carried
over to new facts replace those they came from, see ``revalidate.py``.)

Records and findings are one small table each, read on every run. Light copies are the
bulk of the cache and are only needed when rules run, and then only for the pages those
rules look across to; so they are spread over a few dozen files, each read on demand.
"""

from __future__ import annotations

import dataclasses
import hashlib
import os
import pickle
import stat
import zlib
from collections.abc import Callable, Collection, Mapping
from dataclasses import dataclass
from pathlib import Path
from types import MappingProxyType
from typing import TYPE_CHECKING, Any

from featuredocs.cache.keys import content_digest, digest
from featuredocs.cache.recent import latest_first
from featuredocs.markdown.positions import split_lines
from featuredocs.model import DocSet, Finding, Page
from featuredocs.model.frozen import quick_init
from featuredocs.rules.fd2_links.targets import LinkTarget, explicit_anchors, local_targets

if TYPE_CHECKING:  # imported when used: an unchanged tree imports no claim extractors
    from featuredocs.coverage.claimed import Claimed

RECORDS, RESULTS, SHARED_READS, CLAIMS, LIGHT_DIR = (
    "records.pickle", "results.pickle", "shared-reads.pickle", "claims.pickle", "light",
)
LIGHT_SHARDS = 32
#: Results kept per page, latest first.
RESULTS_KEPT = 2

Reader = Callable[[str], Any]
Writer = Callable[[str, Any], None]
Pruner = Callable[[str, Collection[str]], None]


@quick_init
@dataclass(frozen=True, slots=True)
class PageRecord:
    """What the cache must know of a page without parsing it again.

    ``anchors`` digests everything a link into the page can be checked against; ``view``
    digests the light copy, all that docset-scope rules read of the page; ``targets``
    are the page's own links to other files as (docs-relative path or None, file,
    whether the link names an anchor).
    """

    content: str  # digest of the page's text, path and rel
    anchors: str
    view: str
    targets: tuple[tuple[str | None, str, bool], ...]
    # The light copy as pickled for its own file, carried from make_record to the save;
    # outside __init__, so the records table does not hold it.
    light: bytes | None = dataclasses.field(default=None, init=False, repr=False, compare=False)


def content_key(text: str, page_path: Path, rel: str) -> str:
    """Not the name a page is shown by, which follows the working directory: findings are
    kept under the page's rel and shown by its name of the day (``PageCache.showing``)."""
    hasher = hashlib.blake2b(text.encode(), digest_size=16)
    hasher.update(f"\0{page_path}\0{rel}".encode())
    return hasher.hexdigest()


def make_record(
    page: Page, light: Page, docset: DocSet, project_root: Path | None, content: str,
    linked: list[LinkTarget] | None = None,
) -> PageRecord:
    """``linked``: the page's ``local_targets``, when the caller has them already."""
    anchors = digest(tuple(sorted(page.anchors)), tuple(sorted(explicit_anchors(page.text))))
    if linked is None:
        linked = local_targets(page, docset, project_root)
    targets = {(t.rel, str(t.file), t.fragment is not None) for t in linked if not t.same_page}
    # The pickle is made for the light copy's file anyway, and it holds every field: two
    # copies with the same bytes read back equal. (Equal copies whose strings are shared
    # differently would differ, and only cost a needless run of the docset-scope rules;
    # parsing the same text shares the same way.)
    blob = pickle.dumps(light, protocol=pickle.HIGHEST_PROTOCOL)
    record = PageRecord(content, anchors, content_digest(blob), tuple(sorted(targets, key=repr)))
    object.__setattr__(record, "light", blob)
    return record


def light_page(page: Page) -> Page:
    """The page without its sections, code and text: what cross-page rules read of it
    (title, tagline and preamble, headings, links, suppressions, front matter).

    The text is re-read from disk on every run, so it is not stored twice, nor is the name
    the page is shown by; the front matter becomes a plain dict because a mapping proxy
    cannot be pickled.
    """
    return dataclasses.replace(
        page, display="", sections=(), code_blocks=(), codes=(), lines=(), text="",
        front_matter=dict(page.front_matter),
    )


def restore(light: Page, text: str, display: str) -> Page:
    return dataclasses.replace(
        light, display=display, text=text, lines=split_lines(text),
        front_matter=MappingProxyType(dict(light.front_matter)),
    )


def dependencies(
    record: PageRecord, records: dict[str, PageRecord], pages: Collection[str],
    files: dict[tuple[str, bool], tuple[object, ...]] | None = None,
) -> tuple[object, ...]:
    """What the page's rules read outside the page: which of the ``pages`` of the docs
    tree it links to, with the anchors of those it links to with a ``#fragment``; the
    state of the other files it links to; and for a file that is missing, the names in
    its folder (a close one is offered as a hint). So a page added to the tree or taken
    out of it touches only the pages that link to it. ``files``: the linked files'
    states so far in this run, as many pages link to one file."""
    found: list[object] = []
    states = files if files is not None else {}
    for rel, file, anchored in record.targets:
        other = records.get(rel) if rel is not None and rel in pages else None
        if other is None:
            state = states.get((file, anchored))
            if state is None:
                state = states[file, anchored] = _state(file, anchored)
            found.append(("file", file, state, _names(os.path.dirname(file))) if state == _MISSING else ("file", file, state))
        else:
            found.append(("page", rel, other.anchors if anchored else None))
    return tuple(found)


_MISSING = ("missing",)


def _renamed(findings: tuple[Finding, ...], names: Mapping[str, str]) -> tuple[Finding, ...]:
    """``findings`` with their paths renamed by ``names``; a path it does not name stays."""
    if not names or not findings:
        return findings
    if all(names.get(f.path, f.path) == f.path for f in findings):
        return findings
    return tuple(
        f if (name := names.get(f.path)) is None or name == f.path else dataclasses.replace(f, path=name)
        for f in findings
    )


def _result_renamed(result: Result, names: Mapping[str, str]) -> Result:
    """``result`` itself when ``names`` renames none of its findings (most pages have none)."""
    findings = _renamed(result.findings, names)
    return result if findings is result.findings else dataclasses.replace(result, findings=findings)


def _names(folder: str) -> tuple[str, ...]:
    try:
        return tuple(sorted(os.listdir(folder)))
    except OSError:
        return ()


def _state(file: str, anchored: bool) -> tuple[object, ...]:
    """What rules can read of a linked file: whether it is a file or a folder, and for a
    link with a fragment (``models.py#L40``, whose lines FD203 counts) the file's content.
    Not its modification time, which a fresh checkout changes: a cache restored in CI
    keeps the findings of the pages that link to the code. An image is never read."""
    try:
        kind = stat.S_IFMT(os.stat(file).st_mode)
        if not (anchored and stat.S_ISREG(kind)):
            return (kind,)
        with open(file, "rb") as stream:
            return (kind, content_digest(stream.read()))
    except OSError:
        return _MISSING


@dataclass(frozen=True, slots=True)
class Result:
    """A page's findings, the key and facts they were computed for, and the facts the
    rules read on the way (pickled, see ``model/reads.py``; None when not recorded) with
    the run whose shared reads they add to. ``claims`` names the entry of the claims
    table that holds what a feature page documents, worked out with its findings and
    under the same reads; "" for other pages. ``in_sync``: whether ``sync`` would leave
    the page as it is, worked out under the same reads too (None when not asked)."""

    key: str
    fingerprint: str
    findings: tuple[Finding, ...]
    reads: bytes | None = None
    run: str = ""
    claims: str = ""
    in_sync: bool | None = None


class PageCache:
    """The per-page tables, each read at most once and written back once per run."""

    def __init__(self, read: Reader, write: Writer, prune: Pruner) -> None:
        self._read, self._write, self._prune = read, write, prune
        self.records: dict[str, PageRecord] = _table(read(RECORDS))
        self.results: dict[str, tuple[Result, ...]] = _table(read(RESULTS))
        self._shared: dict[str, tuple[bytes, bytes]] | None = None  # each run's shared reads, questions and groups, read on demand
        self._claims: dict[str, Claimed] | None = None  # by Result.claims, read on demand
        self._shards: dict[str, dict[str, tuple[str, bytes]]] = {}  # light copies, by shard
        self._dirty: set[str] = set()  # shards to write back
        self.changed = False
        self._displays: Mapping[str, str] = {}  # the pages' names of the day, by rel
        self._rels: dict[str, str] = {}

    def showing(self, displays: Mapping[str, str]) -> None:
        """Show findings under ``displays`` (by rel), the names the pages go by in this
        run: findings are kept under rels, so a run from another working directory (a
        pre-commit hook at the top of a monorepo, a check from ``docs/``) finds them."""
        self._displays = displays
        self._rels = {display: rel for rel, display in displays.items()}

    def result(self, rel: str, key: str, fingerprint: str) -> tuple[Finding, ...] | None:
        entries = self._entries(rel)
        for index, entry in enumerate(entries):
            if entry.key == key and entry.fingerprint == fingerprint:
                if index:  # now the page's latest: what claimed() and in_sync() read
                    self.results[rel] = latest_first(entry, entries, lambda e: e is entry, RESULTS_KEPT)
                    self.changed = True
                return _renamed(entry.findings, self._displays)
        return None

    def earlier(self, rel: str, fingerprint: str) -> list[Result]:
        """The page's results for the facts of ``fingerprint`` whose reads were recorded,
        latest first."""
        return [
            _result_renamed(entry, self._displays)
            for entry in self._entries(rel) if entry.fingerprint == fingerprint and entry.reads is not None
        ]

    def may_keep(self, rel: str) -> bool:
        """Whether the page's findings could hold under other facts (see revalidate.py)."""
        return any(entry.reads is not None for entry in self._entries(rel))

    def remember(
        self, rel: str, result: Result, claimed: Claimed | None = None, *, replacing: Result | None = None,
    ) -> None:
        """``result`` as the page's latest; ``claimed``: what the page documents, found
        with ``result``, whose ``claims`` names it. ``replacing``: the result it was carried
        over from, forgotten rather than kept beside it (it could be carried back)."""
        gone = {(result.key, result.fingerprint)}
        if replacing is not None:
            gone.add((replacing.key, replacing.fingerprint))
        self.results[rel] = latest_first(_result_renamed(result, self._rels), self._entries(rel),
                                         lambda e: (e.key, e.fingerprint) in gone, RESULTS_KEPT)
        if claimed is not None:
            self._claims_table()[result.claims] = claimed
        self.changed = True

    def carried(self, rel: str, earlier: Result, result: Result) -> None:
        """``result``, carried over from ``earlier`` to other facts, in its place: the
        page's result under another key (a hook's rules, when a full check runs)."""
        self.results[rel] = tuple(
            _result_renamed(result, self._rels) if (e.key, e.fingerprint) == (earlier.key, earlier.fingerprint) else e
            for e in self._entries(rel)
        )
        self.changed = True

    def claimed(self, rel: str) -> Claimed | None:
        """What the page documents, as its latest findings were found with."""
        from featuredocs.coverage.claimed import Claimed

        entries = self._entries(rel)
        if not entries or not entries[0].claims:
            return None
        claimed = self._claims_table().get(entries[0].claims)
        return claimed if isinstance(claimed, Claimed) else None

    def in_sync(self, rel: str) -> bool:
        """Whether ``sync`` would leave the page as it is, as its latest findings were
        found with (False when unknown)."""
        entries = self._entries(rel)
        return bool(entries) and entries[0].in_sync is True

    def shared_reads(self, run: str) -> bytes | None:
        entry = self._shared_table().get(run)
        return entry[0] if _is_shared(entry) else None

    def asked(self, run: str) -> tuple[dict[int, tuple[str, Any]], dict[int, frozenset[int]]] | None:
        """The questions the run's pages asked of the facts and the groups of reads they
        noted (``model/reads.py``)."""
        entry = self._shared_table().get(run)
        if not _is_shared(entry):
            return None
        try:
            asked = pickle.loads(entry[1])
        except Exception:  # damaged inside an intact file: unpickling can raise almost anything
            return None
        if isinstance(asked, tuple) and len(asked) == 2 and all(isinstance(part, dict) for part in asked):
            return asked
        return None

    def remember_shared(self, run: str, reads: bytes, asked: bytes) -> None:
        """A run's shared reads, and its questions and groups, each pickled."""
        self._shared_table()[run] = (reads, asked)
        self.changed = True

    def record(self, rel: str, record: PageRecord) -> None:
        """``record`` as made by :func:`make_record`, its light copy saved with it."""
        assert record.light is not None
        self.records[rel] = record
        name = _shard_name(rel)
        self._shard(name)[rel] = (record.content, record.light)
        self._dirty.add(name)
        self.changed = True

    def light_for(self, rel: str, content: str) -> Page | None:
        entry = self._shard(_shard_name(rel)).get(rel)
        if not (isinstance(entry, tuple) and len(entry) == 2 and entry[0] == content and isinstance(entry[1], bytes)):
            return None
        try:
            light = pickle.loads(entry[1])
        except Exception:  # damaged inside an intact file: unpickling can raise almost anything
            return None
        return light if isinstance(light, Page) else None

    def keep_only(self, rels: set[str]) -> None:
        """Forget the pages that left the docs tree."""
        for rel in [r for r in self.records if r not in rels]:
            del self.records[rel]
            self._dirty.add(_shard_name(rel))  # written back without the page
            self.changed = True
        for rel in [r for r in self.results if r not in rels]:
            del self.results[rel]
            self.changed = True

    def save(self) -> None:
        if not self.changed:
            return
        self._write(RECORDS, self.records)
        self._write(RESULTS, self.results)
        if self._shared is not None:  # read or added to in this run: kept for the runs still named
            runs = {result.run for rel in self.results for result in self._entries(rel)}
            self._write(SHARED_READS, {run: blob for run, blob in self._shared.items() if run in runs})
        if self._claims is not None:
            named = {result.claims for rel in self.results for result in self._entries(rel)}
            self._write(CLAIMS, {name: claimed for name, claimed in self._claims.items() if name in named})
        for name in sorted(self._dirty):
            shard = self._shard(name)
            self._write(name, {rel: entry for rel, entry in shard.items() if rel in self.records})
        if self._dirty:
            self._prune(LIGHT_DIR, _SHARD_FILES)

    def _entries(self, rel: str) -> tuple[Result, ...]:
        """The page's results, latest first; none when the table's entry is damaged."""
        entries = self.results.get(rel)
        if isinstance(entries, tuple) and all(isinstance(entry, Result) for entry in entries):
            return entries
        return ()

    def _shared_table(self) -> dict[str, tuple[bytes, bytes]]:
        if self._shared is None:
            self._shared = _table(self._read(SHARED_READS))
        return self._shared

    def _claims_table(self) -> dict[str, Claimed]:
        if self._claims is None:
            self._claims = _table(self._read(CLAIMS))
        return self._claims

    def _shard(self, name: str) -> dict[str, tuple[str, bytes]]:
        shard = self._shards.get(name)
        if shard is None:
            shard = self._shards[name] = _table(self._read(name))
        return shard


def _shard_name(rel: str) -> str:
    """Light copies are kept a few dozen to a file: a cold run writes a thousand of them,
    and creating a file can cost as much as pickling the page (0.04 to 0.4 ms, with the
    disk busy), while a run that needs one page's copy reads a few dozen with it."""
    return f"{LIGHT_DIR}/{_shard_file(zlib.crc32(rel.encode()) % LIGHT_SHARDS)}"


def _shard_file(number: int) -> str:
    return f"{number:02d}.pickle"


_SHARD_FILES = frozenset(_shard_file(number) for number in range(LIGHT_SHARDS))


def _is_shared(entry: Any) -> bool:
    return isinstance(entry, tuple) and len(entry) == 2 and all(isinstance(blob, bytes) for blob in entry)


def _table(data: Any) -> dict[str, Any]:
    return data if isinstance(data, dict) else {}
