"""What every section renderer shares: its inputs, and the template text it reuses."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from featuredocs.generate.docs_context import DocsContext
from featuredocs.generate.scope import FeatureScope
from featuredocs.generate.template_text import TemplateSection
from featuredocs.model import ProjectFacts

NOT_APPLICABLE = "Not applicable."
_LINK = re.compile(r"(?<!!)\[(?P<text>[^\[\]\n]+)\]\((?P<target>[^()\s]+)\)")
_EXTERNAL = re.compile(r"^[a-z][a-z0-9+.-]*:", re.IGNORECASE)


@dataclass(frozen=True)
class RenderContext:
    title: str
    scope: FeatureScope
    facts: ProjectFacts
    docs: DocsContext


Renderer = Callable[[TemplateSection, RenderContext], list[str]]


def heading(section: TemplateSection, title: str | None = None) -> str:
    return section.heading if title is None else "#" * section.level + " " + title


def prose(section: TemplateSection | None, fallback: str) -> list[str]:
    """The template's own description lines of a section (up to its first bold label,
    list or code block), kept as the placeholder a person replaces."""
    if section is None:
        return [fallback]
    lines: list[str] = []
    for line in section.lines:
        stripped = line.strip()
        if stripped.startswith(("**", "- ", "* ", "```", "~~~")) or re.match(r"\d+\.\s", stripped):
            break
        lines.append(line)
    text = [line for line in lines if line.strip()]
    return text or [fallback]


def labelled_chunk(section: TemplateSection | None, label: str) -> list[str]:
    """The template's ``**label**`` block: the label line and what follows it up to the
    next bold label or the end of the section, trailing blank lines dropped."""
    if section is None:
        return []
    body = section.body_from(label)
    if not body:
        return []
    chunk = [body[0]]
    fence = False
    for line in body[1:]:
        if line.lstrip().startswith(("```", "~~~")):
            fence = not fence
        if not fence and line.lstrip().startswith("**"):
            break
        chunk.append(line)
    while chunk and not chunk[-1].strip():
        chunk.pop()
    return chunk


def block(*parts: Iterable[str] | str) -> list[str]:
    """Paragraphs separated by one blank line; empty parts are left out."""
    lines: list[str] = []
    for part in parts:
        chunk = [part] if isinstance(part, str) else list(part)
        if not chunk:
            continue
        if lines:
            lines.append("")
        lines.extend(chunk)
    return lines


def fenced(language: str, body: Iterable[str]) -> list[str]:
    return [f"```{language}", *body, "```"]


def live_links(lines: Iterable[str], docs: DocsContext) -> list[str]:
    """Template lines with links that would not resolve made into placeholders: a missing
    file becomes ``[text]`` (a person picks the real page), a missing anchor is dropped."""
    return [_LINK.sub(lambda m: _live(m, docs), line) for line in lines]


def _live(match: re.Match[str], docs: DocsContext) -> str:
    text, target = match.group("text"), match.group("target")
    if _EXTERNAL.match(target) or target.startswith("#"):
        return match.group(0)
    path, _, anchor = target.partition("#")
    rel = docs.resolve(path)
    if not docs.has(rel):
        return f"[{text}]"
    if anchor and rel in docs.anchors and not docs.has_anchor(rel, anchor):
        return f"[{text}]({path})"
    return match.group(0)


def verbatim(section: TemplateSection, docs: DocsContext) -> list[str]:
    return live_links(section.iter_lines(), docs)


def trimmed(lines: list[str]) -> list[str]:
    start, end = 0, len(lines)
    while start < end and not lines[start].strip():
        start += 1
    while end > start and not lines[end - 1].strip():
        end -= 1
    return lines[start:end]
