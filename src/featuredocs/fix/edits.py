"""The one place where edits meet text: spans to offsets, conflicts refused, applied from the end.

An :class:`~featuredocs.model.Edit` replaces a :class:`~featuredocs.model.Span` (1-based
lines and columns, columns in characters, end exclusive) of a page's text. Lines are
counted the way the Markdown stage counts them (``\\n``, ``\\r\\n`` or ``\\r``), and a
column never counts the line break, so a span means the same thing whatever the file's
newline style. Replacement text is written with ``\\n``; it is converted to the text's own
newline so a CRLF page stays CRLF.

Edits are grouped: every edit of one :class:`~featuredocs.model.Fix` is applied, or none
is. Groups are taken in the order given, and a group that overlaps one already taken is
skipped and reported — the first one wins, as in ruff.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from featuredocs.model import Edit, Fix

_LINE_BREAK = re.compile(r"\r\n|\r|\n")


class EditError(ValueError):
    """An edit whose span is not inside the text it is applied to."""


@dataclass(frozen=True, slots=True)
class Skipped:
    """A group of edits that was not applied, and why."""

    edits: tuple[Edit, ...]
    reason: str


@dataclass(frozen=True, slots=True)
class EditOutcome:
    """The edited text, the groups applied (in the order given) and those skipped."""

    text: str
    applied: tuple[tuple[Edit, ...], ...]
    skipped: tuple[Skipped, ...]

    @property
    def changed(self) -> bool:
        return bool(self.applied)


@dataclass(frozen=True, slots=True)
class FixOutcome:
    text: str
    applied: tuple[Fix, ...]
    skipped: tuple[tuple[Fix, str], ...]


class LineIndex:
    """Line starts of one text, for converting 1-based line/column to offsets."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.starts = [0] + [match.end() for match in _LINE_BREAK.finditer(text)]
        ends = [match.start() for match in _LINE_BREAK.finditer(text)]
        self.ends = ends + [len(text)]  # where each line's content ends (before its break)

    def offset(self, line: int, column: int) -> int:
        """The offset of ``column`` on ``line``; the column after the last character of a
        line is its end, and line N+1 column 1 of a text ending in a newline is its end."""
        if line < 1 or column < 1 or line > len(self.starts):
            raise EditError(f"position {line}:{column} is outside the text")
        start, end = self.starts[line - 1], self.ends[line - 1]
        if start + column - 1 > end:
            raise EditError(f"column {column} is past the end of line {line}")
        return start + column - 1

    def line_text(self, number: int) -> str | None:
        """Line ``number``'s content without its break; None past either end."""
        if not 1 <= number <= len(self.starts):
            return None
        return self.text[self.starts[number - 1] : self.ends[number - 1]]

    def range(self, edit: Edit) -> tuple[int, int]:
        span = edit.span
        start = self.offset(span.line, span.column)
        end = self.offset(span.end_line, span.end_column)
        if end < start:
            raise EditError(f"span {span} ends before it starts")
        return start, end


def newline_of(text: str) -> str:
    """The text's newline: the most common of ``\\r\\n``, ``\\n`` and ``\\r`` (``\\n`` when none)."""
    counts = {"\r\n": 0, "\n": 0, "\r": 0}
    for match in _LINE_BREAK.finditer(text):
        counts[match.group()] += 1
    best = max(counts, key=lambda newline: counts[newline])
    return best if counts[best] else "\n"


def apply_edits(text: str, edits: Iterable[Edit]) -> EditOutcome:
    """Apply each edit on its own; see :func:`apply_groups`."""
    return apply_groups(text, [(edit,) for edit in edits])


def apply_fixes(text: str, fixes: Iterable[Fix]) -> FixOutcome:
    """Apply whole fixes: a fix is applied with all its edits, or skipped."""
    fixes = list(fixes)
    outcome = apply_groups(text, [fix.edits for fix in fixes])
    skipped_groups = {id(s.edits): s.reason for s in outcome.skipped}
    applied, skipped = [], []
    for fix in fixes:
        reason = skipped_groups.get(id(fix.edits))
        if reason is None:
            applied.append(fix)
        else:
            skipped.append((fix, reason))
    return FixOutcome(outcome.text, tuple(applied), tuple(skipped))


def apply_groups(text: str, groups: Sequence[tuple[Edit, ...]]) -> EditOutcome:
    """Apply groups of edits to ``text``.

    Groups are accepted in order; a group is skipped when one of its edits overlaps an
    edit already accepted (or another edit of the group), or when a span is outside the
    text. Two insertions at the same place are both kept, in the order given. The
    accepted edits are then applied from the end of the text to its start, so no offset
    moves under another edit.
    """
    index = LineIndex(text)
    newline = newline_of(text)
    taken: list[tuple[int, int, int, str]] = []  # start, end, order, replacement
    applied: list[tuple[Edit, ...]] = []
    skipped: list[Skipped] = []
    for group in groups:
        try:
            ranges = [index.range(edit) for edit in group]
        except EditError as error:
            skipped.append(Skipped(group, str(error)))
            continue
        pending = [(start, end) for start, end in ranges]
        if _conflict(pending, [(s, e) for s, e, _, _ in taken]):
            skipped.append(Skipped(group, "overlaps an edit applied before it"))
            continue
        for (start, end), edit in zip(ranges, group, strict=True):
            taken.append((start, end, len(taken), _with_newline(edit.replacement, newline)))
        applied.append(group)
    result = text
    for start, end, _, replacement in sorted(taken, key=lambda t: (t[0], t[1], t[2]), reverse=True):
        result = result[:start] + replacement + result[end:]
    return EditOutcome(result, tuple(applied), tuple(skipped))


def _conflict(pending: list[tuple[int, int]], taken: list[tuple[int, int]]) -> bool:
    for position, (start, end) in enumerate(pending):
        others = taken + pending[:position]
        if any(_overlaps(start, end, other_start, other_end) for other_start, other_end in others):
            return True
    return False


def _overlaps(start: int, end: int, other_start: int, other_end: int) -> bool:
    """Ranges overlap when they share a character, or when an insertion falls strictly
    inside a replaced range (an insertion at either end of it is fine)."""
    if start == end:
        return other_start < start < other_end
    if other_start == other_end:
        return start < other_start < end
    return start < other_end and other_start < end


def _with_newline(replacement: str, newline: str) -> str:
    if newline == "\n" or "\n" not in replacement:
        return replacement
    return _LINE_BREAK.sub(newline, replacement)
