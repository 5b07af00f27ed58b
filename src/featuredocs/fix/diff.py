"""Unified diffs of page changes, as ``--diff`` prints them (git's ``a/`` and ``b/`` style)."""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterable

from featuredocs.fix.apply import FileChange

_NO_NEWLINE = "\\ No newline at end of file\n"
_LINE = re.compile(r"[^\r\n]*(?:\r\n|\r|\n)|[^\r\n]+$")


def unified_diff(display: str, old: str, new: str, *, context: int = 3) -> str:
    """The diff of one page, '' when nothing changes. Lines keep their own newlines."""
    if old == new:
        return ""
    lines = difflib.unified_diff(
        _lines(old), _lines(new), fromfile=f"a/{display}", tofile=f"b/{display}", n=context
    )
    out: list[str] = []
    for line in lines:
        if line.endswith(("\n", "\r")):
            out.append(line)
        else:  # the last line of a file without a final newline
            out.append(line + "\n" + _NO_NEWLINE)
    return "".join(out)


def diff_changes(changes: Iterable[FileChange]) -> str:
    return "".join(unified_diff(change.display, change.old, change.new) for change in changes)


def _lines(text: str) -> list[str]:
    """Lines with their breaks, split only where Markdown breaks lines (not at form feeds)."""
    return [match.group() for match in _LINE.finditer(text)]
