"""``parse_page``: Markdown text to the typed :class:`~featuredocs.model.Page`."""

from __future__ import annotations

import re
from pathlib import Path

from featuredocs.markdown.blocks import definition_block
from featuredocs.markdown.directives import (
    front_matter_end,
    mask,
    read_front_matter,
    suppressions_in,
)
from featuredocs.markdown.events import Events, read_events, reference_definitions
from featuredocs.markdown.html_links import html_links
from featuredocs.markdown.containers import dedented
from featuredocs.markdown.positions import ShiftedSourceMap, SourceMap, split_lines
from featuredocs.markdown.sections import build_sections
from featuredocs.model import (
    Block,
    BlockKind,
    Heading,
    Link,
    Page,
    Suppression,
)

#: pulldown-cmark reads a line that ends in a lone CR (old Mac files) as no line end inside
#: fenced code, so a page's fences would swallow the text after them. A lone CR becomes
#: LF for the parser: one byte for one, so every offset, line and column stays the same,
#: and the page's own text (what fixes rewrite) keeps its line ends.
_LONE_CR = re.compile(r"\r(?!\n)")


def parse_page(text: str, *, path: Path, rel: str, display: str | None = None) -> Page:
    """Parse one page. ``rel`` is its path under the docs root (POSIX); ``display`` is what
    findings print (``rel`` when not given)."""
    text = text.removeprefix("\ufeff")
    parsed, removed = dedented(_LONE_CR.sub("\n", text) if "\r" in text else text)
    source = ShiftedSourceMap(parsed, removed) if removed else SourceMap(parsed)
    front_end = front_matter_end(source.data)
    body = mask(source.data, front_end).decode("utf-8") if front_end else source.text
    read = read_events(body, source, [])
    definitions = reference_definitions(body, read.code_ranges, source.data)
    if definitions:  # rare: the items they swallowed are read again with them known
        read = read_events(body, source, definitions)
    entries: list[Heading | Block] = []
    title: Heading | None = None
    for entry in _with_definitions(read.entries, definitions, source):
        if type(entry) is Heading:
            if title is None and entry.level == 1 and not _has_heading(entries):
                title = entry
                continue
        entries.append(entry)
    lines = split_lines(text) if removed else source.lines
    leading, sections = build_sections(entries, lines, read.labels, source)
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
        headings=tuple(read.headings),
        code_blocks=tuple(read.code_blocks),
        links=_links(read, source),
        codes=tuple(read.codes),
        suppressions=tuple(_suppressions(read, source)),
        lines=lines,
    )


def _links(read: Events, source: SourceMap) -> tuple[Link, ...]:
    """The Markdown links, and those written as HTML, in the order of the page."""
    written = tuple(read.links)  # type: ignore[arg-type]
    in_html = tuple(html_links(read.html, source)) if read.html else ()
    if not in_html:
        return written
    return tuple(sorted((*written, *in_html), key=lambda link: (link.span.line, link.span.column)))


def _suppressions(read: Events, source: SourceMap) -> list[Suppression]:
    found: list[Suppression] = []
    for html, start in read.html:
        if "featuredocs" in html:
            found.extend(suppressions_in(html, source.line_of(start)))
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


def _with_definitions(
    entries: list[tuple[Heading | Block, int, int]], definitions: list[tuple[int, int]], source: SourceMap
) -> list[Heading | Block]:
    """The top-level headings and blocks with the stand-alone link reference definitions
    put in place."""
    loose = [d for d in definitions if not any(start <= d[0] < end for _, start, end in entries)]
    if not loose:
        return [entry for entry, _, _ in entries]
    merged = [*entries, *[(definition_block(source, start, end), start, end) for start, end in loose]]
    merged.sort(key=lambda item: item[1])
    return [entry for entry, _, _ in merged]
