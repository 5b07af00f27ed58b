"""Python example text parsed once, for every family that reads it.

The model, configuration, cache and code families each prepare a page's Python blocks
their own way (prompts, indentation), but nearly always arrive at the same text, and
docs written from one template repeat their examples from page to page. Each distinct
text is parsed and walked once here. Callers only read the trees: none may change them,
and two blocks of one page that must not share nodes parse the second copy themselves.
"""

from __future__ import annotations

import ast
import re
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
    """The nodes of some trees by node type, each list in ``ast.walk`` order, so that a
    reader after calls or class definitions does not test every node of every block.

    Contexts and operators (``Load``, ``Add`` …) are left out: they hold nothing, and
    reading them tells nothing the node above them does not.
    """

    def __init__(self, trees: tuple[ast.Module, ...]) -> None:
        self._trees = trees
        by_type: dict[type, list[ast.AST]] = {}
        for tree in trees:
            _index(tree, by_type)
        self._by_type = by_type

    def of_type(self, kind: type[N]) -> list[N]:
        """The nodes of exactly that type (``ast`` node types have no subclasses)."""
        return self._by_type.get(kind, [])  # type: ignore[return-value]

    @cached_property
    def nodes(self) -> tuple[ast.AST, ...]:
        """Every node, contexts and operators included, in ``ast.walk`` order."""
        return tuple(node for tree in self._trees for node in _walk(tree))


#: Field types that hold no node, or only a context or an operator.
_NOT_NODES = frozenset({
    "identifier", "string", "constant", "int", "expr_context", "boolop", "operator",
    "unaryop", "cmpop",
})
_LEAVES = (ast.expr_context, ast.boolop, ast.operator, ast.unaryop, ast.cmpop)
_FIELD = re.compile(r"(\w+)[?*]? (\w+)")
#: Per node type, the fields that may hold nodes worth indexing; None: look at each value.
_CHILD_FIELDS: dict[type, tuple[str, ...] | None] = {}


def _child_fields(kind: type) -> tuple[str, ...] | None:
    """Read from the type's signature (``Name(identifier id, expr_context ctx)``)."""
    declared = {name: type_name for type_name, name in _FIELD.findall(kind.__doc__ or "")}
    found = None
    if set(declared) >= set(kind._fields):
        found = tuple(name for name in kind._fields if declared[name] not in _NOT_NODES)
    _CHILD_FIELDS[kind] = found
    return found


def _index(tree: ast.AST, by_type: dict[type, list[ast.AST]]) -> None:
    """Add the tree's nodes to ``by_type``, breadth first as ``ast.walk`` meets them."""
    queue: list[ast.AST | None] = [tree]
    fields_of = _CHILD_FIELDS
    for node in queue:  # the list grows while it is read
        if node is None:  # a dict's ``**`` key, a keyword-only argument without default
            continue
        kind = type(node)
        same = by_type.get(kind)
        if same is None:
            by_type[kind] = [node]
        else:
            same.append(node)
        fields = fields_of[kind] if kind in fields_of else _child_fields(kind)
        if fields is None:
            queue.extend(_children(node))
            continue
        for name in fields:
            value = getattr(node, name, None)
            if value.__class__ is list:
                queue.extend(value)
            elif value is not None:
                queue.append(value)


def _children(node: ast.AST) -> list[ast.AST]:
    return [child for child in ast.iter_child_nodes(node) if not isinstance(child, _LEAVES)]


def child_nodes(node: ast.AST) -> list[ast.AST]:
    """``ast.iter_child_nodes``'s nodes in its order, contexts and operators left out."""
    kind = type(node)
    fields = _CHILD_FIELDS[kind] if kind in _CHILD_FIELDS else _child_fields(kind)
    if fields is None:
        return _children(node)
    found: list[ast.AST] = []
    for name in fields:
        value = getattr(node, name, None)
        if value.__class__ is list:
            found.extend(item for item in value if item is not None)
        elif value is not None:
            found.append(value)
    return found


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
