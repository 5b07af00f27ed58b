"""Links written as HTML in a page: ``<a href="…">`` and ``<img src="…">``.

Pages reach for HTML when Markdown cannot say something (a link that opens in a new tab,
an image with a width), and those links rot like any other. Only the start tag is read;
its span covers the tag, so a fix to the target edits the page where the target is.
HTML comments are skipped: a link commented out is not a link.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator

from featuredocs.markdown.positions import SourceMap
from featuredocs.model import Link

_TAG = re.compile(
    r"""<(?P<tag>a|img)\b[^>]*?\s(?P<attribute>href|src)\s*=\s*(?P<quote>["'])(?P<target>.*?)(?P=quote)[^>]*>""",
    re.I | re.S,
)
_COMMENT = re.compile(r"<!--.*?(?:-->|$)", re.S)


def html_links(chunks: Iterable[tuple[str, int]], source: SourceMap) -> Iterator[Link]:
    """The links in the page's HTML ``chunks`` (text and the byte offset where it starts)."""
    for html, start in chunks:
        lowered = html.lower()
        if "href" not in lowered and "src" not in lowered:
            continue
        text = _COMMENT.sub(lambda comment: " " * len(comment.group(0)), html)
        for match in _TAG.finditer(text):
            tag_start = start + len(html[: match.start()].encode("utf-8"))
            tag_end = tag_start + len(match.group(0).encode("utf-8"))
            if source.data[tag_start:tag_end].decode("utf-8", errors="replace") != match.group(0):
                continue  # the chunk is not the page's text at that place
            image = match.group("tag").lower() == "img"
            if image != (match.group("attribute").lower() == "src"):
                continue
            target = match.group("target").strip()
            yield Link(text="", target=target, span=source.span(tag_start, tag_end), image=image)
