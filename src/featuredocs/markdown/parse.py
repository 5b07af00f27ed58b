"""``parse_page``: Markdown text to the typed :class:`~featuredocs.model.Page`."""

from __future__ import annotations

from pathlib import Path

from featuredocs.markdown.blocks import BlockBuilder
from featuredocs.markdown.directives import (
    front_matter_end,
    mask,
    read_front_matter,
    suppressions_in,
)
from featuredocs.markdown.positions import SourceMap
from featuredocs.markdown.sections import LabelSite, build_sections, label_sites, make_heading
from featuredocs.markdown.slug import GithubSlugger
from featuredocs.markdown.tree import (
    CHILDREN,
    END,
    KIND,
    START,
    VALUE,
    Node,
    Tree,
    parse_tree,
    reference_definitions,
)
from featuredocs.model import (
    Block,
    BlockKind,
    Heading,
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
    builder = BlockBuilder(source, tree, reference_definitions(body, tree, source.data))
    headings = _headings(tree, source)
    code_blocks = tuple(builder.code_block(node) for node in tree.code_blocks)
    entries: list[Heading | Block] = []
    labels: dict[int, list[LabelSite]] = {}
    title: Heading | None = None
    for node in _with_definitions(tree.root[CHILDREN], builder.definitions):
        if type(node) is _Definition:
            entries.append(builder.definition(*node))
        elif node[KIND] == "Heading":
            heading = headings[id(node)]
            if title is None and heading.level == 1 and not _has_heading(entries):
                title = heading
            else:
                entries.append(heading)
        else:
            block = builder.block(node)
            if block is not None:
                entries.append(block)
                if block.kind is BlockKind.PARAGRAPH:
                    sites = label_sites(node, source, tree)
                    if sites:
                        labels[id(block)] = sites
    lines = source.lines
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
        headings=tuple(headings.values()),
        code_blocks=code_blocks,
        links=tree.links,
        codes=tree.codes,
        suppressions=tuple(_suppressions(tree, source)),
        lines=lines,
    )


def _headings(tree: Tree, source: SourceMap) -> dict[int, Heading]:
    """Every heading (all of them get anchors) by ``id()`` of its node, in page order."""
    slugger = GithubSlugger()
    return {id(node): make_heading(node, source, tree, slugger) for node in tree.headings}


def _suppressions(tree: Tree, source: SourceMap) -> list[Suppression]:
    found: list[Suppression] = []
    for node in tree.html:
        if "featuredocs" in node[VALUE]:
            found.extend(suppressions_in(node[VALUE], source.line_of(node[START])))
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


class _Definition(tuple[int, int]):
    """The byte range of a link reference definition standing between blocks."""

    __slots__ = ()


def _with_definitions(nodes: list[Node], definitions: list[tuple[int, int]]) -> list[Node | _Definition]:
    """Top-level nodes with the stand-alone link reference definitions put in place."""
    loose = [_Definition(d) for d in definitions if not any(n[START] <= d[0] < n[END] for n in nodes)]
    if not loose:
        return list(nodes)
    merged: list[Node | _Definition] = [*nodes, *loose]
    merged.sort(key=lambda item: item[0] if type(item) is _Definition else item[START])
    return merged
