"""Each source file read and parsed once per run, and what is worked out from it once too.

A run reads the same files many times over: the scanners read every file of the project,
the Locator the models' modules, the URL adapters each view and its bases. Inside
``reading_once()`` a file is parsed on first use and its tree shared, and functions
wrapped in :func:`per_run` answer each question once. Outside it nothing is kept, so a
process that reads a project twice never sees a stale tree. Trees are shared: nothing
may change them. No Django here.
"""

from __future__ import annotations

import ast
import codecs
import contextlib
import functools
import io
import os
import re
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TypeVar

from featuredocs.collector import collector_paused

#: A source file larger than this is generated or vendored, not hand-written project code.
MAX_SOURCE_BYTES = 2_000_000

#: A line with its ending, where the Python tokenizer ends lines: ``\r\n``, ``\r`` or
#: ``\n``, never a form feed or the other breaks ``str.splitlines`` knows.
_SOURCE_LINE = re.compile(r"[^\r\n]*(?:\r\n|\r|\n)|[^\r\n]+")

F = TypeVar("F", bound=Callable[..., Any])


def source_lines(text: str) -> list[str]:
    """``text`` split into lines as ``ast.get_source_segment`` splits it, endings kept."""
    return _SOURCE_LINE.findall(text)


def source_segment(lines: Sequence[str], node: ast.AST) -> str | None:
    """The text of ``node`` as written, from its file's :func:`source_lines`; None when the
    node has no position. ``ast.get_source_segment`` gives the same, but splits the whole
    file again on every call."""
    try:
        start, end = node.lineno - 1, node.end_lineno  # type: ignore[attr-defined]
        first, last = node.col_offset, node.end_col_offset  # type: ignore[attr-defined]
    except AttributeError:
        return None
    if end is None or last is None or not 0 <= start < end <= len(lines):
        return None
    if end - start == 1:
        return lines[start].encode()[first:last].decode(errors="replace")
    head = lines[start].encode()[first:].decode(errors="replace")
    tail = lines[end - 1].encode()[:last].decode(errors="replace")
    return "".join([head, *lines[start + 1 : end - 1], tail])


@dataclass(eq=False)
class ParsedFile:
    """One file's text and tree, as ``parsed_file`` read it."""

    path: str
    tree: ast.Module
    text: str

    @functools.cached_property
    def lines(self) -> list[str]:
        return source_lines(self.text)

    def segment(self, node: ast.AST) -> str:
        return source_segment(self.lines, node) or ast.unparse(node)


@dataclass
class _Run:
    files: dict[str, ParsedFile | None] = field(default_factory=dict)
    answers: dict[Callable[..., Any], dict[Any, Any]] = field(default_factory=dict)


_run: _Run | None = None


@contextlib.contextmanager
def reading_once() -> Iterator[None]:
    """Share parsed files and :func:`per_run` answers until the block ends (nested blocks
    join the outer run).

    The cyclic garbage collector waits meanwhile: a run allocates hundreds of thousands of
    tree nodes, none of them in a cycle, and each allocation burst would otherwise make it
    walk every object of the process again (it doubles the cost of parsing).
    """
    global _run
    if _run is not None:
        yield
        return
    _run = _Run()
    try:
        with collector_paused():
            yield
    finally:
        _run = None


def per_run(function: F) -> F:
    """``function`` answered once per run for each set of (hashable) arguments."""

    @functools.wraps(function)
    def answer(*args: Any, **kwargs: Any) -> Any:
        if _run is None or kwargs:
            return function(*args, **kwargs)
        answers = _run.answers.setdefault(function, {})
        try:
            return answers[args]
        except KeyError:
            pass
        except TypeError:  # an argument that cannot be a key: no memory for it
            return function(*args)
        value = answers[args] = function(*args)
        return value

    return answer  # type: ignore[return-value]


def parsed_file(path: Path | str) -> ParsedFile | None:
    """The tree and text of one file, or None when it cannot be read or parsed."""
    key = os.fspath(path)
    if _run is None:
        return _parse(key)
    try:
        return _run.files[key]
    except KeyError:
        parsed = _run.files[key] = _parse(key)
        return parsed


def _parse(path: str) -> ParsedFile | None:
    try:
        if os.stat(path).st_size > MAX_SOURCE_BYTES:
            return None
        with open(path, encoding="utf-8") as handle:
            text = handle.read()
        return ParsedFile(path, ast.parse(text, filename=path), text)
    except (OSError, UnicodeDecodeError, SyntaxError, ValueError):
        return None


def parsed_for_import(path: str, data: bytes) -> ParsedFile | None:
    """The file an import is about to compile, parsed from the bytes it read, kept for the
    run as ``parsed_file`` would read it; None outside a run or where the two readings
    could differ (a coding cookie, a byte order mark, not UTF-8, too large)."""
    if _run is None or len(data) > MAX_SOURCE_BYTES or data.startswith(codecs.BOM_UTF8):
        return None
    if path in _run.files:
        return _run.files[path]
    if b"coding" in data[: _FIRST_TWO_LINES.match(data).end()]:  # type: ignore[union-attr]
        return None
    try:
        # what ``open(path, encoding="utf-8").read()`` gives: universal newlines
        text = io.IncrementalNewlineDecoder(None, translate=True).decode(data.decode(), final=True)
        tree = ast.parse(text, filename=path)
    except (UnicodeDecodeError, SyntaxError, ValueError):
        return None
    parsed = _run.files[path] = ParsedFile(path, tree, text)
    return parsed


#: Where PEP 263 lets a file name its encoding.
_FIRST_TWO_LINES = re.compile(rb"[^\r\n]*(?:\r\n|\r|\n)?[^\r\n]*")


#: Per node class, the fields that hold statements (``body``, ``handlers``, …).
_STATEMENT_FIELDS: dict[type, tuple[str, ...]] = {}
_BLOCK_FIELDS = frozenset({"body", "orelse", "finalbody", "handlers", "cases"})


def _statement_fields(kind: type) -> tuple[str, ...]:
    try:
        return _STATEMENT_FIELDS[kind]
    except KeyError:
        holds = issubclass(kind, ast.stmt | ast.Module | ast.excepthandler | ast.match_case)
        fields = tuple(f for f in kind._fields if f in _BLOCK_FIELDS) if holds else ()
        _STATEMENT_FIELDS[kind] = fields
        return fields


def child_statements(node: ast.AST) -> Iterator[ast.AST]:
    """The statements (and except handlers, match cases) directly inside ``node``, in the
    order of its fields."""
    for name in _statement_fields(type(node)):
        yield from getattr(node, name)


def statements(tree: ast.AST) -> Iterator[ast.AST]:
    """Every statement under ``tree`` (with the handlers and cases around them), in the
    order ``ast.walk`` meets them, without visiting a single expression: expressions never
    hold statements."""
    todo = [tree]
    position = 0
    while position < len(todo):
        node = todo[position]
        position += 1
        for name in _statement_fields(type(node)):
            todo.extend(getattr(node, name))
        yield node


#: Node classes that hold no other node worth a visit: names, constants, operators,
#: contexts and the like. About half of a tree's nodes.
LEAVES = frozenset({
    ast.Name, ast.Constant, ast.alias, ast.Pass, ast.Break, ast.Continue, ast.Global,
    ast.Nonlocal,
    *(cls for base in (ast.expr_context, ast.operator, ast.unaryop, ast.cmpop, ast.boolop)
      for cls in base.__subclasses__()),
})


def branches(tree: ast.AST) -> list[ast.AST]:
    """``tree`` and every node under it but the :data:`LEAVES`, in the order ``ast.walk``
    meets them, in a list: for readers that look for calls, subscripts, assignments and the
    like, which are never leaves. A list, not a generator per node: half the time."""
    found = [tree]
    append = found.append
    position = 0
    while position < len(found):
        node = found[position]
        position += 1
        for name in node._fields:
            value = getattr(node, name, None)
            if isinstance(value, list):
                for item in value:
                    if isinstance(item, ast.AST) and type(item) not in LEAVES:
                        append(item)
            elif isinstance(value, ast.AST) and type(value) not in LEAVES:
                append(value)
    return found


def child_nodes(node: ast.AST) -> list[ast.AST]:
    """``ast.iter_child_nodes(node)`` as a list."""
    found: list[ast.AST] = []
    for name in node._fields:
        value = getattr(node, name, None)
        if isinstance(value, list):
            found.extend(item for item in value if isinstance(item, ast.AST))
        elif isinstance(value, ast.AST):
            found.append(value)
    return found
