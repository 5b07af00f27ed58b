"""Response bodies a page documents for an endpoint.

The JSON under **Response:** or **Returns:**, a plain ``Example response:`` line, a *Response*
sub-heading, or alone under the heading of an endpoint read with GET only, read for its keys. Error
responses are left out: ``**Response (404):**``, an ``http`` block with an error status
line, and a body the sentence before it introduces with an error status
(``When the SKU is unknown the endpoint answers 404:``).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import cached_property, lru_cache

from featuredocs.model import Block, BlockKind, CodeBlock, Page, Section, Span
from featuredocs.rules.fd5_endpoints.declarations import ClaimKind, EndpointClaim
from featuredocs.rules.fd5_endpoints.json_shape import JsonKey, JsonValue, read_json
from featuredocs.rules.fd5_endpoints.places import code_line_span

_RESPONSE_LABEL = re.compile(
    r"(?:(?:example\s+|sample\s+|successful\s+|success\s+)?response(?:\s+body)?|returns)"
    r"(?:\s*\([^)]*\))?(?:\s+\d{3}(?:\s+\w+)*)?",
    re.I,
)
#: A sentence that introduces the answer in a few words: ``The profile response``, ``Each
#: result looks like``, ``A typical answer``.
_LEAD_IN = re.compile(
    r"(?:the|a|an|each|every|one|typical)\b(?:\s+[\w-]+){0,3}?\s+(?:response|answer|result)s?"
    r"(?:\s+(?:body|looks?\s+like|is))?",
    re.I,
)
_STATUS = re.compile(r"\b(\d{3})\b")
_ERROR_WORDS = re.compile(r"error|fail|invalid|not found|conflict|denied|unauthori[sz]ed", re.I)
_JSON_LANGUAGES = frozenset({"json", "jsonc", "json5"})
_HTTP_STATUS = re.compile(r"\s*HTTP/\d(?:\.\d)?\s+(\d{3})\b")
# ``answers 404``, ``returns a `400` ``, ``responds with HTTP 404``, ``404 Not Found``.
_ERROR_STATUS = re.compile(
    r"\b(?:answer|return|respond|reply|fail|status|code|http)(?:s|ed)?\s+"
    r"(?:(?:an?|the|with|status|code|http)\s+)*[`*]*[45]\d\d\b"
    r"|\b[45]\d\d[`*]*\s+(?:bad|not|unauthori[sz]ed|forbidden|conflict|gone|internal|unprocessable|too)\b",
    re.I,
)
_SUCCESS_STATUS = re.compile(r"\b2\d\d\b")


@dataclass(frozen=True)
class ResponseClaim:
    """A documented response body; ``spans`` places each of its keys in the page.

    The body sits in ``code`` from its line ``first`` on; keys are placed only when a
    rule asks, since most bodies are right and their keys never need a span.
    """

    endpoint: EndpointClaim
    body: JsonValue
    page: Page = field(repr=False, compare=False)
    code: CodeBlock = field(repr=False, compare=False)
    first: int = field(repr=False, compare=False)

    @cached_property
    def spans(self) -> tuple[tuple[JsonKey, Span], ...]:
        page, code, lines = self.page, self.code, self.code.text.splitlines()
        return tuple(
            (key, code_line_span(page, code, self.first + key.line, key.column, key.length, lines))
            for key in self.body.walk_keys()
        )

    def span_of(self, key: JsonKey) -> Span:
        for candidate, span in self.spans:
            if candidate is key:
                return span
        raise KeyError(key.name)


@lru_cache(maxsize=4096)  # pages repeat the same few labels and titles
def is_success_label(label: str) -> bool:
    """``Response``, ``Response (201 Created)``; not ``Response (404)`` or ``Error response``."""
    label = label.strip()
    if not (_RESPONSE_LABEL.fullmatch(label) or _LEAD_IN.fullmatch(label)) or _ERROR_WORDS.search(label):
        return False
    return all(code.startswith("2") for code in _STATUS.findall(label))


def _body(code: CodeBlock | None) -> tuple[str, int] | None:
    """The JSON text of a response block and the index of its first line in the block.

    A ``json`` block is all body; an ``http`` block is a status line, headers, a blank
    line and the body — read only when the status is a success.
    """
    if code is None:
        return None
    if code.language in _JSON_LANGUAGES:
        return code.text, 0
    if not code.language and code.text.lstrip()[:1] in ("{", "["):
        return code.text, 0
    if code.language != "http":
        return None
    lines = code.text.splitlines()
    status = _HTTP_STATUS.match(lines[0]) if lines else None
    if status is None or not status.group(1).startswith("2") or "" not in lines:
        return None
    start = lines.index("") + 1
    return "\n".join(lines[start:]), start


def _response(page: Page, code: CodeBlock, endpoint: EndpointClaim) -> ResponseClaim | None:
    found = _body(code)
    body = read_json(found[0]) if found is not None else None
    if found is None or body is None:
        return None
    return ResponseClaim(endpoint, body, page, code, found[1])


def section_responses(
    page: Page, section: Section, endpoint: EndpointClaim
) -> Iterator[ResponseClaim]:
    # A label's code block follows the paragraph it sits in: blocks are found by place,
    # without reading the span of every block before them.
    blocks = section.blocks
    codes = [
        lb.code for lb in section.labelled
        if lb.code is not None and is_success_label(lb.label)
        and not _introduced_as_error(blocks, _index_of_code(blocks, lb.code) - 1)
    ]
    codes += list(_plain_labelled(section, codes))
    if section.level >= 3 and is_success_label(section.title):
        codes += [b.code for b in blocks]
    if not codes:
        codes += _unlabelled_get_body(section, endpoint)
    for code in codes:
        claim = _response(page, code, endpoint) if code is not None else None
        if claim is not None:
            yield claim


def _unlabelled_get_body(section: Section, endpoint: EndpointClaim) -> list[CodeBlock]:
    """The one JSON block, with no label, right under the heading of an endpoint read with
    GET only: a GET sends no body, so the JSON its section shows is what it answers. Not
    a block a label or sentence introduces as something else (``Filters:``, ``answers
    404:``), and none when the section shows several."""
    if endpoint.kind is not ClaimKind.HEADING or endpoint.line != section.heading.span.line:
        return []
    if [method.text.upper() for method in endpoint.methods] != ["GET"]:
        return []
    labelled = {id(lb.code) for lb in section.labelled if lb.code is not None}
    blocks = section.blocks
    found = [
        block.code for index, block in enumerate(blocks)
        if block.code is not None and id(block.code) not in labelled
        and _body(block.code) is not None
        and not introduced_otherwise(blocks, index)
    ]
    return found if len(found) == 1 else []


def introduced_otherwise(blocks: tuple[Block, ...], at: int) -> bool:
    """Whether the paragraph right before ``blocks[at]`` labels it as something other
    than the answer (``Filters:``) or introduces an error answer."""
    before = blocks[at - 1] if at > 0 else None
    if before is None or before.kind is not BlockKind.PARAGRAPH:
        return False
    text = before.plain.strip()
    if text.endswith(":") and not is_success_label(text[:-1]) and len(text.split()) <= 4:
        return True
    return _names_error_status(before.plain)


def _index_of_code(blocks: tuple[Block, ...], code: CodeBlock) -> int:
    return next(index for index, block in enumerate(blocks) if block.code is code)


def _plain_labelled(section: Section, found: list[CodeBlock | None]) -> Iterator[CodeBlock]:
    """Code right after a paragraph that is a label and nothing else, not in bold:
    ``Example response:``; not the code of ``found``, already read (each block is
    itself only: no other block of a page has its place)."""
    blocks = section.blocks
    read = {id(code) for code in found}
    for index, (before, block) in enumerate(zip(blocks, blocks[1:], strict=False)):
        if block.code is None or before.kind is not BlockKind.PARAGRAPH or id(block.code) in read:
            continue
        text = before.plain.strip()
        if text.endswith(":") and is_success_label(text[:-1]):
            if not _introduced_as_error(blocks, index):
                yield block.code


def _introduced_as_error(blocks: tuple[Block, ...], at: int) -> bool:
    """Whether the paragraph right before the label's paragraph (``blocks[at]``)
    introduces an error answer: it names an error status (``answers 404:``) and no
    success status."""
    before = blocks[at - 1] if at > 0 else None
    if before is None or before.kind is not BlockKind.PARAGRAPH:
        return False
    return _names_error_status(before.plain)


@lru_cache(maxsize=1024)  # a page repeats its few introducing sentences
def _names_error_status(text: str) -> bool:
    return _ERROR_STATUS.search(text) is not None and _SUCCESS_STATUS.search(text) is None
