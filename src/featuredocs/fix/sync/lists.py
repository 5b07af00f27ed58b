"""Editing one Markdown list of a page: replace words in items, drop items, append items.

The list is rewritten as lines and turned into minimal edits by
:func:`~featuredocs.fix.regions.region_edits`, so an item that is kept is kept to the
character — its description, its continuation lines, its nested items. An item owns
every line from its marker to the line before the next item (blank lines between items
excepted), so a dropped item takes its indented code or lazy continuation lines with it.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass

from featuredocs.fix.regions import region_edits
from featuredocs.fix.sync.scope import Scope
from featuredocs.model import Block, BlockKind, Edit, LabelledBlock, ListItem, Page, Section, Span
from featuredocs.rules.enumerations import PlacedList, corrected

_COMMENT_LINE = re.compile(r"\s*(?:<!--.*?-->\s*)*")
#: Attributes Python-Markdown's attr_list gives the block above: ``{ .annotate }``, ``{: #id }``.
_ATTRIBUTE_LIST = re.compile(r"\s*\{:?\s*[#.][^{}]*\}\s*")
_MARKER = re.compile(r"^(?P<indent>[ \t>]*)(?P<bullet>[-*+]|(?P<number>\d{1,9})(?P<delimiter>[.)]))(?P<space>[ \t]+)")


@dataclass(frozen=True, slots=True)
class LocatedList:
    """The items of a list and the block that holds them (for where the list ends)."""

    items: tuple[ListItem, ...]
    block: Block | None
    section: Section


def located_list(page: Page, anchor: Span) -> LocatedList | None:
    """The list introduced by the label at ``anchor`` (``**Fields:**``), or the one list of
    the sub-section whose heading is at ``anchor`` (``#### Options``)."""
    for section in page.walk():
        for labelled in section.labelled:
            if labelled.span == anchor and labelled.items:
                return list_of(section, labelled)
        if section.heading.span == anchor:
            lists = [block for block in section.blocks if block.kind is BlockKind.LIST]
            if len(lists) == 1 and lists[0].items:
                return LocatedList(lists[0].items, lists[0], section)
    return None


def labelled_lists(page: Page) -> Iterator[tuple[Section, LabelledBlock, LocatedList]]:
    """Every labelled list of the page with its section."""
    for section in page.walk():
        for labelled in section.labelled:
            if labelled.items:
                yield section, labelled, list_of(section, labelled)


def list_of(section: Section, labelled: LabelledBlock) -> LocatedList:
    """The list ``labelled`` introduces in ``section``."""
    return LocatedList(labelled.items, _block_of(section, labelled), section)


def _block_of(section: Section, labelled: LabelledBlock) -> Block | None:
    """The block holding the list's last item (a list interrupted by HTML comments is
    several blocks)."""
    last = labelled.items[-1]
    for block in section.blocks:
        if block.items and (block.items[-1] is last or block.items[-1] == last):
            return block
    return None


def subtree_end(item: ListItem) -> int:
    """The last page line of an item's own text and of its nested items."""
    return max([item.span.end_line, *(subtree_end(child) for child in item.children)])


def insert_in_order(editor: ListEditor, name: str, order: list[str], kept: dict[str, ListItem], text: str) -> None:
    """Add the item ``text`` for ``name`` after the kept item of the nearest name before it
    in the code's ``order`` (a new filter goes with the filters, not after the page size);
    after the last item when none comes before it."""
    before = [other for other in order[: order.index(name)] if other in kept] if name in order else []
    if before:
        editor.insert_after(kept[before[-1]], text)
    else:
        editor.append(text)


#: The spaces after a cell's words, up to its closing pipe.
_PADDING = re.compile(r"(?P<close>[`'\"*]*)(?P<spaces> *)\|")


class CorrectsValues:
    """Writing a field's, option's or parameter's choices in place of a stale list of
    values: for anything that can :meth:`replace` a span on one line."""

    def replace(self, span: Span, text: str) -> None:
        raise NotImplementedError

    def correct_values(self, found: PlacedList | None, choices: tuple[str, ...], scope: Scope, code: str) -> None:
        """Write ``choices`` in place of the list of values ``found`` when it differs from
        them (FD307, FD406, FD506: ``code``), on one line and where ``scope`` allows."""
        if found is None or found.span.line != found.span.end_line or not scope.allows(code, found.span.line):
            return
        rewritten = corrected(found, choices)
        if rewritten is not None:
            self.replace(found.span, rewritten)


class InPlaceEditor(CorrectsValues):
    """Pending replacements of words on lines kept as they are (the rows of a table). A
    cell of a table whose pipes line up keeps them lined up: the padding after the new
    words grows or shrinks by what they add or take."""

    def __init__(self, page: Page) -> None:
        self._page = page
        self._edits: list[Edit] = []

    def replace(self, span: Span, text: str) -> None:
        if span.line == span.end_line:
            span, text = self._aligned(span, text)
        self._edits.append(Edit(span, text))

    def _aligned(self, span: Span, text: str) -> tuple[Span, str]:
        line = self._page.line_text(span.line)
        padding = _PADDING.match(line, span.end_column - 1)
        if padding is None:
            return span, text
        pipe = padding.end() - 1  # 0-based column of the cell's closing pipe
        neighbours = [self._page.line_text(span.line - 1), self._page.line_text(span.line + 1)]
        if not any(len(other) > pipe and other[pipe] == "|" for other in neighbours):
            return span, text  # the pipes do not line up: nothing to keep
        grown = len(text) - (span.end_column - span.column)
        spaces = len(padding["spaces"])
        taken = min(grown, spaces - 1) if grown > 0 else grown  # one space stays before the pipe
        if taken == 0:
            return span, text
        # the closing quote or backtick is written again, with the padding after it
        whole = Span(span.line, span.column, span.line, span.end_column + len(padding["close"]) + max(taken, 0))
        return whole, text + padding["close"] + " " * max(-taken, 0)

    def edits(self) -> list[Edit]:
        return sorted(self._edits, key=lambda edit: (edit.span.line, edit.span.column))


class ListEditor(CorrectsValues):
    """Pending changes to one list; :meth:`edits` gives the minimal edits."""

    def __init__(self, page: Page, located: LocatedList) -> None:
        self.page = page
        self.items = located.items
        self._extents = self._item_extents(located)
        self._deleted: set[tuple[int, int]] = set()
        self._replacements: dict[int, list[tuple[int, int, str]]] = {}
        self._appended: list[str] = []
        self._inserted: dict[int, list[str]] = {}  # after the top-level item at this index

    # --- what belongs to each item -----------------------------------------------------

    def _item_extents(self, located: LocatedList) -> list[tuple[int, int]]:
        firsts = [item.span.line for item in self.items]
        last_line = located.block.span.end_line if located.block is not None else subtree_end(self.items[-1])
        extents = []
        for index, item in enumerate(self.items):
            end = firsts[index + 1] - 1 if index + 1 < len(firsts) else last_line
            own_end = subtree_end(item)
            end = max(end, own_end)
            # a comment above the next item is about that item: it goes and stays with it
            while end > own_end and _COMMENT_LINE.fullmatch(self.page.line_text(end)):
                end -= 1
            while end > item.span.line and not self.page.line_text(end).strip():
                end -= 1
            if index + 1 == len(firsts):
                # ``{ .annotate }`` under a list is the list's (MkDocs' attr_list): items go above it
                while end > item.span.line and _ATTRIBUTE_LIST.fullmatch(self.page.line_text(end)):
                    end -= 1
            extents.append((item.span.line, end))
        return extents

    @property
    def first_line(self) -> int:
        return self._extents[0][0]

    @property
    def last_line(self) -> int:
        return self._extents[-1][1]

    # --- changes ------------------------------------------------------------------------

    def replace(self, span: Span, text: str) -> None:
        """Replace a span on one line of the list (a name, a type, a default)."""
        if span.line != span.end_line:
            raise ValueError("list replacements stay on one line")
        self._replacements.setdefault(span.line, []).append((span.column, span.end_column, text))

    def delete(self, item: ListItem) -> None:
        """Drop an item with everything it owns (nested items of a nested item too)."""
        for index, top in enumerate(self.items):
            if top is item:
                self._deleted.add(self._extents[index])
                return
        self._deleted.add((item.span.line, subtree_end(item)))

    def append(self, text: str) -> None:
        """Add an item after the last one; ``text`` is what follows the marker."""
        self._appended.append(text)

    def insert_after(self, item: ListItem, text: str) -> None:
        """Add an item right after a top-level ``item`` (kept or dropped); in an ordered
        list, whose numbers would need renumbering, it is appended instead."""
        index = next((i for i, top in enumerate(self.items) if top is item), None)
        if index is None or self._ordered():
            self.append(text)
            return
        self._inserted.setdefault(index, []).append(text)

    @property
    def changed(self) -> bool:
        return bool(self._deleted or self._replacements or self._appended or self._inserted)

    # --- the result -----------------------------------------------------------------------

    def new_lines(self) -> list[str]:
        out: list[str] = []
        separator = [""] if self._loose() else []
        marker = self._next_marker()
        after_new = False
        for index, (first, last) in enumerate(self._extents):
            if (first, last) not in self._deleted:
                if out:
                    gap = self._gap_before(first)
                    # after a new item, the blank lines are the list's; a comment is still the item's
                    out.extend(separator + [line for line in gap if line.strip()] if after_new else gap)
                out.extend(self._kept_lines(first, last))
                after_new = False
            for text in self._inserted.get(index, ()):
                if out:
                    out.extend(separator)
                out.append(marker(0) + text)
                after_new = True
        for number, text in enumerate(self._appended):
            if out:
                out.extend(separator)
            out.append(marker(number) + text)
        return out

    def edits(self) -> list[Edit]:
        if not self.changed:
            return []
        return region_edits(self.page, self.first_line, self.new_lines(), self.last_line)

    def _kept_lines(self, first: int, last: int) -> list[str]:
        lines = []
        for number in range(first, last + 1):
            if any(start <= number <= end for start, end in self._deleted if (start, end) != (first, last)):
                continue
            lines.append(self._replaced(number))
        return lines

    def _replaced(self, number: int) -> str:
        text = self.page.line_text(number)
        for column, end_column, replacement in sorted(self._replacements.get(number, ()), reverse=True):
            text = text[: column - 1] + replacement + text[end_column - 1 :]
        return text

    def _gap_before(self, first: int) -> list[str]:
        """The blank lines that separated this item from the item before it."""
        index = next(i for i, (start, _) in enumerate(self._extents) if start == first)
        previous_end = self._extents[index - 1][1]
        return [self.page.line_text(n) for n in range(previous_end + 1, first)]

    def _ordered(self) -> bool:
        match = _MARKER.match(self.page.line_text(self.items[-1].span.line))
        return match is not None and match.group("number") is not None

    def _loose(self) -> bool:
        return any(
            not self.page.line_text(n).strip()
            for (_, end), (start, _) in zip(self._extents, self._extents[1:], strict=False)
            for n in range(end + 1, start)
        )

    def _next_marker(self) -> Callable[[int], str]:
        """The marker new items get: the last item's, counting on for ordered lists (a
        list that numbers every item ``1.`` lets the renderer count, and so does this)."""
        last = self.items[-1]
        line = self.page.line_text(last.span.line)
        match = _MARKER.match(line)
        prefix = line[: last.span.column - 1] if match is None else match.group(0)
        numbers = {m.group("number") for item in self.items if (m := _MARKER.match(self.page.line_text(item.span.line)))}
        counting = len(self.items) == 1 or len(numbers) > 1

        def marker(offset: int) -> str:
            if match is None or match.group("number") is None or not counting:
                return prefix
            number = int(match.group("number")) + 1 + offset
            return f"{match.group('indent')}{number}{match.group('delimiter')}{match.group('space')}"

        return marker
