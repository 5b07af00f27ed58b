"""pyromark's flat event stream as a small tree of nodes (the only importer of pyromark).

The tree is built iteratively. Containers nested deeper than :data:`MAX_DEPTH` are not
opened: their content is attached to the deepest open container, so a page of 10,000
nested list levels neither hits the recursion limit nor makes later walks deep.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

import pyromark

MAX_DEPTH = 64

OPTIONS = (
    pyromark.Options.ENABLE_TABLES
    | pyromark.Options.ENABLE_STRIKETHROUGH
    | pyromark.Options.ENABLE_FOOTNOTES
    | pyromark.Options.ENABLE_TASKLISTS
)


@dataclass(slots=True)
class Node:
    """One parser element. Leaves (``Text``, ``Code``, ``Html``…) carry ``value``.

    ``kind`` is pyromark's tag: ``Paragraph``, ``Heading``, ``List``, ``Item``,
    ``CodeBlock``, ``Table``, ``TableHead``, ``TableRow``, ``TableCell``, ``BlockQuote``,
    ``HtmlBlock``, ``Link``, ``Image``, ``Strong``, ``Text``, ``Code``, ``SoftBreak`` …
    ``start``/``end`` are UTF-8 byte offsets.
    """

    kind: str
    value: Any
    start: int
    end: int
    children: list[Node] = field(default_factory=list)


def _tag(payload: Any) -> tuple[str, Any]:
    if isinstance(payload, str):
        return payload, None
    (kind, value), = payload.items()
    return kind, value


def parse_tree(text: str) -> Node:
    """The document as a ``Document`` node whose children are the top-level blocks."""
    root = Node("Document", None, 0, len(text.encode("utf-8")))
    stack = [root]
    skipped = 0  # containers not opened because the stack was too deep
    for event, where in pyromark.events_with_range(text, options=OPTIONS, merge_text=True):
        start, end = where["start"], where["end"]
        if isinstance(event, str):
            stack[-1].children.append(Node(event, None, start, end))
            continue
        (tag, payload), = event.items()
        if tag == "Start":
            kind, value = _tag(payload)
            if len(stack) > MAX_DEPTH:
                skipped += 1
                continue
            node = Node(kind, value, start, end)
            stack[-1].children.append(node)
            stack.append(node)
        elif tag == "End":
            if skipped:
                skipped -= 1
            else:
                stack.pop()
        else:
            stack[-1].children.append(Node(tag, payload, start, end))
    return root


def reference_definitions(text: str) -> Mapping[str, Mapping[str, Any]]:
    """Link reference definitions by label, with their byte spans."""
    return pyromark.reference_definitions(text)


def walk(node: Node) -> list[Node]:
    """Every node below ``node`` in document order (iterative, no recursion)."""
    found: list[Node] = []
    pending = list(reversed(node.children))
    while pending:
        current = pending.pop()
        found.append(current)
        pending.extend(reversed(current.children))
    return found
