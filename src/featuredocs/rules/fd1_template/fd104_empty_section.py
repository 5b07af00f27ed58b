from __future__ import annotations

import re
from collections.abc import Iterator

from featuredocs.model import BlockKind, Finding, Page, Severity
from featuredocs.rules.base import CheckContext, Rule
from featuredocs.rules.fd1_template.outline import has_content
from featuredocs.rules.registry import register


@register
class EmptySection(Rule):
    """A section has a heading and nothing under it.

    What it does:
        Reports a section with no content (text, list, code, table) and no sub-sections.
        A lone horizontal rule or HTML comment is not content, and neither is a lone
        to-do (`TBD`, `TODO: measure the export`, `Coming soon.`). A section that says
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
            if section.subsections:
                continue
            content = [block for block in section.blocks if has_content(block)]
            if not content:
                said = "is empty"
            elif len(content) == 1 and content[0].kind is BlockKind.PARAGRAPH and _TO_DO.match(content[0].plain):
                said = f"holds only a to-do (`{_first_words(content[0].plain)}`)"
            else:
                continue
            marks = "#" * section.level
            yield self.finding(
                page,
                section.heading.span,
                f"section `{marks} {section.title}` {said}",
                hint="write its content, or `Not applicable.` when it does not apply",
            )


#: A paragraph that promises content rather than giving it.
_TO_DO = re.compile(
    r"\s*(?:TBD|TBA|TODO|FIXME|WIP|coming soon|to be (?:written|done|documented|added|decided)"
    r"|work in progress|\.{3}|…)\s*(?:[.!:;,\-–—(].*)?\Z",
    re.IGNORECASE | re.DOTALL,
)


def _first_words(text: str) -> str:
    words = text.split()
    return " ".join(words[:4]) + (" …" if len(words) > 4 else "")
