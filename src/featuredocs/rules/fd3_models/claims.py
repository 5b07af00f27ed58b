"""What a page says about the project's models, read from the page alone.

A model is declared by a heading: ``### Invoice`` or ``### billing.Invoice`` under a
section whose title mentions models or the database (``## Data Models``, ``## Database
Schema``) or over a Fields list typed with Django's classes (outside an API's section), or ``## Invoice Model`` /
``### The Invoice model`` anywhere. Its Fields and Indexes come from the labelled lists
(``**Fields:**``, ``**Model Fields**:``, ``**Indexes:**``, a plain ``Fields:`` line, a
sentence such as "The model has these fields:"), sub-headings (``### Fields``) and
Field/Type tables inside its section. ``class Invoice(models.Model):`` blocks are
read too; whether they describe a real model is decided later, with the facts.

A bare heading that neither resolves to a model nor carries any of that structure is
not a declaration (``### Relationships`` under Data Models): see :attr:`ModelClaim.explicit`.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache

from featuredocs.model import BlockKind, LabelledBlock, Page, Section, Span
from featuredocs.rules.base import CheckContext
from featuredocs.rules.fd3_models import code_models
from featuredocs.rules.fd3_models.field_items import FieldClaim
from featuredocs.rules.fd3_models.index_items import IndexClaim, read_index_item
from featuredocs.rules.fd3_models.lists import (
    field_claims,
    model_tables,
    is_partial,
    list_label_kind,
    listed_codes,
    model_lists,
)
from featuredocs.rules.fd3_models.prose import FIELD_WORDS, INDEX_WORDS, INDEXED_AS, called_names
from featuredocs.rules.fd3_models.pycode import ImportedName, PythonBlock, imported_names, python_blocks
from featuredocs.rules.other_times import about_other_times

MEMO_KEY = "fd3.claims"

_NAME = r"(?:[a-z_][A-Za-z0-9_]*\.)*[A-Z][A-Za-z0-9_]*"
_MODEL_HEADING = (
    re.compile(rf"^(?:the\s+)?`?(?P<name>{_NAME})`?\s+model$", re.I),
    re.compile(rf"^model:?\s+`?(?P<name>{_NAME})`?$", re.I),
)
_BARE_HEADING = (
    re.compile(rf"^`?(?P<name>{_NAME})`?$"),
    # "### Product fields": where a bare name would declare the model, so does this
    re.compile(rf"^`?(?P<name>{_NAME})`?\s+fields$", re.I),
    re.compile(rf"^`?{_NAME}`?\s*\(`?(?P<name>[a-z_][A-Za-z0-9_]*\.[A-Z][A-Za-z0-9_]*)`?\)$"),
)
#: Headings that look like a model name but name a part of a model section or a concept.
NOT_MODELS = frozenset({
    "Model", "Models", "ModelName", "Fields", "Field", "Indexes", "Indices", "Index",
    "Constraints", "Meta", "Methods", "Properties", "Managers", "Manager", "Relationships",
    "Relations", "Usage", "Example", "Examples", "Overview", "Notes", "Schema", "Diagram",
    "Data", "Domain", "Core", "Database", "Entity", "Entities", "Object", "Validation",
    "Signals", "Choices", "Migrations", "Querysets", "QuerySet", "Admin", "Permissions",
})



@dataclass(frozen=True, slots=True)
class ModelClaim:
    """One model as a page describes it.

    ``explicit`` is True when the page clearly means a model (the heading says "model",
    names an app label, is in backticks, or its section has a Fields or Indexes list,
    a field table or code using the name): only then may an unknown name be reported.
    ``field_list`` / ``index_list`` point at the list's label when the page has one for
    this model; ``partial_fields`` when its label says it is a selection (``Key Fields``),
    ``partial_fields`` and ``partial_indexes`` when the section says where the whole model
    is documented (``see [Ticket Queue](ticket-queue.md#ticket) for the full model``).
    ``mentioned`` is every inline-code name inside those lists. ``prose_fields`` and
    ``prose_indexes`` are what sentences of the model's section call a field or an index
    (``the `paid_at` field``, ``the index `orders_paid_idx` ``). ``listed_fields`` holds,
    per list, the names of the section's unlabelled lists that read like field items
    without a type (``- **channel** — `email` or `sms` ``): see :func:`~.resolve.field_lists`.
    """

    name: str
    span: Span
    explicit: bool
    fields: tuple[FieldClaim, ...] = ()
    indexes: tuple[IndexClaim, ...] = ()
    field_list: Span | None = None
    partial_fields: bool = False
    index_list: Span | None = None
    partial_indexes: bool = False
    mentioned: frozenset[str] = frozenset()
    from_code: bool = False
    prose_fields: tuple[FieldClaim, ...] = ()
    prose_indexes: tuple[IndexClaim, ...] = ()
    listed_fields: tuple[tuple[FieldClaim, ...], ...] = ()


@dataclass(frozen=True, slots=True)
class PageClaims:
    """Every model claim of a page, plus what resolving names needs.

    ``loose_indexes`` are index items of Indexes lists outside any model section (the
    template's Performance Optimization has one). ``other_times`` holds the line ranges
    of the sections about the past or the future (see :meth:`about_other_times`).
    """

    models: tuple[ModelClaim, ...]
    code_models: tuple[ModelClaim, ...]
    loose_indexes: tuple[IndexClaim, ...]
    imports: tuple[ImportedName, ...]
    blocks: tuple[PythonBlock, ...]
    other_times: tuple[tuple[int, int], ...] = ()

    def about_other_times(self, line: int) -> bool:
        """Whether ``line`` sits under a heading about the past or the future
        (``Future Enhancements``, ``Alternatives``, ``Before``, ``Legacy``): there a page
        may name models and fields that do not exist, and should. Nested sections lie
        inside their parent's range, so a line is under such a heading when a range
        holds it."""
        return _within(self.other_times, line)


def page_claims(page: Page, ctx: CheckContext) -> PageClaims:
    """The page's claims, extracted once per page for every FD3/FD8 rule."""
    return ctx.memo(MEMO_KEY, page, extract)


def extract(page: Page) -> PageClaims:
    blocks = python_blocks(page)
    outline = _Outline(page)
    other_times = tuple(outline.other_times)
    owned = {id(section) for section, _ in outline.declared}
    models = tuple(
        _model_claim(page, section, name, owned)
        for section, name in outline.declared
        if not _within(other_times, section.heading.span.line)
    )
    classes = (
        _code_claim(cls) for cls in code_models.read_classes(blocks)
        if not _within(other_times, cls.span.line)
    )
    loose = (
        claim for labelled in outline.loose_indexes for item in labelled.items
        if (claim := read_index_item(item)) and not _within(other_times, claim.span.line)
    )
    return PageClaims(
        models=models,
        code_models=tuple(classes),
        loose_indexes=tuple(loose),
        imports=imported_names(blocks),
        blocks=blocks,
        other_times=other_times,
    )


def _within(ranges: tuple[tuple[int, int], ...], line: int) -> bool:
    return bool(ranges) and any(first <= line <= last for first, last in ranges)


def _code_claim(cls: code_models.CodeClass) -> ModelClaim:
    return ModelClaim(
        cls.name, cls.span, explicit=False, fields=cls.fields, indexes=cls.indexes, from_code=True
    )


# --- declarations ----------------------------------------------------------------------


class _Outline:
    """What one walk of a page's sections finds, in document order: each section that
    declares a model, with the name; the line ranges of sections about other times; and
    the Indexes lists outside any model section."""

    __slots__ = ("declared", "other_times", "loose_indexes")

    def __init__(self, page: Page) -> None:
        self.declared: list[tuple[Section, str]] = []
        self.other_times: list[tuple[int, int]] = []
        self.loose_indexes: list[LabelledBlock] = []
        for section in page.sections:
            self._read(section, False, False, False)

    def _read(self, section: Section, under_models: bool, in_model: bool, under_api: bool) -> None:
        """The section, then those below it; ``under_models``: a heading above it mentions
        models, ``in_model``: one above it declares a model, ``under_api``: one above it
        is about an API. Headings nest six deep at most."""
        heading = section.heading
        title = heading.plain
        name = _declared(title, under_models and heading.level >= 3)
        if name is None and not (under_models or in_model or under_api) and heading.level >= 2:
            name = _declared(title, True) if _lists_model_fields(section) else None
            if name is not None and _NOT_A_MODEL.search(name):
                name = None
        if name is not None:
            self.declared.append((section, name))
            in_model = True
        if about_other_times(title):
            self.other_times.append((heading.span.line, section.end_line))
        if not in_model and section.labelled:  # most sections have no labelled list
            self.loose_indexes.extend(
                labelled for labelled in section.labelled
                if list_label_kind(labelled.label) == "indexes"
            )
        if section.subsections:
            inner = under_models or _mentions_models(title)
            api = under_api or bool(_words(title) & _API_WORDS)
            for sub in section.subsections:
                self._read(sub, inner, in_model, api)


def _lists_model_fields(section: Section) -> bool:
    """Whether the section's own Fields list types its fields with Django's classes
    (``(CharField)``, ``(ForeignKey → User)``): a model's list, whatever section holds it."""
    for labelled in section.labelled:
        if labelled.items and list_label_kind(labelled.label) == "fields":
            claims = list(field_claims(labelled.items))
            return bool(claims) and all(
                claim.type is not None and _DJANGO_CLASS.match(claim.type.written) for claim in claims
            )
    return False


#: Classes whose fields are typed like a model's: a serializer's, a form's, a filter set's.
_NOT_A_MODEL = re.compile(r"(?:Serializer|Form|FormSet|FilterSet|Filter|Schema|Admin|Resource|Input|Output)$")
_DJANGO_CLASS = re.compile(r"(?:models\.)?(?:[A-Z]\w*Field|ForeignKey|GenericRelation)\b")


@lru_cache(maxsize=4096)
def _mentions_models(title: str) -> bool:
    """Whether a section holds model headings: its title says models, or names the
    database in other words (``## Database Schema``, ``## Entities``) and not an API's
    (``## API Schema``, ``## Response objects``), whose fields are not a model's."""
    if "model" in title.casefold():
        return True
    words = _words(title)
    return bool(words & _DATABASE_WORDS) and not words & _API_WORDS


@lru_cache(maxsize=4096)
def _words(title: str) -> frozenset[str]:
    return frozenset(re.findall(r"[a-z]+", title.casefold()))


_DATABASE_WORDS = frozenset({
    "database", "db", "schema", "schemas", "tables", "entities", "entity", "persistence", "storage", "orm",
})
_API_WORDS = frozenset({
    "api", "apis", "endpoint", "endpoints", "response", "responses", "request", "requests", "serializer",
    "serializers", "graphql", "json", "payload", "payloads", "webhook", "webhooks", "event", "events", "openapi",
    "form", "forms", "filter", "filters", "admin",
})


@lru_cache(maxsize=4096)
def _declared(title: str, bare: bool) -> str | None:
    """The model name a heading declares, or None. ``bare``: a heading that is nothing
    but a name declares it (under Data Models)."""
    title = title.strip()
    for shape in _MODEL_HEADING:
        match = shape.match(title)
        if match:
            return _usable(match.group("name"))
    if bare:
        for shape in _BARE_HEADING:
            match = shape.match(title)
            if match:
                return _usable(match.group("name"))
    return None


def _usable(name: str) -> str | None:
    return None if name.rpartition(".")[2] in NOT_MODELS else name


# --- one model section ------------------------------------------------------------------


def _model_claim(page: Page, section: Section, name: str, owned: set[int]) -> ModelClaim:
    parts = list(_own_parts(section, owned))
    fields: list[FieldClaim] = []
    indexes: list[IndexClaim] = []
    mentioned: set[str] = set()
    field_list: Span | None = None
    index_list: Span | None = None
    deferred = _defers_to_another_page(parts[0])
    partial = deferred
    listed: list[tuple[FieldClaim, ...]] = []
    for kind, anchor, items, label in model_lists(parts):
        mentioned.update(listed_codes(items))
        if kind == "listed":
            listed.append(tuple(field_claims(items)))
        elif kind == "fields":
            fields.extend(field_claims(items))
            field_list = field_list or anchor
            partial = partial or is_partial(label)
        else:
            indexes.extend(claim for item in items if (claim := read_index_item(item)))
            index_list = index_list or anchor
    for kind, anchor, claims, selection in model_tables(parts):
        if kind == "indexes":
            indexes.extend(claims)  # type: ignore[arg-type]
            index_list = index_list or anchor
            continue
        fields.extend(claims)  # type: ignore[arg-type]
        mentioned.update(f.name for f in claims)  # type: ignore[union-attr]
        field_list = field_list or anchor
        partial = partial or selection
    # a field named anywhere in the model's own section is not undocumented
    mentioned.update(code.text.strip() for part in parts for block in part.blocks for code in block.codes)
    in_lists = {field.span for field in fields} | {field.span for names in listed for field in names}
    prose = tuple(
        FieldClaim(name, span) for name, span in called_names(page, parts, FIELD_WORDS) if span not in in_lists
    )
    prose_indexes = tuple(
        IndexClaim((), name, False, span) for name, span in called_names(page, parts, INDEX_WORDS, INDEXED_AS)
    )
    explicit = bool(field_list or index_list) or _named_plainly(section, name) or _used_in_code(
        parts, name
    )
    return ModelClaim(
        name=name,
        span=_name_span(page, section, name),
        explicit=explicit,
        fields=tuple(fields),
        indexes=tuple(indexes),
        field_list=field_list,
        partial_fields=partial,
        index_list=index_list,
        partial_indexes=deferred,
        mentioned=frozenset(mentioned),
        prose_fields=prose,
        prose_indexes=prose_indexes,
        listed_fields=tuple(listed),
    )


#: "the full model", "the complete field list", "all of its fields", "the rest of the model".
_WHOLE = re.compile(
    r"\b(?:full|complete|whole|entire|all|every|rest|remaining|other)\b[\w\s',-]{0,30}?"
    r"\b(?:model|fields?|list|reference|definition|schema|columns?)\b",
    re.IGNORECASE,
)


def _defers_to_another_page(section: Section) -> bool:
    """Whether the section's own paragraphs send the reader to another page for the whole
    model: a link to another Markdown page in a sentence about the full model."""
    for block in section.blocks:
        if block.kind is not BlockKind.PARAGRAPH or not block.links:
            continue
        elsewhere = any(_other_page(link.target) for link in block.links)
        if elsewhere and _WHOLE.search(block.plain):
            return True
    return False


def _other_page(target: str) -> bool:
    path = target.partition("#")[0]
    return bool(path) and "://" not in path and path.lower().endswith((".md", ".markdown", ".mdx"))


def _own_parts(section: Section, owned: set[int]) -> Iterator[Section]:
    """The section and its sub-sections, minus those that declare another model."""
    yield section
    for sub in section.subsections:
        if id(sub) not in owned:
            yield from _own_parts(sub, owned)


def _named_plainly(section: Section, name: str) -> bool:
    """Backticks or an app label leave no doubt the heading names a model."""
    return "." in name or f"`{name}`" in section.heading.source


def _used_in_code(parts: list[Section], name: str) -> bool:
    """Code in the section uses the name as a model: imports it from a models module,
    queries it, or defines it (``Order.Status`` alone says nothing)."""
    bare = re.escape(name.rpartition(".")[2])
    pattern = re.compile(
        rf"\b{bare}\.(?:objects|_default_manager)\b|^\s*class\s+{bare}\s*\("
        rf"|^\s*from\s+[\w.]*models[\w.]*\s+import\s+[^\n]*\b{bare}\b",
        re.M,
    )
    return any(pattern.search(code.text) for part in parts for code in part.code_blocks(deep=False))


def _name_span(page: Page, section: Section, name: str) -> Span:
    """The name in its heading line, backticks included when it has them."""
    line = section.heading.span.line
    text = page.line_text(line)
    bare_start = text.find(name, len(text) - len(text.lstrip("# ")))
    if bare_start < 0:
        return section.heading.span
    start, length = bare_start, len(name)
    if text[start - 1:start] == "`" and text[start + length:start + length + 1] == "`":
        start, length = start - 1, length + 2
    return Span.at(line, start + 1, length)
