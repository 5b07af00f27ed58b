"""The section tree and the labelled blocks inside each section."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from featuredocs.markdown.positions import SourceMap
from featuredocs.markdown.fields import END, FIRST, KIND, LAST, PARTS, PLAIN, PLAIN_END, START
from featuredocs.model import Block, BlockKind, Heading, LabelledBlock, Section
from featuredocs.model.frozen import quick_init

if TYPE_CHECKING:
    from featuredocs.markdown.events import Events


class _Draft:
    """A section while its blocks and subsections are still being collected."""

    __slots__ = ("heading", "blocks", "children", "end_line")

    def __init__(self, heading: Heading) -> None:
        self.heading = heading
        self.blocks: list[Block] = []
        self.children: list[_Draft] = []
        self.end_line = 0


def build_sections(
    entries: list[Heading | Block],
    lines: tuple[str, ...],
    labels: dict[int, list[LabelSite]],
    source: SourceMap,
) -> tuple[tuple[Block, ...], tuple[Section, ...]]:
    """Blocks before the first heading, and the heading tree with the blocks under each.

    ``entries`` are the page's top-level headings and blocks in document order (the title
    already removed); ``labels`` maps ``id(block)`` of a paragraph to its label sites.
    """
    line_count = len(lines)
    leading: list[Block] = []
    roots: list[_Draft] = []
    stack: list[_Draft] = []
    for entry in entries:
        if isinstance(entry, Block):
            (stack[-1].blocks if stack else leading).append(entry)
            continue
        draft = _Draft(entry)
        while stack and stack[-1].heading.level >= entry.level:
            _close(stack.pop(), entry.span.line - 1, lines)
        (stack[-1].children if stack else roots).append(draft)
        stack.append(draft)
    while stack:
        _close(stack.pop(), line_count, lines)
    return tuple(leading), tuple(_freeze(draft, labels, source) for draft in roots)


def _close(draft: _Draft, last_line: int, lines: tuple[str, ...]) -> None:
    """Record the section's last line, not counting trailing blank lines."""
    line = max(last_line, draft.heading.span.end_line)
    while line > draft.heading.span.end_line and not lines[line - 1].strip():
        line -= 1
    draft.end_line = line


def _freeze(draft: _Draft, labels: dict[int, list[LabelSite]], source: SourceMap) -> Section:
    blocks = tuple(draft.blocks)
    return Section(
        draft.heading,
        blocks,
        labelled_blocks(blocks, labels, source) if labels else (),
        tuple([_freeze(child, labels, source) for child in draft.children]),
        draft.end_line,
    )


_partial_labelled = LabelledBlock._partial  # type: ignore[attr-defined]


def _fill_labelled(name: str, lazy: tuple[Any, ...]) -> Any:
    """A label's span, value or value span, worked out when first read."""
    _, source, site = lazy
    if name == "span":
        return source.span(site.start, site.end)
    if name == "value":
        return source.source(site.value_start, site.value_end)
    return source.span(site.value_start, site.value_end) if site.value_end > site.value_start else None


@quick_init
@dataclass(frozen=True, slots=True)
class LabelSite:
    """Where a bold label sits in a paragraph (byte offsets)."""

    label: str
    start: int  # the opening ``**``
    end: int  # just past the label and its colon
    value_start: int
    value_end: int


def label_sites(node: list[Any], out: Events, source: SourceMap) -> list[LabelSite]:
    """Lines of a top-level paragraph that start with a bold label ending in a colon.

    ``**Fields:**`` and ``**TTL**: 15 minutes`` are labels; ``**See** [x](y)`` is not.
    """
    sites: list[LabelSite] = []
    lines = node[PARTS] or []  # the lines before the last, as (first child, end of last)
    for first, line_end in (*lines, (node[FIRST], node[LAST])):
        if first is None or first[KIND] != "Strong":
            continue
        text = "".join(out.pieces[first[PLAIN] : first[PLAIN_END]]).strip()
        if text.endswith(":"):
            label, end = text[:-1].strip(), first[END]
        else:
            after = source.data[first[END] : line_end].lstrip(b" \t")
            if not after.startswith(b":"):
                continue
            label = text
            end = source.data.index(b":", first[END], line_end) + 1
        value_start, value_end = source.trimmed(end, line_end)
        if label:
            sites.append(LabelSite(label, first[START], end, value_start, value_end))
    return sites


def labelled_blocks(
    blocks: tuple[Block, ...], sites: dict[int, list[LabelSite]], source: SourceMap
) -> tuple[LabelledBlock, ...]:
    """Labels in a section's paragraphs, with the list or code block right after each.

    ``sites`` maps ``id(block)`` of a paragraph to the labels in it.
    """
    found: list[LabelledBlock] = []
    for index, block in enumerate(blocks):
        paragraph_sites = sites.get(id(block))
        if not paragraph_sites or block.kind is not BlockKind.PARAGRAPH:
            continue
        following = blocks[index + 1] if index + 1 < len(blocks) else None
        for position, site in enumerate(paragraph_sites):
            last = position == len(paragraph_sites) - 1
            items = following.items if last and following and following.items else ()
            code = following.code if last and following else None
            found.append(_partial_labelled((_fill_labelled, source, site), site.label, items, code))
    return tuple(found)
