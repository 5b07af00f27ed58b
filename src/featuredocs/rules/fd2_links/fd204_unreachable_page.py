from __future__ import annotations

from collections.abc import Iterator

from featuredocs.model import DocSet, Finding, Page, Severity, Span
from featuredocs.rules.base import CheckContext, Rule
from featuredocs.rules.fd2_links.targets import targets_of
from featuredocs.rules.registry import register

INDEX_NAMES = ("README.md", "index.md")


@register
class UnreachablePage(Rule):
    """No chain of links leads from the documentation index to the page.

    What it does:
        Follows links from the documentation index (`README.md` or `index.md` at the docs
        root) through every page they reach, and reports the pages never reached. Pages
        whose name starts with `_` (templates, partials) are not reported. Without an
        index there is nothing to check.

    Why is this bad?
        A page nobody links to is found only by searching the repository; it tends to be
        forgotten, and to drift from the code unnoticed.

    Example:
        ```markdown
        <!-- docs/README.md -->
        - [Order expiry](features/order-expiry.md)
        ```
        `docs/features/refunds.md` exists but nothing links to it.

    Use instead:
        ```markdown
        - [Order expiry](features/order-expiry.md)
        - [Refunds](features/refunds.md)
        ```

    Fix safety:
        No fix: where the link belongs is an editorial choice (`featuredocs index`
        rebuilds the index with every page).
    """

    code = "FD204"
    name = "UnreachablePage"
    summary = "page not reachable from the documentation index"
    severity = Severity.WARNING
    scope = "docset"
    all_pages = True

    def check_docset(self, ctx: CheckContext) -> Iterator[Finding]:
        index = _index_page(ctx.docset)
        if index is None:
            return
        reached = _reachable(index, ctx)
        for page in ctx.docset.pages:
            if page.rel in reached or page.path.name.startswith(("_", ".")):
                continue
            span = page.title.span if page.title is not None else Span.at(1)
            yield self.finding(
                page,
                span,
                f"page is not linked from `{index.rel}`, directly or through other pages",
                hint=f"link it from `{index.rel}` or from a page that is",
            )


def _index_page(docset: DocSet) -> Page | None:
    for name in INDEX_NAMES:
        page = docset.page(name)
        if page is not None:
            return page
    return None


def _reachable(index: Page, ctx: CheckContext) -> set[str]:
    reached = {index.rel}
    pending = [index]
    while pending:
        page = pending.pop()
        for target in targets_of(page, ctx):
            for rel in _pages_for(target.rel, ctx.docset):
                if rel not in reached:
                    reached.add(rel)
                    pending.append(ctx.docset.page(rel))  # type: ignore[arg-type]
    return reached


def _pages_for(rel: str | None, docset: DocSet) -> list[str]:
    """The page a link reaches: the file itself, or a folder's README/index."""
    if rel is None:
        return []
    if docset.page(rel) is not None:
        return [rel]
    folder = rel.rstrip("/")
    prefix = f"{folder}/" if folder else ""
    return [prefix + name for name in INDEX_NAMES if docset.page(prefix + name) is not None]
