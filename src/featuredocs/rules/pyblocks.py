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
from typing import TypeVar

N = TypeVar("N", bound=ast.AST)

#: Distinct example texts kept; a docs tree rarely has more, and a long-lived process
#: (the Django system check) must not grow without bound.
_CACHED_TEXTS = 8192


def parse_python(text: str) -> ast.Module:
    """Parse like a notebook would: top-level ``await`` is allowed in examples."""
    flags = ast.PyCF_ONLY_AST | ast.PyCF_ALLOW_TOP_LEVEL_AWAIT
    return compile(text, "<example>", "exec", flags=flags, dont_inherit=True)


class NodeIndex:
    """Every node of some trees, in ``ast.walk`` order, and by node type, so that a reader
    after calls or class definitions does not test every node of every block."""

    def __init__(self, trees: tuple[ast.Module, ...]) -> None:
        self.nodes = tuple(node for tree in trees for node in _walk(tree))
        by_type: dict[type, list[ast.AST]] = {}
        for node in self.nodes:
            by_type.setdefault(type(node), []).append(node)
        self._by_type = by_type

    def of_type(self, kind: type[N]) -> list[N]:
        """The nodes of exactly that type (``ast`` node types have no subclasses)."""
        return self._by_type.get(kind, [])  # type: ignore[return-value]


def _walk(tree: ast.AST) -> list[ast.AST]:
    """``ast.walk``'s nodes, in its order, without its generators."""
    nodes = [tree]
    for node in nodes:  # the list grows while it is read: breadth first, as ast.walk
        for name in node._fields:
            value = getattr(node, name, None)
            if isinstance(value, list):
                nodes.extend(item for item in value if isinstance(item, ast.AST))
            elif isinstance(value, ast.AST):
                nodes.append(value)
    return nodes


class Parsed:
    """What parsing one text gave: a module, or the syntax error, or neither (a null
    byte); ``index`` holds the module's nodes."""

    def __init__(self, tree: ast.Module | None, error: SyntaxError | None) -> None:
        self.tree = tree
        self.error = error

    @cached_property
    def index(self) -> NodeIndex:
        return NodeIndex((self.tree,) if self.tree is not None else ())

    @property
    def nodes(self) -> tuple[ast.AST, ...]:
        return self.index.nodes


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
