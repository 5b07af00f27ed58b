"""Top-level blocks: paragraphs, lists with their items, code, tables, quotes, HTML."""

from __future__ import annotations

import re
from typing import Any

from featuredocs.markdown.positions import SourceMap
from featuredocs.markdown.tree import (
    CHILDREN,
    END,
    KIND,
    PLAIN,
    PLAIN_END,
    START,
    VALUE,
    Node,
    Tree,
)
from featuredocs.model import Block, BlockKind, CodeBlock, ListItem, TableRow

_LIST_MARKER = re.compile(rb"[ \t]*(?:[-+*]|\d{1,9}[.)])(?:[ \t]+|$)")

_KINDS = {
    "Paragraph": BlockKind.PARAGRAPH,
    "List": BlockKind.LIST,
    "CodeBlock": BlockKind.CODE,
    "Table": BlockKind.TABLE,
    "BlockQuote": BlockKind.QUOTE,
    "HtmlBlock": BlockKind.HTML,
    "Rule": BlockKind.RULE,
    "FootnoteDefinition": BlockKind.PARAGRAPH,
}


_partial_block = Block._partial  # type: ignore[attr-defined]
_partial_item = ListItem._partial  # type: ignore[attr-defined]


def _fill_block(name: str, lazy: tuple[Any, ...]) -> Any:
    """A block's span, source or plain text, worked out when first read."""
    _, source, start, end, pieces, plain_start, plain_end = lazy
    if name == "plain":
        return "".join(pieces[plain_start:plain_end]).strip()
    start, end = source.trimmed(start, end)
    return source.span(start, end) if name == "span" else source.source(start, end)


def _fill_code_block(name: str, lazy: tuple[Any, ...]) -> Any:
    _, source, start, end, code = lazy
    if name == "span":
        return code.span
    if name == "plain":
        return code.text
    return source.source(*source.trimmed(start, end))


def _fill_span(name: str, lazy: tuple[Any, ...]) -> Any:
    """The span of a range already trimmed (the only field filled this way)."""
    _, source, start, end = lazy
    return source.span(start, end)


class BlockBuilder:
    """Builds blocks of one page and remembers every code block it meets, in order."""

    __slots__ = ("source", "tree", "definitions", "_code")

    def __init__(self, source: SourceMap, tree: Tree, definitions: list[tuple[int, int]]) -> None:
        self.source = source
        self.tree = tree
        #: byte spans of link reference definitions, to recover the items they swallowed
        self.definitions = definitions
        self._code: dict[int, CodeBlock] = {}  # by id() of the node

    def block(self, node: Node) -> Block | None:
        kind = _KINDS.get(node[KIND])
        if kind is None:
            return None
        source = self.source
        if type(node) is tuple:  # a rule
            return _partial_block((_fill_block, source, node[START], node[END], (), 0, 0), kind, (), None, (), (), ())
        if kind is BlockKind.CODE:
            code = self.code_block(node)
            return _partial_block((_fill_code_block, source, node[START], node[END], code), kind, (), code, (), (), ())
        tree = self.tree
        return _partial_block(
            (_fill_block, source, node[START], node[END], tree.pieces, node[PLAIN], node[PLAIN_END]),
            kind,
            self.items(node) if kind is BlockKind.LIST else (),
            None,
            self.rows(node) if kind is BlockKind.TABLE else (),
            tree.codes_in(node[START], node[END]),
            tree.links_in(node[START], node[END]),
        )

    def definition(self, start: int, end: int) -> Block:
        """A link reference definition standing on its own (``[x]: ../x.md``)."""
        source = self.source.source(start, end)
        return Block(BlockKind.DEFINITION, self.source.span(start, end), source, plain=source)

    def code_block(self, node: list[Any]) -> CodeBlock:
        known = self._code.get(id(node))
        if known is None:
            known = self._code[id(node)] = self._make_code_block(node)
        return known

    def _make_code_block(self, node: list[Any]) -> CodeBlock:
        value = node[VALUE]
        fenced = isinstance(value, dict) and "Fenced" in value
        info = str(value["Fenced"]) if fenced else ""
        words = info.split()
        texts = [child for child in node[CHILDREN] if child[KIND] == "Text"]
        start, end = self.source.trimmed(node[START], node[END])
        if texts:
            first_line = self.source.line_of(texts[0][START])
        else:
            first_line = self.source.line_of(start) + (1 if fenced else 0)
        return CodeBlock(
            words[0].lower() if words else "",
            "".join(child[VALUE] for child in texts),
            self.source.span(start, end),
            first_line,
            fenced,
        )

    def items(self, node: list[Any]) -> tuple[ListItem, ...]:
        ordered = node[VALUE] is not None
        item = self.item
        return tuple([item(child, ordered) for child in node[CHILDREN] if child[KIND] == "Item"])

    def item(self, node: list[Any], ordered: bool) -> ListItem:
        tree, source = self.tree, self.source
        children = node[CHILDREN]
        first_list = node[VALUE]
        if first_list is None:
            own = children
            limit = node[END]
            plain_end = node[PLAIN_END]
            sub_items: tuple[ListItem, ...] = ()
        else:
            own = children[:first_list]
            # The item's own text ends where its first nested list begins (the line break
            # between them is stripped with the rest of the trailing space).
            nested = children[first_list]
            limit = nested[START]
            plain_end = nested[PLAIN]
            items = self.items
            sub_items = tuple(
                [item for sub in children[first_list:] if sub[KIND] == "List" for item in items(sub)]
            )
        if own and not (self.definitions and self._swallowed(node[START], limit)):
            first = own[0]
            start, end = first[START], own[-1][END]
            if type(first) is list and first[CHILDREN] and first[CHILDREN][0][START] < start:
                start = first[CHILDREN][0][START]
            if first[END] > end:
                end = first[END]
            start, end = source.trimmed(start, end)
        else:
            start, end = self._raw_item_range(node, limit)
        text = source.source(start, end)
        return _partial_item(
            (_fill_span, source, start, end),
            text,
            "".join(tree.pieces[node[PLAIN] : plain_end]).strip() if own else text,
            tree.codes_in(node[START], limit),
            tree.links_in(node[START], limit),
            sub_items,
            ordered,
        )

    def _raw_item_range(self, node: list[Any], limit: int) -> tuple[int, int]:
        """The item's line without its marker, for an item the parser kept nothing of
        (``- [Capability 1]: Description`` became a link reference definition)."""
        marker = _LIST_MARKER.match(self.source.data, node[START], limit)
        start = marker.end() if marker else node[START]
        return self.source.trimmed(start, limit)

    def _swallowed(self, start: int, end: int) -> bool:
        return any(start <= d_start < end for d_start, _ in self.definitions)

    def rows(self, node: list[Any]) -> tuple[TableRow, ...]:
        rows: list[TableRow] = []
        for part in node[CHILDREN]:
            if part[KIND] == "TableHead":
                rows.append(self._row(part, header=True))
            elif part[KIND] == "TableRow":
                rows.append(self._row(part, header=False))
        return tuple(rows)

    def _row(self, node: list[Any], header: bool) -> TableRow:
        source = self.source
        cells = [cell for cell in node[CHILDREN] if cell[KIND] == "TableCell"]
        ranges = [source.trimmed(cell[START], cell[END]) for cell in cells]
        return TableRow(
            tuple(source.source(s, e) for s, e in ranges),
            tuple(source.span(s, e) for s, e in ranges),
            self.tree.codes_in(node[START], node[END]),
            header,
        )
