"""Python code blocks of a page as ``ast`` trees that know where they sit in the page.

Examples in documentation are untidy: interactive sessions (``>>> ``), blocks indented
inside a list, a sketch with one line of pseudo-code. Each block is parsed whole when it
can be; otherwise each blank-line separated chunk is parsed on its own, so one broken
line does not hide the rest of the block. Syntax errors themselves are FD801's business.
"""

from __future__ import annotations

import ast
from collections.abc import Callable, Iterator
from dataclasses import dataclass

from featuredocs.model import CodeBlock, Page, Span
from featuredocs.rules.fd8_code.python_text import Prepared, prepared_python
from featuredocs.rules.fd8_code.source import is_python, placement
from featuredocs.rules.pyblocks import N, NodeIndex, parse_fresh, parsed



@dataclass(frozen=True, slots=True)
class ImportedName:
    """``from module import name as alias`` in one of the page's Python blocks."""

    alias: str
    module: str
    name: str


class PythonBlock:
    """A parsed Python block. ``trees`` holds one module, or one per parsable chunk.

    ``columns[i]`` is how many characters precede the parsed text of block line ``i + 1``
    on its page line (the block's indentation, a ``>>> `` prompt), so an ``ast`` column
    maps to a page column without guessing. Most blocks never place a node on the page,
    so the columns are worked out on first use.
    """

    __slots__ = ("code", "trees", "lines", "index", "_page", "_removed", "_columns")

    def __init__(
        self, page: Page, code: CodeBlock, trees: tuple[ast.Module, ...], prepared: Prepared,
        index: NodeIndex,
    ) -> None:
        self.code = code
        self.trees = trees
        self.lines: tuple[str, ...] = prepared.lines  # the parsed text, line by line
        self.index = index  # every node, walked once for every reader
        self._page = page
        self._removed = prepared.removed
        self._columns: tuple[int, ...] | None = None

    @property
    def columns(self) -> tuple[int, ...]:
        if self._columns is None:
            # what precedes each line on the page (list indentation), as the code family finds it
            on_page = placement(self._page, self.code).columns
            if on_page is None:
                self._columns = self._removed
            else:
                self._columns = tuple(
                    column - 1 + removed for column, removed in zip(on_page, self._removed, strict=True)
                )
        return self._columns

    def nodes(self) -> tuple[ast.AST, ...]:
        return self.index.nodes

    def of_type(self, kind: type[N]) -> list[N]:
        """The block's nodes of one type, in ``ast.walk`` order."""
        return self.index.of_type(kind)

    def span(self, lineno: int, col_offset: int, length: int) -> Span:
        """The page span of ``length`` characters at an ``ast`` position (bytes)."""
        index = lineno - 1
        text = self.lines[index] if 0 <= index < len(self.lines) else ""
        chars = len(text.encode("utf-8")[:col_offset].decode("utf-8", errors="ignore"))
        lead = self.columns[index] if 0 <= index < len(self.columns) else 0
        return Span.at(self.code.first_line + index, lead + chars + 1, length)

    def node_span(self, node: ast.expr | ast.keyword, length: int | None = None) -> Span:
        """The span of a node that sits on one line; ``length`` defaults to the node's."""
        if length is None:
            same_line = getattr(node, "end_lineno", None) == node.lineno
            end = getattr(node, "end_col_offset", None)
            length = _char_length(self, node.lineno, node.col_offset, end) if same_line else 0
        return self.span(node.lineno, node.col_offset, length)

    def string_span(self, node: ast.Constant) -> Span:
        """The span of a one-line string literal's content, quotes and prefix excluded."""
        full = self.node_span(node)
        value = node.value if isinstance(node.value, str) else ""
        literal = _source(self, node.lineno, node.col_offset, node.end_col_offset)
        offset = literal.find(value) if value and node.end_lineno == node.lineno else -1
        if offset < 0:
            return full
        return Span.at(full.line, full.column + offset, len(value))


def _source(block: PythonBlock, lineno: int, start: int, end: int | None) -> str:
    raw = block.lines[lineno - 1].encode("utf-8") if lineno - 1 < len(block.lines) else b""
    return raw[start:end].decode("utf-8", errors="ignore")


def _char_length(block: PythonBlock, lineno: int, start: int, end: int | None) -> int:
    return 0 if end is None else len(_source(block, lineno, start, end))


def python_blocks(page: Page) -> tuple[PythonBlock, ...]:
    """Every Python block of the page that has at least one parsable chunk."""
    blocks = []
    texts: set[str] = set()
    for code in page.code_blocks:
        if is_python(code):
            block = parse_block(page, code, texts)
            if block is not None:
                blocks.append(block)
    return tuple(blocks)


def parse_block(page: Page, code: CodeBlock, texts: set[str] | None = None) -> PythonBlock | None:
    """The block parsed. Its trees are those every reader of the text shares, unless
    the text is in ``texts`` (those of the page's earlier blocks, which it joins): the
    ORM rules tell nodes apart by identity across a page's blocks."""
    prepared = prepared_python(code.text)[0]
    text = prepared.text
    whole = parse_fresh(text) if texts is None or text in texts else parsed(text)
    if texts is not None:
        texts.add(text)
    if whole.tree is not None:
        return PythonBlock(page, code, (whole.tree,), prepared, whole.index)
    trees = _parse_chunks(list(prepared.lines))
    if not trees:
        return None
    return PythonBlock(page, code, trees, prepared, NodeIndex(trees))


def _parse_chunks(lines: list[str]) -> tuple[ast.Module, ...]:
    """A block that does not parse whole: each paragraph, else each statement, alone."""
    trees = []
    for start, chunk in _chunks(lines, _paragraph_breaks):
        tree = _try_parse(chunk, start)
        if tree is not None:
            trees.append(tree)
            continue
        for sub_start, statement in _chunks(chunk, _statement_breaks):
            tree = _try_parse(statement, start + sub_start)
            if tree is not None:
                trees.append(tree)
    return tuple(trees)


def _try_parse(lines: list[str], start: int) -> ast.Module | None:
    try:
        tree = ast.parse("\n".join(lines))
    except (SyntaxError, ValueError):
        return None
    if start:
        ast.increment_lineno(tree, start)
    return tree


_CONTINUATIONS = ("else", "elif", "except", "finally", "case", ")", "]", "}", " ", "\t")


def _paragraph_breaks(chunk: list[str], line: str) -> bool:  # noqa: ARG001
    return not line.strip()


def _statement_breaks(chunk: list[str], line: str) -> bool:
    """A new top-level statement starts: column 0, not a continuation, previous complete."""
    if line.startswith(_CONTINUATIONS):
        return False
    if chunk[-1].lstrip().startswith("@"):
        return False
    text = "\n".join(chunk)
    balanced = all(text.count(a) <= text.count(b) for a, b in ("()", "[]", "{}"))
    return balanced and not text.rstrip().endswith((":", "\\", ","))


def _chunks(
    lines: list[str], breaks_before: Callable[[list[str], str], bool]
) -> Iterator[tuple[int, list[str]]]:
    """Runs of non-blank lines, cut where ``breaks_before(chunk, line)`` says."""
    start, chunk = 0, []
    for index, line in enumerate(lines):
        if chunk and breaks_before(chunk, line):
            yield start, chunk
            chunk = []
        if line.strip():
            if not chunk:
                start = index
            chunk.append(line)
    if chunk:
        yield start, chunk


def imported_names(blocks: tuple[PythonBlock, ...]) -> tuple[ImportedName, ...]:
    """Every ``from x import y`` of the page, in order (relative imports kept as written)."""
    found: list[ImportedName] = []
    for block in blocks:
        for node in block.of_type(ast.ImportFrom):
            if node.module:
                module = "." * node.level + node.module
                for alias in node.names:
                    if alias.name != "*":
                        found.append(ImportedName(alias.asname or alias.name, module, alias.name))
    return tuple(found)
