"""``featuredocs check --fix`` and ``--diff``: apply the fixes findings carry, then check again.

Fixes are applied in memory, page by page, in finding order; a fix that overlaps one
applied before it waits for the next pass, when the check runs again on the fixed text
and offers fresh fixes. The passes stop when nothing more is fixed. Nothing is written
here: the command writes the resulting pages (``--fix``) or prints their diff (``--diff``).
Each pass is checked by the caller's ``recheck`` (``cache/passes.py``), which checks
again only what the fixes can have changed.
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass

from featuredocs.engine import CheckResult
from featuredocs.fix.apply import FileChange, write_changes
from featuredocs.fix.diff import diff_changes
from featuredocs.fix.edits import apply_fixes
from featuredocs.fix.pages import changes_between
from featuredocs.fix.table_cells import aligned_fix
from featuredocs.model import Applicability, Finding, Fix
from featuredocs.policy import EXIT_CLEAN, EXIT_FINDINGS

MAX_PASSES = 10


@dataclass(frozen=True)
class FixRun:
    """What ``--fix`` did: the check of the fixed pages, their changes, and how many
    fixes were applied."""

    result: CheckResult
    changes: tuple[FileChange, ...]
    applied: int


def applicable(finding: Finding, *, unsafe: bool) -> Fix | None:
    """The finding's fix when ``--fix`` may apply it (unsafe ones only with ``unsafe``)."""
    fix = finding.fix
    if fix is None or not fix.edits:
        return None
    if fix.applicability is Applicability.SAFE:
        return fix
    if fix.applicability is Applicability.UNSAFE and unsafe:
        return fix
    return None


def fixes_by_page(findings: Iterable[Finding], *, unsafe: bool) -> dict[str, list[Fix]]:
    """Applicable fixes per page (by display path), in finding order, duplicates dropped."""
    found: dict[str, list[Fix]] = {}
    for finding in findings:
        fix = applicable(finding, unsafe=unsafe)
        if fix is None:
            continue
        fixes = found.setdefault(finding.path, [])
        if all(other.edits != fix.edits for other in fixes):
            fixes.append(fix)
    return found


def fix_check(
    result: CheckResult, recheck: Callable[[Mapping[str, str]], CheckResult], *, unsafe: bool = False,
) -> FixRun:
    """Apply the fixes of ``result`` until none is left; ``recheck(texts)`` checks the docs
    with the pages in ``texts`` (by rel path) edited so."""
    first = result.docset
    current = result
    edited: dict[str, str] = {}
    applied = 0
    for _ in range(MAX_PASSES):
        texts, count = _fix_pass(current, unsafe=unsafe)
        if not count:
            break
        applied += count
        edited.update(texts)
        current = recheck(edited)
    return FixRun(current, tuple(changes_between(first, current.docset)), applied)


def _fix_pass(result: CheckResult, *, unsafe: bool) -> tuple[dict[str, str], int]:
    """New texts (by rel path) with this pass's fixes, and how many fixes were applied."""
    by_page = fixes_by_page(result.findings, unsafe=unsafe)
    texts: dict[str, str] = {}
    count = 0
    for page in result.docset.pages:
        fixes = by_page.get(page.display)
        if not fixes:
            continue
        outcome = apply_fixes(page.text, [aligned_fix(page.text, fix) for fix in fixes])
        if outcome.text != page.text:
            texts[page.rel] = outcome.text
            count += len(outcome.applied)
    return texts, count


def print_diff(run: FixRun) -> int:
    """``--diff``: the diff on stdout, nothing written; 1 when there is a diff, else 0."""
    text = diff_changes(run.changes)
    sys.stdout.write(text)
    return EXIT_FINDINGS if text else EXIT_CLEAN


def write_fixes(run: FixRun) -> bool:
    """``--fix``: write the fixed pages and say so on stderr; False when a page could not
    be written."""
    report = write_changes(list(run.changes))
    for error in report.errors:
        print(f"featuredocs: {error}", file=sys.stderr)
    if report.written:
        pages = len(report.written)
        print(
            f"featuredocs: applied {run.applied} fix{'es' if run.applied != 1 else ''} "
            f"in {pages} page{'s' if pages != 1 else ''}",
            file=sys.stderr,
        )
    return not report.errors
