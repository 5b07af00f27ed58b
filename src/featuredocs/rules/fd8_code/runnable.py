"""The examples of a page that ``check --execute`` runs: Python blocks, ``manage.py``
command lines and HTTP requests, each as a reader would copy it.

Left out, since running them proves nothing about the page or cannot be done as written:

- a Python block that does not parse (FD801's), or that is an excerpt of the project's
  files rather than an example: it names a file in its first comment (``# settings.py``),
  defines a class, or only assigns settings (``CACHES = {…}``) and ``urlpatterns``;
- a command line with placeholders (``<path>``, ``[options]``), one that asks for help, one
  that pipes or redirects, and one naming a file (``supplier/products.csv``): the file is
  the reader's;
- a request to a full URL, or whose path holds a placeholder (``/orders/{id}/``);

A request's documented answer is the next JSON block (or ``http`` block starting with
``HTTP/1.1 201 Created``) in its section, before any other request, unless the line above
it calls it a request (``**Request body:**``).
- a block right under ``<!-- featuredocs: ignore FD805 -->``, and every block of a page
  under ``<!-- featuredocs: ignore-file FD805 -->``.
"""

from __future__ import annotations

import ast
import re
from collections.abc import Iterator
from dataclasses import replace

from featuredocs.model import CodeBlock, Page
from featuredocs.model.examples import Example, ExampleKind
from featuredocs.rules.fd4_commands.invocations import invocations_in_block
from featuredocs.rules.fd5_endpoints.paths import parse_request_line
from featuredocs.rules.fd8_code.python_text import prepared_python
from featuredocs.rules.fd8_code.source import is_python
from featuredocs.rules.pyblocks import parsed
from featuredocs.rules.shell import SHELL_LANGUAGES

_FILE_COMMENT = re.compile(r"#\s*(?:in\s+|file:\s*)?[\w./-]*\w\.py\b", re.I)
_PLACEHOLDER_PATH = re.compile(r"[{}<>]|/:\w|\.\.\.|…")
_MODULE_NAMES = frozenset({"urlpatterns", "app_name"})
_PLUMBING = frozenset("|<>;&")
_ASKS_HELP = frozenset({"-h", "--help", "--version"})
_FILE_NAME = re.compile(r"(?:^|=)(?:[\w.~-]*/)+[\w.-]*$|(?:^|=)[\w.~/-]*\w\.[A-Za-z][A-Za-z0-9]{0,4}$")


def runnable_examples(page: Page) -> tuple[Example, ...]:
    """The page's examples to run, in page order."""
    found: list[Example] = []
    blocks = page.code_blocks
    for index, code in enumerate(blocks):
        if any(suppression.covers(_CODE, code.span.line) for suppression in page.suppressions):
            continue
        if is_python(code):
            example = _python(code)
            if example is not None:
                found.append(example)
        elif code.language == "http":
            request = _request(code)
            if request is not None:
                answer = _answer(page, code, blocks[index + 1 :])
                if answer is not None:
                    request = replace(request, answer=answer.text.strip("\n"), answer_line=answer.first_line)
                found.append(request)
        elif code.language in SHELL_LANGUAGES:
            found.extend(_commands(page, code))
    return tuple(found)


_CODE = "FD805"


def _python(code: CodeBlock) -> Example | None:
    prepared = prepared_python(code.text)[1]
    tree = parsed(prepared.text).tree
    if tree is None or not tree.body or _is_excerpt(tree, prepared.lines):
        return None
    return Example(ExampleKind.PYTHON, code.first_line, prepared.text)


def _is_excerpt(tree: ast.Module, lines: tuple[str, ...]) -> bool:
    first = next((line.strip() for line in lines if line.strip()), "")
    if _FILE_COMMENT.match(first):
        return True
    if any(isinstance(node, ast.ClassDef) for node in tree.body):
        return True
    assigned = [node for node in tree.body if not isinstance(node, (ast.Import, ast.ImportFrom))]
    return bool(assigned) and all(_assigns_module_name(node) for node in assigned)


def _assigns_module_name(node: ast.stmt) -> bool:
    """``DEBUG = True``, ``CACHES["default"] = …``, ``urlpatterns = […]``."""
    if isinstance(node, ast.Assign):
        targets = node.targets
    elif isinstance(node, (ast.AnnAssign, ast.AugAssign)):
        targets = [node.target]
    else:
        return False
    return all(_module_name(target) for target in targets)


def _module_name(target: ast.expr) -> bool:
    while isinstance(target, (ast.Subscript, ast.Attribute)):
        target = target.value
    return isinstance(target, ast.Name) and (target.id.isupper() or target.id in _MODULE_NAMES)


def _request(code: CodeBlock) -> Example | None:
    first = code.text.lstrip("\n").split("\n", 1)[0].strip()
    target = parse_request_line(first)
    if target is None or target.absolute or _PLACEHOLDER_PATH.search(first):
        return None
    return Example(ExampleKind.HTTP, code.first_line, code.text.strip("\n"))


def _answer(page: Page, request: CodeBlock, after: tuple[CodeBlock, ...]) -> CodeBlock | None:
    """The block that shows what ``request`` is answered with, if the page shows it."""
    section = page.section_at(request.span.line)
    for code in after:
        if page.section_at(code.span.line) != section:
            return None
        text = code.text.lstrip()
        if code.language == "http" and not _STATUS_LINE.match(text):
            return None  # the next request
        if _STATUS_LINE.match(text) or (code.language in _JSON_LANGUAGES and text[:1] in ("{", "[")):
            above = _line_above(page, code.span.line).lower()
            return None if "request" in above and "response" not in above else code
    return None


_STATUS_LINE = re.compile(r"HTTP/[\d.]+\s+\d{3}\b")
_JSON_LANGUAGES = frozenset({"json", "jsonc", "json5", "javascript", "js", ""})


def _line_above(page: Page, line: int) -> str:
    """The nearest line above ``line`` with text on it."""
    for above in range(line - 1, 0, -1):
        text = page.line_text(above).strip()
        if text:
            return text
    return ""


def _commands(page: Page, code: CodeBlock) -> Iterator[Example]:
    for invocation in invocations_in_block(page, code):
        argv = invocation.argv
        if invocation.illustrative or invocation.asks_help or _ASKS_HELP.intersection(argv):
            continue
        if _PLUMBING.intersection(page.line_text(invocation.line)) or any(_FILE_NAME.search(arg) for arg in argv):
            continue
        yield Example(ExampleKind.COMMAND, invocation.line, "\n".join([invocation.name, *argv]))
