"""Headings, built as they close (see :mod:`.events`)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from featuredocs.markdown.fields import END, FIRST, LAST, PLAIN, PLAIN_END, START, VALUE
from featuredocs.markdown.positions import SourceMap
from featuredocs.markdown.slug import GithubSlugger, github_slug
from featuredocs.model import Heading

if TYPE_CHECKING:
    from featuredocs.markdown.events import Events

_LEVELS = {f"H{level}": level for level in range(1, 7)}

#: What a heading's bytes make of it: level, source, plain text, anchor before numbering,
#: where its trimmed line starts and ends relative to its first byte, and whether its
#: reading at the top level was three events that added nothing but its own text.
#: Pages repeat their headings (``## Overview``, ``#### Fields``), and a one-line heading
#: without brackets reads the same wherever it stands (a bracket could be a link to a
#: page's reference definition), unless the page nests so deep that some of its containers
#: were not opened. Cleared when full, so it cannot grow without bound.
Known = tuple[int, str, str, str, int, int, bool]
_KNOWN: dict[bytes, Known] = {}
_MAX_KNOWN = 16_384


def heading_level(node: list[Any]) -> int:
    value = node[VALUE]
    level = value.get("level", "H1") if isinstance(value, dict) else "H1"
    known = _LEVELS.get(level)
    return known if known is not None else int(str(level).lstrip("H") or 1)


known_heading = _KNOWN.get  # the table is only ever cleared, never replaced


def make_heading(
    node: list[Any], out: Events, source: SourceMap, slugger: GithubSlugger, shallow: bool, plain_text: bool
) -> Heading:
    """A heading: ``source`` is its inline Markdown, ``span`` the whole heading line.
    ``shallow`` says whether the page so far opened every container; ``plain_text``
    whether the heading stands at the top level and is one text event."""
    at = node[START]
    raw = source.data[at : node[END]]
    known = _KNOWN.get(raw) if shallow else None
    if known is None:
        known = (*_read(node, out, source), plain_text)
        line = raw.rstrip(b"\r\n")
        if shallow and b"[" not in line and b"\n" not in line and b"\r" not in line:
            if len(_KNOWN) >= _MAX_KNOWN:
                _KNOWN.clear()
            _KNOWN[raw] = known
    return rebuild_heading(known, source, at, slugger)


def rebuild_heading(known: Known, source: SourceMap, at: int, slugger: GithubSlugger) -> Heading:
    """The heading ``known`` describes, standing at byte ``at``."""
    level, text, plain, base, start, end, _ = known
    return Heading(level, text, plain, slugger.numbered(base), source.span(at + start, at + end))


def _read(node: list[Any], out: Events, source: SourceMap) -> tuple[int, str, str, str, int, int]:
    plain = "".join(out.pieces[node[PLAIN] : node[PLAIN_END]]).strip()
    first = node[FIRST]
    text = source.source(first[START], node[LAST]).strip() if first is not None else ""
    at = node[START]
    start, end = source.trimmed(at, node[END])
    return heading_level(node), text, plain, github_slug(plain), start - at, end - at
