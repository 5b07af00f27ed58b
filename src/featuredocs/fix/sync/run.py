"""``featuredocs sync``: refresh the fact-derived parts of the feature pages, in memory.

Each family proposes :class:`SyncChange`\\ s for a page — Fields and Indexes lists,
command options, endpoint methods and query parameters, response bodies, environment
blocks, settings' defaults, cache TTLs — as minimal edits of the page's text. The changes
are applied, the page is read again, and the families look again until the page is
stable (a field that was renamed gets its type corrected on the next look), so running
sync a second time changes nothing. Archived pages are history and are left alone; so is
anything a user silenced (see :class:`~featuredocs.fix.sync.scope.Scope`).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from functools import partial
from pathlib import Path

from featuredocs import parallel
from featuredocs.config import Config
from featuredocs.engine import feature_pages, load_template, select_pages
from featuredocs.fix.apply import FileChange
from featuredocs.fix.edits import apply_groups
from featuredocs.fix.pages import changes_between, reparsed, with_texts
from featuredocs.fix.sync.endpoints import endpoint_changes
from featuredocs.fix.sync.env import env_changes
from featuredocs.fix.sync.fields import field_changes
from featuredocs.fix.sync.indexes import index_changes
from featuredocs.fix.sync.options import option_changes
from featuredocs.fix.sync.responses import response_changes
from featuredocs.fix.sync.scope import Scope, SyncChange
from featuredocs.fix.sync.rule_fixes import (
    cache_key_changes,
    env_default_changes,
    setting_default_changes,
    ttl_changes,
)
from featuredocs.markdown import archived_marker
from featuredocs.model import DocSet, Page, ProjectFacts
from featuredocs.model.template import TemplateSchema
from featuredocs.rules.base import CheckContext

MAX_PASSES = 5

Family = Callable[[Page, CheckContext, Scope], Iterator[SyncChange]]
FAMILIES: tuple[Family, ...] = (
    field_changes,
    index_changes,
    option_changes,
    endpoint_changes,
    response_changes,
    env_changes,
    env_default_changes,
    setting_default_changes,
    cache_key_changes,
    ttl_changes,
)


@dataclass(frozen=True)
class SyncResult:
    """The pages sync would change (old and new text) and the docs set after syncing."""

    changes: tuple[FileChange, ...]
    docset: DocSet


def sync_page(page: Page, ctx: CheckContext, scope: Scope | None = None) -> list[SyncChange]:
    """Every change one look at ``page`` proposes (nothing for an archived page)."""
    if archived_marker(page) is not None:
        return []
    scope = scope or Scope(page)
    return [change for family in FAMILIES for change in family(page, ctx, scope)]


def in_sync(page: Page, ctx: CheckContext, config: Config) -> bool:
    """Whether one look at ``page`` leaves it as it is: sync will not change it while the
    page, and what this look read of the facts, stay the same. A check with a cache works
    this out beside the page's findings, so that ``sync`` after it looks again only at the
    pages that may change."""
    return _synced(page, ctx, lambda page: Scope.for_page(page, config)) is None


def sync_docs(
    docset: DocSet,
    facts: ProjectFacts,
    schema: TemplateSchema,
    *,
    wanted: frozenset[str] | None = None,
    features: frozenset[str] | None = None,
    scope_for: Callable[[Page], Scope] = Scope,
    project_root: Path | None = None,
    parsed: bool = True,
    known_in_sync: frozenset[str] = frozenset(),
) -> SyncResult:
    """Sync the feature pages of ``docset`` (those in ``wanted``) until they are stable.

    ``parsed`` false: the pages hold nothing but their names and text, and each is parsed
    by whichever process syncs it, so that parsing too is spread over every core (the
    docs set returned then holds such pages too). ``known_in_sync``: pages that
    :func:`in_sync` found stable as they are now, against these facts; they are not
    looked at again."""
    features = features if features is not None else frozenset(p.rel for p in docset.pages)
    pending = (features if wanted is None else features & wanted) - known_in_sync
    current = docset
    for _ in range(MAX_PASSES):
        ctx = CheckContext(
            docset=current, schema=schema, facts=facts, project_root=project_root, feature_pages=features
        )
        pages = [page for page in current.pages if page.rel in pending]
        synced = parallel.map_in_order(partial(_synced, ctx=ctx, scope_for=scope_for, parse=not parsed), pages)
        texts = {page.rel: text for page, text in zip(pages, synced) if text is not None}
        if not texts:
            break
        current = with_texts(current, texts, parse=parsed)
        pending = frozenset(texts)  # only a page that just changed can change again
    return SyncResult(tuple(changes_between(docset, current)), current)


def _synced(page: Page, ctx: CheckContext, scope_for: Callable[[Page], Scope], parse: bool = False) -> str | None:
    """``page``'s text after one look at it, or None when it stays as it is (pages are
    looked at on every idle core: one page's changes never depend on another's).
    ``parse``: ``page`` holds its text only, and is parsed here first."""
    if parse:
        page = reparsed(page, page.text)
    changes = sync_page(page, ctx, scope_for(page))
    text = apply_groups(page.text, [change.edits for change in changes]).text if changes else page.text
    return text if text != page.text else None


def sync(
    config: Config, facts: ProjectFacts, docset: DocSet, *, paths: Sequence[Path] = (), parsed: bool = True,
    known_in_sync: frozenset[str] = frozenset(),
) -> SyncResult:
    """Sync with a user's configuration: their template, page globs and ignores.
    ``parsed`` and ``known_in_sync``: see :func:`sync_docs`."""
    return sync_docs(
        docset,
        facts,
        load_template(config),
        wanted=select_pages(docset, paths),
        features=feature_pages(docset, config),
        scope_for=lambda page: Scope.for_page(page, config),
        project_root=config.root,
        parsed=parsed,
        known_in_sync=known_in_sync,
    )
