"""Top-level paragraphs and lists met again, rebuilt from their first reading.

Docs repeat whole blocks (``**Fields:**``, the same options list under every command): a
thousand generated pages hold 64,000 top-level paragraphs and lists but only 6,000
distinct ones. A block's events depend only on its bytes when it starts a line (tabs
expand by column) and holds no ``[`` (nothing else on the page, such as a link reference
definition, can reach into it). So what its first reading built is kept with offsets
relative to its start, and a later copy skips its events and gets the same elements,
moved to where it stands.

Only blocks whose reading touched nothing but their own text, code spans and labels are
kept: no link, heading, code block, HTML or container too deep to open.
"""

from __future__ import annotations

from typing import Any

from featuredocs.markdown.blocks import fill_block, fill_span
from featuredocs.markdown.positions import SourceMap
from featuredocs.markdown.sections import LabelSite, Sites
from featuredocs.model import Block, BlockKind, InlineCode, ListItem

#: A kept block: how many events it spans, its kind, its plain text pieces, its code
#: spans as (start, end, text), its items (see :func:`_item_shape`) and its label sites
#: as (label, start, end, value start, value end), offsets relative to its start.
Shape = tuple[int, BlockKind, tuple[str, ...], tuple[tuple[int, int, str], ...], tuple[Any, ...], tuple[LabelSite, ...]]

#: Blocks read so far, by their bytes. Cleared when it holds too many blocks or bytes,
#: so it cannot grow without bound, even on a docset of long lists met once.
_KNOWN: dict[bytes, Shape] = {}
_MAX_KNOWN = 8_192
_MAX_BYTES = 4 << 20
_known_bytes = 0

_partial_block = Block._partial  # type: ignore[attr-defined]
_partial_item = ListItem._partial  # type: ignore[attr-defined]
_partial_code = InlineCode._partial  # type: ignore[attr-defined]


def known_block(raw: bytes) -> Shape | None:
    return _KNOWN.get(raw)


def remember(raw: bytes, events: int, block: Block, sites: Sites | None, start: int) -> None:
    """Keep ``block`` (``events`` long, starting at byte ``start``) for its next copies."""
    lazy = block._lazy  # the parser's own hand-off: (fill, source, start, end, pieces, plain start, plain end)
    pieces = tuple(lazy[4][lazy[5] : lazy[6]])
    codes = block.codes
    at = {id(code): index for index, code in enumerate(codes)}
    code_shapes = tuple((code._lazy[2] - start, code._lazy[3] - start, code.text) for code in codes)
    items = tuple(_item_shape(item, at, start) for item in block.items)
    site_shapes: tuple[LabelSite, ...] = ()
    if sites is not None:
        found, at = sites
        shift = at - start
        site_shapes = tuple((label, s + shift, e + shift, vs + shift, ve + shift) for label, s, e, vs, ve in found)
    global _known_bytes
    if len(_KNOWN) >= _MAX_KNOWN or _known_bytes >= _MAX_BYTES:
        _KNOWN.clear()
        _known_bytes = 0
    _KNOWN[raw] = (events, block.kind, pieces, code_shapes, items, site_shapes)
    _known_bytes += len(raw)


def _item_shape(item: ListItem, at: dict[int, int], start: int) -> tuple[Any, ...]:
    """(start, end, source, plain, first and past-last code index, children, ordered)."""
    codes = item.codes
    first = at[id(codes[0])] if codes else 0
    return (
        item._lazy[2] - start,  # type: ignore[index]
        item._lazy[3] - start,  # type: ignore[index]
        item.source,
        item.plain,
        first,
        first + len(codes),
        tuple(_item_shape(child, at, start) for child in item.children),
        item.ordered,
    )


def rebuild(shape: Shape, source: SourceMap, start: int, end: int) -> tuple[Block, Sites | None]:
    """The block ``shape`` describes, standing at bytes ``start`` to ``end``, and its
    label sites (None when it has none)."""
    _, kind, pieces, code_shapes, item_shapes, site_shapes = shape
    codes = tuple([_partial_code((fill_span, source, s + start, e + start), text) for s, e, text in code_shapes])
    items = tuple([_item(item, codes, source, start) for item in item_shapes]) if item_shapes else ()
    block = _partial_block(
        (fill_block, source, start, end, pieces, 0, len(pieces)), kind, items, None, (), codes, ()
    )
    if not site_shapes:
        return block, None
    return block, (site_shapes, start)


def _item(shape: tuple[Any, ...], codes: tuple[InlineCode, ...], source: SourceMap, start: int) -> ListItem:
    s, e, text, plain, first, last, children, ordered = shape
    return _partial_item(
        (fill_span, source, s + start, e + start),
        text,
        plain,
        codes[first:last],
        (),
        tuple([_item(child, codes, source, start) for child in children]) if children else (),
        ordered,
    )
