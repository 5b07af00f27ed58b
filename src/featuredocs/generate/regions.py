"""Generated regions inside hand-written Markdown files.

A region is delimited by two declarative HTML comments, invisible when the page renders::

    <!-- featuredocs:begin index -->
    …generated…
    <!-- featuredocs:end index -->

Everything outside the markers belongs to people and is never changed. A file without
markers gets the region appended when there is something to put in it (a hand-written
file that already links everything is left as it is), or put at the end of its own
section when the file already has one by the heading the region opens with (``##
Features``); a missing file is created with a title and the region.
Files are read and written keeping their encoding mark, newline style (the one most of their
lines end with: CRLF, CR or LF) and whether they end with a newline, so a run that changes
nothing writes nothing.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from featuredocs.errors import UsageError
from featuredocs.markdown import parse_page

BEGIN = "<!-- featuredocs:begin index -->"
END = "<!-- featuredocs:end index -->"
_BOM = "\ufeff"


@dataclass(frozen=True)
class TextFile:
    """A text file's content with ``\\n`` newlines, and how to write it back."""

    text: str
    newline: str = "\n"
    bom: bool = False
    final_newline: bool = True
    exists: bool = True
    original: str = ""  # exactly as read, to tell whether anything changed

    def encoded(self, text: str) -> str:
        """``text`` (``\\n`` newlines) in this file's conventions, as written to disk."""
        if not self.final_newline:
            text = text.removesuffix("\n")
        elif not text.endswith("\n"):
            text += "\n"
        text = text.replace("\n", self.newline) if self.newline != "\n" else text
        return (_BOM if self.bom else "") + text


def read_text_file(path: Path) -> TextFile:
    if not path.exists():
        return TextFile("", exists=False)
    try:
        raw = path.read_bytes().decode("utf-8")
    except (OSError, UnicodeDecodeError) as error:
        raise UsageError(f"cannot be read as UTF-8 text: {error}", str(path)) from None
    bom = raw.startswith(_BOM)
    raw = raw.removeprefix(_BOM)
    text = _LINE_END.sub("\n", raw) if "\r" in raw else raw
    newline = _most_used_line_end(raw) if "\r" in raw else "\n"
    final = text.endswith("\n") or not text
    return TextFile(text, newline, bom, final_newline=final, original=(_BOM if bom else "") + raw)


_LINE_END = re.compile(r"\r\n?")


def _most_used_line_end(raw: str) -> str:
    """``\r\n``, ``\r`` or ``\n``: the one most of the file's lines end with (a file
    with one CRLF line among LF ones stays LF)."""
    crlf = raw.count("\r\n")
    counts = {"\r\n": crlf, "\r": raw.count("\r") - crlf, "\n": raw.count("\n") - crlf}
    return max(counts, key=lambda end: counts[end])


@dataclass(frozen=True)
class Split:
    """A file's text around its region: ``before`` and ``after`` are the hand-written
    parts; ``found`` is False when the file has no region yet."""

    before: str
    after: str
    found: bool


def split_region(text: str, where: str) -> Split:
    lines = text.split("\n")
    begins = [i for i, line in enumerate(lines) if line.strip() == BEGIN]
    ends = [i for i, line in enumerate(lines) if line.strip() == END]
    if not begins and not ends:
        return Split(text, "", False)
    if len(begins) != 1 or len(ends) != 1 or ends[0] < begins[0]:
        raise UsageError(
            f"expected one `{BEGIN}` followed by one `{END}`; fix the markers by hand", where
        )
    before = "\n".join(lines[: begins[0]])
    after = "\n".join(lines[ends[0] + 1 :])
    return Split(before, after, True)


def hand_written(text: str, where: str) -> str:
    """The file's text without its generated region: what people wrote."""
    split = split_region(text, where)
    return split.before + ("\n" + split.after if split.found else "")


def with_region(file: TextFile, content: str, title: str, where: str) -> str:
    """The file's new text (``\\n`` newlines) with ``content`` as its region.

    Where the content opens with a heading the hand-written part already has (``##
    Features``), the region goes at the end of that section, without its own copy of the
    heading; a region found under such a heading leaves it out too.
    """
    if not file.exists:
        return f"# {title}\n\n{_region(content)}\n"
    split = split_region(file.text, where)
    if not split.found and not content.strip():
        return file.text  # the hand-written file already says it all: no empty region to own
    lead = _lead_heading(content)
    if split.found:
        if lead is not None and _section_of(split.before) == lead[0]:
            content = lead[1]
        before = split.before + "\n" if split.before else ""
        after = "\n" + split.after if split.after or file.text.endswith("\n") else ""
        return before + _region(content) + after
    lines = file.text.rstrip("\n").split("\n")
    end = _section_end(lines, lead[0]) if lead is not None else None
    if end is not None and lead is not None:
        head = "\n".join(lines[:end]).rstrip("\n") + "\n\n" + _region(lead[1]) + "\n"
        return head + ("\n" + "\n".join(lines[end:]) + "\n" if end < len(lines) else "")
    body = "\n".join(lines) if file.text.strip() else ""
    return (body + "\n\n" if body else "") + _region(content) + "\n"


def _region(content: str) -> str:
    return "\n".join([BEGIN, *([content.strip("\n")] if content.strip() else []), END])


def _headings(text: str) -> list[tuple[int, int, str]]:
    """Each heading of ``text`` as the page parser reads it: its line index, level and
    folded title."""
    page = parse_page(text, path=Path("README.md"), rel="README.md")  # a name only: nothing is read
    return [(heading.span.line - 1, heading.level, heading.plain.strip().casefold()) for heading in page.headings]


def _lead_heading(content: str) -> tuple[str, str] | None:
    """The folded title of the heading ``content`` opens with, and the content without it."""
    first, _, rest = content.lstrip("\n").partition("\n")
    found = _headings(first)
    return (found[0][2], rest.lstrip("\n")) if found else None


def _section_of(text: str) -> str | None:
    """The folded title of the level 1 or 2 section the end of ``text`` is in."""
    found = [title for _, level, title in _headings(text) if level <= 2]
    return found[-1] if found else None


def _section_end(lines: list[str], title: str) -> int | None:
    """The line index where the hand-written section titled ``title`` (level 1 or 2) ends:
    the next heading of its level or above, else the end."""
    headings = _headings("\n".join(lines))
    for position, (_, level, found) in enumerate(headings):
        if found == title and level <= 2:
            return next((index for index, other, _ in headings[position + 1 :] if other <= level), len(lines))
    return None
