from __future__ import annotations

from collections.abc import Iterator

from featuredocs.model import Finding, Page, Severity, Span
from featuredocs.rules.base import CheckContext, Rule
from featuredocs.rules.registry import register


@register
class MissingTitleOrTagline(Rule):
    """The page has no `# Title` heading, or no `> tagline` right under it.

    What it does:
        Checks that a feature page starts with one H1 title followed by a block quote that
        says in one sentence what the feature is for.

    Why is this bad?
        The documentation index and the reference pages are built from the title and the
        tagline; a page without them is listed as its file name with no description.

    Example:
        ```markdown
        ## Overview
        Order expiry cancels unpaid orders.
        ```

    Use instead:
        ```markdown
        # Order Expiry

        > **Order expiry** - Cancels unpaid orders after their payment window closes.

        ## Overview
        ```

    Fix safety:
        No fix: only a person can write the title and the sentence.
    """

    code = "FD105"
    name = "MissingTitleOrTagline"
    summary = "title or tagline missing"
    severity = Severity.WARNING

    def check(self, page: Page, ctx: CheckContext) -> Iterator[Finding]:
        if page.title is None:
            yield self.finding(
                page,
                Span.at(1),
                "page has no `# Title` heading",
                hint="start the page with `# Feature Name`",
            )
        elif page.tagline is None:
            yield self.finding(
                page,
                page.title.span,
                "title is not followed by a `> tagline`",
                hint="add `> **Feature** - one sentence on what it is for` under the title",
            )
