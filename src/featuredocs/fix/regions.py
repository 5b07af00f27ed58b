"""Minimal edits from a rewritten region of a page.

Code that refreshes a block (a Fields list, an environment block) finds it simplest to
write the block's new lines. :func:`region_edits` turns "these lines become those lines"
into the smallest edits that do it: unchanged lines are not touched, and a changed line
is edited only between its common prefix and suffix, so renaming `` `total` `` to
`` `total_cents` `` inserts ``_cents`` and nothing else.
"""

from __future__ import annotations

import difflib
from collections.abc import Sequence

from featuredocs.model import Edit, Page, Span


def region_edits(page: Page, first_line: int, new_lines: Sequence[str], last_line: int | None = None) -> list[Edit]:
    """Edits that turn page lines ``first_line``..``last_line`` into ``new_lines``.

    ``last_line`` defaults to ``first_line + len(new_lines) - 1`` clipped to the page.
    """
    if last_line is None:
        last_line = min(first_line + len(new_lines) - 1, len(page.lines))
    old = [page.line_text(number) for number in range(first_line, last_line + 1)]
    matcher = difflib.SequenceMatcher(None, old, list(new_lines), autojunk=False)
    edits: list[Edit] = []
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            continue
        start = first_line + i1
        if tag == "delete":
            edits.append(delete_lines(page, start, first_line + i2 - 1))
        elif tag == "insert":
            edits.append(insert_lines(page, start, new_lines[j1:j2]))
        elif i2 - i1 == j2 - j1:
            for offset in range(i2 - i1):
                edit = line_edit(start + offset, old[i1 + offset], new_lines[j1 + offset])
                if edit is not None:
                    edits.append(edit)
        else:
            edits.append(_block_edit(start, old[i1:i2], list(new_lines[j1:j2])))
    return edits


def line_edit(line: int, old: str, new: str) -> Edit | None:
    """The edit between the common prefix and suffix of one line's old and new text."""
    if old == new:
        return None
    prefix = _common_prefix(old, new)
    suffix = _common_suffix(old[prefix:], new[prefix:])
    return Edit(
        Span(line, prefix + 1, line, len(old) - suffix + 1),
        new[prefix : len(new) - suffix],
    )


def _block_edit(first_line: int, old: list[str], new: list[str]) -> Edit:
    """Replace several lines with a different number of lines, trimmed at both ends."""
    old_text, new_text = "\n".join(old), "\n".join(new)
    prefix = _common_prefix(old_text, new_text)
    suffix = _common_suffix(old_text[prefix:], new_text[prefix:])
    start = _position(first_line, old_text, prefix)
    end = _position(first_line, old_text, len(old_text) - suffix)
    return Edit(Span(*start, *end), new_text[prefix : len(new_text) - suffix])


def _position(first_line: int, text: str, offset: int) -> tuple[int, int]:
    before = text[:offset]
    line = first_line + before.count("\n")
    return line, offset - (before.rfind("\n") + 1) + 1


def delete_lines(page: Page, first: int, last: int) -> Edit:
    """Remove whole lines with their line breaks; at the very end of a page without a
    final newline, the break before them goes instead."""
    if last < len(page.lines) or _ends_with_newline(page):
        return Edit(Span(first, 1, last + 1, 1), "")
    if first == 1:
        return Edit(Span(1, 1, last, len(page.line_text(last)) + 1), "")
    previous = page.line_text(first - 1)
    return Edit(Span(first - 1, len(previous) + 1, last, len(page.line_text(last)) + 1), "")


def insert_lines(page: Page, before: int, lines: Sequence[str]) -> Edit:
    """Insert whole lines before page line ``before`` (or after the last line)."""
    text = "\n".join(lines)
    if before <= len(page.lines):
        return Edit(Span(before, 1, before, 1), text + "\n")
    last = len(page.lines)
    end = len(page.line_text(last)) + 1
    return Edit(Span(last, end, last, end), "\n" + text)


def _ends_with_newline(page: Page) -> bool:
    return page.text.endswith(("\n", "\r"))


def _common_prefix(a: str, b: str) -> int:
    size = min(len(a), len(b))
    index = 0
    while index < size and a[index] == b[index]:
        index += 1
    return index


def _common_suffix(a: str, b: str) -> int:
    size = min(len(a), len(b))
    index = 0
    while index < size and a[-1 - index] == b[-1 - index]:
        index += 1
    return index
