"""Writing what the user asked for: atomically, keeping encoding and newline style."""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

from featuredocs.errors import UsageError


def atomic_write(path: Path, text: str, *, newline: str = "\n", encoding: str = "utf-8") -> None:
    """Replace ``path`` with ``text`` in one step: a reader sees the old or the new file."""
    data = text.replace("\n", newline) if newline != "\n" else text
    folder = path.parent
    try:
        folder.mkdir(parents=True, exist_ok=True)
        handle, temp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=folder)
        try:
            with os.fdopen(handle, "w", encoding=encoding, newline="") as stream:
                stream.write(data)
            if path.exists():
                os.chmod(temp, path.stat().st_mode & 0o7777)
            os.replace(temp, path)
        except BaseException:
            Path(temp).unlink(missing_ok=True)
            raise
    except OSError as error:
        raise UsageError(f"cannot write: {error.strerror or error}", str(path)) from None


def write_output(text: str, output: Path | None) -> None:
    if output is None:
        sys.stdout.write(text)
        if text and not text.endswith("\n"):
            sys.stdout.write("\n")
        return
    atomic_write(output, text if text.endswith("\n") else text + "\n")
