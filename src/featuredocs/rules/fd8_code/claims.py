"""What a page's code says: python blocks that do not parse, imports and dotted paths.

Python blocks are read as :mod:`featuredocs.rules.fd8_code.source` prepares them
(prompts and common indentation removed). Dotted paths are looked for where a reader
would copy one from: an inline code span that is nothing but the path
(`` `billing.tasks.send_reminders` ``) and string literals in python blocks
(``MIDDLEWARE`` entries, Celery's ``"task": "billing.tasks.x"``).
"""

from __future__ import annotations

import ast
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from functools import lru_cache

from featuredocs.model import CodeBlock, Page, Span
from featuredocs.rules.base import CheckContext
from featuredocs.rules.fd8_code.source import (
    PythonSource,
    is_python,
    per_distinct_block,
    python_source,
)
from featuredocs.rules.pyblocks import parsed

DOTTED = re.compile(r"[A-Za-z_]\w*(?:\.[A-Za-z_]\w*)+")
_STRING_PATH = re.compile(r"""(?P<q>["'])(?P<path>[A-Za-z_]\w*(?:\.[A-Za-z_]\w*){2,})(?P=q)""")
_LOGGER = re.compile(r"\bgetLogger\s*\(")
_DICT_KEY = re.compile(r"\s*:")
_PLACEHOLDER = re.compile(r"\[[A-Z][\w .-]*\]|<[A-Za-z][\w .-]*>|…|\{\{.*?\}\}")
_FILE_SUFFIXES = frozenset({"py", "md", "txt", "html", "json", "yml", "yaml", "toml", "cfg",
                            "ini", "csv", "js", "css", "sh", "log", "env", "lock", "sql"})
_MESSAGE_LIMIT = 48
#: What an IPython session types besides Python: magics, shell escapes, ``name?`` help.
_SHELL_LINE = re.compile(r"^(\s*)(?:%%?[A-Za-z_]|![^=]|[\w.]+\?{1,2}\s*$)")


@dataclass(frozen=True, slots=True)
class SyntaxErrorClaim:
    message: str  # Python's own words: "'(' was never closed"
    span: Span


@dataclass(frozen=True, slots=True)
class ImportClaim:
    """``from module import name`` (``name`` None for ``import module``).

    ``span`` points at ``name`` when there is one, else at the module;
    ``module_span`` at the module as written. Both are worked out when read: only an
    import that does not resolve needs them.
    """

    module: str
    name: str | None
    #: the block, the statement, the alias, and by how many lines a repeat is moved
    _at: tuple[PythonSource, ast.Import | ast.ImportFrom, ast.alias, int] = field(
        compare=False, repr=False
    )
    #: under ``try: … except ImportError:``: the example expects it may fail
    guarded: bool = False

    @property
    def span(self) -> Span:
        source, _, alias, lines = self._at
        return _alias_span(source, alias).shifted(lines)

    @property
    def module_span(self) -> Span:
        source, node, alias, lines = self._at
        if isinstance(node, ast.Import):
            return _alias_span(source, alias).shifted(lines)
        return _module_span(source, node, node.module or "").shifted(lines)

    def moved(self, lines: int) -> ImportClaim:
        source, node, alias, before = self._at
        return ImportClaim(self.module, self.name, (source, node, alias, before + lines), self.guarded)


@dataclass(frozen=True, slots=True)
class DottedPathClaim:
    path: str
    span: Span  # the inline code incl. backticks, or the string literal incl. quotes


@dataclass(frozen=True, slots=True)
class CodeClaims:
    syntax_errors: tuple[SyntaxErrorClaim, ...]
    imports: tuple[ImportClaim, ...]
    dotted_paths: tuple[DottedPathClaim, ...]


def claims_for(page: Page, ctx: CheckContext) -> CodeClaims:
    return ctx.memo("fd8.claims", page, extract)


def extract(page: Page) -> CodeClaims:
    errors: list[SyntaxErrorClaim] = []
    imports: list[ImportClaim] = []
    paths: list[DottedPathClaim] = list(_inline_paths(page))
    for code in page.code_blocks:
        if is_python(code):
            block = _block_claims(page, code)
            errors.extend(block.syntax_errors)
            imports.extend(block.imports)
            paths.extend(block.dotted_paths)
    return CodeClaims(tuple(errors), tuple(imports), tuple(sorted(paths, key=lambda p: p.span)))


def _moved(claims: CodeClaims, lines: int) -> CodeClaims:
    return CodeClaims(
        tuple(SyntaxErrorClaim(e.message, e.span.shifted(lines)) for e in claims.syntax_errors),
        tuple(claim.moved(lines) for claim in claims.imports),
        tuple(DottedPathClaim(p.path, p.span.shifted(lines)) for p in claims.dotted_paths),
    )


@per_distinct_block(_moved)
def _block_claims(page: Page, code: CodeBlock) -> CodeClaims:
    """One python block's claims, in the block's order."""
    source = python_source(page, code)
    errors: tuple[SyntaxErrorClaim, ...] = ()
    imports: tuple[ImportClaim, ...] = ()
    if source.tree is not None:
        if "import" in source.text:
            imports = tuple(_imports(source))
    else:
        error = _syntax_error(source)
        errors = (error,) if error is not None else ()
    return CodeClaims(errors, imports, tuple(_string_paths(source)))


# --- syntax errors ----------------------------------------------------------------------


def _syntax_error(source: PythonSource) -> SyntaxErrorClaim | None:
    error = source.syntax_error
    if error is None or _is_placeholder_block(source, error):
        return None
    if _is_shell_line(source, error):
        error = _error_past_shell_lines(source)
        if error is None:
            return None
    lineno = error.lineno or 1
    line_count = len(source.lines)
    if lineno > line_count:  # an error at the end of input: point at the last line
        lineno = line_count
        column = len(source.source_lines[lineno - 1]) if line_count else 0
    else:
        column = max((error.offset or 1) - 1, 0)
    text = source.source_lines[lineno - 1] if source.source_lines else ""
    column = min(column, len(text))
    end = column + 1 if column < len(text) else column
    message = error.msg if len(error.msg) <= _MESSAGE_LIMIT else error.msg[: _MESSAGE_LIMIT - 1] + "…"
    return SyntaxErrorClaim(message, source.span(lineno, column, end))


def _is_placeholder_block(source: PythonSource, error: SyntaxError) -> bool:
    """Template filler (``[ModelName]``, ``<your value>``, ``...`` as an elision)."""
    body = source.text.strip()
    if body in ("", "...", "…") or _PLACEHOLDER.search(source.text):
        return True
    lineno = error.lineno or 0
    line = source.source_lines[lineno - 1] if 0 < lineno <= len(source.source_lines) else ""
    return "..." in line


def _is_shell_line(source: PythonSource, error: SyntaxError) -> bool:
    lineno = error.lineno or 0
    return 0 < lineno <= len(source.source_lines) and bool(
        _SHELL_LINE.match(source.text.split("\n")[lineno - 1])
    )


def _error_past_shell_lines(source: PythonSource) -> SyntaxError | None:
    """The block's first error once IPython's own lines (``%timeit …``, ``!ls``,
    ``Order?``) are read as the no-ops they are to the Python around them; the lines
    keep their places, so the error does too."""
    lines = [
        f"{match.group(1)}pass" if (match := _SHELL_LINE.match(line)) else line
        for line in source.text.split("\n")
    ]
    return parsed("\n".join(lines)).error


# --- imports ----------------------------------------------------------------------------


def _imports(source: PythonSource) -> Iterator[ImportClaim]:
    """The block's imports in the order they are written, nested ones included: statements
    read in source order are in the order a walk of the statements meets them."""
    index = parsed(source.text).index
    guarded = _guarded_imports(index.of_type(ast.Try))
    statements = [*index.of_type(ast.ImportFrom), *index.of_type(ast.Import)]
    statements.sort(key=lambda node: (node.lineno, node.col_offset))
    for node in statements:
        if isinstance(node, ast.ImportFrom):
            if node.module and node.level == 0:
                for alias in node.names:
                    if alias.name != "*":
                        yield ImportClaim(node.module, alias.name, (source, node, alias, 0),
                                          id(node) in guarded)
        else:
            for alias in node.names:
                yield ImportClaim(alias.name, None, (source, node, alias, 0), id(node) in guarded)


def _guarded_imports(tries: Iterable[ast.Try]) -> set[int]:
    """Ids of the imports under ``try: … except ImportError:``."""
    guarded: set[int] = set()
    for node in tries:
        if any(_catches_import_error(handler.type) for handler in node.handlers):
            for statement in node.body:
                guarded.update(id(n) for n in ast.walk(statement) if isinstance(n, ast.Import | ast.ImportFrom))
    return guarded


def _catches_import_error(caught: ast.expr | None) -> bool:
    names = caught.elts if isinstance(caught, ast.Tuple) else [caught]
    return any(isinstance(n, ast.Name) and n.id in {"ImportError", "ModuleNotFoundError"} for n in names)


def _alias_span(source: PythonSource, alias: ast.alias) -> Span:
    whole = source.node_span(alias)
    return Span(whole.line, whole.column, whole.line, whole.column + len(alias.name))


def _module_span(source: PythonSource, node: ast.ImportFrom, module: str) -> Span:
    text = source.source_lines[node.lineno - 1]
    match = _from_module(module).search(text)
    if match is None:
        return source.node_span(node)
    return source.span(node.lineno, match.start(1), match.end(1))


@lru_cache(maxsize=4096)
def _from_module(module: str) -> re.Pattern[str]:
    """``from billing.models`` as a line may spell it, spaces around the dots allowed."""
    spelled = r"\s*\.\s*".join(re.escape(part) for part in module.split("."))
    return re.compile(rf"\bfrom\s+({spelled})")


# --- dotted paths -------------------------------------------------------------------------


def _inline_paths(page: Page) -> Iterator[DottedPathClaim]:
    for code in page.codes:
        path = _inline_path(code.text)
        if path is not None:
            yield DottedPathClaim(path, code.span)


@lru_cache(maxsize=8192)
def _inline_path(text: str) -> str | None:
    """The dotted path an inline code is, once per distinct text (field names repeat)."""
    text = text.strip()
    text = text[:-2] if text.endswith("()") else text
    return text if DOTTED.fullmatch(text) and _path_shaped(text) else None


def _string_paths(source: PythonSource) -> Iterator[DottedPathClaim]:
    if _STRING_PATH.search(source.text) is None:  # most blocks quote no path at all
        return
    for located in source.lines:
        if _LOGGER.search(located.text):
            continue  # logger names are dotted by convention, not paths
        for match in _STRING_PATH.finditer(located.text):
            if _DICT_KEY.match(located.text, match.end()):
                continue  # a dict key (`"loggers": {"orders.audit.trail": …}`) names, not points
            if _path_shaped(match["path"]):
                yield DottedPathClaim(match["path"], located.span(*match.span()))


def _path_shaped(path: str) -> bool:
    """Three segments or more, and not a file name (``orders.models.py``)."""
    parts = path.split(".")
    return len(parts) >= 3 and parts[-1].lower() not in _FILE_SUFFIXES
