"""Lifetimes as pages write them (``15 minutes``, ``900 seconds``, ``24h``, ``ten minutes``,
``an hour``) in seconds."""

from __future__ import annotations

import re
from dataclasses import dataclass

_UNITS: dict[str, tuple[int, str]] = {}
for _seconds, _name, _spellings in (
    (1, "second", ("s", "sec", "secs", "second", "seconds")),
    (60, "minute", ("m", "min", "mins", "minute", "minutes")),
    (3600, "hour", ("h", "hr", "hrs", "hour", "hours")),
    (86400, "day", ("d", "day", "days")),
    (604800, "week", ("w", "wk", "wks", "week", "weeks")),
):
    for _spelling in _spellings:
        _UNITS[_spelling] = (_seconds, _name)

DURATION = re.compile(
    r"(?<![\w.])(?P<amount>\d+(?:\.\d+)?)\s?(?P<unit>"
    + "|".join(sorted(_UNITS, key=len, reverse=True))
    + r")(?![\w])",
    re.IGNORECASE,
)


#: Amounts people spell out before a unit named in full: "ten minutes", "an hour", "half
#: an hour". Not "a second", which as often means "another".
_SPELLED_AMOUNTS = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "twelve": 12, "fifteen": 15, "twenty": 20, "thirty": 30,
    "forty-five": 45, "sixty": 60, "ninety": 90, "a": 1, "an": 1, "half an": 0.5, "half a": 0.5,
}
_SPELLED = re.compile(
    r"(?<![\w-])(?P<amount>half\s+an?|an?(?=\s+(?:minute|hour|day|week)\b)|"
    + "|".join(name for name in _SPELLED_AMOUNTS if name[0] not in "ah")
    + r")\s+(?P<unit>seconds?|minutes?|hours?|days?|weeks?)(?![\w-])",
    re.IGNORECASE,
)


@dataclass(frozen=True, slots=True)
class Duration:
    seconds: float
    text: str  # as written: "15 minutes"
    unit: str  # "minute"
    start: int  # offset of ``text`` in the searched string
    end: int


def durations(text: str) -> list[Duration]:
    found = []
    for match in DURATION.finditer(text):
        per_unit, unit = _UNITS[match["unit"].lower()]
        seconds = float(match["amount"]) * per_unit
        found.append(Duration(seconds, match.group(0), unit, match.start(), match.end()))
    if " " in text:  # a spelled amount is a word before its unit
        for match in _SPELLED.finditer(text):
            per_unit, unit = _UNITS[match["unit"].lower()]
            amount = _SPELLED_AMOUNTS[" ".join(match["amount"].lower().split())]
            found.append(Duration(amount * per_unit, match.group(0), unit, match.start(), match.end()))
        found.sort(key=lambda duration: duration.start)
    return found


def describe(seconds: float) -> str:
    """``900`` → ``15 minutes``: the largest unit that divides it."""
    for per_unit, unit in ((604800, "week"), (86400, "day"), (3600, "hour"), (60, "minute")):
        if seconds >= per_unit and seconds % per_unit == 0:
            return _plural(int(seconds // per_unit), unit)
    return _plural(int(seconds) if float(seconds).is_integer() else seconds, "second")


def written_like(seconds: float, example: Duration) -> str:
    """``seconds`` in the unit (and spelling style) of ``example`` when whole, else described."""
    per_unit = next(s for s, name in _UNITS.values() if name == example.unit)
    if seconds % per_unit:
        return describe(seconds)
    amount = int(seconds // per_unit)
    figures = DURATION.fullmatch(example.text)
    if figures is None:  # spelled out ("ten minutes"): the new amount is written in figures
        return _plural(amount, example.unit)
    unit_text = figures["unit"]
    if unit_text.lower() in (example.unit, example.unit + "s"):
        unit_text = example.unit if amount == 1 else example.unit + "s"
    space = example.text[figures.end("amount") : figures.start("unit")]  # "", " " or a no-break space
    return f"{amount}{space}{unit_text}"


def _plural(amount: float, unit: str) -> str:
    return f"{amount} {unit}" + ("" if amount == 1 else "s")
