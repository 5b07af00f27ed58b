"""pyromark's flat event stream as a small tree of nodes (the only importer of pyromark).

The tree is built iteratively, in one pass over the events. When a node closes, its
inline content is summarised (plain text, backtick spans, links) from its children's
summaries, so later stages read any node's inline content without walking it again.

Containers nested deeper than :data:`MAX_DEPTH` are not opened: their content is
attached to the deepest open container, so a page of 10,000 nested list levels neither
hits the recursion limit nor makes later walks deep.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any

import pyromark

from featuredocs.markdown.positions import SourceMap
from featuredocs.model import InlineCode, Link, Span

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
_NO_CHILDREN: list[Node] = []  # shared by every leaf; leaves never get children


class Node:
    """One parser element. Leaves (``Text``, ``Code``, ``Html``…) carry ``value``.

    ``kind`` is pyromark's tag: ``Paragraph``, ``Heading``, ``List``, ``Item``,
    ``CodeBlock``, ``Table``, ``TableHead``, ``TableRow``, ``TableCell``, ``BlockQuote``,
    ``HtmlBlock``, ``Link``, ``Image``, ``Strong``, ``Text``, ``Code``, ``SoftBreak`` …
    ``start``/``end`` are UTF-8 byte offsets. ``plain``, ``codes`` and ``links`` summarise
    the inline content below the node (nothing from inside code blocks).
    """

    # A plain slotted class: a page builds thousands of these, and a dataclass __init__
    # with default factories costs noticeably more.
    __slots__ = ("kind", "value", "start", "end", "children", "plain", "codes", "links")

    def __init__(
        self,
        kind: str,
        value: Any,
        start: int,
        end: int,
        children: list[Node] | None = None,
        plain: str = "",
        codes: list[InlineCode] | tuple[InlineCode, ...] = _NONE,
        links: list[Link] | tuple[Link, ...] = _NONE,
    ) -> None:
        self.kind = kind
        self.value = value
        self.start = start
        self.end = end
        self.children = children if children is not None else []
        self.plain = plain
        self.codes = codes
        self.links = links

    def __repr__(self) -> str:
        return f"Node({self.kind!r}, {self.start}, {self.end}, children={len(self.children)})"


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
    top = root.children  # children of the innermost open container
    skipped = 0  # containers not opened because the stack was too deep
    span = source.span
    for event, where in pyromark.events_with_range(text, options=OPTIONS, merge_text=True):
        if type(event) is str:  # SoftBreak, HardBreak, Rule
            top.append(Node(event, None, where["start"], where["end"], _NO_CHILDREN,
                            "\n" if event in _BREAKS else ""))
            continue
        ((tag, payload),) = event.items()
        if tag == "Text":
            top.append(Node(tag, payload, where["start"], where["end"], _NO_CHILDREN, payload))
        elif tag == "End":
            if skipped:
                skipped -= 1
            else:
                summarize(stack.pop(), span)
                top = stack[-1].children
        elif tag == "Start":
            if len(stack) > MAX_DEPTH:
                skipped += 1
                continue
            if type(payload) is str:
                node = Node(payload, None, where["start"], where["end"], [])
            else:
                ((kind, value),) = payload.items()
                node = Node(kind, value, where["start"], where["end"], [])
                if kind == "Heading":
                    tree.headings.append(node)
                elif kind == "CodeBlock":
                    tree.code_blocks.append(node)
            top.append(node)
            stack.append(node)
            top = node.children
        elif tag == "Code":
            start, end = where["start"], where["end"]
            top.append(Node(tag, payload, start, end, _NO_CHILDREN, payload,
                            [InlineCode(payload, span(start, end))]))
        else:
            node = Node(tag, payload, where["start"], where["end"], _NO_CHILDREN)
            if tag in ("Html", "InlineHtml"):
                tree.html.append(node)
            top.append(node)
    summarize(root, span)
    return tree


def summarize(node: Node, span: Callable[[int, int], Span]) -> None:
    """Fill ``node``'s plain text, code spans and links from its (summarised) children."""
    kind = node.kind
    if kind == "CodeBlock":
        return
    children = node.children
    if len(children) == 1 and kind not in ("Link", "Image"):
        only = children[0]  # the common case: a paragraph or emphasis holding one run
        node.plain, node.codes, node.links = only.plain, only.codes, only.links
        return
    parts: list[str] = []
    codes: list[InlineCode] | None = None
    links: list[Link] | None = None
    if kind in ("Link", "Image"):
        links = []  # the link itself goes first, once its text is known
    for child in children:
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
    if links is not None and kind in ("Link", "Image"):
        value = node.value if isinstance(node.value, dict) else {}
        link = Link(
            text=node.plain,
            target=str(value.get("dest_url", "")),
            span=span(node.start, node.end),
            image=kind == "Image",
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
