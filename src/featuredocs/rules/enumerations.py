"""The values a description lists as the ones something takes.

A Django field's or a command option's choices are written as a run of inline code joined
only by list words: ``One of `pending`, `paid` or `cancelled` ``, ```csv` or `json` ``,
```email`/`sms` ``. Such a run is a list of values when it ends in *or* (or joins with
``/`` or ``|``), or when the words before it say it is one (*one of*, *either*,
*choices*, *values*). It gives every value when those words say so, or when it opens
its clause (``File format, `csv` or `json` ``), and never when they only give examples
(*e.g.*, *such as*, *like*); ``and`` joins values only after such words, as
``Accepted values: `csv`, `json` and `xml` ``, never in a sentence that names two things.

Code that is not a value — a flag (```--csv` or `--json` ``), a dotted path, a call — ends
no list and starts none: the rules compare only what could be a value. Where the caller
says values may sort ``descending`` (an ordering parameter's), ```-created_at` `` is one.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass

from featuredocs.model import Applicability, Edit, Fix, Page, Span
from featuredocs.rules.page_text import Joined, wrapped_onto
from featuredocs.rules.suggest import did_you_mean
from featuredocs.rules.table_cells import header_titles, row_cells

_CODE = re.compile(r"(`+)\s*([^`]+?)\s*\1")
#: What may stand between two values of one list.
_JOIN = re.compile(r"\s*(?:(?P<comma>,)\s*(?:(?P<comma_word>or|and)\s+)?|(?P<word>or|and)\s+|(?P<mark>[/|]))\s*\Z")
#: Words before a run that say it lists values; and those that say it lists examples.
_LISTING = re.compile(
    r"\b(?:one\s+of|either|choices?|(?:allowed|accepted|possible|valid)\s+values?|values?\s+are"
    r"|must\s+be|can\s+be|may\s+be)\b|\bvalues?\s*:",
    re.IGNORECASE,
)
_EXAMPLES = re.compile(r"\b(?:e\.\s?g\.|for\s+(?:example|instance)|such\s+as|like|including|say)\W", re.IGNORECASE)
#: What may stand right before a list that gives every value: nothing, or a comma or colon.
_LIST_OPENS = re.compile(r"(?:^|[,:(—–-])\s*\Z")
#: Words right after a list that make it the values under a condition, not every value:
#: "one of `expired` or `cancelled` when filtered so".
_CONDITION_AFTER = re.compile(r"\s*,?\s*(?:when|if|unless|while|once|after|before|until|depending)\b", re.IGNORECASE)
#: Where the words that introduce a list start: after the last sentence or clause break.
_CLAUSE_BREAK = re.compile(r"[.;:!?)(](?=\s|$)|\s[-–—]\s")
#: A value: a word, a number, a quoted string; not a flag, a call or a path.
_VALUE = re.compile(r"""(?:'[^']*'|"[^"]*"|-?\d[\w.]*|[A-Za-z_][\w.:+-]*)""")
_FLAG = re.compile(r"--?[A-Za-z]")
#: A field to sort by, descending: ``-created_at``.
_DESCENDING = re.compile(r"-[A-Za-z_]\w*")
#: A table column whose cells list values: Choices, Values, Allowed values.
VALUES_COLUMN = re.compile(r"^(?:choices|(?:allowed\s+|accepted\s+|possible\s+)?values)$", re.IGNORECASE)
#: A child item that starts with inline code: ``  - `pending`: waiting for payment``.
_CHILD_VALUE = re.compile(r"\s*(?:[-*+]|\d{1,9}[.)])\s+(?:\*\*)?`\s*([^`]+?)\s*`")


@dataclass(frozen=True, slots=True)
class ListedValue:
    """One value as written (quotes kept), at ``begin``..``end`` of the description."""

    text: str
    begin: int
    end: int

    @property
    def value(self) -> str:
        return unquoted(self.text)


@dataclass(frozen=True, slots=True)
class Listed:
    """The values a description lists, where the list starts and ends, and whether it
    says it is every value (``complete``) rather than examples."""

    values: tuple[ListedValue, ...]
    complete: bool
    joins: tuple[str, ...]  # what stands between each two values, as written
    begin: int  # the first value's opening backtick
    end: int  # past the last value's closing backtick

    def written_as(self, values: list[str]) -> str:
        """``values`` as a list written in this one's style: its quotes, its last join
        (``or``, ``/``), and its other joins."""
        quote = next((v.text[0] for v in self.values if v.text != v.value), "")
        codes = [f"`{quote}{value}{quote}`" for value in values]
        if len(codes) < 2:
            return "".join(codes)
        last = self.joins[-1]
        if last.strip() in ("/", "|"):
            return last.join(codes)
        other = self.joins[0] if len(self.joins) > 1 else ", "
        if other.strip() in ("", "or", "and"):
            other = ", "
        return other.join(codes[:-1]) + last + codes[-1]


def unquoted(text: str) -> str:
    """The value a program would see: ``'csv'`` and ``csv`` are both ``csv``."""
    if len(text) >= 2 and text[0] == text[-1] and text[0] in "'\"":
        return text[1:-1]
    return text


@dataclass(frozen=True, slots=True)
class PlacedList:
    """A list of values as the rules compare it: each value as a program sees it and
    where it is written, the whole list's span, whether it gives every value, every
    value its description writes in inline code, and, for a list written inline, that
    list, which a fix rewrites in its own style."""

    values: tuple[str, ...]
    spans: tuple[Span, ...]
    span: Span
    complete: bool
    written: frozenset[str]
    inline: Listed | None = None
    braced: bool = False  # argparse's ``{csv,json}``

    def rewritten(self, choices: tuple[str, ...]) -> str | None:
        """The list written with ``choices`` instead, when a fix can write it: not one
        wrapped over lines, whose breaks a rewrite cannot place."""
        if self.span.line != self.span.end_line:
            return None
        if self.braced:
            return "{" + ",".join(choices) + "}"
        return self.inline.written_as(list(choices)) if self.inline is not None and self.complete else None


def placed(listed: Listed, text: str, start: int, place: Callable[[int, int], Span]) -> PlacedList:
    """``listed``, read from ``text`` after ``start``, on the page: ``place`` gives the
    span of ``text[begin:end]``."""
    written = frozenset(unquoted(match.group(2)) for match in _CODE.finditer(text, start))
    return PlacedList(
        tuple(value.value for value in listed.values),
        tuple(place(value.begin, value.end) for value in listed.values),
        place(listed.begin, listed.end), listed.complete, written, listed,
    )


def compared(found: PlacedList, choices: tuple[str, ...]) -> tuple[list[int], list[str]]:
    """The indices of the listed values not among ``choices``; and, for a complete list
    that has none, the choices it leaves out that its description does not write
    elsewhere either. A list with a wrong value is told about that once."""
    rejected = [index for index, value in enumerate(found.values) if value not in choices]
    if rejected or not found.complete:
        return rejected, []
    seen = found.written | set(found.values)
    return [], [choice for choice in choices if choice not in seen]


@dataclass(frozen=True, slots=True)
class Wording:
    """How a rule words what is wrong with a list of values: ``rejected`` is the message
    for a value not among the choices (``{value}`` stands for it), ``name`` what the
    values are of, ``accepts`` the hint when no choice is close, ``fix`` the fix's
    description, ``where`` the code the choices come from."""

    rejected: str
    name: str
    accepts: str
    fix: str
    where: str | None = None


def differences(found: PlacedList, choices: tuple[str, ...], wording: Wording) -> Iterator[tuple[Span, str, str, Fix | None]]:
    """(span, message, hint, fix) for each listed value not among ``choices``, else for
    the choices a complete list leaves out. The fix that writes the choices in place of
    the list goes with the first: the edits of two would overlap."""
    rejected, missing = compared(found, choices)
    rewritten = found.rewritten(choices)
    fix = None if rewritten is None else Fix(wording.fix, (Edit(found.span, rewritten),), Applicability.UNSAFE)
    for index in rejected:
        value = found.values[index]
        hint = did_you_mean(value, choices, wording.where) or wording.accepts
        yield found.spans[index], wording.rejected.replace("{value}", value), hint, fix
        fix = None
    if missing:
        yield found.span, f"the values listed for `{wording.name}` leave out {named(missing)}", wording.accepts, fix


def corrected(found: PlacedList, choices: tuple[str, ...]) -> str | None:
    """The list written with ``choices`` instead, when it differs from them and can be
    rewritten (what ``sync`` writes)."""
    rejected, missing = compared(found, choices)
    return found.rewritten(choices) if rejected or missing else None


def choice_values(page: Page, line: int, start: int, choices: tuple[str, ...]) -> PlacedList | None:
    """:func:`values_on_line`, when the list holds one of ``choices`` at least: a list
    with none gives labels (`Pending payment`) or something else, not those values."""
    if not choices:
        return None
    found = values_on_line(page, line, start)
    return found if found is not None and any(value in choices for value in found.values) else None


def values_after(page: Page, span: Span, descending: bool = False) -> PlacedList | None:
    """The values listed after the name at ``span`` (an item's or a row's name), on its
    line; none for a name written over two lines."""
    if span.line != span.end_line:
        return None
    return values_on_line(page, span.line, span.end_column - 1, descending)


def values_on_line(page: Page, line: int, start: int, descending: bool = False) -> PlacedList | None:
    """The values the text of ``line`` from ``start`` on lists, or the sub-list of the
    item on that line. In a table row each cell is read alone, ``|`` ending a cell rather
    than joining values, and a cell under a Choices column gives every value.
    ``descending`` when a value may be written with a leading ``-`` (``-created_at``)."""
    text = page.line_text(line)
    while text.startswith("`", start):
        start += 1  # the closing backticks of the name the values are of
    table_row = text.lstrip().startswith("|")
    wrapped = None if table_row else _wrapped(page, line, text)
    if wrapped is not None:
        return _wrapped_values(wrapped, line, start, descending)
    if text.count("`", start) >= 4:  # two code spans at least
        titles = header_titles(page, line) if table_row else []
        cells = row_cells(text) if table_row else [(start, len(text))]
        for index, (begin, end) in enumerate(cells):
            if end <= start:
                continue  # the cells of what the values are of
            titled = index < len(titles) and VALUES_COLUMN.match(titles[index]) is not None
            listed = listed_values(text[:end], max(begin, start), titled, descending)
            if listed is not None:
                return placed(listed, text[:end], max(begin, start), lambda a, b: Span(line, a + 1, line, b + 1))
    return None if table_row else nested_values(page, line, descending)


#: A line whose list of values runs on to the next: it ends in a value and a join
#: (```pending`, `paid`,``), in the words that open a list (``one of``) or in a colon
#: (``(string, optional):``); or the next line starts with a join (:data:`_JOIN_FIRST`).
_RUNS_ON = re.compile(r"(?:`\s*(?:,|\bor|\band|/)|\b(?:one\s+of|either|values?|choices?)|:)\s*\Z", re.IGNORECASE)
#: A line that goes on with a list: a join, then a value (``  or `cancelled` ``).
_JOIN_FIRST = re.compile(r"\s*(?:,|or\b|and\b|/)\s*`")


def _wrapped(page: Page, line: int, text: str) -> list[str] | None:
    """The lines of the paragraph a list of values running off the end of ``line``
    continues on (hard-wrapped text), with ``line`` first; None when it does not run on."""
    end = text.rstrip()
    if not _RUNS_ON.search(end) and not (end.endswith("`") and _JOIN_FIRST.match(page.line_text(line + 1))):
        return None
    following = wrapped_onto(page, line, 3)
    return [text, *following] if following else None


def _wrapped_values(lines: list[str], line: int, start: int, descending: bool) -> PlacedList | None:
    """The values the paragraph ``lines`` (from ``line``) lists after ``start``, read as
    one text; a fix rewrites such a list on one line, ``sync`` leaves it to the writer."""
    joined = Joined.of(line, lines)
    listed = listed_values(joined.text, start, False, descending)
    return placed(listed, joined.text, start, joined.span) if listed is not None else None


def nested_values(page: Page, line: int, descending: bool = False) -> PlacedList | None:
    """The values a list item on ``line`` gives as its own sub-list, each child item
    starting with its value in inline code::

        - `status` (CharField): one of:
          - `pending`: waiting for payment
          - `paid`: paid in full

    The item's line must end with a colon after words that say a list of values
    follows (*one of*, *choices*, *values*, or examples: *such as*); a child that does
    not start with a value makes it a list of something else."""
    text = page.line_text(line)
    stripped = text.rstrip()
    if not stripped.endswith(":"):
        return None
    clause = _lead(stripped, 0, len(stripped) - 1)
    examples = _EXAMPLES.search(clause + " ") is not None
    if not examples and _LISTING.search(clause) is None:
        return None
    indent = len(text) - len(text.lstrip())
    values: list[str] = []
    spans: list[Span] = []
    child_indent: int | None = None
    for number in range(line + 1, len(page.lines) + 1):
        row = page.line_text(number)
        row_indent = len(row) - len(row.lstrip())
        if not row.strip():
            continue
        if row_indent <= indent:
            break
        child = _CHILD_VALUE.match(row)
        if child_indent is not None and row_indent > child_indent:
            continue  # a child's own text or sub-list
        if child is None or not _is_value(child.group(1), descending) or (child_indent is not None and row_indent < child_indent):
            return None
        child_indent = row_indent
        values.append(unquoted(child.group(1)))
        spans.append(Span(number, child.start(1) + 1, number, child.end(1) + 1))
    if len(values) < 2:
        return None
    whole = Span(spans[0].line, spans[0].column, spans[-1].line, spans[-1].end_column)
    written = frozenset(unquoted(match.group(2)) for match in _CODE.finditer(text))
    return PlacedList(tuple(values), tuple(spans), whole, not examples, written)


def named(values: Iterable[str]) -> str:
    return ", ".join(f"`{value}`" for value in values)


def listed_values(text: str, start: int = 0, titled: bool = False, descending: bool = False) -> Listed | None:
    """The first list of values in ``text`` after offset ``start``, if it has one;
    ``titled`` when the text is a cell under a Choices or Values column, which says
    the list gives every value; ``descending`` as for :func:`values_on_line`."""
    codes = [match for match in _CODE.finditer(text, start)]
    index = 0
    while index < len(codes) - 1:
        run, joins = [codes[index]], []
        while index + 1 < len(codes):
            gap = text[run[-1].end() : codes[index + 1].start()]
            join = _JOIN.match(gap)
            if join is None or not _is_value(codes[index + 1].group(2), descending):
                break
            run.append(codes[index + 1])
            joins.append(join)
            index += 1
        index += 1
        if len(run) < 2 or not _is_value(run[0].group(2), descending):
            continue
        listed = _listed(text, start, run, joins, titled)
        if listed is not None:
            return listed
    return None


def _listed(
    text: str, start: int, run: list[re.Match[str]], joins: list[re.Match[str]], titled: bool,
) -> Listed | None:
    lead = _lead(text, start, run[0].start())
    says_values = titled or _LISTING.search(lead) is not None
    examples = _EXAMPLES.search(lead + " ") is not None
    last = joins[-1]
    ends_in_choice = bool(last["mark"] or last["word"] == "or" or last["comma_word"] == "or")
    uses_and = any(join["word"] == "and" or join["comma_word"] == "and" for join in joins)
    if uses_and and not (says_values or examples):
        return None  # "sorted by `created_at` and `name`": two things, not a list of values
    if not (says_values or examples or ends_in_choice):
        return None
    # "`email` or `sms`", "File format, `csv` or `json`" give every value; "moves from
    # `pending` to `paid` or `cancelled`" gives two, and says nothing of the others.
    complete = not examples and (says_values or _LIST_OPENS.search(lead) is not None)
    complete = complete and _CONDITION_AFTER.match(text, run[-1].end()) is None
    values = tuple(ListedValue(m.group(2), m.start(2), m.end(2)) for m in run)
    written = tuple(text[a.end() : b.start()] for a, b in zip(run, run[1:]))
    return Listed(values, complete, written, run[0].start(), run[-1].end())


def _lead(text: str, start: int, before: int) -> str:
    """The words of the clause that a list starting at ``before`` ends."""
    lead = text[start:before]
    breaks = list(_CLAUSE_BREAK.finditer(lead))
    return lead[breaks[-1].end() :] if breaks and not lead[breaks[-1].end() :].isspace() else lead[-80:]


def _is_value(code: str, descending: bool = False) -> bool:
    if descending and _DESCENDING.fullmatch(code) is not None:
        return True
    return _VALUE.fullmatch(code) is not None and _FLAG.match(code) is None
