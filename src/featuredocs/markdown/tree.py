"""pyromark's flat event stream as a small tree of nodes (the only importer of pyromark).

The tree is built iteratively, in one pass over the events. When a node closes, its
inline content is summarised (plain text, backtick spans, links) from its children's
summaries, so later stages read any node's inline content without walking it again.

Containers nested deeper than :data:`MAX_DEPTH` are not opened: their content is
attached to the deepest open container, so a page of 10,000 nested list levels neither
hits the recursion limit nor makes later walks deep.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

import pyromark

from featuredocs.markdown.positions import SourceMap
from featuredocs.model import InlineCode, Link

MAX_DEPTH = 64

OPTIONS = (
    pyromark.Options.ENABLE_TABLES
    | pyromark.Options.ENABLE_STRIKETHROUGH
    | pyromark.Options.ENABLE_FOOTNOTES
    | pyromark.Options.ENABLE_TASKLISTS
)

#: Nodes whose text starts on a new line of their parent's plain text.
BLOCK_KINDS = frozenset(
    (
        "Paragraph", "Heading", "BlockQuote", "CodeBlock", "List", "Item", "Table",
        "TableHead", "TableRow", "TableCell", "HtmlBlock", "FootnoteDefinition",
    )
)
_BREAKS = frozenset(("SoftBreak", "HardBreak"))
_NONE: tuple[Any, ...] = ()


@dataclass(slots=True)
class Node:
    """One parser element. Leaves (``Text``, ``Code``, ``Html``…) carry ``value``.

    ``kind`` is pyromark's tag: ``Paragraph``, ``Heading``, ``List``, ``Item``,
    ``CodeBlock``, ``Table``, ``TableHead``, ``TableRow``, ``TableCell``, ``BlockQuote``,
    ``HtmlBlock``, ``Link``, ``Image``, ``Strong``, ``Text``, ``Code``, ``SoftBreak`` …
    ``start``/``end`` are UTF-8 byte offsets. ``plain``, ``codes`` and ``links`` summarise
    the inline content below the node (nothing from inside code blocks).
    """

    kind: str
    value: Any
    start: int
    end: int
    children: list[Node] = field(default_factory=list)
    plain: str = ""
    codes: list[InlineCode] | tuple[InlineCode, ...] = _NONE
    links: list[Link] | tuple[Link, ...] = _NONE


@dataclass(slots=True)
class Tree:
    """The document node plus, in document order, the nodes later stages look up."""

    root: Node
    headings: list[Node] = field(default_factory=list)
    code_blocks: list[Node] = field(default_factory=list)
    html: list[Node] = field(default_factory=list)


def parse_tree(text: str, source: SourceMap) -> Tree:
    """The document as a tree whose root's children are the top-level blocks."""
    root = Node("Document", None, 0, len(source.data))
    tree = Tree(root)
    stack = [root]
    skipped = 0  # containers not opened because the stack was too deep
    for event, where in pyromark.events_with_range(text, options=OPTIONS, merge_text=True):
        start, end = where["start"], where["end"]
        if isinstance(event, str):  # SoftBreak, HardBreak, Rule
            stack[-1].children.append(Node(event, None, start, end, plain="\n" if event in _BREAKS else ""))
            continue
        ((tag, payload),) = event.items()
        if tag == "Start":
            if len(stack) > MAX_DEPTH:
                skipped += 1
                continue
            if isinstance(payload, str):
                node = Node(payload, None, start, end)
            else:
                ((kind, value),) = payload.items()
                node = Node(kind, value, start, end)
                if kind == "Heading":
                    tree.headings.append(node)
                elif kind == "CodeBlock":
                    tree.code_blocks.append(node)
            stack[-1].children.append(node)
            stack.append(node)
        elif tag == "End":
            if skipped:
                skipped -= 1
            else:
                summarize(stack.pop(), source)
        else:
            stack[-1].children.append(_leaf(tag, payload, start, end, source, tree))
    summarize(root, source)
    return tree


def _leaf(tag: str, payload: Any, start: int, end: int, source: SourceMap, tree: Tree) -> Node:
    if tag == "Text":
        return Node(tag, payload, start, end, plain=payload)
    if tag == "Code":
        return Node(tag, payload, start, end, plain=payload,
                    codes=[InlineCode(payload, source.span(start, end))])
    node = Node(tag, payload, start, end)
    if tag in ("Html", "InlineHtml"):
        tree.html.append(node)
    return node


def summarize(node: Node, source: SourceMap) -> None:
    """Fill ``node``'s plain text, code spans and links from its (summarised) children."""
    if node.kind == "CodeBlock":
        return
    parts: list[str] = []
    codes: list[InlineCode] | None = None
    links: list[Link] | None = None
    if node.kind in ("Link", "Image"):
        links = []  # the link itself goes first, once its text is known
    for child in node.children:
        if child.kind in BLOCK_KINDS and parts and not parts[-1].endswith("\n"):
            parts.append("\n")
        if child.plain:
            parts.append(child.plain)
        if child.codes:
            codes = codes if codes is not None else []
            codes.extend(child.codes)
        if child.links:
            links = links if links is not None else []
            links.extend(child.links)
    node.plain = "".join(parts)
    if codes:
        node.codes = codes
    if links is not None and node.kind in ("Link", "Image"):
        value = node.value if isinstance(node.value, dict) else {}
        link = Link(
            text=node.plain,
            target=str(value.get("dest_url", "")),
            span=source.span(node.start, node.end),
            image=node.kind == "Image",
        )
        links.insert(0, link)
    if links:
        node.links = links


def reference_definitions(text: str) -> Mapping[str, Mapping[str, Any]]:
    """Link reference definitions by label, with their byte spans."""
    return pyromark.reference_definitions(text)


def walk(node: Node) -> list[Node]:
    """Every node below ``node`` in document order (iterative, no recursion)."""
    found: list[Node] = []
    pending = list(reversed(node.children))
    while pending:
        current = pending.pop()
        found.append(current)
        pending.extend(reversed(current.children))
    return found
