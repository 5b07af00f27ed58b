"""pyromark's flat event stream as a small tree (the only importer of pyromark).

The tree is built in one pass over the events and holds nothing the page model does not
read: a container is a list (see the field indices below), a leaf a tuple
``(kind, start, end, value)``; ``start``/``end`` are UTF-8 byte offsets. A page has
hundreds of elements, so each one costs a list or a tuple, never an object per event.

Inline content is not summarised node by node. The page's plain text pieces, backtick
spans and links are kept once, in document order, in :class:`Tree`; a container records
where its run of plain text pieces starts and ends, and the code spans and links below
any byte range (nothing from inside code blocks) are found by bisecting their starts.

Containers nested deeper than :data:`MAX_DEPTH` are not opened: their content is
attached to the deepest open container, so a page of 10,000 nested list levels neither
hits the recursion limit nor makes later walks deep.
"""

from __future__ import annotations

from bisect import bisect_left
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
BREAKS = frozenset(("SoftBreak", "HardBreak"))

#: Fields of every node, leaf or container. ``kind`` is pyromark's tag (``Paragraph``,
#: ``Item``, ``CodeBlock``, ``Strong``, ``Text``, ``Code``, ``SoftBreak``…); ``value`` its
#: payload (a leaf's text, a heading's attributes, a fenced block's info string…), and
#: for a list item the index of its first nested list among its children (or None).
KIND, START, END, VALUE = 0, 1, 2, 3
#: Fields of containers only: the child nodes, and the container's run in the page's
#: plain text pieces (``PLAIN`` to ``PLAIN_END``).
CHILDREN, PLAIN, PLAIN_END = range(4, 7)

Node = list[Any] | tuple[str, int, int, Any]


class Tree:
    """The document node, the page's inline runs, and the nodes later stages look up."""

    __slots__ = ("root", "pieces", "codes", "code_starts", "links", "link_starts", "headings", "code_blocks", "html")

    def __init__(self, root: list[Any]) -> None:
        self.root = root
        self.pieces: list[str] = []  # plain text, never an empty string
        self.codes: tuple[InlineCode, ...] = ()  # every backtick span, so a slice is a tuple
        self.code_starts: list[int] = []  # the byte offset each of ``codes`` starts at
        self.links: tuple[Link, ...] = ()
        self.link_starts: list[int] = []
        self.headings: list[list[Any]] = []
        self.code_blocks: list[list[Any]] = []
        self.html: list[tuple[str, int, int, str]] = []

    def plain(self, node: list[Any]) -> str:
        """The plain text below the container ``node``, unstripped."""
        return "".join(self.pieces[node[PLAIN] : node[PLAIN_END]])

    def codes_in(self, start: int, end: int) -> tuple[InlineCode, ...]:
        """The backtick spans that start in bytes ``start`` to ``end`` (exclusive)."""
        starts = self.code_starts
        return self.codes[bisect_left(starts, start) : bisect_left(starts, end)]

    def links_in(self, start: int, end: int) -> tuple[Link, ...]:
        starts = self.link_starts
        return self.links[bisect_left(starts, start) : bisect_left(starts, end)]


def parse_tree(text: str, source: SourceMap) -> Tree:
    """The document as a tree whose root's children are the top-level blocks."""
    root: list[Any] = ["Document", 0, len(source.data), None, [], 0, 0]
    tree = Tree(root)
    pieces = tree.pieces
    codes: list[InlineCode] = []
    links: list[Link | None] = []
    add_piece, add_code = pieces.append, codes.append
    add_code_start, add_link_start = tree.code_starts.append, tree.link_starts.append
    span = source.span
    stack = [root]
    top = root  # the innermost open container
    children = root[CHILDREN]
    in_code = False  # whether ``top`` is a code block, whose text is no plain text
    skipped = 0  # containers not opened because the stack was too deep
    for event, where in pyromark.events_with_range(text, options=OPTIONS, merge_text=True):
        if type(event) is str:  # SoftBreak, HardBreak, Rule
            children.append((event, where["start"], where["end"], None))
            if event in BREAKS:
                add_piece("\n")
            continue
        tag, payload = event.popitem()
        if tag == "Text":
            children.append((tag, where["start"], where["end"], payload))
            if payload and not in_code:
                add_piece(payload)
        elif tag == "End":
            if skipped:
                skipped -= 1
                continue
            top[PLAIN_END] = len(pieces)
            if payload == "Link" or payload == "Image":
                _close_link(top, pieces, links, span)
            stack.pop()
            top = stack[-1]
            children = top[CHILDREN]
            in_code = False
        elif tag == "Start":
            if len(stack) > MAX_DEPTH:
                skipped += 1
                continue
            if type(payload) is str:
                kind, value = payload, None
            else:
                kind, value = payload.popitem()
            if kind in BLOCK_KINDS and len(pieces) > top[PLAIN] and not pieces[-1].endswith("\n"):
                add_piece("\n")
            node = [kind, where["start"], where["end"], value, [], len(pieces), 0]
            if kind in _NOTED:
                if kind == "Heading":
                    tree.headings.append(node)
                elif kind == "CodeBlock":
                    tree.code_blocks.append(node)
                    in_code = True
                elif kind == "List":
                    if top[KIND] == "Item" and top[VALUE] is None:
                        top[VALUE] = len(children)  # an item's value: where its first nested list is
                else:  # the link goes first, once its text is known
                    node[VALUE] = (value, len(links))
                    add_link_start(node[START])
                    links.append(None)
            children.append(node)
            stack.append(node)
            top = node
            children = node[CHILDREN]
        elif tag == "Code":
            start, end = where["start"], where["end"]
            children.append((tag, start, end, payload))
            if payload:
                add_piece(payload)
            add_code_start(start)
            add_code(InlineCode(payload, span(start, end)))
        else:
            leaf = (tag, where["start"], where["end"], payload)
            if tag in ("Html", "InlineHtml"):
                tree.html.append(leaf)
            children.append(leaf)
    root[PLAIN_END] = len(pieces)
    tree.codes, tree.links = tuple(codes), tuple(links)  # type: ignore[arg-type]
    return tree


#: Containers the tree notes as they open: headings and code blocks are listed, lists
#: mark their item, links keep their place in the page's links.
_NOTED = frozenset(("Heading", "CodeBlock", "List", "Link", "Image"))


def _close_link(node: list[Any], pieces: list[str], links: list[Link | None], span: Any) -> None:
    value, index = node[VALUE]
    links[index] = Link(
        text="".join(pieces[node[PLAIN] : node[PLAIN_END]]),
        target=str(value.get("dest_url", "")) if isinstance(value, dict) else "",
        span=span(node[START], node[END]),
        image=node[KIND] == "Image",
    )


def reference_definitions(text: str, tree: Tree, data: bytes) -> list[tuple[int, int]]:
    """Byte spans of the link reference definitions in ``text`` (whose parse is ``tree``
    and whose UTF-8 encoding has the same offsets as ``data``), in order."""
    if not _colon_after_bracket_outside_code(data, tree.code_blocks):
        return []
    found = pyromark.reference_definitions(text)
    return sorted((int(d["span"]["start"]), int(d["span"]["end"])) for d in found.values())


def _colon_after_bracket_outside_code(data: bytes, code_blocks: list[list[Any]]) -> bool:
    """Whether ``]:`` occurs outside every code block. Every definition has one, and pages
    often have none but in code (``rows[:10]:``), so most pages need no second parse."""
    blocks = iter(code_blocks)
    block = next(blocks, None)
    at = data.find(b"]:")
    while at != -1:
        while block is not None and block[END] <= at:
            block = next(blocks, None)
        if block is None or at < block[START]:
            return True
        at = data.find(b"]:", at + 2)
    return False
