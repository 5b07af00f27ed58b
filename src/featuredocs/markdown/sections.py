"""Headings, the section tree, and the labelled blocks inside each section."""

from __future__ import annotations

from dataclasses import dataclass, field

from featuredocs.markdown.positions import SourceMap
from featuredocs.markdown.slug import GithubSlugger
from featuredocs.markdown.tree import Node
from featuredocs.model import Block, BlockKind, Heading, LabelledBlock, Section

_BREAKS = frozenset(("SoftBreak", "HardBreak"))


def heading_level(node: Node) -> int:
    level = node.value.get("level", "H1") if isinstance(node.value, dict) else "H1"
    return int(str(level).lstrip("H") or 1)


def make_heading(node: Node, source: SourceMap, slugger: GithubSlugger) -> Heading:
    """A heading: ``source`` is its inline Markdown, ``span`` the whole heading line."""
    plain = node.plain.strip()
    if node.children:
        start, end = node.children[0].start, node.children[-1].end
        text = source.source(start, end).strip()
    else:
        text = ""
    start, end = source.trimmed(node.start, node.end)
    return Heading(
        level=heading_level(node),
        source=text,
        plain=plain,
        slug=slugger.slug(plain),
        span=source.span(start, end),
    )


@dataclass(slots=True)
class _Draft:
    heading: Heading
    blocks: list[Block] = field(default_factory=list)
    children: list[_Draft] = field(default_factory=list)
    end_line: int = 0


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
        heading=draft.heading,
        blocks=blocks,
        labelled=labelled_blocks(blocks, labels, source),
        subsections=tuple(_freeze(child, labels, source) for child in draft.children),
        end_line=draft.end_line,
    )


@dataclass(frozen=True, slots=True)
class LabelSite:
    """Where a bold label sits in a paragraph (byte offsets)."""

    label: str
    start: int  # the opening ``**``
    end: int  # just past the label and its colon
    value_start: int
    value_end: int


def label_sites(node: Node, source: SourceMap) -> list[LabelSite]:
    """Lines of a paragraph that start with a bold label ending in a colon.

    ``**Fields:**`` and ``**TTL**: 15 minutes`` are labels; ``**See** [x](y)`` is not.
    """
    sites: list[LabelSite] = []
    for line in _lines(node):
        first = line[0] if line else None
        if first is None or first.kind != "Strong":
            continue
        text = first.plain.strip()
        line_end = line[-1].end
        if text.endswith(":"):
            label, end = text[:-1].strip(), first.end
        else:
            after = source.data[first.end : line_end].lstrip(b" \t")
            if not after.startswith(b":"):
                continue
            label = text
            end = source.data.index(b":", first.end, line_end) + 1
        value_start, value_end = source.trimmed(end, line_end)
        if label:
            sites.append(LabelSite(label, first.start, end, value_start, value_end))
    return sites


def _lines(node: Node) -> list[list[Node]]:
    lines: list[list[Node]] = [[]]
    for child in node.children:
        if child.kind in _BREAKS:
            lines.append([])
        else:
            lines[-1].append(child)
    return lines


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
            has_value = site.value_end > site.value_start
            found.append(
                LabelledBlock(
                    label=site.label,
                    span=source.span(site.start, site.end),
                    value=source.source(site.value_start, site.value_end),
                    value_span=source.span(site.value_start, site.value_end) if has_value else None,
                    items=items,
                    code=code,
                )
            )
    return tuple(found)
