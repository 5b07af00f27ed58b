"""Pages on disk: read with what must be kept, written back atomically only when changed.

A page is read as the Markdown stage reads it (UTF-8, a byte-order mark removed from the
text) and remembers what the text alone cannot say: whether it had a BOM. Writing keeps
the BOM, the newline style (new lines in a CRLF page get CRLF) and whether the file ends
with a newline; it goes through :func:`featuredocs.output.atomic_write`, so a reader sees
the old file or the new one, never half of each.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from featuredocs.errors import UsageError
from featuredocs.fix.edits import newline_of
from featuredocs.output import atomic_write

BOM = "\ufeff"
_BARE_LF = re.compile(r"(?<!\r)\n")
_CHANGED = "changed on disk while featuredocs was working; not rewritten"
_TWICE = "is the same file as another page, which was rewritten otherwise; not rewritten"


@dataclass(frozen=True, slots=True)
class TextFile:
    """A page's text (without BOM, newlines as in the file) and how it was stored."""

    path: Path
    text: str
    bom: bool = False

    @property
    def newline(self) -> str:
        return newline_of(self.text)

    @property
    def final_newline(self) -> bool:
        return self.text.endswith(("\n", "\r"))


@dataclass(frozen=True, slots=True)
class FileChange:
    """A page whose text changes: ``display`` is how reports name it."""

    path: Path
    display: str
    old: str
    new: str

    @property
    def changed(self) -> bool:
        return self.old != self.new


def read_text_file(path: Path) -> TextFile:
    try:
        data = path.read_bytes()
    except OSError as error:
        raise UsageError(f"cannot read: {error.strerror or error}", str(path)) from None
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        raise UsageError("not UTF-8; not rewritten", str(path)) from None
    bom = text.startswith(BOM)
    return TextFile(path, text.removeprefix(BOM), bom)


def conform(original: TextFile, new_text: str) -> str:
    """``new_text`` in the original's newline style, with its final newline (or lack of one)."""
    new_text = new_text.removeprefix(BOM)
    newline = original.newline
    if _uniform(original.text, newline):  # a page with mixed newlines is left as it is
        if newline == "\r\n":
            new_text = _BARE_LF.sub("\r\n", new_text)
        elif newline == "\n":
            new_text = new_text.replace("\r\n", "\n")
    stripped = new_text.rstrip("\r\n")
    if original.final_newline:
        # Keep whatever run of newlines the text ends with; add one if it has none.
        return new_text if stripped != new_text else new_text + newline
    return _without_final_newline(new_text)


def _uniform(text: str, newline: str) -> bool:
    if newline == "\r\n":
        return "\n" not in text.replace("\r\n", "") and "\r" not in text.replace("\r\n", "")
    return "\r" not in text


def _without_final_newline(text: str) -> str:
    for newline in ("\r\n", "\n", "\r"):
        if text.endswith(newline):
            return text[: -len(newline)]
    return text


def write_text_file(original: TextFile, new_text: str) -> bool:
    """Write ``new_text`` over ``original`` when it differs; True when the file was written.

    The file must still hold what was read: a page changed by someone else in the
    meantime is not overwritten.
    """
    final = conform(original, new_text)
    if final == original.text:
        return False
    current = read_text_file(original.path)
    if current.text != original.text or current.bom != original.bom:
        raise UsageError(_CHANGED, str(original.path))
    atomic_write(original.path, (BOM if original.bom else "") + final, newline="\n", encoding="utf-8")
    return True


@dataclass(frozen=True, slots=True)
class WriteReport:
    written: tuple[FileChange, ...]
    errors: tuple[UsageError, ...]  # one line each: the page and why it was not written


def write_changes(changes: list[FileChange]) -> WriteReport:
    """Write every changed page; a page that cannot be written does not stop the others."""
    written: list[FileChange] = []
    errors: list[UsageError] = []
    done: dict[Path, str] = {}  # a page linked under two names is one file, written once
    for change in changes:
        if not change.changed:
            continue
        target = change.path.resolve()
        if target in done:
            if done[target] != change.new:
                errors.append(UsageError(_TWICE, str(change.path)))
            continue
        done[target] = change.new
        try:
            original = read_text_file(change.path)
            if original.text != change.old:
                raise UsageError(_CHANGED, str(change.path))
            if write_text_file(original, change.new):
                written.append(change)
        except UsageError as error:
            errors.append(error)
    return WriteReport(tuple(written), tuple(errors))
