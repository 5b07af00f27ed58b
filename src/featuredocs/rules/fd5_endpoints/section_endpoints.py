"""The endpoints a part of a page is about when no heading of its own names one.

A heading such as ``### Order response``, or a sentence such as "`ordering` takes
`created_at` or `total_cents`", speaks of the endpoints the section around it documents:
those its own section names with a method, else its parent's, and so on up to the
second-level section. Never the page's whole: a table under ``## Data Models`` is no
endpoint's because ``## API`` lists some.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from featuredocs.model import Page, Section
from featuredocs.rules.fd5_endpoints.declarations import EndpointClaim

_NOT_QUERY_TITLE = re.compile(r"\b(?:request|body|payload|form|headers?|input)\b", re.I)


@dataclass(frozen=True, slots=True)
class EndpointPlaces:
    """The page's endpoint claims that name a method, in line order."""

    lines: tuple[int, ...]
    claims: tuple[EndpointClaim, ...]

    @classmethod
    def of(cls, claims: Iterable[EndpointClaim]) -> EndpointPlaces:
        ordered = sorted((claim for claim in claims if claim.methods), key=lambda claim: claim.line)
        return cls(tuple(claim.line for claim in ordered), tuple(ordered))

    def within(self, section: Section) -> tuple[EndpointClaim, ...]:
        """The claims from ``section``'s heading to its end, sub-sections included."""
        first = bisect_left(self.lines, section.heading.span.line)
        return self.claims[first : bisect_right(self.lines, section.end_line)]

    def around(self, chain: tuple[Section, ...]) -> tuple[EndpointClaim, ...]:
        """The claims of the innermost section of ``chain`` (outermost first, as
        :meth:`Page.section_at` gives it) that holds any."""
        for section in reversed(chain):
            if section.level < 2:
                break
            found = self.within(section)
            if found:
                return found
        return ()


def query_sections(page: Page, places: EndpointPlaces) -> Iterator[tuple[Section, tuple[EndpointClaim, ...]]]:
    """Each section with GET endpoints around it, with them: those whose query string a
    sentence of the section speaks of (none in a section about a request body or headers,
    which speaks of those). A second-level section holding no endpoint is not walked:
    nothing below it has any around it."""
    if places.claims:
        yield from _query_sections(page.sections, (), places)


def _query_sections(
    sections: tuple[Section, ...], above: tuple[Section, ...], places: EndpointPlaces
) -> Iterator[tuple[Section, tuple[EndpointClaim, ...]]]:
    for section in sections:
        if section.level == 2 and not places.within(section):
            continue
        chain = (*above, section)
        endpoints = _query_endpoints(places, chain)
        if endpoints:
            yield section, endpoints
        yield from _query_sections(section.subsections, chain, places)


def chain_of(page: Page, section: Section) -> tuple[Section, ...]:
    """``section`` and the sections it is in, outermost first."""
    chain = page.section_at(section.heading.span.line)
    return chain if chain and chain[-1] is section else (*chain, section)


def _query_endpoints(places: EndpointPlaces, chain: tuple[Section, ...]) -> tuple[EndpointClaim, ...]:
    if any(_NOT_QUERY_TITLE.search(s.title) for s in chain):
        return ()
    return tuple(claim for claim in places.around(chain) if _reads_with_get(claim))


def _reads_with_get(claim: EndpointClaim) -> bool:
    return any(method.text.upper() in ("GET", "HEAD") for method in claim.methods)
