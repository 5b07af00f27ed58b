"""Errors that end a run with exit code 2 and one line naming the file and the problem."""

from __future__ import annotations


class UsageError(Exception):
    """Bad input the user can fix: a bad flag, config, path or project. Exit code 2."""

    def __init__(self, message: str, path: str | None = None) -> None:
        super().__init__(message)
        self.path = path
        self.message = message

    def __str__(self) -> str:
        return f"{self.path}: {self.message}" if self.path else self.message
