"""The check pipeline: pages and facts in, filtered and sorted findings out.

Rules are pure; everything a user configures (select/ignore, per-file ignores, inline
suppressions, severities, archived pages) is applied here, once, for every rule alike.
"""

from __future__ import annotations

import dataclasses
import fnmatch
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from featuredocs import parallel
from featuredocs.config import Config
from featuredocs.errors import UsageError
from featuredocs.markdown import PageError, archived_marker, load_docset, load_schema
from featuredocs.markdown.load import display_path
from featuredocs.model import DocSet, Finding, Page, ProjectFacts
from featuredocs.model.page import code_matches
from featuredocs.model.template import TemplateSchema
from featuredocs.rules.base import CheckContext, Rule
from featuredocs.rules.registry import all_rules, expand

ARCHIVED_CODE = "FD106"  # the one finding an archived page gets
#: Families that describe the code; an archived page is allowed to describe the past.
_DRIFT_FAMILIES = ("FD1", "FD3", "FD4", "FD5", "FD6", "FD7", "FD8")


@dataclass(frozen=True)
class CheckResult:
    findings: tuple[Finding, ...]
    docset: DocSet
    page_errors: tuple[PageError, ...]
    rules_run: tuple[str, ...]
    checked: frozenset[str]  # rel paths of the pages reported on
    skipped_for_facts: tuple[str, ...]  # codes not run because the project has no facts


def load_docs(config: Config) -> tuple[DocSet, list[PageError]]:
    if not config.docs.is_dir():
        raise UsageError(
            "docs folder not found (set `docs` in [tool.featuredocs] or pass --docs)",
            display_path(config.docs, None),
        )
    return load_docset(
        config.docs,
        include=("**/*.md",),
        exclude=config.exclude,
        display_base=Path.cwd(),
        max_bytes=config.max_page_bytes,
    )


def load_template(config: Config) -> TemplateSchema:
    from featuredocs.markdown import SchemaError

    try:
        return load_schema(config.template)
    except SchemaError as error:
        raise UsageError(str(error)) from None


def feature_pages(docset: DocSet, config: Config) -> frozenset[str]:
    return frozenset(
        page.rel for page in docset.pages if any(_glob(page.rel, g) for g in config.pages)
    )


def selected_rules(config: Config) -> list[type[Rule]]:
    chosen = expand(config.select) - expand(config.ignore)
    return [rule for rule in all_rules() if rule.code in chosen]


def run_check(
    config: Config,
    facts: ProjectFacts | None,
    *,
    paths: Sequence[Path] = (),
    docs: tuple[DocSet, list[PageError]] | None = None,
) -> CheckResult:
    """Run every selected rule over the docs tree; ``paths`` limits which pages report."""
    docset, errors = docs or load_docs(config)
    schema = load_template(config)
    ctx = CheckContext(
        docset=docset,
        schema=schema,
        facts=facts,
        project_root=config.root,
        feature_pages=feature_pages(docset, config),
    )
    wanted = select_pages(docset, paths)
    rules = selected_rules(config)
    runnable = [r for r in rules if facts is not None or not r.needs_facts]
    instances = [rule() for rule in runnable]
    pages = [page for page in docset.pages if page.rel in wanted]
    # The docset rules first: what they work out is shared with the workers. Then page by
    # page, on every idle core; the report's order is the findings' sort order.
    found = docset_findings(runnable, ctx, wanted)
    for page_found in parallel.map_in_order(lambda page: page_findings(instances, page, ctx), pages):
        found.extend(page_found)
    return CheckResult(
        findings=_unanswered(in_report_order(settle(found, docset, config)), ctx),
        docset=docset,
        page_errors=reported_errors(errors, paths),
        rules_run=tuple(r.code for r in runnable),
        checked=wanted,
        skipped_for_facts=tuple(r.code for r in rules if r not in runnable),
    )


def with_examples_run(config: Config, result: CheckResult) -> tuple[CheckResult, str | None]:
    """``result`` with what running the examples of its checked pages found (FD805,
    ``check --execute``), when FD805 is selected; and a summary of the run."""
    from featuredocs.execute import execute_examples
    from featuredocs.markdown import parse_page
    from featuredocs.rules.fd8_code.fd805_example_failed import ExampleFailed
    from featuredocs.rules.fd8_code.runnable import runnable_examples

    if ExampleFailed not in selected_rules(config):
        return result, None
    docset = result.docset
    ctx = CheckContext(docset=docset, schema=load_template(config), project_root=config.root,
                       feature_pages=feature_pages(docset, config))
    # The docset's pages that the run did not parse itself are light copies: read whole here.
    pages = [parse_page(page.text, path=page.path, rel=page.rel, display=page.display)
             for page in docset.pages if page.rel in result.checked and ExampleFailed.runs_on(page, ctx)]
    report = execute_examples(config, {page.rel: runnable_examples(page) for page in pages})
    ctx.executions = report.failures
    rule = ExampleFailed()
    # Where a rule that holds the page to the project without running anything reports,
    # it already says why.
    explained = {(f.path, f.span.line) for f in result.findings if f.code.startswith(_REFERENCE_FAMILIES)}
    every = [f for page in pages for f in rule.check(page, ctx)]
    found = [f for f in every if (f.path, f.span.line) not in explained]
    read = DocSet(docset.root, tuple(pages), docset.files)  # their suppressions, as written
    return dataclasses.replace(
        result,
        findings=in_report_order([*result.findings, *settle(found, read, config)]),
        rules_run=(*result.rules_run, rule.code) if rule.code not in result.rules_run else result.rules_run,
    ), report.summary(explained=len(every) - len(found))


#: The rules about what a page says of the project: models, commands, endpoints,
#: configuration, cache and code (not the template's shape or the links).
_REFERENCE_FAMILIES = ("FD3", "FD4", "FD5", "FD6", "FD7", "FD8")


# --- Shared with the incremental check (featuredocs.cache), which runs rules page by page.


def _unanswered(findings: tuple[Finding, ...], ctx: CheckContext) -> tuple[Finding, ...]:
    """``findings`` without those another page answers (``coverage/elsewhere.py``)."""
    if ctx.facts is None or all(finding.endpoint is None for finding in findings):
        return findings
    from featuredocs.coverage.claimed import page_claims
    from featuredocs.coverage.elsewhere import answered, asked, may_document

    endpoints = asked(findings)
    claimed = [
        (page.display, page_claims(page, ctx)) for page in ctx.docset.pages
        if ctx.is_feature(page) and may_document(page.text, endpoints)
    ]
    return answered(findings, claimed)


def page_findings(rules: Sequence[Rule], page: Page, ctx: CheckContext) -> list[Finding]:
    """What the page-scope ``rules`` (instances) report on one page, in rule order."""
    found: list[Finding] = []
    for rule in rules:
        if rule.scope == "docset" or not rule.runs_on(page, ctx):
            continue
        found.extend(rule.check(page, ctx))
    return found


def docset_findings(
    rules: Sequence[type[Rule]], ctx: CheckContext, wanted: frozenset[str]
) -> list[Finding]:
    """What the docset-scope ``rules`` report on the ``wanted`` pages."""
    wanted_display = {page.display for page in ctx.docset.pages if page.rel in wanted}
    found: list[Finding] = []
    for rule in rules:
        if rule.scope == "docset":
            found.extend(f for f in rule().check_docset(ctx) if f.path in wanted_display)
    return found


def settle(found: Iterable[Finding], docset: DocSet, config: Config) -> list[Finding]:
    """Findings as configured: suppressed and archived ones dropped, severities applied."""
    by_display = {page.display: page for page in docset.pages}
    return [_with_severity(f, config) for f in found if _kept(f, by_display.get(f.path), config)]


def in_report_order(findings: Iterable[Finding]) -> tuple[Finding, ...]:
    """Sorted by place and code, duplicates dropped (the sort is stable)."""
    return tuple(_unique(sorted(findings, key=lambda f: f.sort_key)))


def select_pages(docset: DocSet, paths: Sequence[Path]) -> frozenset[str]:
    """The rel paths of the pages ``paths`` name (files or folders); all pages when empty."""
    if not paths:
        return frozenset(page.rel for page in docset.pages)
    chosen: set[str] = set()
    for path in paths:
        target = path.resolve()
        matched = [
            page.rel
            for page in docset.pages
            if page.path == target or target in page.path.parents
        ]
        if not matched:
            raise UsageError("not a Markdown page under the docs folder", str(path))
        chosen.update(matched)
    return frozenset(chosen)


def _kept(finding: Finding, page: Page | None, config: Config) -> bool:
    if page is None:
        return True
    if finding.code != ARCHIVED_CODE and archived_marker(page) is not None:
        if finding.code.startswith(_DRIFT_FAMILIES):
            return False
    for glob, codes in config.per_file_ignores.items():
        if _glob(page.rel, glob) and code_matches(finding.code, codes):
            return False
    return not any(suppression.covers(finding.code, finding.span.line) for suppression in page.suppressions)


def _with_severity(finding: Finding, config: Config) -> Finding:
    for selector in sorted(config.severity, key=len, reverse=True):
        if finding.code.startswith(selector):
            return dataclasses.replace(finding, severity=config.severity[selector])
    return finding


def _unique(findings: list[Finding]) -> list[Finding]:
    seen: set[tuple[object, ...]] = set()
    result = []
    for finding in findings:
        key = (finding.sort_key, finding.severity)
        if key not in seen:
            seen.add(key)
            result.append(finding)
    return result


def _glob(rel: str, pattern: str) -> bool:
    """Glob with ``**`` matching any number of folders (including none)."""
    if fnmatch.fnmatchcase(rel, pattern):
        return True
    return "**/" in pattern and fnmatch.fnmatchcase(rel, pattern.replace("**/", ""))


def reported_errors(errors: Sequence[PageError], paths: Sequence[Path]) -> tuple[PageError, ...]:
    """The page errors a run reports: all, or those under the ``paths`` it was given."""
    return tuple(e for e in errors if not paths or _under(e.path, paths))


def _under(path: Path, paths: Sequence[Path]) -> bool:
    target = path.resolve()
    return any(target == p.resolve() or p.resolve() in target.parents for p in paths)
