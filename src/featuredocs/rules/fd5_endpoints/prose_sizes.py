"""Page sizes written in sentences: "Pages hold 25 orders; ask for up to 200 with
`page_size`", "Results come 20 per page (at most 100 with `page_size`)", "`page_size`
defaults to 20 and is capped at 100".

A number before *per page* (*a page*, *on each page*) or after *Pages hold* (*contain*,
*have*), or a *page size of* 20, is the size a list answers with when none is asked
for; a cap (*up to*, *at most*, *max*, *capped at*, *no more than*) is the most one may
ask for. What a number counts must be what a list holds: nothing (*20 per page*), a
plain word (*results*, *items*) or a resource the section's endpoints name in their
paths (*orders* for ``/api/v1/orders/``). So "100 requests per minute", "within 24
hours" and "up to 5 retries" are not read, nor is a sentence about another thing with
pages (the admin, a PDF, an app's screen), nor a size someone asks for (*ask for 50 per
page*, ``page_size=50``), which is an example rather than the default: so is a size the
section's example calls ask for (*This returns 50 per page* after ``?page_size=50``).

Which parameter the numbers are of is the rules' to tell from the facts: the page-size
parameter of the paginated GET endpoints of the section around the sentence (see
:mod:`.section_endpoints`), or the one the sentence names in code.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from featuredocs.model import Block, BlockKind, ListItem, Page, Section, Span
from featuredocs.rules.fd5_endpoints.declarations import EndpointClaim
from featuredocs.rules.fd5_endpoints.param_maximum import MAXIMUM, cap_of
from featuredocs.rules.fd5_endpoints.section_endpoints import EndpointPlaces, query_sections
from featuredocs.rules.own_words import OwnWords
from featuredocs.rules.page_text import Joined
from featuredocs.rules.written_defaults import default_in_words

_NUMBER = r"`?(?P<number>\d{1,3}(?:,\d{3})+|\d+)`?(?![\w.,]\d)"
_PAGE = r"(?:per|a|each|every|on\s+(?:a|each|every)|in\s+each)\s+page\b(?!\s*(?:of|views?|loads?|numbers?|renders?)\b|-)"
#: ``20 per page``, ``20 results per page``, ``25 orders on each page``.
_PER_PAGE = re.compile(r"(?<![\w.,`-])" + _NUMBER + r"(?P<counted>(?:\s+[A-Za-z][\w-]*){0,2}?)\s+" + _PAGE, re.I)
#: ``Pages hold 25 orders``, ``each page lists 20``, ``a page size of 20``.
_HOLD = re.compile(
    r"\b(?:pages|(?:each|every)\s+page)\s+(?:holds?|contains?|ha(?:ve|s)|carr(?:y|ies)|includes?|lists?|returns?)\s+"
    r"|\b(?P<cap>max(?:imum)?\s+)?page\s+size\s+(?:is\s+|of\s+|:\s*)",
    re.I,
)
_HOLD_NUMBER = re.compile(_NUMBER)
#: Sentence ends: after ``.``, ``!`` or ``?`` and space, not after an abbreviation.
_END = re.compile(r"(?<![ei]\.[eg]\.)(?<!etc\.)(?<!vs\.)(?<=[.!?])\s+")
_WORDS = re.compile(r"page|default|most|max|up\s+to|capped|no\s+more", re.I)
_DIGIT = re.compile(r"\d")
_READ = (BlockKind.PARAGRAPH, BlockKind.LIST)
#: Things with pages of their own, not the API's.
_ELSEWHERE = re.compile(
    r"\b(?:admin|changelist|pdf|printed|print|e-?mail|csv|spreadsheet|dashboard|screens?|ui|apps?|"
    r"frontend|browser|widget|exports?|reports?)\b",
    re.I,
)
#: A size asked for in an example: ``page_size=50`` (but ``default=20`` writes a default).
_EXAMPLE = re.compile(r"(?P<key>[A-Za-z_]\w*)\s*=\s*\d")
#: A number an example call asks for: ``?page_size=50``, HTTPie's ``page_size==50``,
#: ``params={"page_size": 50}``.
_ASKED = re.compile(
    r"(?:^|[?&\s])[A-Za-z_]\w*==?(\d{1,9})\b|[\"'][\w-]*(?:size|limit|per_page)[\"']\s*:\s*(\d{1,9})\b"
)
#: Words before a number that make it a size asked for, or not an exact one.
_NOT_DEFAULT = re.compile(
    r"\b(?:ask(?:s|ed|ing)?|request(?:s|ing)?|pass(?:es|ing)?|set(?:s|ting)?|send|choose|specify|fetch|want|"
    r"need|over|more\s+than|fewer\s+than|less\s+than|at\s+least|about|around|roughly|approximately|only)\b"
    r"[^;,(]*$|~\s*$",
    re.I,
)
#: Words after a cap's number that keep it about the size asked for.
_AFTER_CAP = re.compile(r"\s*(?:$|[^\w\s]|(?:with|via|using|through|by|and|or|if|when|for)\b)", re.I)
_COUNTED = frozenset({"results", "items", "records", "entries", "rows", "objects", "elements", "resources", "hits"})
_CODE = re.compile(r"`(?P<name>[A-Za-z_]\w*)`")
_SEGMENT_WORD = re.compile(r"[a-z]+")


@dataclass(frozen=True, slots=True)
class WrittenCount:
    value: int
    span: Span


@dataclass(frozen=True, slots=True)
class PageSizeClaim:
    """One sentence's page size. ``default``: the size it says a page holds;
    ``maximum``: the most it says one may ask for; ``per_page``: whether it speaks of
    pages in words (else only a name in code ties a cap to page sizes); ``named``: the
    names it writes in code, each with the default its own words give it, if a number;
    ``endpoints``: the GET endpoints of the section around it. ``sentence`` and
    ``text``: where it is, and the paragraph or list item it is in."""

    sentence: Span
    text: Span
    default: WrittenCount | None
    maximum: WrittenCount | None
    per_page: bool
    named: tuple[tuple[str, WrittenCount | None], ...]
    endpoints: tuple[EndpointClaim, ...]


def page_sizes(page: Page, places: EndpointPlaces, items: frozenset[int] = frozenset()) -> Iterator[PageSizeClaim]:
    """Every sentence of the page's sections that writes a page size or its cap, but
    for the list items starting on the lines of ``items`` (a parameter's own item, read
    as such)."""
    for section, endpoints in query_sections(page, places):
        # every size or cap is a number
        blocks = [
            block for block in section.blocks
            if block.kind in _READ and _DIGIT.search(block.source) and _WORDS.search(block.source)
        ]
        if not blocks:
            continue
        counted = _COUNTED | _path_words(endpoints)
        asked: frozenset[int] | None = None
        for joined in (text for block in blocks for text in _texts(page, block, items)):
            for begin, end in _sentences(joined.text):
                claim = _read(joined, begin, end, counted, endpoints)
                if claim is None:
                    continue
                if claim.default is not None:
                    asked = _asked(page, section) if asked is None else asked
                    if claim.default.value in asked:
                        continue
                yield claim


def _asked(page: Page, section: Section) -> frozenset[int]:
    """The numbers the section's query strings and calls give a parameter (``50`` for
    ``?page=2&page_size=50``): a sentence that says a page holds one describes them."""
    lines = page.lines[section.heading.span.line - 1 : section.end_line]
    return frozenset(int(a or b) for line in lines for a, b in _ASKED.findall(line))


def _path_words(endpoints: tuple[EndpointClaim, ...]) -> frozenset[str]:
    """The resources the endpoints' paths name: ``orders`` and ``lines`` for
    ``/api/v1/orders/{id}/lines/``."""
    return frozenset(
        word
        for claim in endpoints
        for segment in claim.path.text.lower().split("/")
        if not any(mark in segment for mark in "{<:")
        for word in _SEGMENT_WORD.findall(segment)
        if len(word) > 2 and word != "api"
    )


def _texts(page: Page, block: Block, skipped: frozenset[int]) -> Iterator[Joined]:
    """A paragraph's text, or each list item's but those starting on a ``skipped`` line,
    its wrapped lines joined."""
    if block.kind is BlockKind.PARAGRAPH:
        yield _joined(page, block.span)
        return
    items: list[ListItem] = list(block.items)
    while items:
        item = items.pop(0)
        if item.span.line not in skipped:
            yield _joined(page, item.span)
        items[:0] = item.children


def _joined(page: Page, span: Span) -> Joined:
    return Joined.of(span.line, [page.line_text(line) for line in range(span.line, span.end_line + 1)])


def _sentences(text: str) -> Iterator[tuple[int, int]]:
    begin = 0
    for end in _END.finditer(text):
        yield begin, end.start()
        begin = end.end()
    yield begin, len(text)


def _read(
    joined: Joined, begin: int, end: int, counted: frozenset[str], endpoints: tuple[EndpointClaim, ...]
) -> PageSizeClaim | None:
    text = joined.text
    sentence = text[begin:end]
    if not _DIGIT.search(sentence) or not _WORDS.search(sentence):
        return None
    if _ELSEWHERE.search(sentence) or _asks_by_example(sentence):
        return None
    caps = list(_caps(text, begin, end, counted))
    taken = {start for _, start, _ in caps}
    defaults, held_caps = _defaults(text, begin, end, counted, taken)
    named = tuple(_named(joined, begin, end))
    per_page = bool(defaults) or bool(_PER_PAGE.search(text, begin, end)) or bool(_HOLD.search(text, begin, end))
    default, maximum = _one(joined, defaults), _one(joined, caps + held_caps)
    if default is None and maximum is None and not any(value for _, value in named):
        return None
    whole = joined.span(0, len(text))
    return PageSizeClaim(joined.span(begin, end), whole, default, maximum, per_page, named, endpoints)


def _asks_by_example(sentence: str) -> bool:
    return any(found["key"].lower() not in ("default", "max", "maximum") for found in _EXAMPLE.finditer(sentence))


def _caps(text: str, begin: int, end: int, counted: frozenset[str]) -> Iterator[tuple[int, int, int]]:
    """The caps the sentence writes on what a list holds: not on requests or retries,
    nor *Pages hold up to 25*, which may mean the size or the cap."""
    for found in MAXIMUM.finditer(text, begin, end):
        value, start, stop = cap_of(found)
        if re.search(r"\bpages?\s+\w+\s*$", text[begin : found.start()], re.I):
            continue
        if _counts_items(text, stop, end, counted):
            yield value, start, stop


def _counts_items(text: str, stop: int, end: int, counted: frozenset[str]) -> bool:
    """Whether what follows a number keeps it a count of what a list holds: nothing, a
    joining word, *per page*, or a word for the items (maybe after one adjective)."""
    rest = text[stop:end]
    if _AFTER_CAP.match(rest) or re.match(r"\s+" + _PAGE, rest, re.I):
        return True
    words = re.match(r"\s+([A-Za-z][\w-]*)(?:\s+([A-Za-z][\w-]*))?", rest)
    if words is None:
        return False
    first, second = (word.lower() if word else None for word in words.groups())
    after = rest[words.end(1) :]
    if first in counted:
        return not re.match(r"\s+per\s+(?!page)", after, re.I)
    return second in counted


def _defaults(
    text: str, begin: int, end: int, counted: frozenset[str], taken: set[int]
) -> tuple[list[tuple[int, int, int]], list[tuple[int, int, int]]]:
    """The page sizes the sentence writes (numbers a cap writes left out), and the caps
    it writes as a *maximum page size of*."""
    defaults: list[tuple[int, int, int]] = []
    caps: list[tuple[int, int, int]] = []
    for found in _PER_PAGE.finditer(text, begin, end):
        words = found["counted"].split()
        start = found.start("number")
        if start in taken or (words and words[-1].lower() not in counted):
            continue
        if not _NOT_DEFAULT.search(_clause_before(text, begin, start)):
            defaults.append((_value(found["number"]), start, found.end("number")))
    for found in _HOLD.finditer(text, begin, end):
        number = _HOLD_NUMBER.match(text, found.end(), end)
        if number is None or not _counts_items(text, number.end("number"), end, counted):
            continue
        written = (_value(number["number"]), number.start("number"), number.end("number"))
        (caps if found["cap"] else defaults).append(written)
    return defaults, caps


def _clause_before(text: str, begin: int, start: int) -> str:
    before = text[begin:start]
    return before[max(before.rfind(mark) for mark in ";,(") + 1 :]


def _named(joined: Joined, begin: int, end: int) -> Iterator[tuple[str, WrittenCount | None]]:
    """The names in code, with the default their own words give (up to the next name)."""
    codes = list(_CODE.finditer(joined.text, begin, end))
    for index, code in enumerate(codes):
        stop = codes[index + 1].start() if index + 1 < len(codes) else end
        found = default_in_words(OwnWords(joined, code.end(), stop))
        value = _value(found.text) if found is not None and _is_count(found.text) else None
        yield code["name"], WrittenCount(value, found.span) if found is not None and value is not None else None


def _one(joined: Joined, found: list[tuple[int, int, int]]) -> WrittenCount | None:
    """The one number written, None when none or several differing ones are."""
    if len({value for value, _, _ in found}) != 1:
        return None
    value, start, stop = found[0]
    return WrittenCount(value, joined.span(start, stop))


def _is_count(text: str) -> bool:
    return re.fullmatch(r"\d{1,3}(?:,\d{3})+|\d+", text) is not None


def _value(text: str) -> int:
    return int(text.replace(",", ""))
