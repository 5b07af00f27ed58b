from __future__ import annotations

from collections.abc import Iterator

from featuredocs.markdown.archive import archived_marker
from featuredocs.model import Finding, Page, Severity
from featuredocs.rules.base import CheckContext, Rule
from featuredocs.rules.registry import register


@register
class ArchivedPage(Rule):
    """The page is marked archived, so it is not checked against the code.

    What it does:
        Reports, once, that a page carries `status: archived` in its front matter or an
        archived banner under its title. The engine then skips the page's template and
        drift findings (FD1, FD3–FD8); its links are still checked.

    Why is this bad?
        It is not: history is allowed to describe the past. The finding keeps archived
        pages visible in reports so they are not forgotten.

    Example:
        ```markdown
        ---
        status: archived
        ---
        # Legacy Invoicing
        ```

    Use instead:
        Nothing to change. Remove the marker to check the page against the code again.

    Fix safety:
        No fix.
    """

    code = "FD106"
    name = "ArchivedPage"
    summary = "page is archived; drift checks skipped"
    severity = Severity.INFO

    def check(self, page: Page, ctx: CheckContext) -> Iterator[Finding]:
        span = archived_marker(page)
        if span is not None:
            yield self.finding(
                page,
                span,
                "page is archived: drift checks are skipped",
                hint="remove the archived marker to check this page against the code again",
            )
