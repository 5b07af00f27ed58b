"""Spans, source slices and label values the parser leaves to be worked out on first read
are what reading them straight away gives, in any order, and survive pickling."""

from __future__ import annotations

import dataclasses
import json
import pickle
from collections.abc import Iterator
from pathlib import Path

import pytest

from featuredocs.markdown import parse_page
from featuredocs.model import Block, InlineCode, LabelledBlock, ListItem, Page, Span

_FIXTURES = Path(__file__).parent / "data" / "github-slugger-fixtures.json"

_SAMPLE = """\
# Orders — überblick

> Tagline with `code` and [a link](../x.md).

Intro paragraph
on two lines with **bold** text.

## Fields ✓

**Fields:**

- `id` — the primary key
- `naïve_total`: a *decimal*
  - nested ünïcode item
    continued here
- [Capability 1]: Description

**TTL**: 15 minutes
**Cache key:** `orders:{id}`

```python
Order.objects.filter(total__gt=10)
```

| Name | Type |
|------|------|
| `id` | int  |

---

[x]: ../x.md
"""


def _pages() -> list[Page]:
    headings = [case["input"] for case in json.loads(_FIXTURES.read_text(encoding="utf-8"))]
    with_headings = "\n\n".join(f"## {text}\n\n- {text}\n\n**{text or 'x'}:** {text}\n" for text in headings)
    crlf = _SAMPLE.replace("\n", "\r\n")
    return [
        parse_page(text, path=Path("/docs/p.md"), rel="p.md")
        for text in (_SAMPLE, crlf, with_headings, "\ufeff" + _SAMPLE)
    ]


def _filled(page: Page) -> Iterator[Block | ListItem | LabelledBlock | InlineCode]:
    def items(found: tuple[ListItem, ...]) -> Iterator[ListItem]:
        for item in found:
            yield item
            yield from items(item.children)

    blocks = [*page.preamble, *([page.tagline] if page.tagline else [])]
    for section in page.walk():
        blocks.extend(section.blocks)
        yield from section.labelled
    for block in blocks:
        yield block
        yield from items(block.items)
    yield from page.codes


def _at(page: Page, span: Span) -> str:
    """The page text a span covers, read through its lines and columns."""
    lines = page.lines
    if span.line == span.end_line:
        return lines[span.line - 1][span.column - 1 : span.end_column - 1]
    parts = [lines[span.line - 1][span.column - 1 :], *lines[span.line : span.end_line - 1]]
    return "\n".join([*parts, lines[span.end_line - 1][: span.end_column - 1]])


@pytest.mark.parametrize("index", range(4))
def test_filled_spans_cover_the_source_they_go_with(index: int) -> None:
    page = _pages()[index]
    elements = list(_filled(page))
    assert any(isinstance(e, LabelledBlock) for e in elements) and any(isinstance(e, ListItem) for e in elements)
    for element in elements:
        if isinstance(element, LabelledBlock):
            if element.value_span is not None:
                assert _at(page, element.value_span) == element.value
            label = _at(page, element.span)
            assert label.startswith(("**", "__")) and label.rstrip("*_").endswith(":")
        elif isinstance(element, InlineCode):
            written = _at(page, element.span)
            assert written.startswith("`") and " ".join(written.strip("`").split()) == " ".join(element.text.split())
        elif not (isinstance(element, Block) and element.kind == "code"):
            assert _at(page, element.span).replace("\r", "") == element.source.replace("\r", "")


@pytest.mark.parametrize("index", range(4))
def test_reading_order_and_pickling_give_the_same_elements(index: int) -> None:
    read_first = list(_filled(_pages()[index]))
    for element in read_first:
        repr(element)  # every field read, spans first
    page = _pages()[index]
    copies = pickle.loads(pickle.dumps(list(_filled(page))))  # pickling reads every field
    assert copies == read_first and list(_filled(page)) == read_first
    assert all(copy._lazy is None for copy in copies)  # nothing of the parse travels with a pickle
    for before, after in zip(read_first, _filled(_pages()[index])):
        assert dataclasses.replace(after) == before and hash(after) == hash(before)


def test_filled_fields_stay_frozen() -> None:
    block = next(e for e in _filled(_pages()[0]) if isinstance(e, Block))
    with pytest.raises(dataclasses.FrozenInstanceError):
        block.span = Span.at(1)  # type: ignore[misc]
    with pytest.raises(AttributeError):
        block.missing  # type: ignore[attr-defined]  # noqa: B018
