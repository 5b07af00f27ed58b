"""Small source trees for the AST scanners, which need no Django and no child process."""

from __future__ import annotations

import textwrap
from pathlib import Path

from featuredocs.introspect.sources import ProjectSources, load_project_sources


def source_tree(root: Path, files: dict[str, str]) -> ProjectSources:
    """Write ``files`` (relative path → source) under ``root`` and parse them as a project."""
    for relpath, text in files.items():
        path = root / relpath
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(textwrap.dedent(text).lstrip("\n"), encoding="utf-8")
    return load_project_sources(root)
