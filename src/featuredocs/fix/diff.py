"""Unified diffs of page changes, as ``--diff`` prints them (git's ``a/`` and ``b/`` style)."""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterable, Iterator

from featuredocs.fix.apply import FileChange

_NO_NEWLINE = "\\ No newline at end of file\n"
_LINE = re.compile(r"[^\r\n]*(?:\r\n|\r|\n)|[^\r\n]+$")


def unified_diff(display: str, old: str, new: str, *, context: int = 3) -> str:
    """The diff of one page, '' when nothing changes. Lines keep their own newlines."""
    if old == new:
        return ""
    out = [f"--- a/{display}\n", f"+++ b/{display}\n"]
    for line in _hunk_lines(_lines(old), _lines(new), context):
        if line.endswith(("\n", "\r")):
            out.append(line)
        else:  # the last line of a file without a final newline
            out.append(line + "\n" + _NO_NEWLINE)
    return "".join(out)


def _hunk_lines(old: list[str], new: list[str], context: int) -> Iterator[str]:
    """difflib's hunks, but with every line matched: its default takes lines frequent in a
    long page (a fence, a blank line) for junk, and a one-line fix beside them then shows
    as a rewritten block."""
    matcher = difflib.SequenceMatcher(None, old, new, autojunk=False)
    for group in matcher.get_grouped_opcodes(context):
        first, last = group[0], group[-1]
        yield f"@@ -{_range(first[1], last[2])} +{_range(first[3], last[4])} @@\n"
        for tag, old_start, old_end, new_start, new_end in group:
            if tag == "equal":
                yield from (" " + line for line in old[old_start:old_end])
                continue
            yield from ("-" + line for line in old[old_start:old_end])
            yield from ("+" + line for line in new[new_start:new_end])


def _range(start: int, stop: int) -> str:
    """A hunk's range as unified diffs write it: ``12,3``, ``12`` for one line, ``11,0`` for none."""
    length = stop - start
    if length == 1:
        return str(start + 1)
    return f"{start if length == 0 else start + 1},{length}"


def diff_changes(changes: Iterable[FileChange]) -> str:
    return "".join(unified_diff(change.display, change.old, change.new) for change in changes)


def _lines(text: str) -> list[str]:
    """Lines with their breaks, split only where Markdown breaks lines (not at form feeds)."""
    return [match.group() for match in _LINE.finditer(text)]
