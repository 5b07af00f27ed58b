"""Stamps of the files the project's facts are read from: a file's size, time and content.

Source files are compared by size and mtime first; a file whose stamp changed is read
and hashed, and only a different content counts as a change. A file's time has the
granularity of its filesystem's clock (a few milliseconds on ext4, a second on HFS+, two
on FAT), so an edit that keeps the size can also keep the time when it lands in the same
tick as the stamp. As git does with its index, a file modified within :data:`RACY_NS` of
being stamped is stamped with a time no file has: the next run hashes it again.
"""

from __future__ import annotations

import os
import time
from pathlib import Path

from featuredocs.cache.keys import content_digest, digest

#: Files whose content can change facts: code, and the files settings commonly read.
_SOURCE_SUFFIXES = (".py", ".toml", ".cfg", ".ini", ".yaml", ".yml")
_SKIPPED_DIRS = frozenset({"__pycache__", "node_modules", "site-packages"})

Stamps = dict[str, tuple[int, int, str]]  # rel path -> (size, mtime_ns, content digest)
#: Files modified this recently when stamped may change again within the same tick of
#: their filesystem's clock (two seconds covers FAT, the coarsest).
RACY_NS = 2_000_000_000
#: The time in the stamp of such a file: never a file's, so it is hashed again.
_RACY = -1


def source_stamps(root: Path, previous: Stamps, skip: frozenset[Path] = frozenset()) -> Stamps:
    """Size, mtime and content digest of every source file under ``root``."""
    stamps: Stamps = {}
    racy_from = time.time_ns() - RACY_NS
    for folder, dirs, names in os.walk(root):
        dirs[:] = [d for d in dirs if _walk_into(folder, d, skip)]
        for name in names:
            if name.endswith(_SOURCE_SUFFIXES) or name.startswith(".env"):
                path = os.path.join(folder, name)
                _stamp(stamps, path, os.path.relpath(path, root), previous, racy_from)
    return stamps


def input_stamps(root: Path, input_files: tuple[str, ...], previous: Stamps) -> Stamps:
    """Stamps of the other files the facts were read from (``HeardInputs.files``),
    and of the folders listed meanwhile (named with a final ``/``): a folder's time
    changes when an entry is added, removed or renamed, and then its names are read."""
    stamps: Stamps = {}
    racy_from = time.time_ns() - RACY_NS
    for rel in input_files:
        _stamp(stamps, os.path.join(root, rel), rel, previous, racy_from)
    return stamps


def _stamp(stamps: Stamps, path: str, rel: str, previous: Stamps, racy_from: int) -> None:
    try:
        stat = os.stat(path)
    except OSError:
        return
    old = previous.get(rel)
    if old is not None and old[:2] == (stat.st_size, stat.st_mtime_ns):
        stamps[rel] = old
        return
    try:
        content = _listing_digest(path) if rel.endswith("/") else _file_digest(path)
    except OSError:
        return
    modified = stat.st_mtime_ns if stat.st_mtime_ns < racy_from else _RACY
    stamps[rel] = (stat.st_size, modified, content)


def _file_digest(path: str) -> str:
    with open(path, "rb") as stream:
        return content_digest(stream.read())


def _listing_digest(folder: str) -> str:
    """What a folder the project lists holds: its entries' names, not its bytecode's."""
    return digest(*sorted(name for name in os.listdir(folder) if name != "__pycache__"))


def _walk_into(folder: str, name: str, skip: frozenset[Path]) -> bool:
    if name.startswith(".") or name in _SKIPPED_DIRS:
        return False
    path = os.path.join(folder, name)
    if os.path.exists(os.path.join(path, "pyvenv.cfg")):
        return False  # a virtualenv inside the project is not the project's code
    return Path(path) not in skip


def sources_digest(stamps: Stamps) -> str:
    return digest(*sorted((rel, stamp[2]) for rel, stamp in stamps.items()))
