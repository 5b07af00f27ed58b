"""Writing what the user asked for: atomically, keeping encoding and newline style."""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

from featuredocs.errors import UsageError
from featuredocs.secrets import mask_line


def say(message: str) -> None:
    """One line for the user on stderr. A project's own error messages end up in notes
    and errors (a settings module that cannot connect), and may quote a password or a
    token: their values are starred as in every other output."""
    print(f"featuredocs: {mask_line(message)}", file=sys.stderr)


def atomic_write(path: Path, text: str, *, newline: str = "\n", encoding: str = "utf-8") -> None:
    """Replace ``path`` with ``text`` in one step: a reader sees the old or the new file.

    A symbolic link stays one: the file it points to is replaced. A file the user may not
    write, or that nobody may (``chmod a-w``), is refused as an editor would refuse it,
    rather than replaced by a new one; a new file gets the mode the user's umask gives, an
    existing one keeps its own.
    """
    data = text.replace("\n", newline) if newline != "\n" else text
    target = path.resolve() if path.is_symlink() else path
    folder = target.parent
    try:
        if target.exists() and (not os.access(target, os.W_OK) or not target.stat().st_mode & 0o222):
            raise UsageError("cannot write: the file is read-only", str(path))
        folder.mkdir(parents=True, exist_ok=True)
        handle, temp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=folder)
        try:
            with os.fdopen(handle, "w", encoding=encoding, newline="") as stream:
                stream.write(data)
            os.chmod(temp, target.stat().st_mode & 0o7777 if target.exists() else 0o666 & ~_umask())
            os.replace(temp, target)
        except BaseException:
            Path(temp).unlink(missing_ok=True)
            raise
    except OSError as error:
        raise UsageError(f"cannot write: {error.strerror or error}", str(path)) from None


def _umask() -> int:
    mask = os.umask(0)  # the only way to read it is to set it: set it straight back
    os.umask(mask)
    return mask


def write_output(text: str, output: Path | None) -> None:
    if output is None:
        sys.stdout.write(text)
        if text and not text.endswith("\n"):
            sys.stdout.write("\n")
        return
    atomic_write(output, text if text.endswith("\n") else text + "\n")
