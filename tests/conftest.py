"""Fixtures shared by every test: parse real Markdown into pages under a docs root."""

from __future__ import annotations

import textwrap
from collections.abc import Callable
from pathlib import Path

import pytest

from featuredocs.markdown import parse_page
from featuredocs.model import Page

ParsePage = Callable[..., Page]


@pytest.fixture
def docs_root(tmp_path: Path) -> Path:
    """An empty docs folder (``tmp_path/docs``)."""
    root = tmp_path / "docs"
    root.mkdir(exist_ok=True)
    return root


@pytest.fixture
def parse(docs_root: Path) -> ParsePage:
    """``parse(text, rel="features/x.md")``: the text, dedented, written under the docs
    root and parsed into a :class:`Page` whose ``display`` is ``rel``."""

    def parse_text(text: str, rel: str = "features/x.md", *, dedent: bool = True) -> Page:
        if dedent:
            text = textwrap.dedent(text).lstrip("\n")
        path = docs_root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
        return parse_page(text, path=path, rel=rel, display=rel)

    return parse_text
