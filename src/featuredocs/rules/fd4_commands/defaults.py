"""Lenient comparison of a documented option default with the parser's default.

Pages write defaults the way people talk (``500``, ```500```, ``'csv'``, ``csv``,
``off``, ``none``); facts hold the default's ``repr``. Both sides are read into Python
values; when either side cannot be read with confidence the answer is "unknown", and
the rule stays silent.
"""

from __future__ import annotations

import ast
import re
from dataclasses import dataclass

_NONE_WORDS = frozenset({"none", "null", "nil", "unset", "not set", "no default"})
_TRUE_WORDS = frozenset({"true", "on", "yes", "enabled"})
_FALSE_WORDS = frozenset({"false", "off", "no", "disabled"})
_BARE_WORD = re.compile(r"[\w.:/@+-]+")
_WRAPPED_PATH = re.compile(r"\w*Path\((['\"])(.*)\1\)")
_REFERENCE = re.compile(r"settings\.|[A-Z][A-Z0-9]*_[A-Z0-9_]+")


@dataclass(frozen=True, slots=True)
class Value:
    """A default read from text; ``bare`` for an unquoted word that is not a literal."""

    value: object
    bare: bool = False


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


def same_default(documented: str, fact_default: str | None) -> bool | None:
    """True or False when the two defaults can be compared, None when unsure.

    A parser default of None with a concrete documented value is "unsure": commands
    often leave the default to ``handle()`` (``options["days"] or 30``).
    """
    doc, fact = documented_value(documented), fact_value(fact_default)
    if doc is None or fact is None:
        return None
    if fact.value is None:
        return True if doc.value is None else None
    if doc.bare and not isinstance(fact.value, str):
        return None
    return _canonical(doc.value) == _canonical(fact.value)


def render_default(fact_default: str, documented: str) -> str | None:
    """The parser's default written the way the page wrote its own, for a fix."""
    fact = fact_value(fact_default)
    if fact is None or fact.value is None:
        return None
    written = documented.strip().strip("`").strip()
    if isinstance(fact.value, str):
        quote = written[0] if written[:1] in {"'", '"'} else ""
        return f"{quote}{fact.value}{quote}"
    if isinstance(fact.value, bool) and written.islower():
        return str(fact.value).lower()
    return repr(fact.value)
