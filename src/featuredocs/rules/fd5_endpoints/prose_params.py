"""Values a sentence gives a query parameter: "`ordering` takes `created_at` or `total_cents`".

A paragraph or list item that names a parameter in inline code, then *takes*, *accepts*,
*is one of*, *is either*, *can be*, *may be* or *must be* (maybe followed by *one of*),
then at least two values in inline code joined by commas, *or*, *and* or ``/`` (see
:func:`~featuredocs.rules.enumerations.listed_values`; the verb says they are values, as a
Values column does); an ordering value may start with ``-``. Anything else — a value not
in code, a lone ``-`` — ends the list.

Which parameter the sentence means is the rules' to tell from the facts: it speaks of the
GET endpoints the section around it documents (see :mod:`.section_endpoints`). A
sentence in a section about a request body or headers speaks of those, not of a query
string. Prose is read as naming some values rather than all of them: only a value the
parameter does not accept is drift.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Iterator
from dataclasses import dataclass

from featuredocs.model import BlockKind, Page, Section
from featuredocs.rules.enumerations import PlacedList, listed_values, placed
from featuredocs.rules.fd5_endpoints.declarations import EndpointClaim, Word
from featuredocs.rules.fd5_endpoints.section_endpoints import EndpointPlaces, query_sections
from featuredocs.rules.page_text import Joined

_SAYS_VALUES = re.compile(
    r"`(?P<name>[A-Za-z_][\w.\[\]-]*)`\s+"
    r"(?:takes|accepts|is\s+one\s+of|is\s+either|can\s+be|may\s+be|must\s+be)"
    r"(?:\s+(?:one\s+of|either|any\s+of))?\s*:?\s*(?=`)",
    re.I,
)
#: A quick look before the paragraph is joined and read: most paragraphs say none of it.
_VERB = re.compile(r"`\s+(?:takes|accepts|is\s+one|is\s+either|can\s+be|may\s+be|must\s+be)\b", re.I)


@dataclass(frozen=True, slots=True)
class ProseValuesClaim:
    """``name`` is said to take ``values``; ``endpoints``: the GET endpoints of the
    section around the sentence, one of which should read it."""

    name: Word
    values: PlacedList
    endpoints: tuple[EndpointClaim, ...]


def prose_values(page: Page, places: EndpointPlaces) -> Iterator[ProseValuesClaim]:
    """Every sentence of the page's sections that gives a query parameter values."""
    for section, endpoints in query_sections(page, places):
        blocks = [b for b in section.blocks if b.kind in (BlockKind.PARAGRAPH, BlockKind.LIST)]
        if any(_VERB.search(block.source) for block in blocks):
            yield from _section_claims(page, section, endpoints)


def _section_claims(page: Page, section: Section, endpoints: tuple[EndpointClaim, ...]) -> Iterator[ProseValuesClaim]:
    for block in section.blocks:
        if block.kind not in (BlockKind.PARAGRAPH, BlockKind.LIST) or not _VERB.search(block.source):
            continue
        first, last = block.span.line, block.span.end_line
        joined = Joined.of(first, [page.line_text(line) for line in range(first, last + 1)])
        for said in _SAYS_VALUES.finditer(joined.text):
            listed = listed_values(joined.text, said.end(), titled=True, descending=True)
            if listed is None or listed.begin != said.end():
                continue  # the values are not in code, or the first list is further on
            values = placed(listed, joined.text, said.end(), joined.span)
            name = Word(said["name"], joined.span(said.start("name"), said.end("name")))
            yield ProseValuesClaim(name, dataclasses.replace(values, complete=False, inline=None), endpoints)
