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
from featuredocs.markdown.inline import collect_inline
from featuredocs.markdown.positions import SourceMap, split_lines
from featuredocs.markdown.sections import LabelSite, build_sections, label_sites, make_heading
from featuredocs.markdown.slug import GithubSlugger
from featuredocs.markdown.tree import Node, parse_tree, reference_definitions, walk
from featuredocs.model import Block, BlockKind, Heading, Page, Suppression


def parse_page(text: str, *, path: Path, rel: str, display: str | None = None) -> Page:
    """Parse one page. ``rel`` is its path under the docs root (POSIX); ``display`` is what
    findings print (``rel`` when not given)."""
    text = text.removeprefix("\ufeff")
    source = SourceMap(text)
    front_end = front_matter_end(source.data)
    body = mask(source.data, front_end).decode("utf-8") if front_end else text
    root = parse_tree(body)
    builder = BlockBuilder(source, definitions=_definition_spans(body))
    slugger = GithubSlugger()
    entries: list[Heading | Block] = []
    headings: list[Heading] = []
    labels: dict[int, list[LabelSite]] = {}
    title: Heading | None = None
    for node in _with_definitions(root.children, builder.definitions):
        if isinstance(node, tuple):
            entries.append(builder.definition(*node))
        elif node.kind == "Heading":
            heading = make_heading(node, source, slugger)
            headings.append(heading)
            if title is None and heading.level == 1 and not _has_heading(entries):
                title = heading
            else:
                entries.append(heading)
        else:
            headings.extend(_nested_headings(node, source, slugger))
            block = builder.block(node)
            if block is not None:
                entries.append(block)
                if block.kind is BlockKind.PARAGRAPH:
                    labels[id(block)] = label_sites(node, source)
    lines = split_lines(text)
    leading, sections = build_sections(entries, lines, labels, source)
    tagline, preamble = _tagline(leading, title, entries)
    inline = collect_inline(root.children, source)
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
        headings=tuple(headings),
        code_blocks=tuple(builder.code_blocks),
        links=tuple(inline.links),
        codes=tuple(inline.codes),
        suppressions=_suppressions(root, source),
        lines=lines,
    )


def _has_heading(entries: list[Heading | Block]) -> bool:
    return any(isinstance(entry, Heading) for entry in entries)


def _tagline(
    leading: tuple[Block, ...], title: Heading | None, entries: list[Heading | Block]
) -> tuple[Block | None, tuple[Block, ...]]:
    """The block quote right after the title, and the other blocks before the first section."""
    if title is None or not leading:
        return None, leading
    first = leading[0]
    if first.kind is BlockKind.QUOTE and first.span.line > title.span.line:
        return first, leading[1:]
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
    merged: list[Node | tuple[int, int]] = [*nodes, *loose]
    merged.sort(key=lambda item: item[0] if isinstance(item, tuple) else item.start)
    return merged


def _nested_headings(node: Node, source, slugger: GithubSlugger) -> list[Heading]:  # type: ignore[no-untyped-def]
    """Headings inside quotes and list items: they get anchors but open no section."""
    return [
        make_heading(inner, source, slugger) for inner in walk(node) if inner.kind == "Heading"
    ]


def _suppressions(root: Node, source: SourceMap) -> tuple[Suppression, ...]:
    found: list[Suppression] = []
    for node in walk(root):
        if node.kind in ("Html", "InlineHtml") and "featuredocs" in node.value:
            found.extend(suppressions_in(node.value, source.line_of(node.start)))
    return tuple(found)
