"""The node ``inspect.getsource`` would read for a function or class, from the shared parse.

``inspect`` finds a class by walking its module's whole tree again on every call, and a
function by tokenizing from its first line; callers then parse the text it returns once
more. The definition is already in the file's tree, which every file gets once per run:
classes are indexed by qualified name the way ``inspect`` searches them, functions by the
line their code object starts on. Whatever this cannot settle (lambdas, compiled or
generated code, files that are gone) is left to ``inspect``. No Django here.
"""

from __future__ import annotations

import ast
import inspect
import re
import sys
import types
from dataclasses import dataclass
from typing import Any

from featuredocs.introspect.parsed import ParsedFile, child_statements, parsed_file, per_run

#: The lines ``inspect.findsource`` accepts as the start of a function.
_FUNCTION_START = re.compile(r"^(\s*def\s)|(\s*async\s+def\s)|(.*(?<!\w)lambda(:|\s))|^(\s*@)")
_FUNCTIONS = (ast.FunctionDef, ast.AsyncFunctionDef)


@dataclass(frozen=True, slots=True)
class Definition:
    file: ParsedFile
    node: ast.FunctionDef | ast.AsyncFunctionDef | ast.ClassDef
    line: int  # the first line inspect reports: the first decorator's, else the def's

    @property
    def dedents(self) -> bool:
        """Whether the source, cut out and dedented as ``inspect.getsource`` text is, parses:
        every line of it must carry the first line's indentation (a string or bracket
        running back to the left margin does not)."""
        lines = self.file.lines[self.line - 1 : self.node.end_lineno]
        first = lines[0]
        indent = first[: len(first) - len(first.lstrip(" \t"))]
        return not indent or all(
            line.startswith(indent) or not line.strip(" \t\r\n") for line in lines
        )


def source_file(obj: Any) -> str | None:
    """``inspect.getsourcefile(obj)`` for a class, function or method whose ``.py`` file
    reads; None when only ``inspect`` can tell."""
    if isinstance(obj, type):
        module = sys.modules.get(obj.__module__)
        filename = getattr(module, "__file__", None)
    else:
        code = _code(obj)
        filename = code.co_filename if code is not None else None
    if isinstance(filename, str) and filename.endswith(".py") and parsed_file(filename) is not None:
        return filename
    return None


@per_run
def definition(obj: Any) -> Definition | None:
    """Where ``inspect.getsourcelines(obj)`` would look, or None when only it can tell."""
    try:
        obj = inspect.unwrap(obj)
    except ValueError:
        return None
    filename = source_file(obj)
    if not filename:
        return None
    parsed = parsed_file(filename)
    if parsed is None:
        return None
    if isinstance(obj, type):
        node = _classes(parsed).get(obj.__qualname__)
        if node is None:
            return None
        return Definition(parsed, node, node.decorator_list[0].lineno if node.decorator_list else node.lineno)
    code = _code(obj)
    if code is None:
        return None
    function = _functions(parsed).get(code.co_firstlineno)
    if function is None or not _FUNCTION_START.match(parsed.lines[code.co_firstlineno - 1]):
        return None
    return Definition(parsed, function, code.co_firstlineno)


def _code(obj: Any) -> types.CodeType | None:
    if isinstance(obj, types.MethodType):
        obj = obj.__func__
    return obj.__code__ if isinstance(obj, types.FunctionType) else None


@per_run
def _classes(parsed: ParsedFile) -> dict[str, ast.ClassDef]:
    """Every class by ``__qualname__`` (``f.<locals>.C`` inside functions), the first one
    in source order when several share a name: as ``inspect`` finds them."""
    found: dict[str, ast.ClassDef] = {}

    def visit(node: ast.AST, prefix: str) -> None:
        for child in child_statements(node):
            if isinstance(child, ast.ClassDef):
                qualname = prefix + child.name
                found.setdefault(qualname, child)
                visit(child, qualname + ".")
            elif isinstance(child, _FUNCTIONS):
                visit(child, f"{prefix}{child.name}.<locals>.")
            else:
                visit(child, prefix)

    visit(parsed.tree, "")
    return found


@per_run
def _functions(parsed: ParsedFile) -> dict[int, ast.FunctionDef | ast.AsyncFunctionDef]:
    """Every function by its first line, its first decorator's when it has one."""
    found: dict[int, ast.FunctionDef | ast.AsyncFunctionDef] = {}

    def visit(node: ast.AST) -> None:
        for child in child_statements(node):
            if isinstance(child, _FUNCTIONS):
                first = child.decorator_list[0].lineno if child.decorator_list else child.lineno
                found.setdefault(first, child)
            visit(child)

    visit(parsed.tree)
    return found
