"""A command's own options, read from the ``parser.add_argument(...)`` calls of its
``add_arguments`` (following ``super().add_arguments(parser)``, helper methods that get
the parser, argument groups and sub-parsers) and derived the way argparse derives them.

When something else receives the parser (``runner.add_arguments(parser)``), the options it
adds cannot be known: the reading is marked incomplete.
"""

from __future__ import annotations

import ast
from dataclasses import dataclass, field, replace
from typing import Any

from featuredocs.introspect.imports import call_argument
from featuredocs.introspect.static.classes import ClassRef, Classes
from featuredocs.introspect.static.field_choices import class_choice_values
from featuredocs.introspect.static.namespace import module_evaluator
from featuredocs.introspect.static.texts import text_of
from featuredocs.introspect.static.values import Evaluator, Unknown, is_known
from featuredocs.model import OptionFact
from featuredocs.secrets import safe_repr

_SUPPRESS = "==SUPPRESS=="
_FLAG_DEFAULTS = {"store_true": "False", "store_false": "True"}
_NO_VALUE = frozenset({"store_true", "store_false", "store_const", "append_const", "count",
                       "help", "version", "BooleanOptionalAction"})
_MAX_DEPTH = 6


@dataclass
class OptionsRead:
    options: list[OptionFact] = field(default_factory=list)
    complete: bool = True
    defaults: dict[str, Any] = field(default_factory=dict)  # parser.set_defaults(...)


@dataclass(frozen=True)
class _Parser:
    """A variable bound to a parser, a group of one, or a sub-parsers action;
    ``exclusive``: the mutually exclusive group it is, and whether one of it is required."""

    subcommand: str | None
    subparsers: bool = False
    exclusive: tuple[str, bool] | None = None


class OptionReader:
    def __init__(self, classes: Classes, command: ClassRef, name: str) -> None:
        self.classes = classes
        self.command = command
        self.prog = f"manage.py {name}"
        self.read = OptionsRead()
        self._mro = classes.refs_in_mro(command.dotted)
        self._help_templates: dict[int, tuple[str, dict[str, Any]]] = {}
        self._exclusive_groups: dict[str | None, int] = {}  # how many each parser has so far

    def options(self) -> OptionsRead:
        self._call_method("add_arguments", 0, {"parser": _Parser(None)}, ["parser"], 0)
        self.read.options = [self._finished(o) for o in self.read.options]
        return self.read

    def _finished(self, option: OptionFact) -> OptionFact:
        """``parser.set_defaults`` applied, then ``%(default)s`` in the help filled in."""
        default = option.default
        if option.dest in self.read.defaults:
            value = self.read.defaults[option.dest]
            default = safe_repr(value) if is_known(value) and value is not None else None
        pending = self._help_templates.get(id(option))
        text = option.help
        if pending is not None:
            template, params = pending
            if option.dest in self.read.defaults:
                params = {**params, "default": self.read.defaults[option.dest]}
            text = " ".join(_expand(template, params).split())
        return replace(option, default=default, help=text)

    # --- walking add_arguments -----------------------------------------------------------------

    def _call_method(self, name: str, start: int, bound: dict[str, _Parser],
                     argument_names: list[str | None], depth: int) -> None:
        """Run the first definition of ``name`` at or after ``start`` in the MRO."""
        for position, ref in enumerate(self._mro[start:], start):
            method = ref.method(name)
            if method is None:
                continue
            parameters = [a.arg for a in method.args.args][1:]  # without self
            scope = {p: bound[a] for p, a in zip(parameters, argument_names, strict=False) if a in bound}
            evaluator = module_evaluator(self.classes.index, ref.module)
            self._walk(method.body, scope, ref, position, evaluator, depth)
            return
        if name != "add_arguments":
            self.read.complete = False

    def _walk(self, body: list[ast.stmt], scope: dict[str, _Parser], ref: ClassRef, position: int,
              evaluator: Evaluator, depth: int) -> None:
        for statement in body:
            if isinstance(statement, ast.Assign) and isinstance(statement.value, ast.Call):
                made = self._call(statement.value, scope, ref, position, evaluator, depth)
                for target in statement.targets:
                    if isinstance(target, ast.Name) and made is not None:
                        scope[target.id] = made
            elif isinstance(statement, ast.Expr) and isinstance(statement.value, ast.Call):
                self._call(statement.value, scope, ref, position, evaluator, depth)
            elif isinstance(statement, ast.If | ast.With | ast.Try):
                for block in _blocks(statement):
                    self._walk(block, scope, ref, position, evaluator, depth)
            elif isinstance(statement, ast.For | ast.While) and _mentions(statement, scope):
                self.read.complete = False  # options added in a loop: their names vary

    def _call(self, call: ast.Call, scope: dict[str, _Parser], ref: ClassRef, position: int,
              evaluator: Evaluator, depth: int) -> _Parser | None:
        func = call.func
        owner = func.value if isinstance(func, ast.Attribute) else None
        target = scope.get(owner.id) if isinstance(owner, ast.Name) else None
        if target is not None and isinstance(func, ast.Attribute):
            return self._parser_method(call, func.attr, target, evaluator)
        passed = [a.id if isinstance(a, ast.Name) else None for a in call.args]
        if not any(name in scope for name in passed if name) or depth > _MAX_DEPTH:
            return None
        if _is_super_call(func):
            self._call_method(func.attr, position + 1, scope, passed, depth + 1)  # type: ignore[union-attr]
        elif isinstance(func, ast.Attribute) and isinstance(func.value, ast.Name) and func.value.id == "self":
            self._call_method(func.attr, 0, scope, passed, depth + 1)
        else:
            self.read.complete = False  # someone else adds options to the parser
        return None

    def _parser_method(self, call: ast.Call, method: str, parser: _Parser,
                       evaluator: Evaluator) -> _Parser | None:
        if method == "add_argument" and not parser.subparsers:
            option = self._option(call, parser.subcommand, evaluator)
            if option is None:
                self.read.complete = False
            elif parser.exclusive is not None:
                group, required = parser.exclusive
                self.read.options.append(replace(option, exclusive=group, exclusive_required=required))
            else:
                self.read.options.append(option)
        elif method == "add_mutually_exclusive_group" and not parser.subparsers:
            return self._exclusive_group(call, parser, evaluator)
        elif method == "add_argument_group" and not parser.subparsers:
            return parser
        elif method == "add_subparsers" and not parser.subparsers:
            self.read.options.append(self._subparsers_action(call, parser, evaluator))
            return _Parser(parser.subcommand, subparsers=True)
        elif method == "add_parser" and parser.subparsers:
            return self._sub_parser(call, parser, evaluator)
        elif method == "set_defaults":
            self.read.defaults.update({k.arg: evaluator.eval(k.value) for k in call.keywords if k.arg})
        return None

    def _exclusive_group(self, call: ast.Call, parser: _Parser, evaluator: Evaluator) -> _Parser:
        """Numbered as argparse lists a parser's groups; ``required`` as written, else False."""
        number = self._exclusive_groups[parser.subcommand] = self._exclusive_groups.get(parser.subcommand, 0) + 1
        group = f"{parser.subcommand} {number}" if parser.subcommand else str(number)
        written = next((k.value for k in call.keywords if k.arg == "required"), None)
        required = evaluator.eval(written) if written is not None else False
        if not isinstance(required, bool):
            self.read.complete = False  # computed: which way the parser goes is unknown
            required = False
        return replace(parser, exclusive=(group, required))

    # --- one option -------------------------------------------------------------------------------

    def _option(self, call: ast.Call, subcommand: str | None, evaluator: Evaluator) -> OptionFact | None:
        names = [evaluator.eval(a) for a in call.args]
        if not names or not all(isinstance(n, str) and n for n in names):
            return None
        flags = tuple(n for n in names if n.startswith("-"))
        if flags and len(flags) != len(names):
            return None
        kwargs = {k.arg: k.value for k in call.keywords if k.arg}
        if any(k.arg is None for k in call.keywords):
            return None  # ``**options``: anything may be in there
        action = self._action(kwargs.get("action"), evaluator)
        if action == "BooleanOptionalAction":
            flags = _with_negations(flags)
        dest = self._text(kwargs.get("dest"), evaluator) or _derived_dest(names[0], flags)
        nargs = self._nargs(kwargs.get("nargs"), action, evaluator)
        default = self._default(kwargs, action, evaluator)
        choices = self._choices(kwargs.get("choices"), evaluator)
        option = OptionFact(
            dest=dest,
            flags=flags,
            action=action,
            default=default,
            type=self._type_name(kwargs.get("type")),
            choices=choices,
            required=self._required(kwargs, flags, nargs, evaluator),
            nargs=nargs,
            metavar=self._metavar(kwargs.get("metavar"), evaluator),
            help=self._help(kwargs, evaluator),
            subcommand=subcommand,
        )
        if "%" in option.help:
            params = _help_params(kwargs, evaluator, dest, choices, self.prog)
            self._help_templates[id(option)] = (option.help, params)
        return option

    def _action(self, node: ast.expr | None, evaluator: Evaluator) -> str:
        if node is None:
            return "store"
        value = evaluator.eval(node)
        if isinstance(value, str):
            return value
        if isinstance(node, ast.Name | ast.Attribute):
            return node.id if isinstance(node, ast.Name) else node.attr  # an Action class
        return evaluator.module.segment(node)

    def _text(self, node: ast.expr | None, evaluator: Evaluator) -> str | None:
        value = self._value(node, evaluator) if node is not None else None
        return value if isinstance(value, str) else None

    def _value(self, node: ast.expr, evaluator: Evaluator) -> Any:
        """A literal, a module constant, or ``self.attribute`` of the command class."""
        if isinstance(node, ast.Attribute) and isinstance(node.value, ast.Name) and node.value.id == "self":
            return class_attribute(self.classes, self.command, node.attr)
        return evaluator.eval(node)

    def _nargs(self, node: ast.expr | None, action: str, evaluator: Evaluator) -> str | None:
        if node is not None:
            value = self._value(node, evaluator)
            return str(value) if is_known(value) else evaluator.module.segment(node)
        return "0" if action in _NO_VALUE else None

    def _default(self, kwargs: dict[str, ast.expr], action: str, evaluator: Evaluator) -> str | None:
        node = kwargs.get("default")
        if node is None:
            return _FLAG_DEFAULTS.get(action)
        value = self._value(node, evaluator)
        if value is None or value == _SUPPRESS or _is_suppress(node):
            return None
        return safe_repr(value) if is_known(value) else evaluator.module.segment(node)

    def _choices(self, node: ast.expr | None, evaluator: Evaluator) -> tuple[str, ...] | None:
        if node is None:
            return None
        of_class = class_choice_values(self.classes, evaluator.module, node)
        if of_class is not None:
            return of_class
        value = self._value(node, evaluator)
        if isinstance(value, dict):
            value = list(value)
        if isinstance(value, list | tuple | set | frozenset) and is_known(value):
            return tuple(str(c) for c in value)
        return None  # choices computed at run time: any value is accepted here

    def _type_name(self, node: ast.expr | None) -> str | None:
        if node is None:
            return None
        if isinstance(node, ast.Name):
            return node.id
        if isinstance(node, ast.Attribute):
            return node.attr
        if isinstance(node, ast.Lambda):
            return "<lambda>"
        return None

    def _required(self, kwargs: dict[str, ast.expr], flags: tuple[str, ...], nargs: str | None,
                  evaluator: Evaluator) -> bool:
        if not flags:  # argparse: a positional is required unless it may be empty
            return nargs not in {"?", "*"} or (nargs == "*" and "default" not in kwargs)
        value = evaluator.eval(kwargs["required"]) if "required" in kwargs else False
        return value is True

    def _metavar(self, node: ast.expr | None, evaluator: Evaluator) -> str | None:
        if node is None:
            return None
        value = self._value(node, evaluator)
        if isinstance(value, tuple | list) and is_known(value):
            return " ".join(str(v) for v in value)
        return str(value) if is_known(value) else evaluator.module.segment(node)

    def _help(self, kwargs: dict[str, ast.expr], evaluator: Evaluator) -> str:
        """The help as written; ``%(default)s`` and friends are filled in at the end."""
        node = kwargs.get("help")
        if node is None:
            return ""
        text = text_of(node, evaluator)
        if text == _SUPPRESS or _is_suppress(node):
            return ""
        return text if "%" in text else " ".join(text.split())

    # --- sub-parsers ----------------------------------------------------------------------------

    def _subparsers_action(self, call: ast.Call, parser: _Parser, evaluator: Evaluator) -> OptionFact:
        dest = self._text(call_argument(call, None, "dest"), evaluator) or _SUPPRESS
        required = evaluator.eval(call_argument(call, None, "required")) is True
        return OptionFact(dest=dest, action="parsers", nargs="A...", required=required,
                          choices=(), subcommand=parser.subcommand,
                          help=self._text(call_argument(call, None, "help"), evaluator) or "")

    def _sub_parser(self, call: ast.Call, parser: _Parser, evaluator: Evaluator) -> _Parser | None:
        name = self._text(call_argument(call, 0, "name"), evaluator)
        if name is None:
            self.read.complete = False
            return None
        path = f"{parser.subcommand} {name}" if parser.subcommand else name
        self._register_choice(parser.subcommand, name)
        self.read.options.append(OptionFact(
            dest="help", flags=("-h", "--help"), action="help", nargs="0",
            help="show this help message and exit", subcommand=path,
        ))
        return _Parser(path)

    def _register_choice(self, subcommand: str | None, name: str) -> None:
        for position in range(len(self.read.options) - 1, -1, -1):
            option = self.read.options[position]
            if option.action == "parsers" and option.subcommand == subcommand:
                self.read.options[position] = replace(option, choices=(*(option.choices or ()), name))
                return


def class_attribute(classes: Classes, command: ClassRef, name: str) -> Any:
    """A class attribute of the command, from the first class in its MRO that sets it."""
    for ref in classes.refs_in_mro(command.dotted):
        node = ref.body_value(name)
        if node is not None:
            return module_evaluator(classes.index, ref.module).eval(node)
    return Unknown(f"self.{name}")


def _derived_dest(first: str, flags: tuple[str, ...]) -> str:
    """argparse's dest: the first long flag (else the first flag) without dashes."""
    if not flags:
        return first
    longs = [f for f in flags if len(f) > 1 and f[1] == "-"]
    return (longs[0] if longs else flags[0]).lstrip("-").replace("-", "_")


def _with_negations(flags: tuple[str, ...]) -> tuple[str, ...]:
    """A BooleanOptionalAction's flags as argparse builds them: each long flag followed
    by its ``--no-`` form (``-a --archive --no-archive --keep --no-keep``)."""
    built: list[str] = []
    for flag in flags:
        built.append(flag)
        if flag.startswith("--"):
            built.append("--no-" + flag[2:])
    return tuple(built)


def _is_suppress(node: ast.expr) -> bool:
    return isinstance(node, ast.Attribute | ast.Name) and (
        getattr(node, "attr", None) == "SUPPRESS" or getattr(node, "id", None) == "SUPPRESS"
    )


def _help_params(kwargs: dict[str, ast.expr], evaluator: Evaluator, dest: str,
                 choices: tuple[str, ...] | None, prog: str) -> dict[str, Any]:
    """What argparse's help formatter offers ``%(...)s`` in a help text."""
    params: dict[str, Any] = {"dest": dest, "prog": prog}
    for key, node in kwargs.items():
        if key == "type":
            params[key] = node.id if isinstance(node, ast.Name) else getattr(node, "attr", None)
            continue
        value = evaluator.eval(node)
        if is_known(value) and value != _SUPPRESS:
            params[key] = value
    params.setdefault("default", None)
    if choices is not None:
        params["choices"] = ", ".join(choices)
    return params


def _expand(text: str, params: dict[str, Any]) -> str:
    try:
        return text % params
    except (KeyError, TypeError, ValueError):
        return text  # a help text with a stray percent sign: kept as written


def _blocks(statement: ast.If | ast.With | ast.Try) -> list[list[ast.stmt]]:
    if isinstance(statement, ast.If):
        return [statement.body, statement.orelse]
    if isinstance(statement, ast.Try):
        return [statement.body, statement.orelse, statement.finalbody]
    return [statement.body]


def _mentions(statement: ast.stmt, scope: dict[str, _Parser]) -> bool:
    return any(isinstance(n, ast.Name) and n.id in scope for n in ast.walk(statement))


def _is_super_call(func: ast.expr) -> bool:
    return (
        isinstance(func, ast.Attribute)
        and isinstance(func.value, ast.Call)
        and isinstance(func.value.func, ast.Name)
        and func.value.func.id == "super"
    )
