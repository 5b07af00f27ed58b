"""Django settings a page lists in a table: ``| Setting | Default | Description |``.

A column titled *Setting* (*Settings*, *Setting name*, *Name of setting*) names settings
wherever the table is; a *Name* column does under a heading or a bold label about settings
(``### Settings``, ``**Django settings:**``), unless a heading also speaks of the
environment or variables: there the names are variables. Each ``UPPER_CASE`` name in the
column is claimed, as inline code or plain text, and so is the setting a key path starts
from (``ORDER_EXPIRY["window_hours"]``, ``ORDER_EXPIRY.window_hours``); the keys of a
subscript are claimed with the rest of the page's inline code
(:mod:`featuredocs.rules.fd6_config.settings_claims`).

A table documents settings a feature uses, a library's as well as the project's, so its
claims are ``inline``: judged as cautiously as a setting a sentence names. A *Default*
column gives the value of the setting, or of the key its cell names, when no environment
variable changes it (a :class:`SettingValueClaim`).
"""

from __future__ import annotations

import re
from functools import lru_cache
from collections.abc import Iterator

from featuredocs.model import Block, BlockKind, Page, Section, TableRow
from featuredocs.rules.fd6_config.env_claim import about_environment
from featuredocs.rules.fd6_config.env_claim import with_listed_items
from featuredocs.rules.fd6_config.settings_claims import SettingClaim, SettingValueClaim
from featuredocs.rules.fd6_config.values import is_placeholder
from featuredocs.rules.fd8_code.source import find_on_lines, inline_part_span
from featuredocs.rules.table_cells import cell_codes, cell_value

_SETTING_COLUMN = re.compile(
    r"^(?:django\s+)?settings?(?:\s+name)?(?:\s*(?:/|,|and|or)\s*keys?|\s*\(\s*keys?\s*\))?$"
    r"|^name\s+of\s+(?:the\s+)?setting$"
)
_NAME_COLUMN = re.compile(r"^(?:setting\s+)?names?$")
_ABOUT_SETTINGS = re.compile(r"\bsettings\b", re.IGNORECASE)  # not "Setting up"
_ABOUT_VARIABLES = re.compile(r"\bvariables?\b", re.IGNORECASE)
#: The setting a cell names: alone, read (``settings.NAME``) or followed by a key path.
_NAMED = re.compile(r"(?:(?:django\.conf\.)?settings\.)?(?P<name>[A-Z][A-Z0-9_]*)(?=$|\[|\.[a-z_])")
#: The key path after the name: ``["notify"]["channel"]`` or ``.notify.channel``.
_PATH = re.compile(r"(?:\[(?P<quote>[\"'])(?P<key>[^\"'\[\]]+)(?P=quote)\]|\.(?P<attr>[a-z_]\w*))")
_DEFAULT_COLUMN = re.compile(r"^(?:default|fallback)(?:\s+value)?$")
#: A Default cell that gives no value.
_NO_VALUE = frozenset({"", "-", "—", "–", "none", "n/a", "(none)", "required", "unset", "not set"})


Claim = SettingClaim | SettingValueClaim


def table_settings(page: Page) -> Iterator[Claim]:
    """The settings the page's tables name, each followed by the default its row gives."""
    if "|" not in page.text:
        return
    for block in page.preamble:
        if block.kind == BlockKind.TABLE:
            yield from _table(page, block, False)
    yield from _sections(page, page.sections, ())


def _sections(page: Page, sections: tuple[Section, ...], above: tuple[str, ...]) -> Iterator[Claim]:
    for section in sections:
        titles = (*above, section.title)
        headed = _settings_titles(titles)
        previous: Block | None = None
        for block in section.blocks:
            if block.kind == BlockKind.TABLE:
                yield from _table(page, block, headed or _settings_label(section, previous))
            previous = block
        yield from _sections(page, section.subsections, titles)


@lru_cache(maxsize=4096)  # pages repeat the template's chains of headings
def _settings_titles(titles: tuple[str, ...]) -> bool:
    if any(about_environment(t) or _ABOUT_VARIABLES.search(t) for t in titles):
        return False
    return any(_ABOUT_SETTINGS.search(t) for t in titles)


def _settings_label(section: Section, previous: Block | None) -> bool:
    """Whether the paragraph right before a table is a bold label about settings."""
    if previous is None or previous.kind != BlockKind.PARAGRAPH:
        return False
    return any(
        previous.span.line <= labelled.span.line <= previous.span.end_line
        and _ABOUT_SETTINGS.search(labelled.label)
        and not _ABOUT_VARIABLES.search(labelled.label)
        for labelled in section.labelled
    )


def _table(page: Page, block: Block, about_settings: bool) -> Iterator[Claim]:
    header = next((row for row in block.rows if row.header), None)
    if header is None:
        return
    titles = [" ".join(cell.strip("*_ `:").casefold().split()) for cell in header.cells]
    column = next((i for i, t in enumerate(titles) if _SETTING_COLUMN.match(t)), None)
    if column is None and about_settings:
        column = next((i for i, t in enumerate(titles) if _NAME_COLUMN.match(t)), None)
    if column is None:
        return
    default_at = next((i for i, t in enumerate(titles) if _DEFAULT_COLUMN.match(t)), None)
    for row in block.rows:
        if not row.header and column < len(row.cells) and column < len(row.spans):
            named = list(_cell_settings(page, row, column))
            yield from named
            if len(named) == 1 and default_at is not None:
                yield from _row_default(page, row, named[0], column, default_at)


def _row_default(
    page: Page, row: TableRow, named: SettingClaim, column: int, default_at: int
) -> Iterator[SettingValueClaim]:
    """The default a row gives the one setting (or key) its Setting cell names."""
    codes = cell_codes(row, column)
    written = (codes[0].text if codes else row.cells[column]).strip()
    found = _NAMED.match(written)
    path = _key_path(written[found.end("name") :]) if found is not None else None
    if path is None:
        return
    default = cell_value(page, row, default_at, inner=True)
    if default is None or default[0].strip().casefold() in _NO_VALUE or is_placeholder(default[0]):
        return
    value, value_span = with_listed_items(page.line_text(default[1].line), *default)
    yield SettingValueClaim(named.name, path, value, value_span, named.span)


def _key_path(after: str) -> str | None:
    """``["notify"]["channel"]`` → ``notify.channel``; "" for nothing; None for other text."""
    keys, position = [], 0
    after = after.rstrip()
    while position < len(after):
        found = _PATH.match(after, position)
        if found is None:
            return None
        keys.append(found["key"] or found["attr"])
        position = found.end()
    return ".".join(keys)


def _cell_settings(page: Page, row: TableRow, column: int) -> Iterator[SettingClaim]:
    cell, codes = row.spans[column], cell_codes(row, column)
    for code in codes:
        text = code.text.strip()
        named = _NAMED.match(text)
        if named is not None:
            span = inline_part_span(page, code.span, named.start("name"), len(named["name"]))
            if span is not None:
                yield SettingClaim(named["name"], span, assigned=False, inline=True)
    if codes:
        return
    text = page.written(cell).strip()
    named = _NAMED.match(text)
    if named is not None and not re.search(r"[\s`*|]", text):
        span = find_on_lines(page, named["name"], cell.line, cell.line, cell.column)
        if span is not None:
            yield SettingClaim(named["name"], span, assigned=False, inline=True)
