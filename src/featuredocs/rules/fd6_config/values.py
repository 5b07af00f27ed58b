"""Documented values against code defaults, compared the way a reader would.

``30`` and ``"30"`` are the same default, so are ``True`` and ``true``, ``30s`` and
``30`` (a number with its unit), ``50,000``, ``50.000`` and ``50000`` (a number with its
thousands grouped), ``“EUR”`` and ``EUR``, and ``a,b`` documents ``["a", "b"]`` as ``a, b``
documents ``"a,b"``. A code default we cannot evaluate (an expression, a
call) is never reported as different: :func:`same_value` then answers None.
"""

from __future__ import annotations

import ast
import operator
import re
from collections.abc import Callable
from functools import lru_cache
from os.path import commonprefix

from featuredocs.rules.fd4_commands.defaults import SCALE_OF, measured_in
from featuredocs.secrets import looks_secret, mask_text

__all__ = [
    "arithmetic", "display_default", "grouped_like", "is_placeholder", "looks_secret", "same_value", "shown",
    "unit_counted_in", "with_unit_of",
]

Normal = bool | float | str | tuple[str, ...]

_TRUE = frozenset({"true", "yes", "on"})
_FALSE = frozenset({"false", "no", "off"})

_PLACEHOLDER = re.compile(
    r"""^(?:
        your[-_ ].*|.*[-_]here|<.*>|\[.*\]|\{\{.*\}\}|\$\{.*\}|\$[A-Za-z_]\w*
        |x{3,}|\*{3,}|\.\.\.|…|change[-_]?me.*|replace[-_]?me.*|todo|tbd|example[-_]?value
    )$""",
    re.IGNORECASE | re.VERBOSE,
)

#: A number followed by its unit, as people write a default: ``30s``, ``48 hours``, ``15 min``.
_MEASURED = re.compile(r"(?P<number>-?\d+(?:\.\d+)?)\s*(?:[a-z]{1,12}|%)\.?", re.IGNORECASE)
#: A number with its thousands grouped, as prose and tables write it: ``50,000``, ``50 000``.
_DOT_GROUPED = re.compile(r"-?\d{1,3}(?:\.\d{3})+")
_GROUPED = re.compile(r"-?\d{1,3}(?P<sep>[,_ \u00a0\u202f])\d{3}(?:(?P=sep)\d{3})*(?=$|\.\d|\s*[a-z%])", re.IGNORECASE)

_OPERATORS: dict[type[ast.operator], Callable[[float, float], float]] = {
    ast.Add: operator.add,
    ast.Sub: operator.sub,
    ast.Mult: operator.mul,
    ast.Div: operator.truediv,
    ast.FloorDiv: operator.floordiv,
}


def is_placeholder(value: str) -> bool:
    """A value that stands for "some value" (``your_api_key_here``), not a default."""
    return bool(_PLACEHOLDER.match(value.strip()))


def shown(name: str, value: str) -> str:
    """``value`` as it may appear in a message: masked when it may hold a secret."""
    masked, _ = mask_text(name, value)
    return masked if masked is not None else value


#: A string default that reads like an attribute but names a file (``"shop.sqlite3"``;
#: the facts write a string default without its quotes).
_FILE_NAME = re.compile(r"^[\w-]+\.(?:sqlite3?|db|json|ya?ml|toml|ini|cfg|conf|log|txt|csv|pem|key|crt|html?|xml)$", re.I)


def same_value(documented: str, code_default: str) -> bool | None:
    """Whether a documented value equals a code default; None when we cannot tell."""
    code = normal_code_default(code_default)
    if code is None or code == "":
        return None  # an empty default means "unset": the page's value is an example
    if isinstance(code, str) and "," in code and "," in documented:
        # a comma-separated default is read as a list (decouple's Csv, env.list, .split):
        # "eu, us" documents the same two items as "eu,us"
        code = tuple(part.strip() for part in code.split(",") if part.strip())
    doc = normal_documented(documented, like=code)
    if doc != code and isinstance(code, float):
        # ``50.000`` is fifty thousand where a point groups the thousands (German, Spanish…)
        dotted = _DOT_GROUPED.fullmatch(unquote(documented.strip()))
        return dotted is not None and float(dotted[0].replace(".", "")) == code
    return doc == code


@lru_cache(maxsize=4096)
def normal_code_default(text: str) -> Normal | None:
    """A code default (a repr for non-strings, the string itself for strings), normalised."""
    try:
        value = ast.literal_eval(text)
    except (ValueError, SyntaxError, TypeError, MemoryError, RecursionError):
        number = arithmetic(text)
        if number is not None:
            return number
        if re.search(r"[()\[\]{}]", text) or re.match(r"^[A-Za-z_]\w*(\.\w+)+$", text) and not _FILE_NAME.match(text):
            return None  # a call, a container expression or an attribute: not comparable
        return _normal_text(text)
    return _normal_python(value)


def normal_documented(text: str, like: Normal | None = None) -> Normal:
    """A documented value, normalised to compare with a code default shaped ``like``."""
    text = unquote(text.strip())
    if isinstance(like, tuple):
        parsed = _literal_sequence(text)
        if parsed is not None:
            return parsed
        return tuple(part.strip() for part in text.split(",") if part.strip())
    if isinstance(like, bool) and text in {"1", "0"}:
        return text == "1"
    if isinstance(like, float):
        grouped = _GROUPED.match(text)
        if grouped is not None:
            text = grouped[0].replace(grouped["sep"], "") + text[grouped.end() :]
        measured = _MEASURED.fullmatch(text)
        if measured is not None:
            return float(measured["number"])  # `30s`, `48 hours`: the number is the default
    return _normal_text(text)


#: Typographic quotes, as word processors and other languages write them: each opening
#: quote with the closing ones it pairs with (“EUR”, „EUR“, «EUR», ‘EUR’).
_CURLY_QUOTES = {"“": "”", "„": "“”", "‘": "’", "‚": "‘’", "«": "»", "»": "«", "”": "”", "’": "’"}


def unquote(text: str) -> str:
    if len(text) >= 2 and (
        (text[0] == text[-1] and text[0] in "'\"") or text[-1] in _CURLY_QUOTES.get(text[0], "")
    ):
        return text[1:-1]
    return text


@lru_cache(maxsize=4096)
def arithmetic(text: str) -> float | None:
    """The value of ``60 * 15``-style arithmetic on numbers only, else None."""
    try:
        tree = ast.parse(text.strip(), mode="eval")
    except (SyntaxError, ValueError):
        return None
    return _evaluate(tree.body)


def _evaluate(node: ast.expr) -> float | None:
    if isinstance(node, ast.Constant) and type(node.value) in (int, float):
        return float(node.value)
    if isinstance(node, ast.UnaryOp) and isinstance(node.op, ast.USub):
        inner = _evaluate(node.operand)
        return -inner if inner is not None else None
    if isinstance(node, ast.BinOp) and type(node.op) in _OPERATORS:
        left, right = _evaluate(node.left), _evaluate(node.right)
        if left is None or right is None or (right == 0 and isinstance(node.op, ast.Div | ast.FloorDiv)):
            return None
        return _OPERATORS[type(node.op)](left, right)
    return None


def _normal_python(value: object) -> Normal | None:
    if isinstance(value, bool):
        return value
    if isinstance(value, int | float):
        return float(value)
    if isinstance(value, str):
        return _normal_text(value)
    if isinstance(value, list | tuple):
        return tuple(str(item) for item in value)
    return None  # None, dicts, sets: a documented text cannot be compared with them


def _normal_text(text: str) -> Normal:
    folded = text.strip().casefold()
    if folded in _TRUE:
        return True
    if folded in _FALSE:
        return False
    try:
        return float(text)
    except ValueError:
        return text.strip()


def _literal_sequence(text: str) -> tuple[str, ...] | None:
    try:
        value = ast.literal_eval(text)
    except (ValueError, SyntaxError, TypeError, MemoryError, RecursionError):
        return None
    return tuple(str(item) for item in value) if isinstance(value, list | tuple) else None


def display_default(code_default: str) -> str | None:
    """How a code default is written in a ``NAME=value`` line, or None when it is not plain."""
    normal = normal_code_default(code_default)
    if normal is None:
        return None
    if isinstance(normal, tuple):
        return ",".join(normal)
    if isinstance(normal, bool):
        return "True" if normal else "False"
    if isinstance(normal, float):
        return str(int(normal)) if normal.is_integer() else str(normal)
    return normal if re.fullmatch(r"[^\s'\"#]+", normal) else None


def unit_counted_in(documented: str, name: str) -> bool:
    """Whether ``documented`` has no unit, or the unit ``name`` counts in (``48h`` for
    ``window_hours``): ``15 minutes`` for a ``TIMEOUT`` kept in seconds is the same value."""
    measured = _MEASURED.fullmatch(documented.strip())
    if measured is None:
        return True
    unit = documented.strip()[measured.end("number") :].strip(" .").casefold()
    if not unit:
        return True
    # as an option's default is: a unit counts only in the one a name is measured in
    scale = SCALE_OF.get(unit)
    return scale is not None and scale in measured_in(name)


def grouped_like(documented: str, replacement: str) -> str:
    """``replacement`` with its thousands grouped as the page grouped its number
    (``10,000`` → ``50,000``)."""
    grouped = _GROUPED.match(documented.strip())
    if grouped is None or not re.fullmatch(r"-?\d+", replacement):
        return replacement
    return f"{int(replacement):,}".replace(",", grouped["sep"])


def with_unit_of(documented: str, replacement: str) -> str:
    """``replacement`` written with the unit the page gave its number (``45s`` → ``30s``)."""
    measured = _MEASURED.fullmatch(documented.strip())
    if measured is None or _MEASURED.fullmatch(replacement) or not re.fullmatch(r"-?\d+(?:\.\d+)?", replacement):
        return replacement
    return replacement + documented.strip()[measured.end("number") :]


def shown_apart(first: str, second: str, limit: int) -> tuple[str, str]:
    """Two values for a message, each cut to about ``limit`` characters where they are
    long, around where they first differ: ``/var/lib/invoicing/exports`` against
    ``/var/lib/invoicing/reports`` shows ``…invoicing/exports`` and ``…invoicing/reports``.
    The hint and the fix carry them whole."""
    if len(first) <= limit and len(second) <= limit:
        return first, second
    same = len(commonprefix([first, second]))
    context = limit // 3  # characters shown before the first that differs
    start = max(0, min(same - context, len(first) - limit + 1, len(second) - limit + 1)) if same > context else 0
    return _cut(first, start, limit), _cut(second, start, limit)


def _cut(value: str, start: int, limit: int) -> str:
    shown = ("…" + value[start:]) if start else value
    return shown if len(shown) <= limit else shown[: limit - 1] + "…"
