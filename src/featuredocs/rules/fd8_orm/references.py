"""ORM calls and model attribute uses in a page's Python examples, checked once per page.

FD803 reads :attr:`OrmReport.queries` (field paths in ``filter``, ``order_by``,
``select_related`` … and in ``Q``/``F``/aggregates inside them); FD804 reads
:attr:`OrmReport.attributes` (``Model.attr``, ``instance.attr``). Both come from one walk
over the blocks with one :class:`~featuredocs.rules.fd8_orm.inference.Inference`.
"""

from __future__ import annotations

import ast
from collections.abc import Iterator
from dataclasses import dataclass

from featuredocs.model import ModelFact, Page, Span, reads
from featuredocs.rules.base import CheckContext
from featuredocs.rules.fd3_models.claims import PageClaims, page_claims
from featuredocs.rules.fd3_models.lookup import (
    CLASS_API,
    INSTANCE_API,
    field_names,
    field_suggestion,
    forward_field,
    is_attribute,
    is_known_name,
)
from featuredocs.rules.fd3_models.pycode import ImportedName, PythonBlock
from featuredocs.rules.fd3_models.resolve import resolved_models
from featuredocs.rules.fd8_orm.arguments import (
    Kind,
    instance_field_arguments,
    names_instance_field,
    queryset_field_arguments,
)
from featuredocs.rules.fd8_orm.bindings import Program, collect
from featuredocs.rules.fd8_orm.inference import (
    DJANGO_API,
    PAIRED,
    RELATED_API,
    Custom,
    Inference,
    Instance,
    ModelClass,
    Rows,
    as_rows,
)
from featuredocs.rules.fd8_orm.nodes import attribute_span, callee, path_span, relation_strings, strings
from featuredocs.rules.fd8_orm.paths import PathProblem, Tail, relation_problem, walk
from featuredocs.rules.pyblocks import child_nodes
from featuredocs.rules.suggest import closest, listing, suggestion

MEMO_KEY = "fd8.orm"
BLOCKS_KEY = "fd8.orm.blocks"
PROGRAM_KEY = "fd8.orm.program"
#: What a choices class answers besides its members.
CHOICES_API = frozenset({"choices", "labels", "values", "names", "label", "value", "do_not_call_in_templates"})
_LOOKUP_METHODS = frozenset({"filter", "exclude", "get", "aget"}) | PAIRED
_TRANSFORM_METHODS = frozenset({"order_by", "values", "values_list", "distinct"})
_FIELD_METHODS = frozenset({"only", "defer"})
_EXPRESSION_METHODS = frozenset({"annotate", "aggregate", "alias", "aaggregate"})
_AGGREGATES = frozenset({
    "Count", "Sum", "Avg", "Min", "Max", "StdDev", "Variance", "ArrayAgg", "StringAgg",
    "JSONBAgg", "BoolAnd", "BoolOr", "BitAnd", "BitOr", "Coalesce", "Lower", "Upper",
    "Length", "Trunc", "TruncDate", "TruncDay", "TruncMonth", "TruncYear", "TruncWeek",
    "ExtractYear", "ExtractMonth", "ExtractDay", "Cast", "Greatest", "Least", "Concat",
})
_CREATE_DEFAULTS = frozenset({"defaults", "create_defaults"})
#: Expressions that hold a queryset of their own; ``OuterRef`` names the outer model.
_NESTED_QUERIES = frozenset({"Subquery", "Exists", "OuterRef", "Prefetch"})


@dataclass(frozen=True, slots=True)
class Misnamed:
    """A field name the model does not have, where the example writes it."""

    model: str  # the model's label
    name: str
    span: Span


@dataclass(frozen=True, slots=True)
class Problem:
    span: Span
    message: str
    hint: str | None = None
    misnamed: Misnamed | None = None


@dataclass(frozen=True, slots=True)
class OrmReport:
    queries: tuple[Problem, ...]
    attributes: tuple[Problem, ...]


def orm_report(page: Page, ctx: CheckContext) -> OrmReport:
    """Every ORM and attribute problem of the page's examples (memoised per page)."""
    return ctx.memo(MEMO_KEY, page, lambda p: _report(p, ctx))


def current_blocks(page: Page, ctx: CheckContext) -> tuple[PythonBlock, ...]:
    """The page's Python blocks outside sections about other times (page-only)."""
    return ctx.memo(BLOCKS_KEY, page, lambda p: _current(page_claims(p, ctx)))


def _current(claims: PageClaims) -> tuple[PythonBlock, ...]:
    return tuple(b for b in claims.blocks if not claims.about_other_times(b.code.first_line))


def page_program(page: Page, ctx: CheckContext) -> Program:
    """Where the names of those blocks are bound and used: read from the page alone, so
    it may be worked out before the facts are known."""
    return ctx.memo(PROGRAM_KEY, page, lambda p: collect(current_blocks(p, ctx)))


def _report(page: Page, ctx: CheckContext) -> OrmReport:
    assert ctx.facts is not None, "FD803/FD804 need facts"
    resolved = resolved_models(page, ctx)
    blocks = current_blocks(page, ctx)
    if not _mentions_a_model(blocks, resolved.resolver.index.names, resolved.claims.imports):
        return OrmReport((), ())
    inference = Inference(ctx.facts, resolved.resolver, page_program(page, ctx))
    checker = _Checker(inference)
    checker.run(blocks)
    return OrmReport(tuple(checker.queries), tuple(checker.attributes))


class _Checker:
    def __init__(self, inference: Inference) -> None:
        self.inference = inference
        self.queries: list[Problem] = []
        self.attributes: list[Problem] = []
        self._stored: set[tuple[str, str]] = set()

    def run(self, blocks: tuple[PythonBlock, ...]) -> None:
        for block in blocks:
            for node in block.of_type(ast.Call):
                self._call(block, node)
        attributes = [(block, node) for block in blocks for node in block.of_type(ast.Attribute)]
        # assignments first, so that reading an attribute the page assigned is not
        # reported a second time
        attributes.sort(key=lambda pair: not isinstance(pair[1].ctx, ast.Store))
        for block, node in attributes:
            self._attribute(block, node)

    # --- FD803 ---------------------------------------------------------------------------

    def _call(self, block: PythonBlock, call: ast.Call) -> None:
        func = call.func
        if isinstance(func, ast.Attribute):
            receiver = self.inference.type_of(func.value)
            rows = as_rows(receiver, func.attr)
            if rows is not None:
                self._method(block, rows, func.attr, call)
            elif isinstance(receiver, Instance):
                self._instance_fields(block, receiver, func.attr, call)
        elif isinstance(func, ast.Name):
            called = self.inference.type_of(func)
            if isinstance(called, ModelClass):
                self._settable(block, called.model, call.keywords, "to set")
            elif func.id in {"get_object_or_404", "get_list_or_404"} and call.args:
                target = self.inference.type_of(call.args[0])
                if isinstance(target, ModelClass | Rows):
                    self._lookups(block, _as_rows(target), call.keywords, call.args[1:])

    def _method(self, block: PythonBlock, rows: Rows, method: str, call: ast.Call) -> None:
        if method not in DJANGO_API:
            if not (rows.related and method in RELATED_API):
                self._manager_method(block, rows.model, call)
        elif method in _LOOKUP_METHODS:
            lookups = [k for k in call.keywords if k.arg not in _CREATE_DEFAULTS]
            self._lookups(block, rows, lookups, call.args)
            for keyword in call.keywords:
                if keyword.arg in _CREATE_DEFAULTS and isinstance(keyword.value, ast.Dict):
                    self._dict_keys(block, rows.model, keyword.value)
        elif method in {"create", "acreate"}:
            self._settable(block, rows.model, call.keywords, "to set")
        elif method in {"update", "aupdate"}:
            self._settable(block, rows.model, call.keywords, "to update", columns_only=True)
        elif method in _TRANSFORM_METHODS | _FIELD_METHODS:
            tail = Tail.NONE if method in _FIELD_METHODS else Tail.TRANSFORM
            for literal in strings(call.args):
                path = literal.value.lstrip("-+")
                if path != "?":
                    self._path(block, rows, path, literal, tail)  # "-created_at": the name
        elif method in {"select_related", "prefetch_related"}:
            for literal in relation_strings(call.args):
                found = relation_problem(
                    rows.model, literal.value, self.inference.related,
                    single=method == "select_related",
                )
                self._report_path(block, literal, literal.value, found)
        for literal, kind in queryset_field_arguments(method, call):
            self._field_argument(block, rows, literal, kind)
        if method in _EXPRESSION_METHODS | _LOOKUP_METHODS | _TRANSFORM_METHODS | {"update"}:
            self._expressions(block, rows, call, with_q=method not in _LOOKUP_METHODS)

    def _field_argument(self, block: PythonBlock, rows: Rows, literal: ast.Constant, kind: Kind) -> None:
        if kind is Kind.RELATION:
            found = relation_problem(rows.model, literal.value, self.inference.related, single=True)
            self._report_path(block, literal, literal.value, found)
        elif kind is Kind.ORDERING:
            self._path(block, rows, literal.value.lstrip("-"), literal, Tail.TRANSFORM)
        else:
            self._path(block, rows, literal.value, literal, Tail.NONE)

    def _instance_fields(self, block: PythonBlock, owner: Instance, method: str, call: ast.Call) -> None:
        """``order.save(update_fields=["stauts"])``: a field the model lacks."""
        if owner.open:
            return
        model = owner.model
        for literal in instance_field_arguments(method, call):
            name = literal.value
            if name not in owner.known and name not in owner.extra and not names_instance_field(model, name):
                self.queries.append(Problem(
                    block.string_span(literal), f"{model.label} has no field `{name}`",
                    field_suggestion(name, field_names(model), model),
                ))

    def _lookups(
        self, block: PythonBlock, rows: Rows, keywords: list[ast.keyword], args: list[ast.expr]
    ) -> None:
        for keyword in keywords:
            if keyword.arg is not None:
                self._path(block, rows, keyword.arg, keyword, Tail.LOOKUP)
        for arg in args:
            for node in self._own_calls(arg):
                if callee(node.func) == "Q":
                    for q_keyword in node.keywords:
                        if q_keyword.arg:
                            self._path(block, rows, q_keyword.arg, q_keyword, Tail.LOOKUP)

    def _expressions(
        self, block: PythonBlock, rows: Rows, call: ast.Call, *, with_q: bool
    ) -> None:
        """``F("x")``, ``Count("items")``, ``Q(x=1)`` and ``When(x=1, then=…)`` inside a
        call's arguments (``Q`` in ``filter``'s own arguments is read as its lookups
        already)."""
        values = [*call.args, *(k.value for k in call.keywords)]
        for value in values:
            for node in self._own_calls(value):
                name = callee(node.func)
                if name == "F" or name in _AGGREGATES:
                    for literal in strings(node.args[:1]):
                        self._path(block, rows, literal.value, literal, Tail.TRANSFORM)
                elif (name == "Q" and with_q) or name == "When":
                    for keyword in node.keywords:
                        if keyword.arg and keyword.arg != "then":  # then= is the result
                            self._path(block, rows, keyword.arg, keyword, Tail.LOOKUP)

    def _own_calls(self, expression: ast.expr) -> Iterator[ast.Call]:
        """Calls inside an argument that speak of the same model: not those inside a
        ``Subquery``/``Exists`` or another queryset, whose names are another model's."""
        pending: list[ast.AST] = [expression]
        while pending:
            node = pending.pop()
            if isinstance(node, ast.Call):
                if callee(node.func) in _NESTED_QUERIES or self._is_query(node):
                    continue
                yield node
            pending.extend(child_nodes(node))

    def _is_query(self, call: ast.Call) -> bool:
        func = call.func
        return isinstance(func, ast.Attribute) and isinstance(
            self.inference.type_of(func.value), Rows | Custom | ModelClass
        )

    def _path(
        self, block: PythonBlock, rows: Rows, path: str, node: ast.AST, tail: Tail
    ) -> None:
        # A name the model's own manager or queryset methods annotate may be on any of its
        # rows: which method a chain called is not always known (``get_queryset``).
        found = walk(
            rows.model, path, self.inference.related, tail=tail,
            extra=rows.extra | frozenset(rows.model.manager_annotations), open_names=rows.open,
        )
        self._report_path(block, node, path, found)

    def _report_path(
        self, block: PythonBlock, node: ast.AST, path: str, found: PathProblem | None
    ) -> None:
        if found is None:
            return
        message = found.message if path == found.part else f"{found.message} (in `{path}`)"
        span = path_span(block, node, path)
        self.queries.append(Problem(span, message, found.hint, _misnamed(span, path, found)))

    def _settable(
        self, block: PythonBlock, model: ModelFact, keywords: list[ast.keyword], verb: str,
        *, columns_only: bool = False,
    ) -> None:
        for keyword in keywords:
            name = keyword.arg
            if name is None or name == "pk" or forward_field(model, name) is not None:
                continue
            if not columns_only and is_attribute(model, name):
                continue  # a property with a setter may be passed to the constructor
            span = block.node_span(keyword, len(name))
            self.queries.append(Problem(
                span,
                f"{model.label} has no field `{name}` {verb}",
                field_suggestion(name, field_names(model, reverse=False), model),
                Misnamed(model.label, name, span),
            ))

    def _dict_keys(self, block: PythonBlock, model: ModelFact, value: ast.Dict) -> None:
        for key in value.keys:
            if isinstance(key, ast.Constant) and isinstance(key.value, str):
                name = key.value
                if forward_field(model, name) is None and not is_attribute(model, name):
                    self.queries.append(Problem(
                        block.string_span(key),
                        f"{model.label} has no field `{name}` to set",
                        field_suggestion(name, field_names(model, reverse=False), model),
                    ))

    # --- FD804 ---------------------------------------------------------------------------

    def _manager_method(self, block: PythonBlock, model: ModelFact, call: ast.Call) -> None:
        assert isinstance(call.func, ast.Attribute)
        found = manager_method_problem(model, call.func.attr, attribute_span(block, call.func), called=True)
        if found is not None:
            self.attributes.append(found)

    def _attribute(self, block: PythonBlock, node: ast.Attribute) -> None:
        attr = node.attr
        if attr.startswith("_"):
            return
        owner = self.inference.type_of(node.value)
        if owner is None and isinstance(node.value, ast.Attribute):
            self._choices_member(block, node, node.value)
            return
        receiver = node.value.id if isinstance(node.value, ast.Name) else None
        if isinstance(node.ctx, ast.Load) and receiver and (receiver, attr) in self._stored:
            return  # reported where it was assigned
        if isinstance(owner, ModelClass):
            known = attr in CLASS_API or is_known_name(owner.model, attr)
        elif isinstance(owner, Instance):
            known = (
                owner.open or attr in owner.extra or attr in owner.known
                or attr in INSTANCE_API or is_known_name(owner.model, attr)
            )
        else:
            return
        if isinstance(node.ctx, ast.Store) and receiver:
            self._stored.add((receiver, attr))
        if not known:
            self.attributes.append(self._unknown_attribute(block, node, owner.model))

    def _choices_member(self, block: PythonBlock, node: ast.Attribute, choices: ast.Attribute) -> None:
        """``Order.Status.REFUNDED``: a member the model's choices class lacks, when it has
        a close one (a class the facts do not know the members of says nothing)."""
        model = self.inference.type_of(choices.value)
        if not isinstance(model, ModelClass):
            return
        prefix = f"{choices.attr}."
        members = [m[len(prefix):] for m in model.model.choices_members if m.startswith(prefix)]
        if not members or node.attr in members or node.attr in CHOICES_API:
            return
        match = closest(node.attr, members)
        if match is not None:
            self.attributes.append(Problem(
                attribute_span(block, node),
                f"{model.model.label}.{choices.attr} has no member `{node.attr}`",
                suggestion(match),
            ))

    def _unknown_attribute(self, block: PythonBlock, node: ast.Attribute, model: ModelFact) -> Problem:
        span = attribute_span(block, node)
        names = [*field_names(model), *model.attributes, *sorted(INSTANCE_API)]
        return Problem(span, f"{model.label} has no attribute `{node.attr}`",
                       field_suggestion(node.attr, names, model))


def _misnamed(span: Span, path: str, found: PathProblem) -> Misnamed | None:
    """Where the unknown field of ``path`` is written, when the span holds the path as
    written (one line, no escapes)."""
    if found.unknown_on is None or span.end_line != span.line or span.end_column - span.column != len(path):
        return None
    model, position = found.unknown_on
    parts = path.split("__")
    column = span.column + sum(len(part) + 2 for part in parts[:position])
    return Misnamed(model, found.part, Span.at(span.line, column, len(found.part)))


def manager_method_problem(model: ModelFact, method: str, span: Span, *, called: bool = False) -> Problem | None:
    """A method called on a manager or queryset that neither Django nor the model's
    managers define: when it looks like a misspelling of one that is, or, for a call
    example code makes (``called``), when the facts know every method the managers add.
    Otherwise the facts of a manager from outside the project may be incomplete, and a
    sentence may name a method still to be written."""
    if method in DJANGO_API or method in model.manager_methods or method.startswith("_"):
        return None
    message = f"`{method}` is not a method of {model.label}'s managers or querysets"
    match = closest(method, (*model.manager_methods, *DJANGO_API))
    if match is not None:
        return Problem(span, message, suggestion(match))
    if not (called and model.managers_known):
        return None
    added = listing(f"{name}()" for name in model.manager_methods) or "nothing"
    return Problem(span, message, f"its managers add {added} to Django's queryset API")


def _mentions_a_model(
    blocks: tuple[PythonBlock, ...], model_names: reads.KeySet, imports: tuple[ImportedName, ...]
) -> bool:
    """A cheap test before any inference: does any example name a model at all?"""
    aliases = {i.alias for i in imports}
    for block in blocks:
        for name in block.of_type(ast.Name):
            if name.id in model_names or name.id in aliases:
                return True
        for cls in block.of_type(ast.ClassDef):
            if cls.name in model_names or cls.name in aliases:
                return True
    return False


def _as_rows(target: ModelClass | Rows) -> Rows:
    return target if isinstance(target, Rows) else Rows(target.model)
