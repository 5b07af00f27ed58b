"""Run one rule the way the engine does, on parsed pages and (optionally) real facts."""

from __future__ import annotations

from pathlib import Path

from featuredocs.model import DocSet, Finding, Page, ProjectFacts
from featuredocs.rules.base import CheckContext, Rule


def context_for(
    pages: list[Page] | tuple[Page, ...],
    facts: ProjectFacts | None = None,
    *,
    root: Path | None = None,
    files: frozenset[str] | None = None,
    project_root: Path | None = None,
) -> CheckContext:
    from featuredocs.markdown import load_schema

    root = root or (pages[0].path.parent if pages else Path("."))
    docset = DocSet(root, tuple(pages), files if files is not None else frozenset())
    return CheckContext(
        docset=docset,
        schema=load_schema(),
        facts=facts,
        project_root=project_root,
        feature_pages=frozenset(p.rel for p in pages if p.rel.startswith("features/")),
    )


def run_rule(
    rule: type[Rule],
    page: Page,
    facts: ProjectFacts | None = None,
    *,
    ctx: CheckContext | None = None,
) -> list[Finding]:
    """Findings of ``rule`` on ``page``, sorted, as the engine would produce them."""
    ctx = ctx or context_for([page], facts)
    instance = rule()
    if rule.scope == "docset":
        found = list(instance.check_docset(ctx))
    else:
        found = list(instance.check(page, ctx))
    return sorted(found, key=lambda f: f.sort_key)


def pointed_texts(rule: type[Rule], page: Page, facts: ProjectFacts | None = None) -> list[str]:
    """The page text each finding of ``rule`` on ``page`` points at."""
    return [
        page.line_text(f.span.line)[f.span.column - 1 : f.span.end_column - 1]
        for f in run_rule(rule, page, facts)
    ]
