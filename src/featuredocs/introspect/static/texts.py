"""Texts a class body or a call writes for people: help texts and choice labels, as
strings, ``gettext_lazy("…")`` calls (read as the message they translate) or their
concatenation."""

from __future__ import annotations

import ast

from featuredocs.introspect.static.values import Evaluator

GETTEXT = frozenset({
    "_", "gettext", "gettext_lazy", "ugettext", "ugettext_lazy", "gettext_noop", "pgettext",
    "pgettext_lazy", "_lazy",
})


def call_name(call: ast.Call) -> str:
    func = call.func
    return func.id if isinstance(func, ast.Name) else func.attr if isinstance(func, ast.Attribute) else ""


def text_of(node: ast.expr | None, evaluator: Evaluator) -> str:
    """A help text: a string, a ``gettext_lazy("…")`` call, or their concatenation."""
    if node is None:
        return ""
    if isinstance(node, ast.Call) and call_name(node) in GETTEXT and node.args:
        return text_of(node.args[-1], evaluator)
    if isinstance(node, ast.BinOp) and isinstance(node.op, ast.Add):
        return text_of(node.left, evaluator) + text_of(node.right, evaluator)
    value = evaluator.eval(node)
    return value if isinstance(value, str) else ""


def label_of(node: ast.expr, evaluator: Evaluator) -> str | None:
    """A choice's label as Django shows it, ``str(label)``: a translated message read as the
    message itself, a string or a number; None when the source does not fix it."""
    if isinstance(node, ast.Call) and call_name(node) in GETTEXT:
        message = evaluator.eval(node.args[-1]) if node.args and not node.keywords else None
        return message if isinstance(message, str) else None
    value = evaluator.eval(node)
    return str(value) if isinstance(value, str | int | float) else None
