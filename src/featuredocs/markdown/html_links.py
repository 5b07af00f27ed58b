"""Links written as HTML in a page: ``<a href="…">`` and ``<img src="…">``.

Pages reach for HTML when Markdown cannot say something (a link that opens in a new tab,
an image with a width), and those links rot like any other. Only the start tag is read;
its span covers the tag, so a fix to the target edits the page where the target is.
HTML comments are skipped: a link commented out is not a link.

Tags are found by scanning, never by a pattern that could look far ahead: a page of
unclosed ``<a `` tags or comments costs time in proportion to its length.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator

from featuredocs.markdown.positions import SourceMap
from featuredocs.model import Link

_START = re.compile(r"<(?P<tag>a|img)\b", re.I)
_TAG_END = re.compile(r"[<>]")
_ATTRIBUTE = re.compile(r"""\s(?P<attribute>href|src)\s*=\s*(?P<quote>["'])(?P<target>[^"'<>]*)(?P=quote)""", re.I)
#: A start tag longer than this is no link a person wrote.
_LONGEST_TAG = 2000


def html_links(chunks: Iterable[tuple[str, int]], source: SourceMap) -> Iterator[Link]:
    """The links in the page's HTML ``chunks`` (text and the byte offset where it starts)."""
    for html, start in chunks:
        lowered = html.lower()
        if "href" not in lowered and "src" not in lowered:
            continue
        text = _without_comments(html)
        for found in _START.finditer(text):
            end = _TAG_END.search(text, found.end(), found.end() + _LONGEST_TAG)
            if end is None or end.group() == "<":
                continue  # not a whole tag
            tag = text[found.start() : end.end()]
            attribute = _ATTRIBUTE.search(tag)
            image = found["tag"].lower() == "img"
            if attribute is None or image != (attribute["attribute"].lower() == "src"):
                continue
            tag_start = start + len(html[: found.start()].encode("utf-8"))
            tag_end = tag_start + len(tag.encode("utf-8"))
            if source.data[tag_start:tag_end].decode("utf-8", errors="replace") != tag:
                continue  # the chunk is not the page's text at that place
            target = attribute["target"].strip()
            yield Link(text="", target=target, span=source.span(tag_start, tag_end), image=image)


def _without_comments(html: str) -> str:
    """``html`` with each comment blanked out, its length kept."""
    if "<!--" not in html:
        return html
    parts, position = [], 0
    while (opening := html.find("<!--", position)) >= 0:
        closing = html.find("-->", opening + 4)
        end = len(html) if closing < 0 else closing + 3
        parts.extend((html[position:opening], " " * (end - opening)))
        position = end
    parts.append(html[position:])
    return "".join(parts)
