"""Real docs trees in ``tmp_path`` for the link rules."""

from __future__ import annotations

import os
import textwrap
from pathlib import Path

from featuredocs.markdown import load_docset
from featuredocs.model import Page
from featuredocs.rules.base import CheckContext
from tests.support.rules import context_for


def write_tree(root: Path, files: dict[str, str]) -> None:
    for rel, text in files.items():
        path = root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(textwrap.dedent(text).lstrip("\n"), encoding="utf-8")


def docs_context(root: Path, files: dict[str, str], project_root: Path | None = None) -> CheckContext:
    """Write ``files`` under ``root`` and load them the way the engine does."""
    write_tree(root, files)
    docset, errors = load_docset(root, display_base=root)
    assert errors == []
    listed = frozenset(
        Path(folder, name).relative_to(root).as_posix()
        for folder, _, names in os.walk(root)
        for name in names
    )
    return context_for(list(docset.pages), root=docset.root, files=listed, project_root=project_root)


def page_of(ctx: CheckContext, rel: str) -> Page:
    page = ctx.docset.page(rel)
    assert page is not None
    return page
