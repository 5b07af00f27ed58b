"""What the docs tree already holds, so a generated page links only to what resolves:
which files exist, which anchors ``commands.md`` and ``api.md`` have, and which feature
pages document which apps — read from what a check found each page documents, so that
after a check no feature page is parsed again.
"""

from __future__ import annotations

import posixpath
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from featuredocs.markdown import parse_page

if TYPE_CHECKING:
    from featuredocs.coverage.claimed import Claimed

ARCHITECTURE_FILE = "architecture.md"


@dataclass(frozen=True)
class FeatureLink:
    rel: str  # under the docs root: "features/order-lifecycle.md"
    title: str
    apps: frozenset[str]


class PageAnchors(Mapping[str, frozenset[str]]):
    """The heading anchors of each page (by rel, from its text), each page parsed when
    first asked: a new page links to a handful of the thousand a tree may hold."""

    def __init__(self, root: Path, texts: Mapping[str, str]) -> None:
        self._root, self._texts = root, texts
        self._parsed: dict[str, frozenset[str]] = {}

    def __getitem__(self, rel: str) -> frozenset[str]:
        if rel not in self._parsed:
            page = parse_page(self._texts[rel], path=self._root / rel, rel=rel)
            self._parsed[rel] = frozenset(page.anchors)
        return self._parsed[rel]

    def __contains__(self, rel: object) -> bool:  # without parsing the page
        return rel in self._texts

    def __iter__(self) -> Iterator[str]:
        return iter(self._texts)

    def __len__(self) -> int:
        return len(self._texts)


@dataclass(frozen=True)
class DocsContext:
    """The docs tree as a new page sees it; ``page_rel`` is where the page will live."""

    page_rel: str
    files: frozenset[str] = frozenset()
    anchors: Mapping[str, frozenset[str]] = field(default_factory=dict)
    features: tuple[FeatureLink, ...] = ()

    def has(self, rel: str) -> bool:
        return rel in self.files

    def has_anchor(self, rel: str, anchor: str) -> bool:
        return rel in self.anchors and anchor in self.anchors[rel]

    def link(self, rel: str) -> str:
        """``rel`` (under the docs root) as a link target from the new page."""
        return posixpath.relpath(rel, posixpath.dirname(self.page_rel) or ".")

    def resolve(self, target: str) -> str:
        """A link target written on the new page, as a path under the docs root."""
        base = posixpath.dirname(self.page_rel)
        return posixpath.normpath(posixpath.join(base, target))


def docs_context(
    page_rel: str, root: Path, files: frozenset[str], texts: Mapping[str, str], claimed: Iterable[Claimed]
) -> DocsContext:
    """The context of a new page at ``page_rel`` in a docs tree: its files, the readable
    pages' ``texts`` (by rel), and what each feature page documents."""
    features = tuple(
        FeatureLink(page.rel, page.title, frozenset(page.apps)) for page in claimed if page.rel != page_rel
    )
    return DocsContext(page_rel, files, PageAnchors(root, texts), features)
