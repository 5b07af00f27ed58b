"""Where the project is imported from, when a process that runs it asks for its facts.

A ``manage.py`` may put folders on ``sys.path`` that the settings do not: cookiecutter-
django's appends the folder its apps live in, and ``manage.py --pythonpath`` puts one
first. A fresh interpreter started to read the facts lacks them, and may not import the
project at all. So a process that runs the project (``manage.py featuredocs``, the system
checks) hands its ``sys.path`` to that interpreter, which imports from it first.

The folders it had to take are *borrowed*. Facts read with borrowed folders are the
running project's, which a fresh interpreter may not be able to read: the facts cache
keeps them apart, and the console script, which borrows nothing, never takes them.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Iterable, Sequence
from pathlib import Path


def manage_dirs(root: Path) -> list[Path]:
    """A ``manage.py`` one level down (``root/src/manage.py``) imports from its own folder."""
    if (root / "manage.py").is_file():
        return []
    return [p.parent for p in sorted(root.glob("*/manage.py"))]


def static_search_path(root: Path) -> list[str]:
    """Where static mode looks for the project's modules: a ``manage.py`` folder under the
    root, then this process's ``sys.path``."""
    return [*map(str, manage_dirs(root)), *sys.path]


def static_import_roots(root: Path) -> tuple[str, ...]:
    """The folders static mode names the project's modules from in this process
    (:func:`~featuredocs.introspect.sources.import_roots_for`): one whose ``manage.py`` put
    a folder of the project on ``sys.path`` names them otherwise, and reads other facts."""
    # Imported here: only static facts ask, and a check from the cache reads no source.
    from featuredocs.introspect.sources import import_roots_for

    return tuple(map(str, import_roots_for(root, static_search_path(root))))


def normalized(path: Iterable[object]) -> tuple[str, ...]:
    """``sys.path`` as absolute folders (``""`` is the working folder), in order, once
    each. A pathlib path put there by hand counts as its string; other objects do not."""
    seen: dict[str, None] = {}
    for entry in path:
        if isinstance(entry, (str, os.PathLike)):
            seen.setdefault(os.path.abspath(os.fspath(entry) or "."), None)
    return tuple(seen)


def borrowed(path: Sequence[str], fresh: Sequence[str], root: Path) -> tuple[str, ...]:
    """The folders of ``path`` that ``fresh`` (a fresh interpreter's) lacks, in order,
    but those the facts' reader puts on its path in any case: the root and a ``manage.py``
    folder under it."""
    added = (root, *manage_dirs(root))
    own = {*fresh, *map(str, added), *map(os.path.realpath, added)}
    return tuple(entry for entry in path if entry not in own)


def running_borrows(fresh: Sequence[str], root: Path) -> tuple[str, ...]:
    """What a fresh interpreter whose own path is ``fresh`` would borrow from this process."""
    return borrowed(normalized(sys.path), fresh, root)


def import_first(path: Sequence[str]) -> None:
    """Import from ``path`` first, then from this interpreter's own folders."""
    lent = set(path)
    sys.path[:] = [*path, *(entry for entry in normalized(sys.path) if entry not in lent)]
