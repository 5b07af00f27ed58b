"""The Options (or Arguments) lists of a section: bullet lists, tables and definition lists.

A list follows a label (``**Options:**``, ``**Command Options**:``, ``**Arguments:**``) or a
bold title alone (``**Options**``), or fills a sub-section titled so (``#### Options``), where definitions and bullet items may
stand side by side; a table is an options table wherever it stands, when its first column
names options. Right under the heading that declares the command, a list or definition
list with no label is its options when every entry opens with a flag.

Definition lists (``term`` then ``: description``) are read from the paragraph's own lines:
the parser is run without its definition-list extension, which would turn any paragraph
followed by a ``:`` line into another kind of block on every page, so they reach the page
model as plain paragraphs.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, replace

from featuredocs.model import Block, BlockKind, CommandFact, ListItem, Page, Section, Span, TableRow
from featuredocs.rules.fd4_commands.negatable import forms
from featuredocs.rules.fd4_commands.options import (
    OptionClaim,
    option_columns,
    option_from_definition,
    option_from_item,
    option_from_row,
    values_column,
)
from featuredocs.rules.titles import titled_lists

OPTIONS_LABEL = re.compile(
    r"(?:command\s+|positional\s+|optional\s+)?(?:options|arguments|flags)"
    r"(?:\s+(?:and|&)\s+(?:options|arguments|flags))?",
    re.IGNORECASE,
)
#: ``**Fine options:**``, ``Lookup options:``: a list of some of a command's options (an
#: argument group's, as often as not), or of another program's (``Gunicorn options``).
QUALIFIED_LABEL = re.compile(r"(?:[A-Za-z][\w-]*\s+){1,2}(?:options|arguments|flags)", re.IGNORECASE)
#: A definition's marker: a colon and a space at the start of a line.
_DEFINES = re.compile(r" {0,3}:(?:\s|$)")


@dataclass(frozen=True, slots=True)
class OptionList:
    """An Options (or Arguments) list of one command; ``text`` is its raw source.

    ``declared`` when the list sits under the command's own heading; otherwise it was
    attributed from the one command its section runs, and only :meth:`documents` tells
    whether it is really about that command. ``qualified`` when its label qualifies the
    options (``**Fine options:**``): it is the command's only if every option it names is.
    """

    command: str
    span: Span
    options: tuple[OptionClaim, ...]
    text: str
    declared: bool = True
    qualified: bool = False

    def documents(self, command: CommandFact) -> bool:
        """Whether the list is about ``command``: declared there, or naming one of its
        real options or arguments."""
        if self.qualified:
            return bool(self.options) and all(_is_real(claim, command) for claim in self.options)
        return self.declared or any(_is_real(claim, command) for claim in self.options)


def _is_real(claim: OptionClaim, command: CommandFact) -> bool:
    """Whether the item names one of the command's options or arguments."""
    flags = {flag for option in command.options for flag in option.flags}
    arguments = {o.dest for o in command.options if o.positional} | {
        o.metavar for o in command.options if o.positional and o.metavar
    }
    return any(form in flags for flag in claim.flags for form in forms(flag.text)) or (
        claim.positional is not None and claim.positional.text in arguments
    )


def lists_in_section(
    page: Page, section: Section, command: str, fillers: frozenset[str], *, own: bool = False
) -> list[OptionList]:
    """The option lists of ``section``'s own blocks, attributed to ``command``; items that
    are the template's example text (``fillers``) claim nothing. ``own`` when the
    section's heading declares the command: there a list or definition list with no
    label is its options when every entry opens with a flag."""
    found = _introduced_lists(page, section, command, fillers)
    if own:
        # Beside a labelled list or an options table (of a few options, or of the same
        # ones again), an unlabelled list of flags is the options all the same.
        claimed = {flag.span.line for listed in found for claim in listed.options for flag in claim.flags}
        found.extend(
            listed for listed in _flag_lists(page, section, command)
            if not any(flag.span.line in claimed for claim in listed.options for flag in claim.flags)
        )
    return found


def _introduced_lists(page: Page, section: Section, command: str, fillers: frozenset[str]) -> list[OptionList]:
    found: list[OptionList] = []
    for labelled in section.labelled:
        if not OPTIONS_LABEL.fullmatch(labelled.label.strip()):
            if labelled.items and QUALIFIED_LABEL.fullmatch(labelled.label.strip()):
                listed = _list_from_items(page, command, labelled.span, labelled.items, fillers)
                found.append(replace(listed, qualified=True))
            continue
        if labelled.items:
            found.append(_list_from_items(page, command, labelled.span, labelled.items, fillers))
        else:
            entries = _entries_after_label(page, section.blocks, labelled.span.line)
            found.extend(_definition_list(page, command, labelled.span, entries))
    if section.level >= 3 and OPTIONS_LABEL.fullmatch(section.title.strip()):
        items = [item for b in section.blocks if b.kind is BlockKind.LIST for item in b.items]
        if items:
            found.append(_list_from_items(page, command, section.heading.span, items, fillers))
        # Definitions next to a bullet list (of the later options, or of notes) are
        # options all the same.
        entries = [
            entry
            for block in section.blocks
            if block.kind is BlockKind.PARAGRAPH
            for entry in _entries(page, block.span.line, block.span.end_line)
        ]
        found.extend(_definition_list(page, command, section.heading.span, entries))
    for title, paragraph, block in titled_lists(section):
        if OPTIONS_LABEL.fullmatch(title):
            found.append(_list_from_items(page, command, paragraph.span, block.items, fillers))
    labelled_lines = {labelled.span.line for labelled in section.labelled}
    for paragraph, block in zip(section.blocks, section.blocks[1:]):
        # a plain ``Lookup options:`` line over a list
        text = paragraph.plain.strip() if paragraph.kind is BlockKind.PARAGRAPH else ""
        if block.kind is BlockKind.LIST and block.items and paragraph.span.line not in labelled_lines \
                and text.endswith(":") and QUALIFIED_LABEL.fullmatch(text[:-1].strip()):
            listed = _list_from_items(page, command, paragraph.span, block.items, fillers)
            found.append(replace(listed, qualified=True))
    for block in section.blocks:
        if block.kind is BlockKind.TABLE and block.rows and block.rows[0].header:
            found.extend(_table_list(page, command, block.span, block.rows))
    return found


def _flag_lists(page: Page, section: Section, command: str) -> list[OptionList]:
    """Unlabelled lists and definition lists of flags alone (``- `--dry-run`: …``,
    ``--batch-size N`` then ``: …``), or under a plain ``Options:`` line, unless a line
    ending in a colon introduces them as something else ("Flags worth knowing:" may name
    a few)."""
    found: list[OptionList] = []
    introduced = False
    for block in section.blocks:
        if block.kind is BlockKind.LIST and block.items and not introduced:
            listed = _list_from_items(page, command, block.span, block.items, frozenset())
            if len(listed.options) == len(block.items) and all(claim.flags for claim in listed.options):
                found.append(listed)
        elif block.kind is BlockKind.PARAGRAPH:
            entries = _entries(page, block.span.line, block.span.end_line)
            if not entries:
                # "Flags worth knowing:" introduces something else; a plain "Options:" does not
                text = block.plain.strip()
                introduced = text.endswith(":") and not OPTIONS_LABEL.fullmatch(text[:-1].strip())
                continue
            defined = _definition_list(page, command, block.span, entries)
            if introduced or not defined:
                continue
            if len(defined[0].options) == len(entries) and all(claim.flags for claim in defined[0].options):
                found.extend(defined)
    return found


def _list_from_items(
    page: Page, command: str, span: Span, items: Iterable[ListItem], fillers: frozenset[str]
) -> OptionList:
    items = tuple(items)
    claims = (option_from_item(page, command, i) for i in items if i.plain.strip() not in fillers)
    found = tuple(claim for claim in claims if claim is not None)
    return OptionList(command, span, found, "\n".join(item.source for item in items))


def _table_list(
    page: Page, command: str, span: Span, rows: tuple[TableRow, ...]
) -> list[OptionList]:
    columns = option_columns(rows[0])
    if columns is None:
        return []
    _, default_column = columns
    choices_column = values_column(rows[0])
    claims = (option_from_row(page, command, row, default_column, choices_column) for row in rows[1:])
    found = tuple(claim for claim in claims if claim is not None)
    if not any(claim.flags for claim in found):
        return []  # a table of something else that happens to have a "Name" column
    return [OptionList(command, span, found, "\n".join(r.cells[0] for r in rows[1:]))]


# --- definition lists --------------------------------------------------------------------


def _definition_list(
    page: Page, command: str, span: Span, entries: list[tuple[int, int]]
) -> list[OptionList]:
    claims = (option_from_definition(page, command, first, last) for first, last in entries)
    found = tuple(claim for claim in claims if claim is not None)
    if not found:
        return []
    text = "\n".join(page.line_text(n) for first, last in entries for n in range(first, last + 1))
    return [OptionList(command, span, found, text)]


def _entries_after_label(page: Page, blocks: tuple[Block, ...], label_line: int) -> list[tuple[int, int]]:
    """The definition list entries that follow a label: in the rest of its paragraph and
    in the paragraphs right after it, up to the first that is not one."""
    found: list[tuple[int, int]] = []
    for block in _from_label(blocks, label_line):
        first = label_line + 1 if block.span.line <= label_line else block.span.line
        entries = _entries(page, first, block.span.end_line)
        if not entries and block.span.line > label_line:
            break
        found.extend(entries)
    return found


def _from_label(blocks: tuple[Block, ...], label_line: int) -> Iterator[Block]:
    """The label's paragraph, then the paragraphs after it."""
    for block in blocks:
        if block.span.end_line < label_line:
            continue
        if block.kind is not BlockKind.PARAGRAPH:
            return
        yield block


def _entries(page: Page, first: int, last: int) -> list[tuple[int, int]]:
    """(first, last) page lines of each definition list entry on lines ``first``..``last``
    of one paragraph, which must open with a term; none when it does not."""
    entries: list[list[int]] = []
    for number in range(first, last + 1):
        text = page.line_text(number)
        defined = number < last and _DEFINES.match(page.line_text(number + 1))
        if defined and not _DEFINES.match(text):
            entries.append([number, number])  # a term: the line before a definition
        elif entries:
            entries[-1][1] = number  # a definition, or a line of one
        else:
            return []
    return [(start, end) for start, end in entries]
