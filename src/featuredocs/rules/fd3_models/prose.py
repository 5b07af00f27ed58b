"""Field and index names a model's sentences call so.

"The `paid_at` field", "field `paid_at`", "the index `orders_paid_idx`", and a list of
names the word is said of: "the fields `a`, `b` and `c`", "`a`, `b` and `c` fields". Only
paragraphs are read: lists and tables have shapes of their own.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from functools import lru_cache

from featuredocs.model import BlockKind, InlineCode, Page, Section, Span

FIELD_WORDS = r"(?:field|column)s?"
INDEX_WORDS = r"(?:index|indexes|indices|constraints?)"
#: What a sentence says before an index's name besides calling it one: "Indexed on
#: (`status`, `created_at`) as `orders_status_idx`".
INDEXED_AS = r"\bindexed\b[^.]*?\bas"

_SNAKE_NAME = re.compile(r"[a-z_][a-z0-9_]*")
#: What joins the names of a list in a sentence: ", ", " and ", ", and ", " or ".
_LIST_JOIN = re.compile(r"\s*(?:,\s*(?:and\s+|or\s+)?|\s(?:and|or)\s+)")


@lru_cache(maxsize=8)
def _calling(words: str, before_also: str | None) -> tuple[re.Pattern[str], re.Pattern[str]]:
    before = rf"\b{words}(?:\s*:)?" if before_also is None else rf"(?:\b{words}(?:\s*:)?|{before_also})"
    return re.compile(rf"^\s+{words}\b", re.I), re.compile(rf"{before}\s+$", re.I)


def called_names(
    page: Page, parts: list[Section], words: str, before_also: str | None = None
) -> Iterator[tuple[str, Span]]:
    """Inline code in the paragraphs of ``parts`` that a sentence calls one of ``words``
    (or, before the name, what ``before_also`` matches)."""
    for part in parts:
        for block in part.blocks:
            if block.kind is BlockKind.PARAGRAPH:
                yield from _called(page, block.codes, words, before_also)


def _called(
    page: Page, codes: Sequence[InlineCode], words: str, before_also: str | None
) -> Iterator[tuple[str, Span]]:
    after_name, before_name = _calling(words, before_also)
    run: list[InlineCode] = []  # names joined as one list so far, on one line
    said = False  # whether the word was said before the run's first name
    for code in codes:
        span = code.span
        if not _SNAKE_NAME.fullmatch(code.text) or span.line != span.end_line:
            run, said = [], False
            continue
        line = page.line_text(span.line)
        if run and not (
            run[-1].span.line == span.line
            and _LIST_JOIN.fullmatch(line[run[-1].span.end_column - 1 : span.column - 1])
        ):
            run, said = [], False
        run.append(code)
        if said or before_name.search(line[: span.column - 1]):
            said = True
            yield code.text, span
        elif after_name.match(line[span.end_column - 1 :]):
            # the word after a list is said of every name in it; the list ends there
            yield from ((each.text, each.span) for each in run)
            run = []
