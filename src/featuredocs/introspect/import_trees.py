"""The project's modules compiled from the trees the facts are read from.

With no bytecode to reuse (``PYTHONDONTWRITEBYTECODE``, a fresh checkout), importing the
project compiles every module from its text, and the facts then parse the same files again.
While :func:`compiled_from_trees` is active, a module of the project's own code is parsed
once: its tree is kept for the run (see ``parsed.parsed_for_import``) and compiled into the
module's code, which gives the code compiling the text gives. Every other module, and any
file the two readings could differ on, is imported as Python always does.
"""

from __future__ import annotations

import contextlib
import os
import sys
from collections.abc import Iterator
from importlib import machinery
from pathlib import Path
from typing import Any

from featuredocs.introspect.parsed import parsed_for_import
from featuredocs.introspect.sources import is_project_path


class _TreeLoader(machinery.SourceFileLoader):
    def source_to_code(self, data: Any, path: Any, *, _optimize: int = -1) -> Any:
        parsed = parsed_for_import(path, data) if isinstance(data, bytes) else None
        source = parsed.tree if parsed is not None else data
        return compile(source, path, "exec", dont_inherit=True, optimize=_optimize)


@contextlib.contextmanager
def compiled_from_trees(root: Path) -> Iterator[None]:
    """Import the folders of the project's own code under ``root`` with ``_TreeLoader``
    until the block ends."""
    root_text = os.fspath(root)
    hook_for = machinery.FileFinder.path_hook(
        (machinery.ExtensionFileLoader, machinery.EXTENSION_SUFFIXES),
        (_TreeLoader, machinery.SOURCE_SUFFIXES),
        (machinery.SourcelessFileLoader, machinery.BYTECODE_SUFFIXES),
    )
    claimed: list[str] = []

    def hook(entry: str) -> machinery.FileFinder:
        if not entry or not is_project_path(os.path.join(entry, "x.py"), Path(root_text)):
            raise ImportError("not the project's own code")  # the next hook's folder
        claimed.append(entry)
        return hook_for(entry)

    sys.path_hooks.insert(0, hook)
    for entry in [e for e in sys.path_importer_cache if isinstance(e, str)]:
        if entry and is_project_path(os.path.join(entry, "x.py"), root):
            del sys.path_importer_cache[entry]  # found again, through the hook
    try:
        yield
    finally:
        sys.path_hooks.remove(hook)
        for entry in claimed:
            sys.path_importer_cache.pop(entry, None)
