from __future__ import annotations

import difflib
from collections.abc import Iterator

from featuredocs.model import Applicability, Edit, Finding, Fix, Page, Severity
from featuredocs.rules.base import CheckContext, Rule
from featuredocs.rules.fd2_links.targets import (
    PAGE_SUFFIXES,
    LinkTarget,
    explicit_anchors,
    fragment_span,
    targets_of,
)
from featuredocs.rules.registry import register


@register
class BrokenHeadingAnchor(Rule):
    """A link's `#anchor` names no heading of the page it points at.

    What it does:
        Checks `#anchor` links within a page and `other.md#anchor` links to other pages of
        the docs tree against the anchors GitHub generates for their headings (lower
        case, punctuation dropped, spaces as `-`, duplicates numbered `-1`, `-2` …).
        Anchors a page sets itself count too: HTML ids (`<a id="…">`), a heading's id in
        braces (`## Troubleshooting {#troubleshooting-expiry}`, as MkDocs, Pandoc and
        Docusaurus write it) and MyST targets (`(import-caching)=`).

    Why is this bad?
        The link still opens the page but drops the reader at the top, far from what the
        link promised, usually because a heading was renamed.

    Example:
        ```markdown
        See [the options](../commands.md#expire-orders-options).
        ```

    Use instead:
        ```markdown
        See [the options](../commands.md#expire_orders-options).
        ```

    Fix safety:
        When exactly one anchor of the target page is close, the fix replaces the anchor
        and is safe: the link already points at that page and the anchor is derived
        from an existing heading. A reference link (``[Commands][cmdref]``) is fixed in
        its definition (``[cmdref]: ../commands.md#…``).
    """

    code = "FD202"
    name = "BrokenHeadingAnchor"
    summary = "heading anchor missing"
    severity = Severity.ERROR
    all_pages = True

    def check(self, page: Page, ctx: CheckContext) -> Iterator[Finding]:
        for target in targets_of(page, ctx):
            anchor = target.fragment
            if not anchor or target.line_range is not None and not target.same_page:
                continue
            other = self._target_page(page, target, ctx)
            if other is None:
                continue
            anchors = ctx.memo("fd2.anchors", other, _anchors)  # index pages are linked often
            if anchor.casefold() in anchors:
                continue
            yield self._broken(page, target, anchor, other)

    def _target_page(self, page: Page, target: LinkTarget, ctx: CheckContext) -> Page | None:
        if target.same_page or target.rel == page.rel:  # ``a.md#x`` written in a.md
            return page
        if target.rel is None or not target.path.lower().endswith(PAGE_SUFFIXES):
            return None
        return ctx.docset.page(target.rel)

    def _broken(self, page: Page, target: LinkTarget, anchor: str, other: Page) -> Finding:
        slugs = sorted({heading.slug for heading in other.headings})
        # an id the page sets itself is what its links are written against
        close = difflib.get_close_matches(anchor, sorted(explicit_anchors(other.text)), n=2, cutoff=0.6)
        close = close or difflib.get_close_matches(anchor.casefold(), slugs, n=2, cutoff=0.6)
        where = "this page" if other is page else f"`{target.path}`"
        hint = f"did you mean `#{close[0]}`?" if close else _no_match_hint(slugs)
        fix = None
        span = fragment_span(page, target.link, target.link.target.partition("#")[2])
        if len(close) == 1 and span is not None:
            fix = Fix(
                f"link to `#{close[0]}`",
                (Edit(span, close[0]),),
                Applicability.SAFE,
            )
        return self.finding(
            page,
            target.link.span,
            f"anchor `#{anchor}` matches no heading in {where}",
            hint=hint,
            fix=fix,
        )


def _anchors(page: Page) -> frozenset[str]:
    return frozenset(a.casefold() for a in (*page.anchors, *explicit_anchors(page.text)))


def _no_match_hint(slugs: list[str]) -> str | None:
    if not slugs:
        return "the page has no headings"
    return None
