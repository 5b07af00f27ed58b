"""The page template as text: a preamble and a tree of heading sections.

``featuredocs new`` keeps every part of the template it has nothing to say about exactly
as the template writes it (prose placeholders included), and replaces the parts the code
can fill. That needs the template cut at its headings without losing a byte, which a
line scan does well: ATX headings outside fenced code blocks start a section.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field

_HEADING = re.compile(r"^ {0,3}(?P<marks>#{1,6})[ \t]+(?P<title>.*?)[ \t]*#*[ \t]*$")
_FENCE = re.compile(r"^ {0,3}(?P<fence>`{3,}|~{3,})")


@dataclass
class TemplateSection:
    """A heading of the template and the lines up to its first sub-heading.

    ``lines`` hold the section's own body (the heading line excluded) without newlines;
    ``children`` the sub-sections, in order.
    """

    title: str
    level: int
    heading: str
    lines: list[str] = field(default_factory=list)
    children: list[TemplateSection] = field(default_factory=list)

    @property
    def key(self) -> str:
        """The title folded for lookups: ``Data Models`` → ``data models``."""
        return " ".join(self.title.casefold().split())

    def child(self, title: str) -> TemplateSection | None:
        wanted = " ".join(title.casefold().split())
        return next((c for c in self.children if c.key == wanted), None)

    def text(self) -> str:
        """The section as the template writes it, sub-sections included."""
        return "\n".join(self.iter_lines())

    def iter_lines(self) -> Iterator[str]:
        yield self.heading
        yield from self.lines
        for child in self.children:
            yield from child.iter_lines()

    def body_from(self, label: str) -> list[str]:
        """The section's own lines from the one starting with ``**label`` to the end."""
        for at, line in enumerate(self.lines):
            if line.lstrip().startswith(f"**{label}"):
                return self.lines[at:]
        return []


@dataclass
class TemplateDoc:
    """The template cut into its preamble (title, tagline) and its H2 sections."""

    preamble: list[str]
    sections: list[TemplateSection]


def split_template(text: str) -> TemplateDoc:
    """Cut ``text`` at its H2-and-deeper headings; the H1 stays in the preamble."""
    preamble: list[str] = []
    roots: list[TemplateSection] = []
    stack: list[TemplateSection] = []
    fence: str | None = None
    for line in text.splitlines():
        inside = fence
        fence = _next_fence(line, fence)
        in_code = inside is not None or fence is not None
        match = None if in_code else _HEADING.match(line)
        level = len(match.group("marks")) if match else 0
        if match and level >= 2:
            section = TemplateSection(match.group("title"), level, line)
            while stack and stack[-1].level >= level:
                stack.pop()
            (stack[-1].children if stack else roots).append(section)
            stack.append(section)
        elif stack:
            stack[-1].lines.append(line)
        else:
            preamble.append(line)
    return TemplateDoc(preamble, roots)


def _next_fence(line: str, fence: str | None) -> str | None:
    """The open fence after ``line``: opened, closed or unchanged."""
    match = _FENCE.match(line)
    if match is None:
        return fence
    marker = match.group("fence")
    if fence is None:
        return marker
    closes = marker[0] == fence[0] and len(marker) >= len(fence) and not line.strip()[len(marker):]
    return None if closes else fence
