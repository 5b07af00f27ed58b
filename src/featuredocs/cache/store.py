"""Cache files on disk: a version header, a pickled payload, atomic replacement.

Pickle is used for speed: for the light copies of a thousand generated pages it writes
4 times and reads 5.6 times faster than JSON through ``featuredocs.model.serialize``,
in half the bytes (``benchmarks/``). It is only ever read from the project's own cache
folder, which featuredocs itself writes; a file that is truncated, corrupt or written by
another version or format is discarded and rebuilt, with one line on stderr at most.
Nothing here is ever fatal: a cache that cannot be read or written makes a cold run.
"""

from __future__ import annotations

import os
import pickle
import threading
from collections.abc import Collection
from pathlib import Path
from typing import Any

#: Bumped whenever the layout of any cached payload changes.
FORMAT = 9
MAGIC = b"featuredocs-cache"
GITIGNORE = "# Created by featuredocs; the whole folder is a cache.\n*\n"
DEFAULT_DIR = ".featuredocs_cache"


class Store:
    """A folder of cache files, each tagged with the cache format and the tool's identity.

    ``tool`` is the identity of the featuredocs that wrote the files (version and a digest
    of its own code); a file written by any other identity reads as missing.
    """

    #: Whether what is written can be read back: a run that remembers nothing needs no
    #: keys, records or light copies.
    remembers = True
    #: Whether what is written outlives this process: only then must findings say what
    #: they read of the facts, for runs whose facts differ.
    lasting = True

    def __init__(self, folder: Path, tool: str) -> None:
        self.folder = folder
        self._header = MAGIC + f" {FORMAT} {tool}\n".encode()
        self._unreadable = 0
        self._unwritten: str | None = None
        self._made: set[str] = set()  # folders known to exist

    @property
    def notes(self) -> list[str]:
        """At most one line per kind of problem, for stderr."""
        notes = []
        if self._unreadable:
            notes.append(f"{self.folder}: {self._unreadable} damaged cache file(s) ignored")
        if self._unwritten:
            notes.append(f"{self.folder}: cache not written ({self._unwritten})")
        return notes

    def read(self, name: str) -> Any | None:
        path = self.folder / name
        try:
            data = path.read_bytes()
        except OSError:
            return None
        if not data.startswith(self._header):
            return None  # another version or format: rebuilt on the next write
        try:
            return pickle.loads(memoryview(data)[len(self._header) :])
        except Exception:  # truncated or corrupt: unpickling can raise almost anything
            self._unreadable += 1
            return None

    def modified(self, name: str) -> float | None:
        """When ``name`` was last written (seconds since the epoch); None when it is missing."""
        try:
            return os.stat(self.folder / name).st_mtime
        except OSError:
            return None

    def write(self, name: str, payload: Any) -> None:
        """Replace ``name`` atomically: a reader sees the old file or the new one, never half."""
        target = os.path.join(self.folder, name)
        # Named by process and thread, so no other writer shares it: a cold run writes a
        # thousand files, and mkstemp's random names and retries cost as much as the writing.
        temporary = f"{os.path.dirname(target)}/.{os.path.basename(target)}.{os.getpid()}-{threading.get_ident()}"
        try:
            self._ensure_folder(os.path.dirname(target))
            blob = pickle.dumps(payload, protocol=pickle.HIGHEST_PROTOCOL)
            handle = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o666)
            try:
                with os.fdopen(handle, "wb") as stream:
                    stream.write(self._header)
                    stream.write(blob)
                os.replace(temporary, target)
            except BaseException:
                _remove(temporary)
                raise
        except (OSError, pickle.PicklingError, TypeError, AttributeError) as error:
            self._unwritten = self._unwritten or str(error)

    def prune(self, folder: str, keep: Collection[str]) -> None:
        """Remove the files in ``folder`` (below the store's) not named in ``keep``: what
        an earlier cache layout left there. Names starting with a dot are another run's
        writes in progress, and are left alone."""
        try:
            names = os.listdir(self.folder / folder)
        except OSError:
            return
        for name in names:
            if not name.startswith(".") and name not in keep:
                _remove(str(self.folder / folder / name))

    def _ensure_folder(self, folder: str) -> None:
        """``folder`` (the store's own or one below it) made once per store."""
        if folder in self._made:
            return
        if not self._made:
            self.folder.mkdir(parents=True, exist_ok=True)
            ignore = self.folder / ".gitignore"
            if not ignore.exists():
                ignore.write_text(GITIGNORE, encoding="utf-8")
        os.makedirs(folder, exist_ok=True)
        self._made.add(folder)


class NullStore(Store):
    """``--no-cache``: reads nothing, writes nothing, creates no folder."""

    remembers = False
    lasting = False

    def __init__(self) -> None:
        super().__init__(Path(os.devnull), "none")

    def read(self, name: str) -> Any | None:
        return None

    def modified(self, name: str) -> float | None:
        return None

    def write(self, name: str, payload: Any) -> None:
        return None

    def prune(self, folder: str, keep: Collection[str]) -> None:
        return None


class PassStore(NullStore):
    """``--no-cache`` for the passes of one ``check --fix``: nothing is read or written,
    but the pages' keys and records are made, so that a pass reuses the findings the
    passes before it left in memory (see ``cache/passes.py``)."""

    remembers = True


class ReadOnlyStore(Store):
    """The cache of a run that promises to write nothing (``--diff``): read, never added to."""

    lasting = False

    def __init__(self, store: Store) -> None:
        super().__init__(store.folder, "")
        self._store = store

    @property
    def notes(self) -> list[str]:
        return self._store.notes

    def read(self, name: str) -> Any | None:
        return self._store.read(name)

    def modified(self, name: str) -> float | None:
        return self._store.modified(name)

    def write(self, name: str, payload: Any) -> None:
        return None

    def prune(self, folder: str, keep: Collection[str]) -> None:
        return None


def _remove(path: str) -> None:
    try:
        os.unlink(path)
    except OSError:
        pass
