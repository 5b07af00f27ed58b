"""Option claims: the flags, positionals and defaults an Options list documents.

An item documents an option only when it *starts* with it::

    - `--batch-size`: Rows per batch (default: 500)
    - `-o`, `--output PATH`: Where to write (default: `exports/`)
    - **`--dry-run`** - Report without deleting
    - `path`: The CSV file to import
    - `--[no-]notify`: Email the customer (``--notify`` and ``--no-notify``)

or, as a definition list, when its term is the option alone::

    `--batch-size N`
    : Rows per batch (default: 500)

An item that merely mentions a flag later in its text is prose, not a claim.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from featuredocs.model import ListItem, Page, Span, TableRow
from featuredocs.rules.enumerations import VALUES_COLUMN, PlacedList, listed_values, nested_values, placed
from featuredocs.rules.fd4_commands.defaults import SCALE_OF
from featuredocs.rules.fd4_commands.negatable import WRITTEN_FLAG
from featuredocs.rules.table_cells import column_titles

_LEAD = re.compile(r"\s*(?:\*\*|__)?\s*")
_CODE = re.compile(r"(`+)\s*(.+?)\s*\1")
_BARE_FLAG = re.compile(WRITTEN_FLAG)
_SEPARATOR = re.compile(r"\s*(?:,|/|\bor\b)\s*|\s+(?=`)")
_PART = re.compile(r"[^\s,/|]+")
_FLAG = re.compile(WRITTEN_FLAG)
_POSITIONAL = re.compile(r"[<\[]?([A-Za-z_][\w.]*)[>\]]?(?:\s*\.\.\.)?")
_DEFAULT = re.compile(
    r"\(\s*defaults?(?:\s*[:=]\s*|\s+(?:is|to)\s+|\s+)"
    r"(?P<paren>`[^`]+`|\*\*[^*]+\*\*|__[^_]+__|[^()`;]+?)\s*(?:;[^()]*)?\)"
    # click and docopt: ``[default: 50]``, ``[default: 50; 1<=x<=100]``
    r"|\[\s*default\s*[:=]\s*(?P<bracket>`[^`]+`|[^\[\];`]+?)\s*(?:;[^\[\]]*)?\]"
    r"|\bdefaults?(?:\s*[:=]\s*|\s+(?:is|to)\s+)"
    r"(?P<free>`[^`]+`|\*\*[^*]+\*\*|'[^']*'|\"[^\"]*\"|[^\s,;)]+)"
    # ``(500 by default)``, ``(`csv` by default)``, ``(24 hours by default)``
    r"|\(\s*(?P<by>`[^`]+`|-?\d[\d_.,]*(?:\s*(?:%|[A-Za-z]+))?)\s+by\s+default\s*\)",
    re.IGNORECASE,
)
_BRACED_CHOICES = re.compile(r"\{([^{}`\s,]+(?:,[^{}`\s,]+)+)\}")
_FREE_LITERAL = re.compile(r"`.+`|'.*'|\".*\"|-?\d[\d_.]*|true|false|none|null", re.IGNORECASE)
_FREE_NUMBER = re.compile(r"-?\d[\d_.]*")
#: A word after a number that makes it a unit: a known one, or any word ending the clause.
_UNIT_AFTER = re.compile(r"\s*(?P<unit>%|[A-Za-z]+)(?P<ends>(?=\s*(?:[.,;:!?)]|$)))?")
#: What makes ``defaults to 24 [hours] …`` something other than one value.
_ALTERNATIVE_AFTER = re.compile(
    r"\s*(?:%|[A-Za-z]+\s+)?"
    r"(?:(?:or|unless|if|when|except|but|to|plus|minus|times)(?:\s|$)|[-–*+x×/]\s*\d)",
    re.IGNORECASE,
)


@dataclass(frozen=True, slots=True)
class Name:
    """An option flag or positional name as written, with its span on the page; a flag
    may stand for two (``--[no-]notify``: see :func:`.negatable.forms`)."""

    text: str
    span: Span


@dataclass(frozen=True, slots=True)
class DefaultClaim:
    """A documented default: ``text`` without backticks, ``span`` covers exactly it."""

    text: str
    span: Span


@dataclass(frozen=True, slots=True)
class OptionClaim:
    """One documented option (``flags``) or positional argument (``positional``)."""

    command: str
    flags: tuple[Name, ...]
    positional: Name | None
    default: DefaultClaim | None
    span: Span
    values: PlacedList | None = None  # the values its description lists


# --- positions -----------------------------------------------------------------------


def locate(page: Page, start: Span, text: str, offset: int) -> tuple[int, int]:
    """Page (line, column) of ``text[offset]`` where ``text`` begins at ``start``."""
    before = text[:offset]
    newlines = before.count("\n")
    if newlines == 0:
        return start.line, start.column + offset
    line = start.line + newlines
    segment = text.split("\n")[newlines]
    on_page = page.line_text(line)
    found = on_page.find(segment.strip()) if segment.strip() else -1
    lead = len(segment) - len(segment.lstrip())
    base = found - lead if found >= 0 else 0
    return line, base + len(before) - before.rfind("\n")


def span_of(page: Page, start: Span, text: str, begin: int, end: int) -> Span:
    line, column = locate(page, start, text, begin)
    end_line, end_column = locate(page, start, text, max(end - 1, begin))
    return Span(line, column, end_line, end_column + 1)


# --- the leading names of an item ----------------------------------------------------


def _names_in_code(inner: str, inner_start: int) -> list[tuple[str, int, bool]]:
    """(name, offset, is_flag) for each part of a code span: `-o, --output PATH`."""
    names: list[tuple[str, int, bool]] = []
    for part in _PART.finditer(inner):
        flag = _FLAG.match(part.group())
        if flag:
            names.append((flag.group(), inner_start + part.start(), True))
        elif not names:
            positional = _POSITIONAL.fullmatch(part.group())
            if positional:
                offset = inner_start + part.start() + positional.start(1)
                names.append((positional.group(1), offset, False))
            return names
    return names


def leading_names(source: str) -> tuple[list[tuple[str, int, bool]], int]:
    """The names an item starts with, and where its description begins."""
    position = _LEAD.match(source).end()  # type: ignore[union-attr]
    names: list[tuple[str, int, bool]] = []
    while position < len(source):
        code = _CODE.match(source, position)
        bare = None if code else _BARE_FLAG.match(source, position)
        if code:
            found = _names_in_code(code.group(2), code.start(2))
            names.extend(found)
            position = code.end()
            if not found or not found[-1][2]:
                break
        elif bare and not names:
            names.append((bare.group(), bare.start(), True))
            position = bare.end()
        else:
            break
        separator = _SEPARATOR.match(source, position)
        if not separator or not _CODE.match(source, separator.end()):
            break
        position = separator.end()
    return names, position


def default_in(page: Page, start: Span, source: str, offset: int) -> DefaultClaim | None:
    """The default written in an item's description, if it names one plainly."""
    for match in _DEFAULT.finditer(source, offset):
        group = next(name for name in ("paren", "bracket", "free", "by") if match.group(name) is not None)
        value = match.group(group)
        begin, end = match.span(group)
        if value[:2] in ("**", "__") and value.endswith(value[:2]) and len(value) > 4:
            value, begin, end = value[2:-2], begin + 2, end - 2  # a bold value: ``**500**``
        if group == "free" and value.endswith(".") and value[:1] not in {"'", '"', "`"}:
            value, end = value[:-1], end - 1  # the sentence's full stop
        if group == "free" and not _FREE_LITERAL.fullmatch(value):
            continue  # "defaults to the current date" is prose
        if group == "free" and _FREE_NUMBER.fullmatch(value):
            rest = source[end:]
            if _ALTERNATIVE_AFTER.match(rest):
                continue  # "defaults to 24 hours or the setting's value", "12 to 24"
            unit = _UNIT_AFTER.match(rest)
            if unit and (unit["ends"] is not None or unit["unit"].casefold() in SCALE_OF):
                end += unit.end("unit")
                value = source[begin:end]
        if value.startswith("`"):
            ticks = len(value) - len(value.lstrip("`"))
            inner = source[begin + ticks : end - ticks]
            value = inner.strip()
            begin = begin + ticks + len(inner) - len(inner.lstrip())
            end = begin + len(value)
        return DefaultClaim(value, span_of(page, start, source, begin, end))
    return None


def option_from_item(page: Page, command: str, item: ListItem) -> OptionClaim | None:
    """The option an item documents, or None when it does not start with one."""
    names, description = leading_names(item.source)
    if not names:
        return None
    claim = _claim(page, command, item.source, item.span, names, description)
    if claim.values is None and item.children:
        return replace(claim, values=nested_values(page, item.span.line))
    return claim


def option_from_definition(page: Page, command: str, first: int, last: int) -> OptionClaim | None:
    """The option a definition list entry on page lines ``first``..``last`` documents: its
    term (the first line) is the option's names alone, the ``: …`` lines describe it::

        `--format FORMAT`
        : File format (default: csv)
    """
    term = page.line_text(first)
    indent = len(term) - len(term.lstrip())
    source = "\n".join([term.lstrip(), *(page.line_text(n) for n in range(first + 1, last + 1))])
    names, description = leading_names(source)
    if not names or source[description:].split("\n", 1)[0].strip(" *_"):
        return None  # a term that says more than an option's names is prose
    span = Span(first, indent + 1, last, len(page.line_text(last)) + 1)
    return _claim(page, command, source, span, names, description)


def _claim(
    page: Page, command: str, source: str, span: Span, names: list[tuple[str, int, bool]], description: int
) -> OptionClaim:
    flags = tuple(
        Name(text, span_of(page, span, source, offset, offset + len(text)))
        for text, offset, is_flag in names
        if is_flag
    )
    positional = None
    if not flags:
        text, offset, _ = names[0]
        positional = Name(text, span_of(page, span, source, offset, offset + len(text)))
    default = default_in(page, span, source, description)
    values = _metavar_choices(page, span, source, description) or values_in(page, span, source, description)
    return OptionClaim(command, flags, positional, default, span, values)


def _metavar_choices(page: Page, start: Span, source: str, description: int) -> PlacedList | None:
    """The choices written the way argparse writes them, in the option's own code:
    ``--format {csv,json}``."""
    found = _BRACED_CHOICES.search(source, 0, description)
    if found is None:
        return None
    values, spans, offset = [], [], found.start(1)
    for part in found.group(1).split(","):
        values.append(part)
        spans.append(span_of(page, start, source, offset, offset + len(part)))
        offset += len(part) + 1
    whole = span_of(page, start, source, found.start(), found.end())
    return PlacedList(tuple(values), tuple(spans), whole, True, frozenset(), braced=True)


def values_in(page: Page, start: Span, source: str, offset: int, titled: bool = False) -> PlacedList | None:
    """The values a description from ``offset`` on lists, placed on the page
    (``titled``: a cell under a Choices column)."""
    if source.count("`", offset) < 4:
        return None  # fewer than two code spans: no list
    listed = listed_values(source, offset, titled)
    if listed is None:
        return None
    return placed(listed, source, offset, lambda begin, end: span_of(page, start, source, begin, end))


# --- tables ----------------------------------------------------------------------------

_OPTION_COLUMN = re.compile(r"option|flag|argument|parameter|name", re.IGNORECASE)
_DEFAULT_COLUMN = re.compile(r"default", re.IGNORECASE)


def option_columns(header: TableRow) -> tuple[int, int | None] | None:
    """(option column, default column) of an options table, None for other tables."""
    if not header.cells or not _OPTION_COLUMN.search(header.cells[0]):
        return None
    defaults = [i for i, cell in enumerate(header.cells) if _DEFAULT_COLUMN.search(cell)]
    return 0, (defaults[0] if defaults else None)


def values_column(header: TableRow) -> int | None:
    """The column of an options table that lists each option's values, if it has one."""
    titles = column_titles(header)
    return next((index for index, title in enumerate(titles) if VALUES_COLUMN.match(title)), None)


def option_from_row(
    page: Page, command: str, row: TableRow, default_column: int | None, choices_column: int | None = None,
) -> OptionClaim | None:
    """The option a table row documents in its first cell: its default in the Default
    column, its values in its own cell (``--format {csv,json}``), the Choices column, else
    listed in any other cell."""
    cell, cell_span = row.cells[0], row.spans[0]
    names, _ = leading_names(cell)
    flags = tuple(
        Name(text, span_of(page, cell_span, cell, offset, offset + len(text)))
        for text, offset, is_flag in names
        if is_flag
    )
    if not names:
        return None
    positional = None
    if not flags:
        text, offset, _ = names[0]
        positional = Name(text, span_of(page, cell_span, cell, offset, offset + len(text)))
    default = None
    if default_column is not None and default_column < len(row.cells):
        default = _default_cell(page, row.cells[default_column], row.spans[default_column])
    columns = [choices_column] if choices_column is not None else range(1, len(row.cells))
    # ``--channel {email,sms}`` in the option's own cell, as argparse writes the choices
    values = _metavar_choices(page, cell_span, cell, len(cell)) or next(
        (found for index in columns if index != default_column and index < len(row.cells)
         and (found := values_in(page, row.spans[index], row.cells[index], 0, index == choices_column)) is not None),
        None,
    )
    return OptionClaim(command, flags, positional, default, cell_span, values)


def _default_cell(page: Page, cell: str, span: Span) -> DefaultClaim | None:
    value = cell.strip()
    if not value or value in {"-", "—", "–"}:
        return None
    begin = cell.find(value)
    ticks = len(value) - len(value.lstrip("`"))
    inner = value.strip("`").strip()
    begin = cell.find(inner, begin + ticks) if ticks else begin
    return DefaultClaim(inner, span_of(page, span, cell, begin, begin + len(inner)))
