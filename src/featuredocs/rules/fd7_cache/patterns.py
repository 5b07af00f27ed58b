"""Cache key patterns: every interpolated part is a ``{}`` hole.

``f"orders:{order_id}:summary"``, ``"orders:{}:summary".format(pk)``,
``"orders:%s:summary" % pk`` and the prose forms ``orders:{order_id}:summary`` or
``orders:<id>:summary`` all give ``orders:{}:summary``. Two patterns agree when some key
fits both: holes are wildcards on either side, literal parts must match. A hole of the
code may stand for anything (its value is unknown: a prefix constant, a joined path); a
hole the page writes (``{order_id}``) stands for one value, so it never spans a separator
(``catalog:product:{pk}`` does not document ``catalog:product:{}:summary``), and nor does a
code hole that holds an id (``{order_id}``); one that holds a primary key (``{product.pk}``)
holds a number or a UUID: see :func:`narrowed`.
"""

from __future__ import annotations

import ast
import difflib
import re
from collections.abc import Callable
from functools import lru_cache

HOLE = "{}"
#: A code hole holding one id, which never spans a separator.
NARROW = "{.}"
#: A code hole holding a primary key: digits, or a UUID's.
KEY = "{#}"
_KEY_CHARACTERS = frozenset("0123456789abcdefABCDEF-")

#: Characters that split a key into parts; a documented placeholder never contains them.
SEPARATORS = frozenset(":/|")

_PROSE_HOLE = re.compile(r"\{[^{}]*\}|<[^<>\s]+>|%\([^)]*\)[sdrif]|%[sdrif]")


def pattern_from_text(text: str) -> str:
    """A plain string or a prose key: ``{name}``, ``<name>`` and ``%s`` are holes."""
    return _collapse(_PROSE_HOLE.sub(HOLE, text))


def pattern_from_fstring(node: ast.JoinedStr) -> str:
    return _fstring_pattern(node, lambda value: HOLE)


def _fstring_pattern(node: ast.JoinedStr, hole: Callable[[ast.expr], str]) -> str:
    parts = []
    for value in node.values:
        if isinstance(value, ast.Constant) and isinstance(value.value, str):
            parts.append(value.value.replace("{", "\x00").replace("}", "\x01"))
        else:
            parts.append(hole(value))
    return _collapse("".join(parts)).replace("\x00", "{").replace("\x01", "}")


def pattern_from_node(node: ast.expr) -> str | None:
    """The key pattern of a string expression, or None when it is not one."""
    if isinstance(node, ast.JoinedStr):
        return pattern_from_fstring(node)
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return pattern_from_text(node.value)
    if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr == "format":
        return pattern_from_node(node.func.value)
    if isinstance(node, ast.BinOp) and isinstance(node.op, ast.Mod):
        return pattern_from_node(node.left)
    if isinstance(node, ast.BinOp) and isinstance(node.op, ast.Add):
        left, right = pattern_from_node(node.left), pattern_from_node(node.right)
        return _collapse((left if left is not None else HOLE) + (right if right is not None else HOLE))
    return None


def _collapse(pattern: str) -> str:
    """Adjacent holes match what one hole matches."""
    while HOLE + HOLE in pattern:
        pattern = pattern.replace(HOLE + HOLE, HOLE)
    return pattern


#: The last name of an expression that holds an id (``order_id``, ``self.slug``), and of
#: one that holds a primary key (``pk``, ``order.id``, ``product_uuid``).
_ID_NAME = re.compile(r"(?:.*_)?(?:pk|id|uuid|slug)", re.IGNORECASE)
_KEY_NAME = re.compile(r"pk|id|uuid|.*_pk|.*_uuid", re.IGNORECASE)


def narrowed(pattern: str, raw: str) -> str:
    """``pattern``, the code's, with :data:`NARROW` for each hole of the f-string ``raw``
    that holds an id and :data:`KEY` for each that holds a primary key
    (``f"catalog:{slug}:v2:{product.pk}"`` gives ``catalog:{.}:v2:{#}``); unchanged when
    ``raw`` is not such an f-string, or the pattern was worked out from more than its text
    (a constant's value filled in)."""
    try:
        node = ast.parse(raw.strip(), mode="eval").body
    except (SyntaxError, ValueError):
        return pattern
    if not isinstance(node, ast.JoinedStr) or pattern_from_fstring(node) != pattern:
        return pattern
    shaped = _fstring_pattern(node, _hole_for)
    if _SIDE_BY_SIDE.search(shaped):
        return pattern  # holes side by side: what one holds may end in the other
    return shaped


_SIDE_BY_SIDE = re.compile(r"\{[.#]?\}\{[.#]?\}")


def _hole_for(value: ast.expr) -> str:
    if not isinstance(value, ast.FormattedValue) or value.format_spec is not None:
        return HOLE
    expression = value.value
    name = expression.attr if isinstance(expression, ast.Attribute) else getattr(expression, "id", None)
    if name is None or not _ID_NAME.fullmatch(name):
        return HOLE
    return KEY if _KEY_NAME.fullmatch(name) else NARROW


def _ends_fit(documented: str, code: str) -> bool:
    """A quick necessary test: the literal text before the first hole (and after the
    last) of one pattern must start (end) the other's."""
    code = code.replace(NARROW, HOLE).replace(KEY, HOLE)
    head_a, head_b = documented.split(HOLE, 1)[0], code.split(HOLE, 1)[0]
    tail_a, tail_b = documented.rsplit(HOLE, 1)[-1], code.rsplit(HOLE, 1)[-1]
    heads = head_a.startswith(head_b) or head_b.startswith(head_a)
    tails = tail_a.endswith(tail_b) or tail_b.endswith(tail_a)
    return heads and tails


_HOLES = re.compile(r"\{[.#]?\}")


def _tokens(pattern: str) -> list[str | None]:
    """Characters of the pattern, with None for each hole, :data:`NARROW` and :data:`KEY`
    for each of theirs."""
    tokens: list[str | None] = []
    at = 0
    for hole in _HOLES.finditer(pattern):
        tokens.extend(pattern[at:hole.start()])
        tokens.append(None if hole.group() == HOLE else hole.group())
        at = hole.end()
    tokens.extend(pattern[at:])
    return tokens


@lru_cache(maxsize=65536)
def patterns_agree(documented: str, code: str) -> bool:
    """Whether some key fits both patterns (holes match any text, the empty text too;
    a documented hole or a code hole holding an id no separator, one holding a primary key
    only a number or a UUID)."""
    if not _ends_fit(documented, code):
        return False
    a, b = _tokens(documented), _tokens(code)
    reachable = [[False] * (len(b) + 1) for _ in range(len(a) + 1)]
    reachable[0][0] = True
    for i in range(len(a) + 1):
        for j in range(len(b) + 1):
            if not reachable[i][j]:
                continue
            hole_a = i < len(a) and a[i] is None
            kind_b = b[j] if j < len(b) else ""
            hole_b = kind_b is None or kind_b in (NARROW, KEY)
            if hole_a:
                reachable[i + 1][j] = True
                if j < len(b) and kind_b not in SEPARATORS:
                    reachable[i][j + 1] = True
            if hole_b:
                reachable[i][j + 1] = True
                if i < len(a) and _holds(kind_b, a[i]):
                    reachable[i + 1][j] = True
            if i < len(a) and j < len(b) and not hole_a and not hole_b and a[i] == b[j]:
                reachable[i + 1][j + 1] = True
    return reachable[len(a)][len(b)]


def _holds(hole: str | None, token: str | None) -> bool:
    """Whether a code hole of this kind may hold the documented character (or hole)."""
    if token is None or hole is None:
        return True
    return token not in SEPARATORS if hole == NARROW else token in _KEY_CHARACTERS


_CODE = re.compile(r"""[\s()"'+]""")
_QUOTED = re.compile(r"""(?P<open>[rRfFuU]{0,2}(?P<quote>["']))(?P<body>.*)(?P=quote)""")


def rewritten(text: str, pattern: str) -> str | None:
    """``text``, a key as the page writes it, written as the code's ``pattern`` with the
    page's own holes in their order: ``f"catalog:product:{pk}:summary"`` as
    ``catalog:product:v2:{}:summary`` is ``f"catalog:product:v2:{pk}:summary"``. None when
    the two have not as many holes, or the key is no plain string of the page."""
    quoted = _QUOTED.fullmatch(text)
    head, body, tail = (quoted["open"], quoted["body"], quoted["quote"]) if quoted else ("", text, "")
    if _CODE.search(body):
        return None  # a call, a concatenation: only a string is rewritten
    holes = _PROSE_HOLE.findall(body)
    pieces = pattern.split(HOLE)
    if len(holes) != len(pieces) - 1 or pattern_from_text(body).count(HOLE) != len(holes):
        return None
    if any(mark in piece for piece in pieces for mark in ("{", "}", "<", "%", tail or "`")):
        return None  # the code's literal text would read as a hole, or end the string
    return head + "".join(piece + hole for piece, hole in zip(pieces, [*holes, ""], strict=True)) + tail


def likeness(documented: str, code: str) -> float:
    """How alike two patterns read, 0 to 1 (to pick the key a page most likely means)."""
    return difflib.SequenceMatcher(None, documented, code).ratio()
