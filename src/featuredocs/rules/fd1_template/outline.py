"""How a page's headings line up with the template's sections (shared by FD101–FD104)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from featuredocs.model import Block, BlockKind, Page, Section
from featuredocs.model.template import SectionSpec, TemplateSchema
from featuredocs.rules.base import CheckContext
from featuredocs.rules.suggest import closest

_NOT_WORD = re.compile(r"[^\w\s]+")
_NOT_APPLICABLE = re.compile(
    r"^\s*(?:not\s+applicable|n/a|none(?:\s+yet)?|nothing(?:\s+yet)?|no\s+\w+(?:\s+\w+){0,2})"
    r"\s*(?:$|[.!:;,\u2013\u2014-])",
    re.I,
)
_COMMENT_ONLY = re.compile(r"^\s*(?:<!--.*?-->\s*)+$", re.S)
#: Words too common to say two headings are about the same thing.
_COMMON_WORDS = frozenset({"and", "the", "for", "with", "from", "notes", "details"})


@lru_cache(maxsize=4096)  # every page repeats the template's headings
def normalize_title(title: str) -> str:
    """Case, emoji, punctuation and spacing do not matter when matching headings."""
    return " ".join(_NOT_WORD.sub(" ", title).casefold().split())


@dataclass(frozen=True, slots=True)
class Outline:
    """The page's top sections matched to the template's required sections."""

    matched: tuple[tuple[SectionSpec, Section], ...]  # in page order
    missing: tuple[SectionSpec, ...]  # in template order
    unmatched: tuple[Section, ...]  # top sections the template does not name


def outline_of(page: Page, ctx: CheckContext) -> Outline:
    return ctx.memo("fd1.outline", page, lambda p: build_outline(p, ctx.schema))


def top_sections(page: Page) -> list[Section]:
    """The page's H2 sections (or whatever level its top sections use)."""
    return list(page.sections)


def build_outline(page: Page, schema: TemplateSchema) -> Outline:
    by_title = _specs_by_title(schema)
    matched: list[tuple[SectionSpec, Section]] = []
    unmatched: list[Section] = []
    seen: set[str] = set()
    for section in top_sections(page):
        key = normalize_title(section.title)
        spec = by_title.get(key)
        if spec is not None and key not in seen:
            matched.append((spec, section))
            seen.add(key)
        else:
            unmatched.append(section)
    missing = tuple(s for s in schema.sections if normalize_title(s.title) not in seen)
    return Outline(tuple(matched), missing, tuple(unmatched))


def _specs_by_title(schema: TemplateSchema) -> dict[str, SectionSpec]:
    """The template's sections by normalised title, worked out once per template."""
    if not _specs_cache or _specs_cache[0][0] is not schema:
        by_title = {normalize_title(spec.title): spec for spec in schema.sections}
        _specs_cache[:] = [(schema, by_title)]
    return _specs_cache[0][1]


_specs_cache: list[tuple[TemplateSchema, dict[str, SectionSpec]]] = []


def close_heading(title: str, sections: list[Section] | tuple[Section, ...]) -> Section | None:
    """The section whose title is closest to ``title``: similar spelling or a shared word."""
    by_title = {section.title: section for section in sections}
    match = closest(title, list(by_title))
    if match is not None:
        return by_title[match]
    wanted = _words(title)
    for section in sections:
        if wanted & _words(section.title):
            return section
    also = _ALSO_CALLED.get(normalize_title(title), frozenset())
    return next((section for section in sections if normalize_title(section.title) in also), None)


#: What pages call the default template's sections when they rename them.
_ALSO_CALLED: dict[str, frozenset[str]] = {
    title: frozenset(names)
    for title, names in (
        ("overview", ("summary", "introduction", "intro", "about", "purpose", "description")),
        ("architecture", ("design", "how it works", "internals")),
        ("data models", ("models", "schema", "database", "database schema")),
        ("management commands", ("cli", "commands", "command line")),
        ("usage examples", ("usage", "examples", "how to use")),
        ("configuration", ("settings", "environment", "environment variables")),
        ("api endpoints", ("api", "endpoints", "rest api", "http api", "api reference")),
        ("performance optimization", ("performance", "scaling", "caching")),
        ("troubleshooting", ("faq", "known issues", "common problems", "debugging")),
        ("common workflows", ("workflows", "recipes", "how tos", "guides")),
        ("future enhancements", ("roadmap", "future work", "next steps", "ideas")),
        ("related documentation", ("see also", "references", "links", "further reading")),
    )
}


def _words(title: str) -> set[str]:
    return {w for w in normalize_title(title).split() if len(w) >= 4 and w not in _COMMON_WORDS}


def has_content(block: Block) -> bool:
    """Whether a block says anything (a rule or a lone comment does not)."""
    kind = block.kind
    if kind is BlockKind.HTML:
        return not _COMMENT_ONLY.match(block.source)
    # Any other block's source holds at least its marker, fence, pipe or a word, so it
    # is not read: most blocks' source is worked out only when read, and nothing else
    # reads it.
    return kind is not BlockKind.RULE and kind is not BlockKind.DEFINITION


def not_applicable(section: Section) -> bool:
    """``Not applicable.``, ``N/A``, ``None.`` as the section's only content."""
    content = [block for block in section.blocks if has_content(block)]
    if len(content) != 1 or section.subsections:
        return False
    block = content[0]
    return block.kind in (BlockKind.PARAGRAPH, BlockKind.QUOTE) and bool(
        _NOT_APPLICABLE.match(block.plain)
    )
