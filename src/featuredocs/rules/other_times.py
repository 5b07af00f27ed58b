"""Sections and sentences about another time than now: what a page says there may rightly
differ from the code (a roadmap, a changelog, an upgrade guide, a design that was
replaced, "the old `--days` flag was renamed"); and names offered under a condition the
project checked may not meet ("`shell_plus`, if you have django-extensions installed")."""

from __future__ import annotations

import re
from functools import lru_cache

from featuredocs.model import Page, Span

_OTHER_TIMES = re.compile(
    r"\b(?:future|planned|proposed|roadmap|enhancements?|alternatives?|legacy|deprecated"
    r"|changelog|version history|migrating|migration from|upgrading|removed|phase \d+)\b"
    r"|^before\b|^(?:release |change )?history\b"
    r"|\b(?:old|previous|former) (?:versions?|designs?|schemas?|models?|api)\b",
    re.I,
)


@lru_cache(maxsize=4096)
def about_other_times(title: str) -> bool:
    """Whether a section's title says it is about the past or the future."""
    return _OTHER_TIMES.search(title) is not None


def at_other_times(page: Page, line: int) -> bool:
    """Whether ``line`` sits in a section (or under one) about the past or the future."""
    return any(about_other_times(section.title) for section in page.section_at(line))


_CHANGE = re.compile(
    r"\b(?:renamed|removed|deprecated|replaced|formerly|previously|no longer|used to"
    r"|instead of|in favou?r of|legacy|planned|proposed|upcoming|future|(?:is|are) gone"
    r"|will (?:be )?add(?:ed)?|coming soon|to be added|not yet)\b",
    re.IGNORECASE,
)
#: A sentence that says a thing is not there: "There is no `PUT /orders/{id}/`",
#: "`DELETE …` is not supported and answers 405", "`email` — not part of this response".
_DENIED = re.compile(
    r"\b(?:405|(?:not|never) (?:supported|allowed|available|exposed|offered|returned|included|sent)"
    r"|(?:not (?:part of|in)|omitted from|left out of) (?:this|the) (?:response|body|payload|output|answer)"
    r"|there (?:is|are) no"
    r"|(?:does|do) not exist|(?:isn't|aren't|doesn't|don't) (?:supported|allowed|available|exist))\b",
    re.IGNORECASE,
)


def speaks_of_change(sentence: str) -> bool:
    """Whether a sentence tells of a change (a rename, a removal, a plan) rather than of
    how things are."""
    return _CHANGE.search(sentence) is not None


_tells_of_change = lru_cache(maxsize=4096)(speaks_of_change)
_SENTENCE_END = re.compile(r"[.;!?](?:\s|$)")
#: A line that starts a block or an item of its own: a sentence does not run across it.
_OWN_START = re.compile(r"^\s*(?:[-*+]\s|\d+[.)]\s|[|#>])")


def named_for_other_times(page: Page, span: Span) -> bool:
    """Whether a name at ``span`` may rightly be missing from the code: it sits under a
    heading about the past or the future, or in a sentence of prose that tells of a change
    ("`X` was renamed to `Y`", "- `old:{id}` — removed in 2024"). A line of a code block
    is judged by its headings alone: a comment beside a current name says nothing of it."""
    if at_other_times(page, span.line):
        return True
    sentence = _prose_sentence(page, span)
    return sentence is not None and _tells_of_change(sentence)


def named_as_absent(page: Page, span: Span) -> bool:
    """Whether a name at ``span`` is rightly not the code's: :func:`named_for_other_times`,
    or prose that says it is not there."""
    if at_other_times(page, span.line):
        return True
    sentence = _prose_sentence(page, span)
    return sentence is not None and (_tells_of_change(sentence) or _DENIED.search(sentence) is not None)


#: A condition on something installed: "if you have django-extensions installed", "(requires
#: django-extensions)", "With django-debug-toolbar, …", "# needs the celery extra".
_OPTIONAL = re.compile(
    r"\b(?:if|when|with|requires?|needs?|provided by|from|via|using)\b[^.;]{0,40}?"
    r"\b(?:django[-_][\w-]+|installed|third[- ]party|package|plugin|extras?|extensions)\b",
    re.IGNORECASE,
)


def named_as_optional(page: Page, span: Span) -> bool:
    """Whether a name at ``span`` is offered under a condition on what is installed: in its
    sentence of prose, or in a comment at the end of its line of code or on the line above."""
    sentence = _prose_sentence(page, span)
    if sentence is None:
        above = page.line_text(span.line - 1).strip() if span.line > 1 else ""
        sentence = f"{above if above.startswith('#') else ''} {page.line_text(span.line).partition('#')[2]}"
    return _OPTIONAL.search(sentence) is not None


def _prose_sentence(page: Page, span: Span) -> str | None:
    """The sentence that holds ``span``; None in a code block, which has none."""
    if any(code.span.line <= span.line <= code.span.end_line for code in page.code_blocks):
        return None
    return _sentence_at(page, span)


def _sentence_at(page: Page, span: Span) -> str:
    """The sentence of prose that holds ``span``, read across the lines of its paragraph
    or list item (a table row is a sentence of its own)."""
    line, before = span.line, page.line_text(span.line)[: span.column - 1]
    while not _SENTENCE_END.search(before) and not _OWN_START.match(page.line_text(line)) and line > 1:
        above = page.line_text(line - 1)
        if not above.strip() or above.lstrip().startswith("|"):
            break
        line -= 1
        before = f"{above} {before}"
    line, after = span.end_line, page.line_text(span.end_line)[span.end_column - 1 :]
    while not _SENTENCE_END.search(after) and line < len(page.lines):
        below = page.line_text(line + 1)
        if not below.strip() or _OWN_START.match(below):
            break
        line += 1
        after = f"{after} {below}"
    named = page.written(span)
    ends = list(_SENTENCE_END.finditer(before))
    start = ends[-1].end() if ends else 0
    end = _SENTENCE_END.search(after)
    return before[start:] + named + (after[: end.end()] if end else after)
