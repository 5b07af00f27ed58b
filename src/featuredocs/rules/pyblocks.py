"""Python example text parsed once, for every family that reads it.

The model, configuration, cache and code families each prepare a page's Python blocks
their own way (prompts, indentation), but nearly always arrive at the same text, and
docs written from one template repeat their examples from page to page. Each distinct
text is parsed and walked once here. Callers only read the trees: none may change them,
and two blocks of one page that must not share nodes parse the second copy themselves.
"""

from __future__ import annotations

import ast
from functools import cached_property, lru_cache

#: Distinct example texts kept; a docs tree rarely has more, and a long-lived process
#: (the Django system check) must not grow without bound.
_CACHED_TEXTS = 8192


def parse_python(text: str) -> ast.Module:
    """Parse like a notebook would: top-level ``await`` is allowed in examples."""
    flags = ast.PyCF_ONLY_AST | ast.PyCF_ALLOW_TOP_LEVEL_AWAIT
    return compile(text, "<example>", "exec", flags=flags, dont_inherit=True)


class Parsed:
    """What parsing one text gave: a module, or the syntax error, or neither (a null
    byte). ``nodes`` is every node of the module in ``ast.walk`` order."""

    def __init__(self, tree: ast.Module | None, error: SyntaxError | None) -> None:
        self.tree = tree
        self.error = error

    @cached_property
    def nodes(self) -> tuple[ast.AST, ...]:
        return tuple(ast.walk(self.tree)) if self.tree is not None else ()


@lru_cache(maxsize=_CACHED_TEXTS)
def parsed(text: str) -> Parsed:
    """``text`` parsed, once per distinct text."""
    return parse_fresh(text)


def parse_fresh(text: str) -> Parsed:
    """``text`` parsed into nodes of its own, shared with no other caller."""
    try:
        return Parsed(parse_python(text), None)
    except SyntaxError as error:
        return Parsed(None, error)
    except ValueError:  # null bytes: not something an example should hold
        return Parsed(None, None)
