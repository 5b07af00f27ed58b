"""Inline content of a run of nodes: its plain text, backtick spans and links."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from featuredocs.markdown.tree import BLOCK_KINDS, Node
from featuredocs.model import InlineCode, Link


@dataclass(slots=True)
class Inline:
    """What a run of nodes holds: ``plain`` text and the spans found in it."""

    plain: str = ""
    codes: list[InlineCode] = field(default_factory=list)
    links: list[Link] = field(default_factory=list)


def collect_inline(nodes: Iterable[Node]) -> Inline:
    """Plain text (stripped), inline code spans and links of ``nodes``, code blocks excluded.

    Reads the summaries the tree keeps on every node, so it costs one step per node given.
    """
    found = Inline()
    parts: list[str] = []
    for node in nodes:
        if node.kind in BLOCK_KINDS and parts and not parts[-1].endswith("\n"):
            parts.append("\n")
        if node.plain:
            parts.append(node.plain)
        if node.codes:
            found.codes.extend(node.codes)
        if node.links:
            found.links.extend(node.links)
    found.plain = "".join(parts).strip()
    return found
