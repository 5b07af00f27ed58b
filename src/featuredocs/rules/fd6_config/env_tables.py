"""Variables documented in tables and lists under a heading about the environment.

A table needs a Variable/Name column; a Required and a Default column, when it has them,
say whether each variable is required and what it defaults to (a list default may be
written as one inline code per item, `` `eu`, `us` ``). A list item starts with
the variable's inline code and may say ``(required)``, ``default: `30` `` or, for a number
or a boolean, ``(optional, default: 30)``. A Setting column names Django settings, never
variables.

A heading that names variables without saying whose (``### Optional variables``) is read
as one about the environment; under one about configuration only (``## Configuration``),
a table is read when it has a Variable column. Neither heading says the names are not a
template's placeholders, so there a table is read only when each name is ``UPPER_CASE``,
it has no Setting column, and the paragraph before it is not about a template. The same
holds for a table with a Variable column under any other heading (``## Settings``), except
one about a template; there its names are called variables only when it has a Required
column or its title says whose (*Environment variable*). A settings table's *Env var*
column names the variable behind each setting, wherever the table is.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from enum import IntEnum

from featuredocs.model import Block, BlockKind, ListItem, Page, Section, Span, TableRow
from featuredocs.rules.base import per_page
from featuredocs.rules.fd6_config.env_claim import (
    ENV_NAME,
    EnvVarClaim,
    about_environment,
    names_configuration,
    required_word,
    under_configuration,
    variables_titled,
    with_listed_items,
)
from featuredocs.rules.fd6_config.values import is_placeholder
from featuredocs.rules.fd8_code.source import find_on_lines, inline_code_span
from featuredocs.rules.table_cells import cell_value

_REQUIRED_CELL = {"yes": True, "y": True, "required": True, "true": True, "✅": True, "✓": True,
                  "no": False, "n": False, "optional": False, "false": False, "❌": False, "✗": False}
_PLACEHOLDERS = re.compile(r"\b(?:templates?|placeholders?|context|substitut\w*)\b", re.IGNORECASE)
#: A column of a settings table naming the variable behind each setting.
_ENV_COLUMN = re.compile(r"env(?:ironment)?(?:\s+var(?:iable)?s?)?|variables?")
_EMPTY_CELL = frozenset({"", "-", "—", "–", "none", "n/a", "(none)", "required"})
#: ``default: `30` ``, or a bare number or boolean (``(optional, default: 30)``, ``defaults
#: to **False**``): bare words are left alone, ``defaults to the host name`` is no value.
_ITEM_DEFAULT = re.compile(
    r"default(?:s to|:|\s+is)?\s*(?:`(?P<value>[^`]*)`"
    r"|[*_]*(?P<plain>-?\d+(?:\.\d+)?|true|false|yes|no|on|off)(?![\w.`]))",
    re.IGNORECASE,
)


class _Where(IntEnum):
    """How surely a section's tables and lists name environment variables."""

    CONFIGURATION = 1  # `## Configuration`: only a table with a Variable column
    VARIABLES = 2  # `### Optional variables`: a Name column and lists too
    ENVIRONMENT = 3  # `### Environment Variables`


def _env_blocks(page: Page, kind: BlockKind, least: _Where) -> Iterator[tuple[Block, _Where, Block | None]]:
    """Blocks of ``kind`` in sections at least as sure as ``least``, with the block before each."""
    for section, where in _env_sections(page):
        if where < least:
            continue
        previous = None
        for block in section.blocks:
            if block.kind == kind:
                yield block, where, previous
            previous = block


@per_page
def _env_sections(page: Page) -> tuple[tuple[Section, _Where], ...]:
    """Sections under a heading about the environment, variables or configuration, in page order."""
    found: list[tuple[Section, _Where]] = []
    _collect_env_sections(page.sections, False, (), False, found)
    return tuple(found)


def _collect_env_sections(
    sections: tuple[Section, ...], under: bool, titles: tuple[str, ...], named_above: bool,
    found: list[tuple[Section, _Where]],
) -> None:
    # Whether a section is about the environment passes down the tree: below such a
    # heading nothing else is asked, and no chain of titles is kept. ``named_above``: a
    # title above names configuration or variables; a chain without one is about
    # neither, and is not asked.
    for section in sections:
        title = section.heading.plain
        about = under or about_environment(title)
        chain = (*titles, title) if not about else ()
        named = not about and (named_above or names_configuration(title))
        if section.blocks:
            if about:
                found.append((section, _Where.ENVIRONMENT))
            elif named and variables_titled(chain):
                found.append((section, _Where.VARIABLES))
            elif named and under_configuration(chain):
                found.append((section, _Where.CONFIGURATION))
        if section.subsections:
            _collect_env_sections(section.subsections, about, chain, named, found)


def table_vars(page: Page) -> Iterator[EnvVarClaim]:
    if "|" not in page.text:
        return  # no table: the sections are not walked for one
    for block, where, previous in _env_blocks(page, BlockKind.TABLE, _Where.CONFIGURATION):
        yield from _table_vars(page, block, where, previous)
    for block, previous in _elsewhere(page):
        yield from _table_vars(page, block, None, previous)


def _table_vars(page: Page, block: Block, where: _Where | None, previous: Block | None) -> Iterator[EnvVarClaim]:
    """The variables of a table; ``where`` is None for one under no heading about the
    environment, variables or configuration, read only for its Variable column."""
    header = next((row for row in block.rows if row.header), None)
    if header is None:
        return
    titles = [cell.strip("*_ `").casefold() for cell in header.cells]
    if where is not _Where.ENVIRONMENT and any("setting" in title for title in titles):
        # elsewhere a settings table's Default is the setting's, not its variable's
        yield from _behind_settings(page, block, titles)
        return
    # a Setting column lists Django settings, whatever the other columns say
    names = [title if "setting" not in title else "" for title in titles]
    sure = where is not None and where > _Where.CONFIGURATION
    name_at = _column(names, ("variable", "name", "env") if sure else ("variable",))
    if name_at is None:
        return
    if where != _Where.ENVIRONMENT and not _variables_table(block, titles, name_at, previous):
        return
    required_at = _column(titles, ("required",))
    default_at = _column(titles, ("default", "fallback"))
    # Elsewhere (``## Settings``) a Variable column may list settings by another name;
    # a Required column, or a title saying whose variables, says they are the environment's.
    called = where is not None or required_at is not None or "env" in titles[name_at]
    for row in block.rows:
        if not row.header:
            claim = _row_var(page, row, name_at, required_at, default_at, called)
            if claim is not None:
                yield claim


def _behind_settings(page: Page, block: Block, titles: list[str]) -> Iterator[EnvVarClaim]:
    """The variables an *Env var* column of a settings table names, one per setting.

    Only the names: the row's Default is the setting's (FD607's to judge), and the
    variable's own default may differ from it (``int(os.getenv("X", "2")) * 60``).
    """
    name_at = next((i for i, title in enumerate(titles) if _ENV_COLUMN.fullmatch(title)), None)
    if name_at is None:
        return
    cells = [cell_value(page, row, name_at) for row in block.rows if not row.header]
    named = [cell for cell in cells if cell is not None and cell[0].strip().casefold() not in _EMPTY_CELL]
    if named and all(ENV_NAME.fullmatch(name) for name, _ in named):
        yield from (EnvVarClaim(name, span) for name, span in named)


def _elsewhere(page: Page) -> Iterator[tuple[Block, Block | None]]:
    """Tables with a Variable column outside the sections about the environment,
    variables or configuration, but not under a heading about a template's placeholders."""
    placed = {id(section) for section, _ in _env_sections(page)}
    yield from _tables(page.preamble)
    yield from _unplaced_tables(page.sections, placed)


def _unplaced_tables(sections: tuple[Section, ...], placed: set[int]) -> Iterator[tuple[Block, Block | None]]:
    for section in sections:
        if _PLACEHOLDERS.search(section.heading.plain):
            continue
        if id(section) not in placed:
            yield from _tables(section.blocks)
        yield from _unplaced_tables(section.subsections, placed)


def _tables(blocks: tuple[Block, ...]) -> Iterator[tuple[Block, Block | None]]:
    previous = None
    for block in blocks:
        if block.kind == BlockKind.TABLE and _variable_column(block):
            yield block, previous
        previous = block


def _variable_column(block: Block) -> bool:
    header = next((row for row in block.rows if row.header), None)
    if header is None:
        return False
    titles = [cell.strip("*_ `").casefold() for cell in header.cells]
    return any("variable" in title or _ENV_COLUMN.fullmatch(title) for title in titles)


def _variables_table(block: Block, titles: list[str], name_at: int, previous: Block | None) -> bool:
    """Whether a table no heading calls the environment's lists variables, not a
    template's placeholders (``{{ order.number }}``, a paragraph about the template
    before it) or settings beside them."""
    if any("setting" in title for title in titles):
        return False
    if previous is not None and previous.kind == BlockKind.PARAGRAPH and _PLACEHOLDERS.search(previous.plain):
        return False
    cells = [row.cells[name_at].strip("*_ `") for row in block.rows if not row.header and name_at < len(row.cells)]
    return all(ENV_NAME.fullmatch(cell) for cell in cells if cell)


def _column(titles: list[str], words: tuple[str, ...]) -> int | None:
    for index, title in enumerate(titles):
        if any(word in title for word in words):
            return index
    return None


def _row_var(
    page: Page, row: TableRow, name_at: int, required_at: int | None, default_at: int | None, called: bool
) -> EnvVarClaim | None:
    named = cell_value(page, row, name_at)
    if named is None or not ENV_NAME.fullmatch(named[0]):
        return None
    required = None
    if required_at is not None and required_at < len(row.cells):
        required = _REQUIRED_CELL.get(row.cells[required_at].strip("*_ `").casefold())
    value = value_span = None
    if default_at is not None:
        default = cell_value(page, row, default_at, inner=True)
        if default is not None and default[0].casefold() not in _EMPTY_CELL and not is_placeholder(default[0]):
            value, value_span = with_listed_items(page.line_text(default[1].line), *default)
    return EnvVarClaim(named[0], named[1], required, value, value_span, value is not None, called=called)


def list_vars(page: Page) -> Iterator[EnvVarClaim]:
    for block, _, _ in _env_blocks(page, BlockKind.LIST, _Where.VARIABLES):
        for item in _items(block.items):
            claim = _item_var(page, item)
            if claim is not None:
                yield claim


def _items(items: tuple[ListItem, ...]) -> Iterator[ListItem]:
    for item in items:
        yield item
        yield from _items(item.children)


def _item_var(page: Page, item: ListItem) -> EnvVarClaim | None:
    """``- `NAME` (required): text`` or ``- `NAME`: text (default: `30`)``."""
    if not item.codes or not item.source.lstrip("*_ ").startswith("`"):
        return None
    code = item.codes[0]
    if not ENV_NAME.fullmatch(code.text):
        return None
    words = item.source[item.source.find(code.text) + len(code.text) :]
    required = required_word(words.lstrip(" `*_:—-"))
    value = value_span = None
    default = _ITEM_DEFAULT.search(item.source)
    if default and default["plain"]:
        phrase = find_on_lines(page, default[0], item.span.line, item.span.end_line, item.span.column)
        if phrase is not None:  # a phrase broken over two lines is left alone
            column = phrase.column + default.start("plain") - default.start()
            value, value_span = default["plain"], Span(phrase.line, column, phrase.line, column + len(default["plain"]))
    elif default and not is_placeholder(default.group("value")):
        value_code = next((c for c in item.codes[1:] if c.text == default.group("value")), None)
        if value_code is not None:
            inner = inline_code_span(page, value_code.span)
            value, value_span = with_listed_items(page.line_text(inner.line), value_code.text, inner)
    return EnvVarClaim(code.text, code.span, required, value, value_span, value is not None)
