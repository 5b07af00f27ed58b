from __future__ import annotations

import dataclasses
from collections.abc import Iterator

from featuredocs.model import Finding, Page, Section, Severity, Span
from featuredocs.model.template import SectionSpec
from featuredocs.rules.base import CheckContext, Rule
from featuredocs.rules.fd1_template.outline import (
    close_heading,
    normalize_title,
    not_applicable,
    outline_of,
)
from featuredocs.rules.registry import register


@register
class RequiredSectionMissing(Rule):
    """A section the template requires is not in the page.

    What it does:
        Checks that every `## ` section of the template is in the feature page (an error),
        and that every fixed sub-section of a present section, such as
        `### Environment Variables` under `## Configuration`, is there too (a warning).
        Example headings of the template (`### [ModelName]`, `### command_name`) are
        shapes, not names, and are never required. A section written as `Not applicable.`
        (or `N/A`, `None.`) is present, and its sub-sections are not required.

    Why is this bad?
        Readers and tools rely on every feature page having the same outline: the index
        links to `#configuration`, reviewers look for the troubleshooting section. A page
        that silently drops a section leaves the reader unsure whether the feature has no
        configuration or the author forgot it.

    Example:
        ```markdown
        # Order Expiry

        ## Overview
        ## Usage
        ```

    Use instead:
        ```markdown
        # Order Expiry

        ## Overview
        ## Usage Examples

        ## Configuration

        Not applicable.
        ```

    Fix safety:
        No fix: only the author knows what the section should say.
    """

    code = "FD101"
    name = "RequiredSectionMissing"
    summary = "required template section missing"
    severity = Severity.ERROR

    def check(self, page: Page, ctx: CheckContext) -> Iterator[Finding]:
        outline = outline_of(page, ctx)
        where = page.title.span if page.title is not None else Span.at(1)
        for spec in outline.missing:
            near = close_heading(spec.title, outline.unmatched)
            hint = f"did you mean `{_marks(near)} {near.title}`?" if near else None
            yield self.finding(
                page, where, f"required section `## {spec.title}` is missing", hint=hint
            )
        for spec, section in outline.matched:
            yield from self._check_children(page, spec, section)

    def _check_children(self, page: Page, spec: SectionSpec, section: Section) -> Iterator[Finding]:
        if not any(child.required for child in spec.children) or not_applicable(section):
            return
        below = [sub for sub in section.walk() if sub is not section]
        by_title = {normalize_title(sub.title): sub for sub in below}
        # a sub-section the template names already is no misspelling of another
        named = {normalize_title(child.title) for child in spec.children}
        unnamed = [sub for sub in section.subsections if normalize_title(sub.title) not in named]
        for child in spec.children:
            if not child.required:
                continue
            present = by_title.get(normalize_title(child.title))
            if present is not None:
                yield from self._check_children(page, child, present)
                continue
            near = close_heading(child.title, unnamed)
            hint = f"did you mean `{_marks(near)} {near.title}`?" if near else None
            marks = "#" * child.level
            finding = self.finding(
                page,
                section.heading.span,
                f"`{_marks(section)} {section.title}` has no `{marks} {child.title}` sub-section",
                hint=hint,
            )
            yield dataclasses.replace(finding, severity=Severity.WARNING)


def _marks(section: Section) -> str:
    return "#" * section.level
