"""One pass over pyromark's event stream (the only importer of pyromark).

Each element of the page model is built at the event that closes it, from what its open
container recorded on the way: no tree is kept and nothing is walked afterwards. An open
container is a list (see the field indices below); a leaf costs no object at all unless it
is the first child of its container. ``start``/``end`` are UTF-8 byte offsets.

Inline content is not summarised node by node. The page's plain text pieces, backtick
spans and links are kept once, in document order; a container records how many of each
there were when it opened and when it closed, and its own are the run between.

A top-level paragraph or list met before on this or an earlier page is not read again:
its events are skipped and its elements rebuilt from the first reading (see
:mod:`.repeats`).

Containers nested deeper than :data:`MAX_DEPTH` are not opened: their content counts as
content of the deepest open container, so a page of 10,000 nested list levels stays
shallow.
"""

from __future__ import annotations

from collections import deque
from itertools import islice
from typing import Any

import pyromark

from featuredocs.markdown.blocks import (
    BLOCK_KINDS,
    code_block,
    code_entry,
    fill_span,
    generic_block,
    list_block,
    list_item,
    rule_block,
    table_block,
    table_row,
)
from featuredocs.markdown.fields import (
    CODES,
    END,
    FIRST,
    KIND,
    LAST,
    LINKS,
    OWN,
    PARTS,
    PLAIN,
    PLAIN_END,
    START,
    VALUE,
    WANTED,
)
from featuredocs.markdown.positions import SourceMap
from featuredocs.markdown.headings import known_heading, make_heading, rebuild_heading
from featuredocs.markdown.repeats import known_block, rebuild, remember
from featuredocs.markdown.sections import Sites, label_sites
from featuredocs.markdown.slug import GithubSlugger
from featuredocs.model import Block, CodeBlock, Heading, InlineCode, Link

MAX_DEPTH = 64

#: Which parser reads the pages: a cached finding holds only for the parser that found it.
PARSER_VERSION = f"pyromark {getattr(pyromark, '__version__', 'unknown')}"

_partial_code = InlineCode._partial  # type: ignore[attr-defined]

OPTIONS = (
    pyromark.Options.ENABLE_TABLES
    | pyromark.Options.ENABLE_STRIKETHROUGH
    | pyromark.Options.ENABLE_FOOTNOTES
    | pyromark.Options.ENABLE_TASKLISTS
)

#: Containers whose text starts on a new line of their parent's plain text.
NEW_LINE_KINDS = frozenset(
    (
        "Paragraph", "Heading", "BlockQuote", "CodeBlock", "List", "Item", "Table",
        "TableHead", "TableRow", "TableCell", "HtmlBlock", "FootnoteDefinition",
    )
)
BREAKS = frozenset(("SoftBreak", "HardBreak"))

class Events:
    """What one pass over a page's events produced."""

    __slots__ = ("pieces", "codes", "links", "headings", "code_blocks", "code_ranges", "entries", "labels", "html")

    def __init__(self) -> None:
        self.pieces: list[str] = []  # plain text, never an empty string
        self.codes: list[InlineCode] = []
        self.links: list[Link | None] = []
        self.headings: list[Heading] = []
        self.code_blocks: list[CodeBlock] = []
        self.code_ranges: list[tuple[int, int]] = []  # each code block's bytes
        #: the top-level headings and blocks, with each block's byte range
        self.entries: list[tuple[Heading | Block, int, int]] = []
        self.labels: dict[int, Sites] = {}  # by id() of a paragraph block
        self.html: list[tuple[str, int]] = []  # HTML text and where it starts


def read_events(text: str, source: SourceMap, definitions: list[tuple[int, int]]) -> Events:
    """Build the page's elements from ``text`` (whose UTF-8 encoding has the offsets of
    ``source``); ``definitions`` are the byte ranges of its link reference definitions."""
    out = Events()
    pieces, codes, links = out.pieces, out.codes, out.links
    add_piece, add_code = pieces.append, codes.append
    entries, headings = out.entries, out.headings
    span = source.span
    slugger = GithubSlugger()
    root: list[Any] = ["Document", 0, len(source.data), None, 0, 0, 0, None, 0, None, True, None, 0]
    stack = [root]
    top = root  # the innermost open container
    # Only the container opened last can still lack its first child, and a container's
    # last child ends where the event before its end does: both are kept here, once,
    # rather than written into the open container at every event.
    opened: list[Any] | None = root  # the container waiting for its first child
    last_end = 0  # where the latest event that counts as a child ends
    in_code = False  # whether ``top`` is a code block, whose text is no plain text
    skipped = 0  # containers not opened because the stack was too deep
    shallow = True  # whether no container was skipped so far
    data = source.data
    # The top-level block being read for its next copies (see :mod:`.repeats`): its
    # bytes, first event, and how many links, headings, code blocks and HTML came before.
    first_reading: tuple[bytes, int, int, int, int, int] | None = None
    heading_at = -1  # the first event of the latest top-level heading
    events = enumerate(pyromark.events_with_range(text, options=OPTIONS, merge_text=True))
    for index, (event, where) in events:
        if type(event) is str:  # SoftBreak, HardBreak, Rule
            end = where["end"]
            if event in BREAKS:
                add_piece("\n")
                if len(stack) == 2 and top[KIND] == "Paragraph":
                    # A line of a top-level paragraph is finished; the next child is
                    # the first of the next line.
                    lines = top[PARTS]
                    if lines is None:
                        lines = top[PARTS] = []
                    lines.append((top[FIRST], last_end))
                    top[FIRST] = None
                    opened = top
                    continue
            elif len(stack) == 1:
                start = where["start"]
                entries.append((rule_block(source, start, end), start, end))
            if opened is not None:
                opened[FIRST] = (event, where["start"], end)
                opened = None
            last_end = end
            continue
        tag, payload = event.popitem()
        if tag == "Text":
            if opened is not None:
                opened[FIRST] = (tag, where["start"], where["end"])
                opened = None
            last_end = where["end"]
            if in_code:
                top[PARTS].append(payload)
            elif payload:
                add_piece(payload)
        elif tag == "End":
            if skipped:
                skipped -= 1
                continue
            node = top
            node[PLAIN_END] = len(pieces)
            node[LAST] = last_end
            last_end = node[END]
            opened = None
            stack.pop()
            top = stack[-1]
            kind = node[KIND]
            if kind == "Item":
                if node[WANTED]:
                    top[PARTS].append(list_item(node, top[VALUE] is not None, out, source, definitions))
            elif kind == "Paragraph":
                if top is root:
                    block = generic_block(node, out, source)
                    entries.append((block, node[START], node[END]))
                    first = node[FIRST]
                    sites = None
                    if node[PARTS] or (first is not None and first[KIND] == "Strong"):
                        found = label_sites(node, out, source)
                        if found:
                            sites = out.labels[id(block)] = (found, 0)
                    if first_reading is not None:
                        if _self_contained(first_reading, out, shallow):
                            remember(first_reading[0], index - first_reading[1] + 1, block, sites, node[START])
                        first_reading = None
            elif kind == "Strong":
                pass  # nothing to close; frequent, so it skips the tests below
            elif kind == "Heading":
                # Three events, the middle one text: a heading its next copies can be
                # rebuilt without reading (see the start of a heading below).
                first = node[FIRST]
                plain_text = top is root and heading_at == index - 2 and type(first) is tuple and first[KIND] == "Text"
                heading = make_heading(node, out, source, slugger, shallow, plain_text)
                headings.append(heading)
                if top is root:
                    entries.append((heading, node[START], node[END]))
            elif kind == "Link" or kind == "Image":
                _close_link(node, out, span)
            elif kind == "List":
                if top is root:
                    block = list_block(node, out, source)
                    entries.append((block, node[START], node[END]))
                    if first_reading is not None:
                        if _self_contained(first_reading, out, shallow):
                            remember(first_reading[0], index - first_reading[1] + 1, block, None, node[START])
                        first_reading = None
                elif top[WANTED] and top[KIND] == "Item":
                    top[PARTS].extend(node[PARTS])
            elif kind == "CodeBlock":
                in_code = False
                code = code_block(node, source)
                out.code_blocks.append(code)
                out.code_ranges.append((node[START], node[END]))
                if top is root:
                    entries.append((code_entry(node, code, source), node[START], node[END]))
            elif kind == "TableRow" or kind == "TableHead":
                if node[WANTED]:
                    top[PARTS].append(table_row(node, out, source, header=kind == "TableHead"))
            elif kind == "Table":
                if top is root:
                    entries.append((table_block(node, out, source), node[START], node[END]))
            elif top is root and kind in BLOCK_KINDS:
                entries.append((generic_block(node, out, source), node[START], node[END]))
        elif tag == "Start":
            if len(stack) > MAX_DEPTH:
                skipped += 1
                shallow = False
                continue
            if type(payload) is str:
                kind, value = payload, None
            else:
                kind, value = payload.popitem()
            start = where["start"]
            if top is root and kind == "Heading" and shallow:
                # Most headings are a single text met before (``## Overview``): their text
                # and end events are passed over and the heading rebuilt.
                end = where["end"]
                known = known_heading(data[start:end])
                if known is not None and known[-1]:
                    next(events)
                    next(events)
                    heading = rebuild_heading(known, source, start, slugger)
                    headings.append(heading)
                    entries.append((heading, start, end))
                    opened = None
                    last_end = end
                    continue
                heading_at = index
            elif top is root and kind in REPEATED and (start == 0 or data[start - 1] in LINE_ENDS):
                end = where["end"]
                raw = data[start:end]
                if b"[" not in raw:
                    shape = known_block(raw)
                    if shape is None:
                        first_reading = (raw, index, len(links), len(headings), len(out.code_blocks), len(out.html))
                    else:
                        deque(islice(events, shape[0] - 1), maxlen=0)
                        block, sites = rebuild(shape, source, start, end)
                        codes.extend(block.codes)
                        entries.append((block, start, end))
                        if sites:
                            out.labels[id(block)] = sites
                        opened = None
                        last_end = end
                        continue
            if kind in NEW_LINE_KINDS and len(pieces) > top[PLAIN] and not pieces[-1].endswith("\n"):
                add_piece("\n")
            node = [kind, start, where["end"], value, len(pieces), len(codes), len(links), None, 0, None, False, None, 0]
            if kind == "Item":
                if top[WANTED] and top[KIND] == "List":
                    node[WANTED] = True
                    node[PARTS] = []
            elif kind in _NOTED:
                if _open(node, top, root, last_end):
                    out.links.append(None)  # its place, filled once its text is known
                elif kind == "CodeBlock":
                    in_code = True
            if opened is not None:
                opened[FIRST] = node
            opened = node
            stack.append(node)
            top = node
        elif tag == "Code":
            start, end = where["start"], where["end"]
            if opened is not None:
                opened[FIRST] = (tag, start, end)
                opened = None
            last_end = end
            if payload:
                add_piece(payload)
            add_code(_partial_code((fill_span, source, start, end), payload))
        else:
            start, end = where["start"], where["end"]
            if opened is not None:
                opened[FIRST] = (tag, start, end)
                opened = None
            last_end = end
            if tag == "Html" or tag == "InlineHtml":
                out.html.append((payload, start))
    return out


#: Top-level blocks whose copies are rebuilt from their first reading (see :mod:`.repeats`).
REPEATED = frozenset(("Paragraph", "List"))
LINE_ENDS = b"\r\n"


def _self_contained(first_reading: tuple[bytes, int, int, int, int, int], out: Events, shallow: bool) -> bool:
    """Whether reading the block added nothing but its own text, code spans and labels."""
    _, _, links, headings, code_blocks, html = first_reading
    return (
        shallow
        and len(out.links) == links
        and len(out.headings) == headings
        and len(out.code_blocks) == code_blocks
        and len(out.html) == html
    )


#: Containers other than items that note something as they open.
_NOTED = frozenset(("List", "Table", "TableHead", "TableRow", "TableCell", "CodeBlock", "Link", "Image"))


def _open(node: list[Any], top: list[Any], root: list[Any], last_end: int) -> bool:
    """Note what ``node`` needs as it opens; ``last_end`` is where ``top``'s latest child
    ends. True for a link or image, whose place among the page's links is kept."""
    kind = node[KIND]
    if kind == "Link" or kind == "Image":
        return True
    if kind == "CodeBlock":
        node[PARTS] = []
    elif kind == "List":
        node[PARTS] = []
        if top is root:
            node[WANTED] = True
        elif top[KIND] == "Item":
            if top[OWN] is None:
                # The item's own text ends where its first nested list begins.
                top[OWN] = (top[FIRST], last_end, node[START], node[PLAIN], node[CODES], node[LINKS])
            node[WANTED] = top[WANTED]
    elif kind == "Table":
        node[PARTS] = []
        node[WANTED] = top is root
    elif kind == "TableCell":
        if top[WANTED] and (top[KIND] == "TableRow" or top[KIND] == "TableHead"):
            top[PARTS].append((node[START], node[END]))
    elif top[WANTED] and top[KIND] == "Table":  # a row of a table that is read
        node[WANTED] = True
        node[PARTS] = []
    return False


def _close_link(node: list[Any], out: Events, span: Any) -> None:
    value = node[VALUE]
    out.links[node[LINKS]] = Link(
        text="".join(out.pieces[node[PLAIN] : node[PLAIN_END]]),
        target=str(value.get("dest_url", "")) if isinstance(value, dict) else "",
        span=span(node[START], node[END]),
        image=node[KIND] == "Image",
    )


def reference_definitions(text: str, code_ranges: list[tuple[int, int]], data: bytes) -> list[tuple[int, int]]:
    """Byte spans of the link reference definitions in ``text`` (whose UTF-8 encoding has
    the offsets of ``data``, and whose code blocks cover ``code_ranges``), in order."""
    if not _colon_after_bracket_outside_code(data, code_ranges):
        return []
    found = pyromark.reference_definitions(text)
    return sorted((int(d["span"]["start"]), int(d["span"]["end"])) for d in found.values())


def _colon_after_bracket_outside_code(data: bytes, code_ranges: list[tuple[int, int]]) -> bool:
    """Whether ``]:`` occurs outside every code block. Every definition has one, and pages
    often have none but in code (``rows[:10]:``), so most pages need no second parse."""
    blocks = iter(code_ranges)
    block = next(blocks, None)
    at = data.find(b"]:")
    while at != -1:
        while block is not None and block[1] <= at:
            block = next(blocks, None)
        if block is None or at < block[0]:
            return True
        at = data.find(b"]:", at + 2)
    return False
