from __future__ import annotations

from collections.abc import Iterator

from featuredocs.model import Finding, Page, Severity
from featuredocs.rules.base import CheckContext, Rule
from featuredocs.rules.fd1_template.outline import has_content
from featuredocs.rules.registry import register


@register
class EmptySection(Rule):
    """A section has a heading and nothing under it.

    What it does:
        Reports a section with no content (text, list, code, table) and no sub-sections.
        A lone horizontal rule or HTML comment is not content. A section that says
        `Not applicable.` is not empty.

    Why is this bad?
        An empty heading promises information and delivers none; readers cannot tell
        whether the feature has nothing to say there or the page is unfinished.

    Example:
        ```markdown
        ## Troubleshooting

        ## Common Workflows
        ```

    Use instead:
        ```markdown
        ## Troubleshooting

        Not applicable: the command is idempotent and logs every failure.

        ## Common Workflows
        ```

    Fix safety:
        No fix: only the author knows what belongs there.
    """

    code = "FD104"
    name = "EmptySection"
    summary = "section has no content"
    severity = Severity.WARNING

    def check(self, page: Page, ctx: CheckContext) -> Iterator[Finding]:
        for section in page.walk():
            if section.subsections or any(has_content(block) for block in section.blocks):
                continue
            marks = "#" * section.level
            yield self.finding(
                page,
                section.heading.span,
                f"section `{marks} {section.title}` is empty",
                hint="write its content, or `Not applicable.` when it does not apply",
            )
