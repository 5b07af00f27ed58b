from __future__ import annotations

from collections.abc import Iterator

from featuredocs.model import Finding, Page, Severity
from featuredocs.rules.base import CheckContext, Rule
from featuredocs.rules.fd1_template.placeholders import placeholders_of
from featuredocs.rules.registry import register


@register
class TemplatePlaceholder(Rule):
    """The page still contains the template's placeholder or example text.

    What it does:
        Finds bracketed placeholder prose such as `[Capability 1]`, `[X]` or
        `**[Name]**` (real links, resolved reference links, task-list boxes, anything in
        code, and the notes command-line help writes in brackets — `[default: 50]`,
        `[required]`, `[env var: SHOP_TOKEN]`, `[csv|json]`, `[1<=x<=100]` — are left
        alone), and the template's example values left unchanged, such
        as `Purpose and responsibility`, `` `field_name` (Type): Description `` or
        `python manage.py command_name [options]`. The example values are read from the
        template itself, so a team's own template works the same way.

    Why is this bad?
        Placeholder text reads as documentation but says nothing true about the feature;
        a reader cannot tell which parts of the page were ever written.

    Example:
        ```markdown
        **Key Capabilities:**
        - [Capability 1]: Description

        **TTL**: [X] minutes
        ```

    Use instead:
        ```markdown
        **Key Capabilities:**
        - Expiry: cancels orders left unpaid for three days

        **TTL**: 15 minutes
        ```

    Fix safety:
        No fix: the real text has to be written by someone who knows the feature.
    """

    code = "FD103"
    name = "TemplatePlaceholder"
    summary = "template placeholder left in"
    severity = Severity.WARNING

    def check(self, page: Page, ctx: CheckContext) -> Iterator[Finding]:
        for placeholder in placeholders_of(page, ctx):
            if placeholder.bracketed:
                message = f"template placeholder `{placeholder.text}` left in the page"
            else:
                message = f"template example text left unchanged: `{placeholder.text}`"
            yield self.finding(
                page,
                placeholder.span,
                message,
                hint="replace it with what is true for this feature",
            )
