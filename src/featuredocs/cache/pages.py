"""What the cache keeps per page: a record of what other pages may read of it, a light copy
for cross-page rules, and the page's findings under the key they were computed for.

All three are stored per page ``rel`` (one entry each), so pages that left the docs tree
drop out of the cache on the next write.
"""

from __future__ import annotations

import dataclasses
import os
import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from types import MappingProxyType
from typing import Any

from featuredocs.cache.keys import digest
from featuredocs.markdown.positions import split_lines
from featuredocs.model import DocSet, Finding, Page
from featuredocs.rules.fd2_links.targets import local_targets

#: Explicit HTML anchors (``<a id="x">``, ``name='x'``); a superset of what anchor rules
#: accept, so any change they could notice changes the page's anchor digest.
_HTML_ANCHOR = re.compile(r"""\b(?:id|name)\s*=\s*["']([^"']+)["']""", re.I)

RECORDS, LIGHT, RESULTS = "records.pickle", "light.pickle", "results.pickle"


@dataclass(frozen=True, slots=True)
class PageRecord:
    """What the cache must know of a page without parsing it again.

    ``anchors`` digests everything a link into the page can be checked against;
    ``targets`` are the page's own local links to other files as (docs-relative path or
    None, file, whether the link names an anchor).
    """

    content: str  # digest of the page's text, path, rel and display
    anchors: str
    targets: tuple[tuple[str | None, str, bool], ...]


def content_key(text: str, page_path: Path, rel: str, display: str) -> str:
    return digest(text, str(page_path), rel, display)


def make_record(page: Page, docset: DocSet, project_root: Path | None, content: str) -> PageRecord:
    html = sorted(set(_HTML_ANCHOR.findall(page.text)))
    anchors = digest(tuple(sorted(h.slug for h in page.headings)), tuple(html))
    linked = local_targets(page, docset, project_root)
    targets = {(t.rel, str(t.file), t.fragment is not None) for t in linked if not t.same_page}
    return PageRecord(content, anchors, tuple(sorted(targets, key=repr)))


def light_page(page: Page) -> Page:
    """The page without its sections, code and text: what cross-page rules read of it.

    The text is re-read from disk on every run, so it is not stored twice; the front
    matter becomes a plain dict because a mapping proxy cannot be pickled.
    """
    return dataclasses.replace(
        page, sections=(), code_blocks=(), codes=(), lines=(), text="",
        front_matter=dict(page.front_matter),
    )


def restore(light: Page, text: str) -> Page:
    return dataclasses.replace(
        light, text=text, lines=split_lines(text), front_matter=MappingProxyType(dict(light.front_matter)),
    )


def dependencies(record: PageRecord, records: dict[str, PageRecord]) -> tuple[object, ...]:
    """What the page's rules read outside the page: the anchors of the pages it links to
    with a ``#fragment``, and the stamps of the other files it links to. (Whether a
    linked page exists is part of the docs file list, which every key holds.)"""
    found: list[object] = []
    for rel, file, anchored in record.targets:
        other = records.get(rel) if rel is not None else None
        if other is None:
            found.append(("file", file, _stat(file)))
        elif anchored:
            found.append(("page", rel, other.anchors))
    return tuple(found)


def _stat(file: str) -> tuple[object, ...]:
    try:
        stat = os.stat(file)
    except OSError:
        return ("missing",)
    return (stat.st_mode >> 12, stat.st_size, stat.st_mtime_ns)


class PageCache:
    """The three per-page tables, each read at most once and written back once per run.

    The light pages are the bulk of the cache and only needed when some rule runs, so
    they are read on first use.
    """

    def __init__(self, read: Callable[[str], Any]) -> None:
        self._read = read
        self.records: dict[str, PageRecord] = _table(read(RECORDS))
        self.results: dict[str, tuple[str, tuple[Finding, ...]]] = _table(read(RESULTS))
        self._light: dict[str, tuple[str, Page]] | None = None  # rel -> (content key, page)
        self.changed = False

    @property
    def light(self) -> dict[str, tuple[str, Page]]:
        if self._light is None:
            self._light = _table(self._read(LIGHT))
        return self._light

    def tables(self) -> dict[str, dict[str, Any]]:
        """The tables to write back (the light pages only when they were read)."""
        tables: dict[str, dict[str, Any]] = {RECORDS: self.records, RESULTS: self.results}
        if self._light is not None:
            tables[LIGHT] = self._light
        return tables

    def result(self, rel: str, key: str) -> tuple[Finding, ...] | None:
        entry = self.results.get(rel)
        return entry[1] if entry is not None and entry[0] == key else None

    def remember(self, rel: str, key: str, findings: tuple[Finding, ...]) -> None:
        self.results[rel] = (key, findings)
        self.changed = True

    def light_for(self, rel: str, content: str) -> Page | None:
        entry = self.light.get(rel)
        return entry[1] if entry is not None and entry[0] == content else None

    def keep_only(self, rels: set[str]) -> None:
        for table in self.tables().values():
            for rel in [r for r in table if r not in rels]:
                del table[rel]
                self.changed = True


def _table(data: Any) -> dict[str, Any]:
    return data if isinstance(data, dict) else {}
