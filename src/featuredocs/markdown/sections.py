"""The section tree and the labelled blocks inside each section."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any

from featuredocs.markdown.positions import SourceMap
from featuredocs.markdown.fields import END, FIRST, KIND, LAST, PARTS, PLAIN, PLAIN_END, START
from featuredocs.model import Block, BlockKind, Heading, LabelledBlock, ListItem, Section

if TYPE_CHECKING:
    from featuredocs.markdown.events import Events


def build_sections(
    entries: list[Heading | Block],
    lines: tuple[str, ...],
    labels: dict[int, Sites],
    source: SourceMap,
) -> tuple[tuple[Block, ...], tuple[Section, ...]]:
    """Blocks before the first heading, and the heading tree with the blocks under each.

    ``entries`` are the page's top-level headings and blocks in document order (the title
    already removed); ``labels`` maps ``id(block)`` of a paragraph to its label sites.
    A section is made as soon as the next heading of its level or higher (or the page's
    end) closes it, its subsections all made before it.
    """
    leading: list[Block] = []
    roots: list[Section] = []
    # Open sections: [heading, blocks, subsections, (index of a block, its label sites)…]
    stack: list[list[Any]] = []
    blocks = leading
    for entry in entries:
        if type(entry) is not Heading:
            if labels:
                sites = labels.get(id(entry))
                if sites is not None and stack:
                    stack[-1].append((len(blocks), sites))
            blocks.append(entry)
            continue
        level = entry.level
        while stack and stack[-1][0].level >= level:
            _close(stack, entry.span.line - 1, lines, source, roots)
        blocks = []
        stack.append([entry, blocks, []])
    while stack:
        _close(stack, len(lines), lines, source, roots)
    return tuple(leading), tuple(roots)


def _close(
    stack: list[list[Any]], last_line: int, lines: tuple[str, ...], source: SourceMap, roots: list[Section]
) -> None:
    """Make the innermost open section, ending at ``last_line`` or before, without the
    trailing blank lines."""
    heading, blocks, subsections, *labelled = stack.pop()
    heading_end = heading.span.end_line
    line = last_line if last_line > heading_end else heading_end
    while line > heading_end and not lines[line - 1].strip():
        line -= 1
    frozen = tuple(blocks)
    section = Section(
        heading,
        frozen,
        labelled_blocks(frozen, labelled, source) if labelled else (),
        tuple(subsections),
        line,
    )
    (stack[-1][2] if stack else roots).append(section)


_partial_labelled = LabelledBlock._partial  # type: ignore[attr-defined]


def _fill_labelled(name: str, lazy: tuple[Any, ...]) -> Any:
    """A label's span, value or value span, worked out when first read."""
    _, source, (_, start, end, value_start, value_end), at = lazy
    if name == "span":
        return source.span(start + at, end + at)
    if name == "value":
        return source.source(value_start + at, value_end + at)
    return source.span(value_start + at, value_end + at) if value_end > value_start else None


#: Where a bold label sits in a paragraph: the label, the byte offsets of its opening
#: ``**`` and of the end of the label and its colon, and where its value starts and ends.
LabelSite = tuple[str, int, int, int, int]
#: A paragraph's label sites, with offsets counted from the byte given with them: a
#: paragraph met again shares the sites of its first reading (see :mod:`.repeats`), as a
#: thousand pages repeat their ``**Fields:**`` paragraphs tens of thousands of times.
Sites = tuple[tuple[LabelSite, ...], int]


def label_sites(node: list[Any], out: Events, source: SourceMap) -> tuple[LabelSite, ...]:
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
            sites.append((label, first[START], end, value_start, value_end))
    return tuple(sites)


def labelled_blocks(
    blocks: tuple[Block, ...], sites: list[tuple[int, Sites]], source: SourceMap
) -> tuple[LabelledBlock, ...]:
    """Labels in a section's paragraphs, with the list or code block right after each.

    ``sites`` are the paragraphs with labels, by their place in ``blocks``.
    """
    found: list[LabelledBlock] = []
    for index, (paragraph_sites, at) in sites:
        following = blocks[index + 1] if index + 1 < len(blocks) else None
        last_site = len(paragraph_sites) - 1
        for number, site in enumerate(paragraph_sites):
            last = number == last_site
            items = _list_items(blocks, index + 1) if last and following and following.items else ()
            code = following.code if last and following else None
            found.append(_partial_labelled((_fill_labelled, source, site, at), site[0], items, code))
    return tuple(found)


_COMMENT = re.compile(r"\s*(?:<!--.*?-->\s*)+", re.DOTALL)


def _list_items(blocks: tuple[Block, ...], start: int) -> tuple[ListItem, ...]:
    """The items of the list at ``start``, and of lists of its kind that follow it with only
    HTML comments between: a comment at the margin ends a list in CommonMark, but the
    person who put ``<!-- why -->`` above an item still wrote one list. A list's marker
    is read only when such a list follows: reading it fills the list's source, which
    nothing else on most pages needs."""
    items = blocks[start].items
    index = start + 1
    while index < len(blocks) and _is_comment(blocks[index]):
        index += 1
        if index < len(blocks) and blocks[index].items and _marker_kind(blocks[index]) == _marker_kind(blocks[start]):
            items += blocks[index].items
            index += 1
    return items


def _is_comment(block: Block) -> bool:
    return block.kind is BlockKind.HTML and _COMMENT.fullmatch(block.source) is not None


def _marker_kind(block: Block) -> str:
    marker = block.source.lstrip()[:1]
    return "ordered" if marker.isdigit() else marker
