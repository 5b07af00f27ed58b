"""The names a manager's or queryset's own methods add to its rows with ``annotate()`` or
``alias()``: ``Invoice.objects.with_line_totals().filter(line_total__gt=100)`` filters on
one. Read from the class's source, in both modes alike."""

from __future__ import annotations

import ast

_ADDING = frozenset({"annotate", "alias"})


def annotated_names(cls: ast.ClassDef) -> set[str]:
    """The keyword names of every ``.annotate(…)`` and ``.alias(…)`` call in the class."""
    return {
        keyword.arg
        for node in ast.walk(cls)
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr in _ADDING
        for keyword in node.keywords
        if keyword.arg is not None
    }
