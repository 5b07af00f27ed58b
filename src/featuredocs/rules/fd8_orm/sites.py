"""What a binding of a name in a page's examples is, when it is not a plain expression
(see :mod:`~featuredocs.rules.fd8_orm.bindings`)."""

from __future__ import annotations

import ast
from dataclasses import dataclass

#: A binding whose value the inference does not follow (``with open(...) as f``, ``del x``).
UNKNOWN = "unknown"


@dataclass(frozen=True)
class Element:
    iterable: ast.expr  # for x in iterable


@dataclass(frozen=True)
class First:
    value: ast.expr  # x, created = value


@dataclass(frozen=True)
class Annotation:
    annotation: ast.expr  # def f(x: Model), x: Model


@dataclass(frozen=True)
class Import:
    alias: str


@dataclass(frozen=True)
class Self:
    class_name: str
    known: frozenset[str]  # names the example's class body defines


@dataclass(frozen=True)
class ClassName:
    class_name: str
