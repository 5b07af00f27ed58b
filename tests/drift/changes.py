"""Code changes applied to a copy of the example project, each one loud when it no longer
fits: a replacement that does not match exactly as often as stated fails the case instead
of silently testing an unchanged project."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol


class Change(Protocol):
    def apply(self, root: Path) -> None: ...


def _replace(path: Path, pattern: re.Pattern[str], new: str, count: int) -> None:
    text = path.read_text(encoding="utf-8")
    found = len(pattern.findall(text))
    assert found == count, (
        f"{path.name}: `{pattern.pattern}` occurs {found} times, the change expects {count}"
    )
    path.write_text(pattern.sub(lambda _match: new, text), encoding="utf-8")


@dataclass(frozen=True)
class Edit:
    """Replace the exact text ``old`` of ``file`` with ``new``; ``old`` occurs ``count`` times."""

    file: str
    old: str
    new: str
    count: int = 1

    def apply(self, root: Path) -> None:
        _replace(root / self.file, re.compile(re.escape(self.old)), self.new, self.count)


@dataclass(frozen=True)
class RenameWord:
    """Rename the identifier ``old`` (whole words only: ``Reminder``, not ``ReminderAdmin``)."""

    file: str
    old: str
    new: str
    count: int = 1

    def apply(self, root: Path) -> None:
        pattern = re.compile(rf"\b{re.escape(self.old)}\b")
        _replace(root / self.file, pattern, self.new, self.count)


@dataclass(frozen=True)
class MoveFile:
    """Rename a file, as ``git mv`` does."""

    old: str
    new: str

    def apply(self, root: Path) -> None:
        source, target = root / self.old, root / self.new
        assert source.is_file(), f"{self.old} does not exist"
        assert not target.exists(), f"{self.new} already exists"
        target.parent.mkdir(parents=True, exist_ok=True)
        source.rename(target)


@dataclass(frozen=True)
class WriteFile:
    """Add a new file."""

    file: str
    text: str

    def apply(self, root: Path) -> None:
        path = root / self.file
        assert not path.exists(), f"{self.file} already exists"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(self.text, encoding="utf-8")
