"""``featuredocs index``: plan the three index files, then write, check or diff them."""

from __future__ import annotations

import difflib
import posixpath
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from featuredocs.config import Config
from featuredocs.coverage.claimed import Claimed
from featuredocs.model.page import API_FILE, COMMANDS_FILE, INDEX_FILE
from featuredocs.generate.index_pages import (
    FeaturePage,
    IndexInputs,
    api_content,
    commands_content,
    readme_content,
)
from featuredocs.generate.regions import hand_written, read_text_file, with_region
from featuredocs.markdown import parse_page
from featuredocs.markdown.load import display_path
from featuredocs.model import Page, ProjectFacts

REFERENCES = {
    COMMANDS_FILE: "Every management command of the project, with its usage and options",
    API_FILE: "Every endpoint of the project, with its parameters and response fields",
}
_TITLES = {INDEX_FILE: "Documentation", COMMANDS_FILE: "Management Commands", API_FILE: "API Reference"}


@dataclass(frozen=True)
class FileUpdate:
    """One index file: what is on disk now (None when missing) and what it should hold."""

    path: Path
    display: str
    old: str | None
    new: str

    @property
    def changed(self) -> bool:
        return self.old != self.new

    def diff(self) -> str:
        before = (self.old or "").splitlines(keepends=True)
        after = self.new.splitlines(keepends=True)
        lines = difflib.unified_diff(before, after, f"a/{self.display}", f"b/{self.display}")
        return "".join(line if line.endswith("\n") else line + "\n" for line in lines)


def plan_index(config: Config, facts: ProjectFacts, claimed: list[Claimed]) -> list[FileUpdate]:
    """What the index files should hold, from what each feature page documents (in the
    docs' order, see ``coverage/claimed.py``)."""
    inputs = IndexInputs(facts, tuple(_feature(claim) for claim in claimed))
    builders: dict[str, Callable[[Page], str]] = {
        INDEX_FILE: lambda outside: readme_content(inputs, outside, REFERENCES),
        COMMANDS_FILE: lambda outside: commands_content(inputs, outside),
        API_FILE: lambda outside: api_content(inputs, outside),
    }
    return [_update(config.docs, rel, build) for rel, build in builders.items()]


def _feature(claim: Claimed) -> FeaturePage:
    return FeaturePage(claim, _fragments(claim, API_FILE))


def _fragments(claim: Claimed, target_rel: str) -> tuple[str, ...]:
    """The anchors the page links to in the docs file ``target_rel``."""
    base = posixpath.dirname(claim.rel)
    found = []
    for target in claim.links:
        path, _, fragment = target.partition("#")
        if fragment and path and posixpath.normpath(posixpath.join(base, path)) == target_rel:
            found.append(fragment)
    return tuple(found)


def _update(docs: Path, rel: str, build: Callable[[Page], str]) -> FileUpdate:
    path = docs / rel
    shown = display_path(path, None)
    file = read_text_file(path)
    outside_text = hand_written(file.text, shown) if file.exists else f"# {_TITLES[rel]}\n"
    outside = parse_page(outside_text, path=path, rel=rel, display=shown)
    text = with_region(file, build(outside), _TITLES[rel], shown)
    if not file.exists:
        return FileUpdate(path, shown, None, text)
    # unchanged text keeps its bytes: mixed line ends are not made one for nothing
    return FileUpdate(path, shown, file.original, file.original if text == file.text else file.encoded(text))
