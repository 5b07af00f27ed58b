"""Errors that end a run with exit code 2 and one line naming the file and the problem."""

from __future__ import annotations

import os


class UsageError(Exception):
    """Bad input the user can fix: a bad flag, config, path or project. Exit code 2."""

    def __init__(self, message: str, path: str | None = None) -> None:
        super().__init__(message)
        self.path = path
        self.message = message

    def __str__(self) -> str:
        return f"{_shown(self.path)}: {self.message}" if self.path else self.message


def _shown(path: str) -> str:
    """A path under the working folder as relative to it, as the findings name pages."""
    if not os.path.isabs(path):
        return path
    try:
        relative = os.path.relpath(path)
    except ValueError:  # another drive (Windows)
        return path
    return path if relative.startswith("..") else relative
