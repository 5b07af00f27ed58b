"""Lenient comparison of a documented option default with the parser's default.

Pages write defaults the way people talk (``500``, ```500```, ``'csv'``, ``csv``,
``off``, ``none``, ``300 rows``, ``24 hours``); facts hold the default's ``repr``. Both
sides are read into Python values; when either side cannot be read with confidence the
answer is "unknown", and the rule stays silent.
"""

from __future__ import annotations

import ast
import re
from dataclasses import dataclass

_NONE_WORDS = frozenset({"none", "null", "nil", "unset", "not set", "no default"})
_TRUE_WORDS = frozenset({"true", "on", "yes", "enabled"})
_FALSE_WORDS = frozenset({"false", "off", "no", "disabled"})
_BARE_WORD = re.compile(r"[\w.:/@+#-]+")
_WRAPPED_PATH = re.compile(r"\w*Path\((['\"])(.*)\1\)")
_REFERENCE = re.compile(r"settings\.|[A-Z][A-Z0-9]*_[A-Z0-9_]+")
NUMBER = r"-?(?:\d{1,3}(?:,\d{3})+|\d[\d_]*)(?:\.\d+)?"
_WITH_UNIT = re.compile(rf"(?P<number>{NUMBER})\s*(?P<unit>%|[A-Za-z]+)")
_WORD = re.compile(r"[a-z]+|%")

#: Units a number is converted between, by every way of writing them. A number in one of
#: them is compared only when the option is measured in that unit alone (``--hours``,
#: "…this many hours"): ``5 minutes`` for a ``--timeout`` kept in seconds means 300.
_SCALES = {
    "millisecond": ("ms", "msec", "msecs", "millisecond", "milliseconds"),
    "second": ("s", "sec", "secs", "second", "seconds"),
    "minute": ("m", "min", "mins", "minute", "minutes"),
    "hour": ("h", "hr", "hrs", "hour", "hours"),
    "day": ("d", "day", "days"),
    "week": ("w", "wk", "wks", "week", "weeks"),
    "month": ("mo", "month", "months"),
    "year": ("y", "yr", "yrs", "year", "years"),
    "byte": ("b", "byte", "bytes"),
    "kilobyte": ("k", "kb", "kib", "kilobyte", "kilobytes"),
    "megabyte": ("mb", "mib", "megabyte", "megabytes"),
    "gigabyte": ("g", "gb", "gib", "gigabyte", "gigabytes"),
    "percent": ("%", "percent", "pct"),
    "thousand": ("thousand",),
    "million": ("million",),
}
SCALE_OF = {spelling: scale for scale, spellings in _SCALES.items() for spelling in spellings}


@dataclass(frozen=True, slots=True)
class Value:
    """A default read from text; ``bare`` for an unquoted word that is not a literal;
    ``unit`` for a number followed by one word."""

    value: object
    bare: bool = False
    unit: str | None = None  # as written: ``hours`` in ``24 hours``


def _literal(text: str) -> Value | None:
    try:
        value = ast.literal_eval(text)
    except (ValueError, SyntaxError, MemoryError, RecursionError, TypeError):
        return None
    if isinstance(value, (str, int, float, bool, list, tuple)) or value is None:
        return Value(value)
    return None


def documented_value(text: str) -> Value | None:
    """The value a page documents, or None when it is prose (``all apps``)."""
    stripped = text.strip().strip("`").strip()
    folded = stripped.casefold()
    if folded in _NONE_WORDS:
        return Value(None)
    if folded in _TRUE_WORDS:
        return Value(True)
    if folded in _FALSE_WORDS:
        return Value(False)
    literal = _literal(stripped)
    if literal is not None:
        return literal
    measured = _WITH_UNIT.fullmatch(stripped)
    if measured is not None:
        return Value(float(measured["number"].replace(",", "").replace("_", "")), unit=measured["unit"])
    if _BARE_WORD.fullmatch(stripped) and not _REFERENCE.search(stripped):
        return Value(stripped, bare=True)
    return None


def fact_value(default: str | None) -> Value | None:
    """The parser's default from its repr, or None when it is not a plain value."""
    if default is None:
        return Value(None)
    literal = _literal(default)
    if literal is not None:
        return literal
    wrapped = _WRAPPED_PATH.fullmatch(default)
    return Value(wrapped.group(2)) if wrapped else None


def _canonical(value: object) -> object:
    if isinstance(value, bool) or value is None:
        return value
    if isinstance(value, (int, float)):
        return float(value)
    if isinstance(value, (list, tuple)):
        return tuple(_canonical(item) for item in value)
    text = str(value)
    try:
        return float(text)  # a string default that argparse would convert
    except ValueError:
        return text


def measured_in(*texts: str) -> frozenset[str]:
    """The units (:data:`SCALE_OF`'s) an option's flags, dest and help name in words of
    two letters or more: ``--older-than-hours`` is measured in hours."""
    return frozenset(
        SCALE_OF[word]
        for text in texts
        for word in _WORD.findall(text.casefold())
        if len(word) > 1 and word in SCALE_OF
    )


def same_default(
    documented: str, fact_default: str | None, measured: frozenset[str] = frozenset()
) -> bool | None:
    """True or False when the two defaults can be compared, None when unsure.

    A parser default of None with a concrete documented value is "unsure": commands
    often leave the default to ``handle()`` (``options["days"] or 30``). A number with a
    unit (``12 hours``) is compared as the number when the unit counts things (``rows``)
    or is the one unit the option is ``measured`` in (:func:`measured_in`).
    """
    doc, fact = documented_value(documented), fact_value(fact_default)
    if fact is not None and isinstance(fact.value, (list, tuple)) and not (doc and isinstance(doc.value, (list, tuple))):
        return _same_values(documented, fact.value)
    if doc is None or fact is None:
        return None
    if doc.unit is not None:
        return _same_measure(documented, doc, fact.value, measured)
    if fact.value is None:
        return True if doc.value is None else None
    if doc.bare and not isinstance(fact.value, str):
        return None
    return _canonical(doc.value) == _canonical(fact.value)


_ITEM_SEPARATOR = re.compile(r"\s*,\s*|\s+")


def _same_values(documented: str, fact: list[object] | tuple[object, ...]) -> bool | None:
    """Whether ``1 2`` or ``email, sms`` (as a user types them, or a page lists them) are
    the items of an option's list default; None when an item is not a plain value."""
    written = documented.strip().strip("`").strip()
    items = [documented_value(item) for item in _ITEM_SEPARATOR.split(written) if item]
    if not fact or not items or any(item is None or item.unit is not None for item in items):
        return None
    if any(item.bare for item in items if item is not None) and not all(isinstance(value, str) for value in fact):
        return None  # words, where the default holds numbers: prose (``every tier``)
    return _canonical(tuple(item.value for item in items if item is not None)) == _canonical(fact)


def _same_measure(documented: str, doc: Value, fact: object, measured: frozenset[str]) -> bool | None:
    """Whether ``12 hours`` (``doc``) is the parser's default, None when unsure."""
    if isinstance(fact, str):
        # A default kept as text (``"24h"``) is parsed by the command: only the same text is sure.
        return True if documented.strip().strip("`").strip() == fact else None
    if isinstance(fact, bool) or not isinstance(fact, (int, float)):
        return None
    assert doc.unit is not None
    scale = SCALE_OF.get(doc.unit.casefold())
    if scale is None and len(doc.unit) == 1:
        return None  # ``2x`` is a factor
    if scale is not None and measured != {scale}:
        return None
    return _canonical(doc.value) == _canonical(fact)


def render_default(fact_default: str, documented: str) -> str | None:
    """The parser's default written the way the page wrote its own, for a fix."""
    fact = fact_value(fact_default)
    if fact is None or fact.value is None:
        return None
    written = documented.strip().strip("`").strip()
    measured = _WITH_UNIT.fullmatch(written)
    if measured is not None:
        if isinstance(fact.value, bool) or not isinstance(fact.value, (int, float)):
            return None
        return f"{fact.value!r}{written[measured.end('number'):]}"  # the unit kept as written
    if isinstance(fact.value, str):
        quote = written[0] if written[:1] in {"'", '"'} else ""
        return f"{quote}{fact.value}{quote}"
    if isinstance(fact.value, bool) and written.islower():
        return str(fact.value).lower()
    if isinstance(fact.value, (list, tuple)) and not written.startswith(("[", "(")):
        # Items as a user types them after the flag: ``1 2``, not ``[1, 2]``.
        if not fact.value or any(isinstance(item, (list, tuple, dict)) for item in fact.value):
            return None
        return " ".join(str(item) for item in fact.value)
    return repr(fact.value)
