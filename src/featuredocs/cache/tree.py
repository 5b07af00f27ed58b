"""The docs tree as one check run sees it: every page listed, then read and hashed."""

from __future__ import annotations

import dataclasses
import os
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

from featuredocs.cache.pages import content_key
from featuredocs.config import Config
from featuredocs.errors import UsageError
from featuredocs.markdown import PageError
from featuredocs.markdown.load import display_path, docs_listing, read_text
from featuredocs.model import DocSet, Page


@dataclass
class DocsTree:
    """Pages by their docs-relative path (``rel``), in listing order.

    Listing names every page (``paths``, ``displays``, ``read_from``); reading fills
    ``texts`` and ``contents`` for the readable ones and ``errors`` for the rest.
    """

    config: Config
    root: Path = Path()
    files: frozenset[str] = frozenset()
    paths: dict[str, Path] = field(default_factory=dict)
    displays: dict[str, str] = field(default_factory=dict)
    read_from: dict[str, str] = field(default_factory=dict)
    texts: dict[str, str] = field(default_factory=dict)
    contents: dict[str, str] = field(default_factory=dict)
    errors: list[PageError] = field(default_factory=list)

    def list(self) -> None:
        """The docs tree's pages by name: their paths as read and as displayed."""
        docs_root = self.config.docs
        if not docs_root.is_dir():
            raise UsageError(
                "docs folder not found (set `docs` in [tool.featuredocs] or pass --docs)",
                display_path(docs_root, None),
            )
        self.files, rels = docs_listing(docs_root, ("**/*.md",), self.config.exclude)
        self.root = docs_root.resolve()
        base = os.path.realpath(os.getcwd()) + os.sep
        for rel in rels:
            path = os.path.join(docs_root, rel)
            # Named as read_page and display_path name pages. The listing does not enter
            # symlinked folders, so only the page itself can be a link below the root.
            resolved = os.path.realpath(path) if os.path.islink(path) else os.path.join(self.root, rel)
            self.paths[rel] = Path(resolved)
            inside = resolved.startswith(base)
            self.displays[rel] = resolved[len(base):].replace(os.sep, "/") if inside else Path(path).as_posix()
            self.read_from[rel] = path

    def edited_since(self, when: float | None, limit: int) -> int:
        """How many listed pages were modified since ``when`` (every one when None), up to
        ``limit``: a stat each, no reading."""
        if when is None:
            return len(self.read_from)
        edited = 0
        for path in self.read_from.values():
            try:
                edited += os.stat(path).st_mtime >= when  # the same clock tick counts as after
            except OSError:
                edited += 1
            if edited >= limit:
                break
        return edited

    def read(self) -> None:
        for rel, path in self.read_from.items():
            try:
                text = _read_page(path, self.config.max_page_bytes)
            except PageError as error:
                self.errors.append(error)
                continue
            self.texts[rel] = text
            self.contents[rel] = content_key(text, self.paths[rel], rel)

    def with_texts(self, texts: Mapping[str, str]) -> DocsTree:
        """The tree as read, with the pages in ``texts`` (by rel) edited so in memory."""
        edited = {rel: text for rel, text in texts.items() if rel in self.texts}
        return dataclasses.replace(
            self,
            texts={**self.texts, **edited},
            contents={**self.contents, **{
                rel: content_key(text, self.paths[rel], rel) for rel, text in edited.items()
            }},
        )

    def plain_docset(self, every_listed: bool = False) -> DocSet:
        """Pages with nothing but their names and text: enough to select and report them.
        ``every_listed``: every page listed, read or not, with no text."""
        if every_listed:
            pages = tuple(Page(self.paths[r], r, self.displays[r], "") for r in self.read_from)
        else:
            pages = tuple(Page(self.paths[r], r, self.displays[r], t) for r, t in self.texts.items())
        return DocSet(self.root, pages, self.files)


def _read_page(path: str, max_bytes: int) -> str:
    """``read_text`` without its per-page Path objects; any problem is left to
    ``read_text`` itself, so the error reads the same."""
    try:
        with open(path, "rb") as stream:
            data = stream.read(max_bytes + 1)
        if len(data) <= max_bytes and b"\x00" not in data:
            return data.decode("utf-8-sig")
    except (OSError, UnicodeDecodeError):
        pass
    return read_text(Path(path), max_bytes)
