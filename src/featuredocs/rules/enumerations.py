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
no list and starts none: the rules compare only what could be a value.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

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
#: Where the words that introduce a list start: after the last sentence or clause break.
_CLAUSE_BREAK = re.compile(r"[.;:!?)(](?=\s|$)|\s[-–—]\s")
#: A value: a word, a number, a quoted string; not a flag, a call or a path.
_VALUE = re.compile(r"""(?:'[^']*'|"[^"]*"|-?\d[\w.]*|[A-Za-z_][\w.:+-]*)""")
_FLAG = re.compile(r"--?[A-Za-z]")


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


def compared(listed: Listed, written: frozenset[str], choices: tuple[str, ...]) -> tuple[list[ListedValue], list[str]]:
    """The listed values not among ``choices``; and, for a complete list that has none,
    the choices it leaves out that the description does not write elsewhere either
    (``written``: its inline code). A list with a wrong value is told about that once."""
    rejected = [value for value in listed.values if value.value not in choices]
    if rejected or not listed.complete:
        return rejected, []
    seen = {unquoted(text) for text in written} | {value.value for value in listed.values}
    return [], [choice for choice in choices if choice not in seen]


def named(values: Iterable[str]) -> str:
    return ", ".join(f"`{value}`" for value in values)


def listed_values(text: str, start: int = 0) -> Listed | None:
    """The first list of values in ``text`` after offset ``start``, if it has one."""
    codes = [match for match in _CODE.finditer(text, start)]
    index = 0
    while index < len(codes) - 1:
        run, joins = [codes[index]], []
        while index + 1 < len(codes):
            gap = text[run[-1].end() : codes[index + 1].start()]
            join = _JOIN.match(gap)
            if join is None or not _is_value(codes[index + 1].group(2)):
                break
            run.append(codes[index + 1])
            joins.append(join)
            index += 1
        index += 1
        if len(run) < 2 or not _is_value(run[0].group(2)):
            continue
        listed = _listed(text, start, run, joins)
        if listed is not None:
            return listed
    return None


def _listed(text: str, start: int, run: list[re.Match[str]], joins: list[re.Match[str]]) -> Listed | None:
    lead = _lead(text, start, run[0].start())
    says_values = _LISTING.search(lead) is not None
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
    values = tuple(ListedValue(m.group(2), m.start(2), m.end(2)) for m in run)
    written = tuple(text[a.end() : b.start()] for a, b in zip(run, run[1:]))
    return Listed(values, complete, written, run[0].start(), run[-1].end())


def _lead(text: str, start: int, before: int) -> str:
    """The words of the clause that a list starting at ``before`` ends."""
    lead = text[start:before]
    breaks = list(_CLAUSE_BREAK.finditer(lead))
    return lead[breaks[-1].end() :] if breaks and not lead[breaks[-1].end() :].isspace() else lead[-80:]


def _is_value(code: str) -> bool:
    return _VALUE.fullmatch(code) is not None and _FLAG.match(code) is None
