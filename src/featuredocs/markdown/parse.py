"""``parse_page``: Markdown text to the typed :class:`~featuredocs.model.Page`."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from featuredocs.markdown.blocks import BlockBuilder
from featuredocs.markdown.directives import (
    front_matter_end,
    mask,
    read_front_matter,
    suppressions_in,
)
from featuredocs.markdown.positions import SourceMap, split_lines
from featuredocs.markdown.sections import LabelSite, build_sections, label_sites, make_heading
from featuredocs.markdown.slug import GithubSlugger
from featuredocs.markdown.tree import Node, Tree, parse_tree, reference_definitions
from featuredocs.model import (
    Block,
    BlockKind,
    CodeBlock,
    Heading,
    InlineCode,
    Link,
    Page,
    Suppression,
)


def parse_page(text: str, *, path: Path, rel: str, display: str | None = None) -> Page:
    """Parse one page. ``rel`` is its path under the docs root (POSIX); ``display`` is what
    findings print (``rel`` when not given)."""
    text = text.removeprefix("\ufeff")
    source = SourceMap(text)
    front_end = front_matter_end(source.data)
    body = mask(source.data, front_end).decode("utf-8") if front_end else text
    tree = parse_tree(body, source)
    root = tree.root
    builder = BlockBuilder(source, definitions=_definition_spans(body))
    found = _index(tree, source, builder)
    entries: list[Heading | Block] = []
    labels: dict[int, list[LabelSite]] = {}
    title: Heading | None = None
    for node in _with_definitions(root.children, builder.definitions):
        if isinstance(node, tuple):
            entries.append(builder.definition(*node))
        elif node.kind == "Heading":
            heading = found.headings_by_node[id(node)]
            if title is None and heading.level == 1 and not _has_heading(entries):
                title = heading
            else:
                entries.append(heading)
        else:
            block = builder.block(node)
            if block is not None:
                entries.append(block)
                if block.kind is BlockKind.PARAGRAPH:
                    labels[id(block)] = label_sites(node, source)
    lines = split_lines(text)
    leading, sections = build_sections(entries, lines, labels, source)
    tagline, preamble = _tagline(leading, title)
    return Page(
        path=path,
        rel=rel,
        display=display if display is not None else rel,
        text=text,
        front_matter=read_front_matter(source.source(0, front_end)),
        title=title,
        tagline=tagline,
        preamble=preamble,
        sections=sections,
        headings=tuple(found.headings),
        code_blocks=tuple(found.code_blocks),
        links=tuple(found.links),
        codes=tuple(found.codes),
        suppressions=tuple(found.suppressions),
        lines=lines,
    )


@dataclass(slots=True)
class _Found:
    """What one pass over every node collects for the page as a whole."""

    headings: list[Heading] = field(default_factory=list)
    headings_by_node: dict[int, Heading] = field(default_factory=dict)
    code_blocks: list[CodeBlock] = field(default_factory=list)
    codes: list[InlineCode] = field(default_factory=list)
    links: list[Link] = field(default_factory=list)
    suppressions: list[Suppression] = field(default_factory=list)


def _index(tree: Tree, source: SourceMap, builder: BlockBuilder) -> _Found:
    """Headings (all of them get anchors), code blocks, inline code, links, suppressions."""
    found = _Found(codes=list(tree.root.codes), links=list(tree.root.links))
    slugger = GithubSlugger()
    for node in tree.headings:
        heading = make_heading(node, source, slugger)
        found.headings.append(heading)
        found.headings_by_node[id(node)] = heading
    found.code_blocks.extend(builder.code_block(node) for node in tree.code_blocks)
    for node in tree.html:
        if "featuredocs" in node.value:
            found.suppressions.extend(suppressions_in(node.value, source.line_of(node.start)))
    return found


def _has_heading(entries: list[Heading | Block]) -> bool:
    return any(isinstance(entry, Heading) for entry in entries)


def _tagline(
    leading: tuple[Block, ...], title: Heading | None
) -> tuple[Block | None, tuple[Block, ...]]:
    """The block quote right after the title, and the other blocks before the first section."""
    if title is None:
        return None, leading
    after = [i for i, block in enumerate(leading) if block.span.line > title.span.end_line]
    if after and leading[after[0]].kind is BlockKind.QUOTE:
        index = after[0]
        return leading[index], leading[:index] + leading[index + 1 :]
    return None, leading


def _definition_spans(body: str) -> list[tuple[int, int]]:
    spans = [
        (int(d["span"]["start"]), int(d["span"]["end"]))
        for d in reference_definitions(body).values()
    ]
    return sorted(spans)


def _with_definitions(
    nodes: list[Node], definitions: list[tuple[int, int]]
) -> list[Node | tuple[int, int]]:
    """Top-level nodes with the stand-alone link reference definitions put in place."""
    loose = [d for d in definitions if not any(n.start <= d[0] < n.end for n in nodes)]
    if not loose:
        return list(nodes)
    merged: list[Node | tuple[int, int]] = [*nodes, *loose]
    merged.sort(key=lambda item: item[0] if isinstance(item, tuple) else item.start)
    return merged
