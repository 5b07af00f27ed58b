"""Where a page's local links point: a file, a heading anchor or a source line range."""

from __future__ import annotations

import os
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from urllib.parse import unquote

from featuredocs.model import DocSet, Link, Page, Span
from featuredocs.rules.base import CheckContext

_SCHEME = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*:")
_LINE_ANCHOR = re.compile(r"^L(\d+)(?:C\d+)?(?:-L(\d+)(?:C\d+)?)?$")
PAGE_SUFFIXES = (".md", ".markdown")
#: Explicit anchors a page may define in HTML: ``<a id="x">``, ``<a name="x">``.
_HTML_ANCHOR = re.compile(r"""<[^>]+\b(?:id|name)\s*=\s*["']([^"']+)["']""", re.I)
#: A heading's own id in braces (MkDocs' attr_list, Pandoc, Docusaurus): ``## Title {#id}``,
#: ``## Title { #id .class }``; and a MyST target line, ``(label)=``, before a heading.
_WRITTEN_ANCHOR = re.compile(
    r"^ {0,3}(?:#{1,6}[ \t].*?\{[^}\n]*?#(?P<id>[^\s}]+)[^}\n]*\}[ \t]*#*[ \t]*|\((?P<target>[^()\s]+)\)=[ \t]*)$",
    re.M,
)
#: What an id in braces opens with (``{#``, ``{ .class #``, ``{: #``): found by a search that
#: skips to each brace, where reading every line for a heading would cost each page's length.
_ID_BRACE = re.compile(r"\{[ \t]*:?[ \t]*(?:\.[\w-]+[ \t]+)*#")


@dataclass(frozen=True, slots=True)
class LinkTarget:
    """A link to something on disk (or to the page itself).

    ``path`` is the decoded path part as written ('' for ``#anchor``); ``file`` the
    absolute path it resolves to; ``rel`` that path relative to the docs root when it is
    inside it; ``fragment`` the decoded text after ``#`` (None when there is no ``#``).
    """

    link: Link
    path: str
    fragment: str | None
    file: Path
    rel: str | None

    @property
    def same_page(self) -> bool:
        return self.path == ""

    @property
    def line_range(self) -> tuple[int, int] | None:
        """``#L10`` → (10, 10); ``#L10-L20`` → (10, 20); None for other fragments."""
        match = _LINE_ANCHOR.match(self.fragment or "")
        if match is None:
            return None
        first = int(match.group(1))
        return first, int(match.group(2) or first)


def explicit_anchors(text: str) -> frozenset[str]:
    """The anchors a page defines itself, as written: in HTML, as a heading's id in braces,
    as a MyST target. The cache keys the pages linking to a page on these and its
    headings' anchors: all a ``#fragment`` is checked against."""
    found: set[str] = set()
    first_tag = text.find("<")  # most pages have neither HTML nor ids: no scan of their text
    if first_tag >= 0:
        found.update(match.group(1) for match in _HTML_ANCHOR.finditer(text, first_tag))
    if ")=" in text or _ID_BRACE.search(text) is not None:
        found.update(match["id"] or match["target"] for match in _WRITTEN_ANCHOR.finditer(text))
    return frozenset(found)


def targets_of(page: Page, ctx: CheckContext) -> list[LinkTarget]:
    return ctx.memo("fd2.targets", page, lambda p: local_targets(p, ctx.docset, ctx.project_root))


def local_targets(page: Page, docset: DocSet, project_root: Path | None) -> list[LinkTarget]:
    """Every link of ``page`` that points into the file system (no URL schemes)."""
    found: list[LinkTarget] = []
    folder = os.path.dirname(page.path)
    for link in page.links:
        target = _resolve(link, page, folder, docset, project_root)
        if target is not None:
            found.append(target)
    return found


def _resolve(
    link: Link, page: Page, folder: str, docset: DocSet, project_root: Path | None
) -> LinkTarget | None:
    """``folder``: the page's folder. Paths are joined and compared as strings: a page
    has dozens of links, and ``pathlib`` would parse each path again at every step."""
    raw = link.target.strip()
    if not raw or _SCHEME.match(raw) or raw.startswith("//"):
        return None
    path_part, hash_mark, fragment = raw.partition("#")
    path_part = unquote(path_part.split("?", 1)[0])
    decoded_fragment = unquote(fragment) if hash_mark else None
    if path_part == "":
        return LinkTarget(link, "", decoded_fragment, page.path, page.rel)
    if path_part.startswith("/"):
        if project_root is None:
            return None  # site-absolute: nothing to resolve it against
        file = os.path.normpath(os.path.join(project_root, path_part.lstrip("/")))
    else:
        file = os.path.normpath(os.path.join(folder, path_part))
    return LinkTarget(link, path_part, decoded_fragment, _path(file), _relative(file, docset.root))


@lru_cache(maxsize=4096)  # most links of a docs tree point at a few shared pages
def _path(file: str) -> Path:
    return Path(file)


def _relative(file: str, root: Path) -> str | None:
    """``file`` relative to the docs root (as resolved, else as written), POSIX-style."""
    for base, prefix in _bases(root):
        if file == base:
            return ""
        if file.startswith(prefix):
            return file[len(prefix):].replace(os.sep, "/")
    return None


@lru_cache(maxsize=16)
def _bases(root: Path) -> tuple[tuple[str, str], ...]:
    """The docs root with symlinks resolved, then as given: each with the prefix of the
    paths inside it. Worked out once per root rather than once per link."""
    bases = (os.path.normpath(root.resolve()), os.path.normpath(root))
    return tuple((base, base if base.endswith(os.sep) else base + os.sep) for base in bases)


def exists(target: LinkTarget, docset: DocSet) -> bool:
    """Whether the linked file or folder exists (the docs tree's listing, then the disk)."""
    rel = target.rel
    if rel is not None and (rel in docset.files or docset.page(rel) is not None):
        return True
    return target.file.exists()


def fragment_span(page: Page, link: Link, fragment: str) -> Span | None:
    """Where the text after ``#`` sits in the page, for an edit that replaces it: in the
    link itself, or in the one reference definition that gives its destination
    (``[Commands][cmdref]`` … ``[cmdref]: ../commands.md#expire-orders``)."""
    raw = link.target.partition("#")[2]
    if not raw:
        return None
    if link.span.line == link.span.end_line:
        line = page.line_text(link.span.line)
        start = link.span.column - 1
        position = line[start : link.span.end_column - 1].rfind("#" + raw)
        if position >= 0:
            column = start + position + 2
            return Span(link.span.line, column, link.span.line, column + len(raw))
    return _definition_fragment(page, link.target, raw)


def _definition_fragment(page: Page, target: str, raw: str) -> Span | None:
    definition = re.compile(rf"^ {{0,3}}\[[^\]]+\]:[ \t]*<?{re.escape(target)}>?(?:[ \t]|$)")
    found = [
        number for number, text in enumerate(page.lines, start=1)
        if definition.match(text) and not any(
            code.span.line <= number <= code.span.end_line for code in page.code_blocks
        )
    ]
    if len(found) != 1:
        return None
    line = page.line_text(found[0])
    column = line.index("#" + raw, line.index("]:")) + 2
    return Span(found[0], column, found[0], column + len(raw))
