"""What the docs tree already holds, so a generated page links only to what resolves:
which files exist, which anchors ``commands.md`` and ``api.md`` have, and which feature
pages document which apps.
"""

from __future__ import annotations

import posixpath
from dataclasses import dataclass, field
from pathlib import Path

from featuredocs.model import DocSet, Page, ProjectFacts
from featuredocs.rules.fd6_config.feature_apps import covered_apps

COMMANDS_FILE = "commands.md"
API_FILE = "api.md"
INDEX_FILE = "README.md"
ARCHITECTURE_FILE = "architecture.md"


@dataclass(frozen=True)
class FeatureLink:
    rel: str  # under the docs root: "features/order-lifecycle.md"
    title: str
    apps: frozenset[str]


@dataclass(frozen=True)
class DocsContext:
    """The docs tree as a new page sees it; ``page_rel`` is where the page will live."""

    page_rel: str
    files: frozenset[str] = frozenset()
    anchors: dict[str, frozenset[str]] = field(default_factory=dict)
    features: tuple[FeatureLink, ...] = ()

    def has(self, rel: str) -> bool:
        return rel in self.files

    def has_anchor(self, rel: str, anchor: str) -> bool:
        return anchor in self.anchors.get(rel, frozenset())

    def link(self, rel: str) -> str:
        """``rel`` (under the docs root) as a link target from the new page."""
        return posixpath.relpath(rel, posixpath.dirname(self.page_rel) or ".")

    def resolve(self, target: str) -> str:
        """A link target written on the new page, as a path under the docs root."""
        base = posixpath.dirname(self.page_rel)
        return posixpath.normpath(posixpath.join(base, target))


def docs_context(
    docset: DocSet | None, facts: ProjectFacts, page_rel: str, feature_rels: frozenset[str]
) -> DocsContext:
    if docset is None:
        return DocsContext(page_rel)
    anchors = {page.rel: page.anchors for page in docset.pages}
    features = tuple(
        _feature(page, facts)
        for page in docset.pages
        if page.rel in feature_rels and page.rel != page_rel
    )
    return DocsContext(page_rel, docset.files, anchors, features)


def _feature(page: Page, facts: ProjectFacts) -> FeatureLink:
    title = page.title.plain.strip() if page.title is not None else Path(page.rel).stem
    apps = frozenset(app.label for app in covered_apps(page, facts))
    return FeatureLink(page.rel, title, apps)
