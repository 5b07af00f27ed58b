"""Top-level blocks: paragraphs, lists with their items, code, tables, quotes, HTML."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from featuredocs.markdown.inline import collect_inline
from featuredocs.markdown.positions import SourceMap
from featuredocs.markdown.tree import Node
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


@dataclass(slots=True)
class BlockBuilder:
    """Builds blocks of one page and remembers every code block it meets, in order."""

    source: SourceMap
    #: byte spans of link reference definitions, to recover the items they swallowed
    definitions: list[tuple[int, int]] = field(default_factory=list)
    _code: dict[int, CodeBlock] = field(default_factory=dict)  # by id() of the node

    def block(self, node: Node) -> Block | None:
        kind = _KINDS.get(node.kind)
        if kind is None:
            return None
        start, end = self.source.trimmed(node.start, node.end)
        inline = collect_inline(node.children)
        code = self.code_block(node) if kind is BlockKind.CODE else None
        return Block(
            kind=kind,
            span=self.source.span(start, end),
            source=self.source.source(start, end),
            plain=inline.plain if kind is not BlockKind.CODE else (code.text if code else ""),
            items=self.items(node) if kind is BlockKind.LIST else (),
            code=code,
            rows=self.rows(node) if kind is BlockKind.TABLE else (),
            codes=tuple(inline.codes),
            links=tuple(inline.links),
        )

    def definition(self, start: int, end: int) -> Block:
        """A link reference definition standing on its own (``[x]: ../x.md``)."""
        source = self.source.source(start, end)
        return Block(BlockKind.DEFINITION, self.source.span(start, end), source, plain=source)

    def code_block(self, node: Node) -> CodeBlock:
        known = self._code.get(id(node))
        if known is None:
            known = self._code[id(node)] = self._make_code_block(node)
        return known

    def _make_code_block(self, node: Node) -> CodeBlock:
        fenced = isinstance(node.value, dict) and "Fenced" in node.value
        info = str(node.value["Fenced"]) if fenced else ""
        words = info.strip().split()
        texts = [child for child in node.children if child.kind == "Text"]
        start, end = self.source.trimmed(node.start, node.end)
        if texts:
            first_line = self.source.line_of(texts[0].start)
        else:
            first_line = self.source.line_of(start) + (1 if fenced else 0)
        return CodeBlock(
            language=words[0].lower() if words else "",
            text="".join(child.value for child in texts),
            span=self.source.span(start, end),
            first_line=first_line,
            fenced=fenced,
        )

    def items(self, node: Node) -> tuple[ListItem, ...]:
        ordered = node.value is not None
        return tuple(self.item(child, ordered) for child in node.children if child.kind == "Item")

    def item(self, node: Node, ordered: bool) -> ListItem:
        children = node.children
        nested = [child for child in children if child.kind == "List"]
        own = children[: children.index(nested[0])] if nested else children
        limit = nested[0].start if nested else node.end
        inline = collect_inline(own)
        start, end = self._item_range(node, own, limit)
        source = self.source.source(start, end)
        return ListItem(
            source=source,
            plain=inline.plain if own else source,
            span=self.source.span(start, end),
            codes=tuple(inline.codes),
            links=tuple(inline.links),
            children=tuple(item for sub in nested for item in self.items(sub)),
            ordered=ordered,
        )

    def _item_range(self, node: Node, own: list[Node], limit: int) -> tuple[int, int]:
        """Byte range of the item's own text, without its marker."""
        if own and not (self.definitions and self._swallowed(node.start, limit)):
            first = own[0]
            start = min(first.start, first.children[0].start) if first.children else first.start
            return self.source.trimmed(start, max(own[-1].end, first.end))
        # The parser kept nothing (``- [Capability 1]: Description`` became a link
        # reference definition): the raw line is the item's text.
        marker = _LIST_MARKER.match(self.source.data, node.start, limit)
        start = marker.end() if marker else node.start
        return self.source.trimmed(start, limit)

    def _swallowed(self, start: int, end: int) -> bool:
        return any(start <= d_start < end for d_start, _ in self.definitions)

    def rows(self, node: Node) -> tuple[TableRow, ...]:
        rows: list[TableRow] = []
        for part in node.children:
            if part.kind == "TableHead":
                rows.append(self._row(part, header=True))
            elif part.kind == "TableRow":
                rows.append(self._row(part, header=False))
        return tuple(rows)

    def _row(self, node: Node, header: bool) -> TableRow:
        cells = [child for child in node.children if child.kind == "TableCell"]
        ranges = [self.source.trimmed(cell.start, cell.end) for cell in cells]
        inline = collect_inline(cells)
        return TableRow(
            cells=tuple(self.source.source(s, e) for s, e in ranges),
            spans=tuple(self.source.span(s, e) for s, e in ranges),
            codes=tuple(inline.codes),
            header=header,
        )
