"""The template as a schema: required sections, example headings, labels and fillers.

Everything is derived from the template's own text, so a team's template works the same
way as the packaged one.
"""

from __future__ import annotations

import re
from functools import lru_cache
from importlib import resources
from pathlib import Path

from featuredocs.markdown.load import PageError, decode_page
from featuredocs.markdown.parse import parse_page
from featuredocs.model import BlockKind, ListItem, Page, Section
from featuredocs.model.template import SectionSpec, TemplateSchema

PACKAGED_TEMPLATE = "feature-template.md"

#: ``[ModelName]``, ``Workflow 1: [Name]``: a bracketed placeholder anywhere in a title.
_BRACKETED = re.compile(r"\[[^\[\]]+\]")
_ENDPOINT = re.compile(r"^(?:GET|POST|PUT|PATCH|DELETE|HEAD|OPTIONS)\s+/", re.I)
_LOWER_NAME = re.compile(r"^[a-z][a-z0-9]*(?:[_-][a-z0-9]+)*$")
#: Words that make a template code line an example to be replaced, not boilerplate.
_EXAMPLE_WORDS = re.compile(
    r"name|model|field|value|option|param|feature|command|resource|something|example"
    r"|your_|[a-z]\d\b",
    re.I,
)
_LABEL_PREFIX = re.compile(r"^\*\*[^*]+\*\*\s*:?\s*")
_TRAILING_COMMENT = re.compile(r"\s+#.*$")
_EXAMPLE_HOSTS = ("example.com", "example.org")


class SchemaError(Exception):
    """The template cannot serve as a schema; ``str()`` names the file and the problem."""

    def __init__(self, path: Path | str, message: str) -> None:
        super().__init__(f"{path}: {message}")
        self.path = Path(path)
        self.message = message


def packaged_template() -> Path:
    return Path(str(resources.files("featuredocs") / "templates" / PACKAGED_TEMPLATE))


def load_schema(path: Path | None = None) -> TemplateSchema:
    """The schema of the template at ``path`` (the packaged template when None)."""
    path = Path(path) if path is not None else packaged_template()
    try:
        stamp = path.stat().st_mtime_ns
    except OSError as error:
        raise SchemaError(path, f"cannot read template: {error.strerror or error}") from None
    return _load(str(path), stamp)


@lru_cache(maxsize=8)
def _load(path_text: str, stamp: int) -> TemplateSchema:
    path = Path(path_text)
    try:
        text = decode_page(path.read_bytes(), path)
    except PageError as error:
        raise SchemaError(path, error.message) from None
    except OSError as error:
        raise SchemaError(path, f"cannot read template: {error.strerror or error}") from None
    return schema_from_page(parse_page(text, path=path, rel=path.name, display=str(path)))


def schema_from_page(page: Page) -> TemplateSchema:
    """Derive the schema from an already parsed template page."""
    top = [section for section in page.sections if section.level == 2]
    if not top:
        raise SchemaError(page.display, "template has no `## ` sections to require")
    labels = _unique(block.label for section in page.walk() for block in section.labelled)
    return TemplateSchema(
        path=page.display,
        sections=tuple(_spec(section, parent=None) for section in top),
        fillers=fillers_of(page),
        labels=labels,
    )


def is_shape_title(title: str, parent: str | None = None) -> bool:
    """Whether a template heading is an example standing for any heading.

    ``[ModelName]``, ``Workflow 1: [Name]``, ``GET /api/feature/resource/`` and lower-case
    names such as ``command_name`` are shapes; ``Environment Variables`` is fixed.
    """
    title = title.strip().strip("`")
    if _BRACKETED.search(title) or _ENDPOINT.match(title):
        return True
    return bool(_LOWER_NAME.match(title)) and ("_" in title or parent is not None)


def _spec(section: Section, parent: str | None) -> SectionSpec:
    shape = parent is not None and is_shape_title(section.title, parent)
    return SectionSpec(
        title=section.title,
        level=section.level,
        line=section.heading.span.line,
        required=not shape,
        shape=shape,
        labels=tuple(block.label for block in section.labelled),
        children=tuple(_spec(sub, section.title) for sub in section.subsections),
    )


def fillers_of(page: Page) -> tuple[str, ...]:
    """Example values a page may have left unchanged, from the template's own text.

    List items (and the text after a bold ``**Label**:`` in them), example code lines
    (not comments) and the tagline's label. Bracketed placeholders are left out (they are
    recognised by shape), as are labels, paragraphs and links a page may rightly keep.
    """
    found: list[str] = []
    for section in page.walk():
        for block in section.blocks:
            if block.kind is BlockKind.LIST:
                found.extend(_item_fillers(block.items))
    for code in page.code_blocks:
        found.extend(_code_fillers(code.text))
    if page.tagline is not None:
        found.extend(_tagline_fillers(page.tagline.source))
    return _unique(found)


def _item_fillers(items: tuple[ListItem, ...]) -> list[str]:
    found: list[str] = []
    pending = list(items)
    while pending:
        item = pending.pop(0)
        pending.extend(item.children)
        if any(not _example_link(link.target) for link in item.links):
            continue
        text = normalize(item.plain)
        if text and not _BRACKETED.search(text):
            found.append(text)
        rest = normalize(_LABEL_PREFIX.sub("", item.source, count=1))
        if rest != normalize(item.source) and len(rest.split()) >= 2 and not _BRACKETED.search(rest):
            found.append(normalize(rest.replace("`", "")))
    return found


def _example_link(target: str) -> bool:
    return any(host in target for host in _EXAMPLE_HOSTS)


def _code_fillers(text: str) -> list[str]:
    found: list[str] = []
    for line in text.splitlines():
        stripped = _TRAILING_COMMENT.sub("", line).strip()
        if not stripped or stripped.startswith(("#", "//")) or len(stripped) < 10:
            continue
        if _EXAMPLE_WORDS.search(stripped):
            found.append(stripped)
    return found


def _tagline_fillers(source: str) -> list[str]:
    text = source.lstrip("> ").strip()
    match = re.match(r"\*\*([^*]+)\*\*\s*[-\u2013\u2014:]?\s*(.*)", text)
    if match is None:
        return []
    label, rest = match.group(1).strip(), normalize(match.group(2))
    return [label] + ([rest] if len(rest.split()) >= 3 else [])


def normalize(text: str) -> str:
    """Whitespace collapsed, so a filler matches however a page wraps it."""
    return " ".join(text.split())


def _unique(values) -> tuple[str, ...]:  # type: ignore[no-untyped-def]
    return tuple(dict.fromkeys(values))
