"""Inline content of a block: its plain text, backtick spans and links."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from featuredocs.markdown.positions import SourceMap
from featuredocs.markdown.tree import Node
from featuredocs.model import InlineCode, Link

_BREAKS = frozenset(("SoftBreak", "HardBreak"))
_BLOCK_ENDS = frozenset(("Paragraph", "Heading", "CodeBlock", "TableCell", "Item"))


@dataclass(slots=True)
class Inline:
    """What a run of nodes holds: ``plain`` text and the spans found in it."""

    plain: str = ""
    codes: list[InlineCode] = field(default_factory=list)
    links: list[Link] = field(default_factory=list)


def plain_text(nodes: Iterable[Node]) -> str:
    """Text without Markdown: text and code contents, breaks as newlines."""
    parts: list[str] = []
    for node in _flatten(nodes):
        if node.kind in ("Text", "Code"):
            parts.append(node.value)
        elif node.kind in _BREAKS:
            parts.append("\n")
    return "".join(parts)


def collect_inline(nodes: Iterable[Node], source: SourceMap) -> Inline:
    """Plain text, inline code spans and links in ``nodes`` (code blocks excluded)."""
    found = Inline()
    parts: list[str] = []
    for node in _flatten(nodes):
        kind = node.kind
        if kind == "Text":
            parts.append(node.value)
        elif kind == "Code":
            parts.append(node.value)
            found.codes.append(InlineCode(node.value, source.span(node.start, node.end)))
        elif kind in _BREAKS:
            parts.append("\n")
        elif kind in ("Link", "Image"):
            found.links.append(make_link(node, source))
        elif kind in _BLOCK_ENDS and parts and not parts[-1].endswith("\n"):
            parts.append("\n")
    found.plain = "".join(parts).strip()
    return found


def make_link(node: Node, source: SourceMap) -> Link:
    value = node.value or {}
    return Link(
        text=plain_text(node.children),
        target=str(value.get("dest_url", "")),
        span=source.span(node.start, node.end),
        image=node.kind == "Image",
    )


def _flatten(nodes: Iterable[Node]) -> list[Node]:
    """The nodes and everything below them in document order, code block text excluded."""
    flat: list[Node] = []
    pending = list(reversed(list(nodes)))
    while pending:
        node = pending.pop()
        flat.append(node)
        if node.kind != "CodeBlock":
            pending.extend(reversed(node.children))
    return flat
