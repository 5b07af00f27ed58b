"""The files a project reads while it is set up, other than its Python code.

Settings often read a JSON or text file (feature flags, a list of hosts). What is in it can
change the facts, so the facts cache must know to look at it; and only the project can say
which files it reads. An audit hook (PEP 578) hears every ``open`` in this process, so it is
installed only in the child interpreter that exists to set the project up (audit hooks
cannot be removed again).
"""

from __future__ import annotations

import os
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

#: Python's own files: the facts cache stamps every ``.py`` file anyway, and imports open
#: thousands of them, so they are dropped before any path work.
_CODE_SUFFIXES = (".py", ".pyc", ".pyi", ".so", ".pyd")
_WRITING = os.O_WRONLY | os.O_RDWR


@contextmanager
def files_read_under(root: Path) -> Iterator[list[str]]:
    """Collect, into the yielded list, the files under ``root`` opened for reading in the
    ``with`` block: paths relative to ``root``, sorted, once the block ends."""
    opened: set[str] = set()
    listening = True

    def hear(event: str, args: tuple[object, ...]) -> None:
        if event != "open" or not listening:
            return
        path, mode, flags = args
        if isinstance(path, bytes):
            path = os.fsdecode(path)
        if not isinstance(path, str) or path.endswith(_CODE_SUFFIXES):
            return
        if mode is None and isinstance(flags, int) and flags & _WRITING:
            return  # os.open for writing
        if isinstance(mode, str) and "r" not in mode and "+" not in mode:
            return
        opened.add(os.path.abspath(path))

    sys.addaudithook(hear)
    read: list[str] = []
    try:
        yield read
    finally:
        listening = False
        read.extend(sorted(_relative_files(opened, root)))


def _relative_files(paths: set[str], root: Path) -> Iterator[str]:
    base = str(root)
    for path in paths:
        if os.path.commonpath((base, path)) != base or not os.path.isfile(path):
            continue
        yield Path(os.path.relpath(path, base)).as_posix()
