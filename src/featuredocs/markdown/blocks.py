"""Top-level blocks (paragraphs, lists with their items, code, tables, quotes, HTML),
each built from its container as the container closes (see :mod:`.events`)."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any

from featuredocs.markdown.fields import CODES, END, FIRST, KIND, LAST, LINKS, OWN, PARTS, PLAIN, PLAIN_END, START, VALUE
from featuredocs.markdown.positions import SourceMap
from featuredocs.model import Block, BlockKind, CodeBlock, ListItem, TableRow

if TYPE_CHECKING:
    from featuredocs.markdown.events import Events


_LIST_MARKER = re.compile(rb"[ \t]*(?:[-+*]|\d{1,9}[.)])(?:[ \t]+|$)")
_WHITESPACE = b" \t\r\n"

#: pyromark's tags of the containers (and the leaf) that are blocks at the top level.
BLOCK_KINDS = {
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


def fill_block(name: str, lazy: tuple[Any, ...]) -> Any:
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


def fill_span(name: str, lazy: tuple[Any, ...]) -> Any:
    """The span of a range already trimmed (the only field filled this way)."""
    _, source, start, end = lazy
    return source.span(start, end)


def _run(items: list[Any], start: int, end: int) -> tuple[Any, ...]:
    return tuple(items[start:end]) if end > start else ()


def generic_block(node: list[Any], out: Events, source: SourceMap) -> Block:
    """A paragraph, quote, HTML block or footnote: nothing but its inline content."""
    codes, links = out.codes, out.links
    return _partial_block(
        (fill_block, source, node[START], node[END], out.pieces, node[PLAIN], node[PLAIN_END]),
        BLOCK_KINDS[node[KIND]],
        (),
        None,
        (),
        tuple(codes[node[CODES] :]) if len(codes) > node[CODES] else (),
        tuple(links[node[LINKS] :]) if len(links) > node[LINKS] else (),
    )


def list_block(node: list[Any], out: Events, source: SourceMap) -> Block:
    codes, links = out.codes, out.links
    return _partial_block(
        (fill_block, source, node[START], node[END], out.pieces, node[PLAIN], node[PLAIN_END]),
        BlockKind.LIST,
        tuple(node[PARTS]),
        None,
        (),
        _run(codes, node[CODES], len(codes)),
        _run(links, node[LINKS], len(links)),
    )


def table_block(node: list[Any], out: Events, source: SourceMap) -> Block:
    codes, links = out.codes, out.links
    return _partial_block(
        (fill_block, source, node[START], node[END], out.pieces, node[PLAIN], node[PLAIN_END]),
        BlockKind.TABLE,
        (),
        None,
        tuple(node[PARTS]),
        _run(codes, node[CODES], len(codes)),
        _run(links, node[LINKS], len(links)),
    )


def rule_block(source: SourceMap, start: int, end: int) -> Block:
    return _partial_block((fill_block, source, start, end, (), 0, 0), BlockKind.RULE, (), None, (), (), ())


def code_entry(node: list[Any], code: CodeBlock, source: SourceMap) -> Block:
    return _partial_block((_fill_code_block, source, node[START], node[END], code), BlockKind.CODE, (), code, (), (), ())


def definition_block(source: SourceMap, start: int, end: int) -> Block:
    """A link reference definition standing on its own (``[x]: ../x.md``)."""
    text = source.source(start, end)
    return Block(BlockKind.DEFINITION, source.span(start, end), text, plain=text)


def code_block(node: list[Any], source: SourceMap) -> CodeBlock:
    value = node[VALUE]
    fenced = isinstance(value, dict) and "Fenced" in value
    info = str(value["Fenced"]) if fenced else ""
    start, end = source.trimmed(node[START], node[END])
    first = node[FIRST]
    if first is not None:
        first_line = source.line_of(first[START])
    else:
        first_line = source.line_of(start) + (1 if fenced else 0)
    text = "".join(node[PARTS])
    if not fenced and text.startswith(("```", "~~~")):
        # MkDocs' tabs and admonitions indent a fenced block, which CommonMark reads as an
        # indented block holding the fences: it is read as the fenced block it is meant to be.
        inner = _INDENTED_FENCE.match(text)
        if inner is not None:
            info, text, first_line, fenced = inner["info"], inner["body"], first_line + 1, True
    if info.startswith("{") and text.lstrip(" \t")[:1] in (":", "-"):
        options = _DIRECTIVE_OPTIONS.match(text)
        if options is not None and info.split(None, 1)[0].lower() in _DIRECTIVES:
            text, first_line = text[options.end() :], first_line + options.group().count("\n")
    return CodeBlock(
        _language(info),
        text,
        source.span(start, end),
        first_line,
        fenced,
    )


def _language(info: str) -> str:
    """The first word of the info string, lower-cased; as Sphinx's MyST writes it too
    (``{code-block} python``), and as pandoc does (``{.python}``)."""
    words = info.split()
    if not words:
        return ""
    first = words[0].lower()
    if first.startswith("{"):
        if first in _DIRECTIVES:
            return words[1].lower() if len(words) > 1 else ""
        if first.startswith("{.") and first.endswith("}"):
            return first[2:-1]
    return first


_DIRECTIVES = frozenset({"{code-block}", "{code}", "{sourcecode}", "{code-cell}"})
#: A MyST directive's options before its content: ``:caption: …`` lines, or a ``---``
#: block of ``key: value`` lines. They are the directive's, not the code's.
_DIRECTIVE_OPTIONS = re.compile(r"(?:[ \t]*:[\w-]+:[^\n]*\n)+|---[ \t]*\n(?:[ \t]*[\w-]+[ \t]*:[^\n]*\n)*---[ \t]*\n")
_INDENTED_FENCE = re.compile(r"(?P<fence>`{3,}|~{3,})[ \t]*(?P<info>[^\n`]*)\n(?P<body>(?:.*\n)*?)(?P=fence)[`~]*[ \t]*\n?\Z")


def list_item(node: list[Any], ordered: bool, out: Events, source: SourceMap, definitions: list[tuple[int, int]]) -> ListItem:
    # A page has ten times more items than blocks: the trimming and slicing of
    # :class:`SourceMap` are written out here rather than called.
    own = node[OWN]
    if own is None:
        first, last_end, limit = node[FIRST], node[LAST], node[END]
        plain_end, codes_end, links_end = node[PLAIN_END], len(out.codes), len(out.links)
    else:
        # The item's own text ends where its first nested list begins (the line break
        # between them is stripped with the rest of the trailing space).
        first, last_end, limit, plain_end, codes_end, links_end = own
    if first is not None and not (definitions and _swallowed(definitions, node[START], limit)):
        start, end = first[START], last_end
        if type(first) is list:
            inner = first[FIRST]
            if inner is not None and inner[START] < start:
                start = inner[START]
        if first[END] > end:
            end = first[END]
        data = source.data
        while end > start and data[end - 1] in _WHITESPACE:
            end -= 1
        while start < end and data[start] in _WHITESPACE:
            start += 1
        text = source.text[start:end] if end <= source.ascii_end else source.source(start, end)
        plain = "".join(out.pieces[node[PLAIN] : plain_end]).strip()
    else:
        start, end = _raw_item_range(source, node[START], limit)
        text = source.source(start, end)
        plain = "".join(out.pieces[node[PLAIN] : plain_end]).strip() if first is not None else text
    codes_start, links_start, parts = node[CODES], node[LINKS], node[PARTS]
    return _partial_item(
        (fill_span, source, start, end),
        text,
        plain,
        tuple(out.codes[codes_start:codes_end]) if codes_end > codes_start else (),
        tuple(out.links[links_start:links_end]) if links_end > links_start else (),
        tuple(parts) if parts else (),
        ordered,
    )


def _raw_item_range(source: SourceMap, start: int, limit: int) -> tuple[int, int]:
    """The item's line without its marker, for an item the parser kept nothing of
    (``- [Capability 1]: Description`` became a link reference definition)."""
    marker = _LIST_MARKER.match(source.data, start, limit)
    return source.trimmed(marker.end() if marker else start, limit)


def _swallowed(definitions: list[tuple[int, int]], start: int, end: int) -> bool:
    return any(start <= d_start < end for d_start, _ in definitions)


def table_row(node: list[Any], out: Events, source: SourceMap, header: bool) -> TableRow:
    ranges = [source.trimmed(start, end) for start, end in node[PARTS]]
    return TableRow(
        tuple([source.source(s, e) for s, e in ranges]),
        tuple([source.span(s, e) for s, e in ranges]),
        _run(out.codes, node[CODES], len(out.codes)),
        header,
    )
