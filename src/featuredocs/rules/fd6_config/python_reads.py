"""Variables a Python example reads: ``os.getenv("X", "48")``, ``os.environ.get("X")``,
``os.environ["X"]``, django-environ's ``env("X", default=…)`` and ``env.int(…)``,
python-decouple's ``config("X", default=…)``.

A settings snippet on a page repeats the project's reads; when the code changes, the
snippet goes stale like any list of variables. Such a snippet may also show a read the
page proposes, so its names are judged like names met in passing (FD601 reports only a
misspelt or renamed one), and a default it gives is compared as a default (FD602).
"""

from __future__ import annotations

import ast
from collections.abc import Iterator

from featuredocs.model import CodeBlock, Page, Span
from featuredocs.rules.fd8_code.source import PythonSource, is_python, per_distinct_block, python_source
from featuredocs.rules.pyblocks import parsed

#: ``(name, its span, default, the default's span)``; the spans leave out the quotes.
Read = tuple[str, Span, str | None, Span | None]

_ENV_CALLS = frozenset({"getenv", "env", "config"})
_ENV_CASTS = frozenset({"str", "bool", "int", "float", "list", "tuple", "dict", "json", "url", "db", "db_url",
                        "cache", "cache_url", "email", "email_url", "search_url", "path", "decimal"})


def python_reads(page: Page) -> Iterator[Read]:
    for code in page.code_blocks:
        if is_python(code) and _may_read(code.text):
            yield from _block_reads(page, code)


def _may_read(text: str) -> bool:
    """Whether the text names a way to read a variable; the first test rules out most
    blocks, without looking for each way in turn."""
    if "env" in text:
        return "environ" in text or "env(" in text or "env." in text or "getenv" in text or "config(" in text
    return "config(" in text


def _moved(found: tuple[Read, ...], lines: int) -> tuple[Read, ...]:
    return tuple(
        (name, span.shifted(lines), default, default_span.shifted(lines) if default_span else None)
        for name, span, default, default_span in found
    )


@per_distinct_block(_moved)
def _block_reads(page: Page, code: CodeBlock) -> tuple[Read, ...]:
    source = python_source(page, code)
    if source.tree is None:
        return ()
    found: list[Read] = []
    index = parsed(source.text).index
    for call in index.of_type(ast.Call):
        if _reads_environment(call.func) and call.args and _is_text(call.args[0]):
            default = call.args[1] if len(call.args) > 1 else next(
                (k.value for k in call.keywords if k.arg == "default"), None
            )
            found.append(_read(source, call.args[0], default))
    for subscript in index.of_type(ast.Subscript):
        if _is_os_environ(subscript.value) and _is_text(subscript.slice):
            found.append(_read(source, subscript.slice, None))
    return tuple(sorted(found, key=lambda read: read[1]))


def _read(source: PythonSource, name: ast.expr, default: ast.expr | None) -> Read:
    assert isinstance(name, ast.Constant)
    value = default.value if isinstance(default, ast.Constant) and default.value is not None else None
    return (
        str(name.value),
        _inside_quotes(source.node_span(name)),
        str(value) if value is not None else None,
        (_inside_quotes(source.node_span(default)) if isinstance(value, str) else source.node_span(default))
        if value is not None and default is not None else None,
    )


def _reads_environment(func: ast.expr) -> bool:
    """``os.getenv``, ``os.environ.get``, ``env``/``env.int``, ``config``."""
    if isinstance(func, ast.Name):
        return func.id in _ENV_CALLS
    if not isinstance(func, ast.Attribute):
        return False
    if func.attr == "getenv":
        return isinstance(func.value, ast.Name) and func.value.id == "os"
    if func.attr == "get":
        return _is_os_environ(func.value)
    return func.attr in _ENV_CASTS and isinstance(func.value, ast.Name) and func.value.id == "env"


def _is_os_environ(node: ast.expr) -> bool:
    return (isinstance(node, ast.Attribute) and node.attr == "environ" and isinstance(node.value, ast.Name)
            and node.value.id == "os") or (isinstance(node, ast.Name) and node.id == "environ")


def _is_text(node: ast.expr) -> bool:
    return isinstance(node, ast.Constant) and isinstance(node.value, str) and node.value.isupper()


def _inside_quotes(span: Span) -> Span:
    if span.line != span.end_line or span.end_column - span.column < 2:
        return span
    return Span(span.line, span.column + 1, span.line, span.end_column - 1)
