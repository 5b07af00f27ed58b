"""Facts about a Django project, read from the live project (``collect_live``).

This package is the only part of featuredocs that imports Django, and it does so lazily:
importing ``featuredocs.introspect`` itself is cheap and Django-free.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from featuredocs.introspect.discover import find_settings_module
from featuredocs.introspect.errors import ProjectImportError

if TYPE_CHECKING:
    from featuredocs.model import HeardInputs, ProjectFacts


def collect_live(root: Path, settings_module: str) -> ProjectFacts:
    """Set up Django with ``settings_module`` (``root`` first on sys.path) and read every fact."""
    from featuredocs.introspect.live import collect_live as collect

    return collect(root, settings_module)


def collect_live_in_child(
    root: Path, settings_module: str, *, python: str | None = None, timeout: float = 300, fork: bool = False,
    path: Sequence[str] = (),
) -> tuple[ProjectFacts, HeardInputs]:
    """``collect_live`` in a fresh interpreter (Django can be set up once per process),
    and what the project read meanwhile; ``fork``: that reads the URLconf in a forked copy
    of itself meanwhile; ``path``: that imports from these folders first (see
    :mod:`featuredocs.introspect.import_path`)."""
    from featuredocs.introspect.child import collect_in_child

    return collect_in_child(root, settings_module, python=python, timeout=timeout, fork=fork, path=path)


__all__ = ["ProjectImportError", "collect_live", "collect_live_in_child", "find_settings_module"]
