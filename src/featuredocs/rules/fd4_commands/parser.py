"""A command's argparse parser, rebuilt from its :class:`OptionFact` list.

The rebuilt parser accepts and rejects what the command's real parser does (flags,
actions, nargs, choices, required arguments, int and float conversion, abbreviations,
sub-commands, mutually exclusive groups),
so an invocation written on a page can be checked without importing the project. Help
and version actions are plain flags here: parsing must never print or exit.
"""

from __future__ import annotations

import argparse
import ast
import re
from collections.abc import Callable, Sequence
from dataclasses import replace
from typing import Any, NoReturn

from featuredocs.model import CommandFact, OptionFact, reads


class InvocationRejected(Exception):
    """The rebuilt parser refused the arguments; the message is argparse's own reason."""


class UnsupportedParser(Exception):
    """The facts describe something this module cannot rebuild faithfully (custom
    actions), so the command's invocations are not checked."""


class _RejectingParser(argparse.ArgumentParser):
    """An ArgumentParser that raises instead of printing usage and exiting."""

    def error(self, message: str) -> NoReturn:
        raise InvocationRejected(message)

    def exit(self, status: int = 0, message: str | None = None) -> NoReturn:
        raise InvocationRejected(message or f"parser exited with status {status}")


_CONVERTERS: dict[str, Callable[[str], Any]] = {"int": int, "float": float}
_STRINGS = frozenset({"str", "Path", "PosixPath", "WindowsPath", "PurePath"})
_VALUE_ACTIONS = frozenset({"store", "append", "extend"})
_CONST_ACTIONS = frozenset({"store_const", "append_const"})
_FLAG_ACTIONS = frozenset({"store_true", "store_false", "count"})
#: Actions that only print and exit in the real parser: a plain flag is enough here.
_AS_FLAG = frozenset({"help", "version", "boolean_optional"})


def action_name(action: str) -> str:
    """``store_true`` for ``store_true``, ``_StoreTrueAction`` or ``StoreTrueAction``."""
    name = action.strip("_")
    if name.endswith("Action"):
        name = name[: -len("Action")]
        name = re.sub(r"(?<!^)(?=[A-Z])", "_", name).lower()
    return name


def _nargs(nargs: str | None) -> str | int | None:
    if nargs is None or nargs in {"?", "*", "+"}:
        return nargs
    if nargs == "...":
        return argparse.REMAINDER
    if nargs.isdigit():
        return int(nargs)
    raise UnsupportedParser(f"nargs {nargs!r}")


def _choice(text: str) -> object:
    try:
        value = ast.literal_eval(text)
    except (ValueError, SyntaxError, MemoryError, RecursionError):
        return text
    return value if isinstance(value, (str, int, float)) else text


def _value_kwargs(option: OptionFact) -> dict[str, Any]:
    """type, nargs, choices and metavar for an action that takes values."""
    kwargs: dict[str, Any] = {"nargs": _nargs(option.nargs)}
    converter = _CONVERTERS.get(option.type or "")
    if converter is not None:
        kwargs["type"] = converter
    if option.metavar:
        kwargs["metavar"] = option.metavar
    known_type = converter is not None or option.type in (None, *_STRINGS)
    if option.choices is not None and known_type:
        # Choices are compared after conversion, so convert them the same way.
        convert = converter or str
        try:
            kwargs["choices"] = [convert(_choice(choice)) for choice in option.choices]
        except (TypeError, ValueError):
            pass  # choices we cannot reproduce: accept any value rather than guess
    return kwargs


def _add_option(parser: argparse._ActionsContainer, option: OptionFact) -> None:
    action = action_name(option.action)
    if option.positional:
        if action not in _VALUE_ACTIONS:
            raise UnsupportedParser(f"positional {option.dest!r} with action {action!r}")
        parser.add_argument(option.dest, action=action, **_value_kwargs(option))
        return
    common: dict[str, Any] = {"dest": option.dest, "required": option.required}
    if action in _VALUE_ACTIONS:
        parser.add_argument(*option.flags, action=action, **common, **_value_kwargs(option))
    elif action in _CONST_ACTIONS:
        parser.add_argument(*option.flags, action=action, const=None, **common)
    elif action in _FLAG_ACTIONS:
        parser.add_argument(*option.flags, action=action, **common)
    elif action in _AS_FLAG:
        parser.add_argument(*option.flags, action="store_true", **common)
    else:
        raise UnsupportedParser(f"option {option.flags[0]} with action {action!r}")


@reads.by_identity(limit=512)
def build_parser(command: CommandFact, whole: bool = True) -> argparse.ArgumentParser:
    """The command's parser, rebuilt (with nothing required unless ``whole``), its
    sub-parsers with it; raises :class:`UnsupportedParser`."""
    parser = _parser(f"manage.py {command.name}")
    by_subcommand: dict[str | None, list[OptionFact]] = {}
    for option in command.options:
        by_subcommand.setdefault(option.subcommand, []).append(option)
    _fill(parser, None, by_subcommand, whole)
    return parser


def _parser(prog: str) -> argparse.ArgumentParser:
    return _RejectingParser(prog=prog, add_help=False, exit_on_error=False, conflict_handler="resolve")


def _fill(
    parser: argparse.ArgumentParser, subcommand: str | None, by_subcommand: dict[str | None, list[OptionFact]], whole: bool
) -> None:
    """Add the options of ``subcommand`` (None: the command's own) to ``parser``, each in
    its mutually exclusive group, and a sub-parser for each name a sub-parsers action of
    theirs offers."""
    groups: dict[str, argparse._MutuallyExclusiveGroup] = {}
    for option in by_subcommand.get(subcommand, ()):
        if action_name(option.action) == "parsers":
            subparsers = parser.add_subparsers(dest=option.dest, required=whole and option.required)
            for name in option.choices or ():
                path = f"{subcommand} {name}" if subcommand else name
                # add_parser builds a parser of the parent's class, with these arguments
                child = subparsers.add_parser(name, add_help=False, exit_on_error=False, conflict_handler="resolve")
                _fill(child, path, by_subcommand, whole)
            continue
        target: argparse._ActionsContainer = parser
        if option.exclusive is not None:
            target = groups.get(option.exclusive)
            if target is None:
                required = whole and option.exclusive_required
                target = groups[option.exclusive] = parser.add_mutually_exclusive_group(required=required)
        try:
            _add_option(target, option if whole else _not_required(option))
        except (TypeError, ValueError, argparse.ArgumentError) as error:
            raise UnsupportedParser(str(error)) from error


def rejection(command: CommandFact, argv: Sequence[str], whole: bool = True) -> str | None:
    """argparse's reason for refusing ``argv``, or None when the command accepts it.
    ``whole`` False for arguments that may leave some out (an invocation a sentence
    writes): then nothing is required, and only what is written is judged.

    Raises :class:`UnsupportedParser` when the parser cannot be rebuilt faithfully.
    """
    argv = tuple(argv)
    if _plainly_accepted(command, argv):
        return None
    if not whole and _names_no_subcommand(command, argv):
        return None  # a sentence about an option may leave out the sub-command it belongs to
    return _rejection(command, argv, whole)


def _names_no_subcommand(command: CommandFact, argv: tuple[str, ...]) -> bool:
    """Whether the command has sub-commands and ``argv`` names none of them."""
    names = {name for option in command.options if action_name(option.action) == "parsers" for name in option.choices or ()}
    return bool(names) and not names.intersection(argv)


_FLAG = None  # an option that takes no value
_TAKES_ANY = object()  # an option whose one value argparse takes as it is written
_ASK = object()  # an option whose values only argparse reads (choices, several values)
_ZERO_ARGUMENTS = _CONST_ACTIONS | _FLAG_ACTIONS | _AS_FLAG


def _plainly_accepted(command: CommandFact, argv: tuple[str, ...]) -> bool:
    """True when the rebuilt parser surely accepts ``argv``: only whole option strings,
    each value one word that is no option and converts. Building a parser and parsing
    with it costs far more, and most invocations on pages are of this kind; anything
    else (every refusal among them) is left to argparse."""
    takes = _plain_options(command)
    if takes is None:
        return False
    index = 0
    while index < len(argv):
        word = argv[index]
        # argparse reads a whole option string before splitting ``--name=value``.
        name, equals, value = (word, "", "") if word in takes else word.partition("=")
        if name not in takes or (equals and not word.startswith("--")):
            return False
        kind = takes[name]
        if kind is _FLAG:
            if equals:
                return False
            index += 1
            continue
        if not equals:
            index += 1
            if index == len(argv) or argv[index].startswith("-"):
                return False
            value = argv[index]
        if kind is not _TAKES_ANY and not _converts(kind, value):
            return False
        index += 1
    return True


def _converts(convert: Callable[[str], Any], value: str) -> bool:
    if convert is _ASK:
        return False
    try:
        convert(value)
    except (TypeError, ValueError, ArithmeticError):
        return False
    return True


def _positive(nargs: str | None) -> bool:
    return nargs is not None and nargs.isdigit() and int(nargs) > 0


@reads.by_identity(limit=512)
def _plain_options(command: CommandFact) -> dict[str, Any] | None:
    """What each option string of a command without positionals, required options,
    sub-parsers or mutually exclusive options takes; None for any other command, whose
    parser argparse must build."""
    takes: dict[str, Any] = {}
    for option in command.options:
        action = action_name(option.action)
        flags_ok = option.flags and all(f.startswith("-") and f.strip("-") for f in option.flags)
        if option.positional or option.required or option.subcommand or option.exclusive or not flags_ok:
            return None
        if action in _ZERO_ARGUMENTS:
            kind: Any = _FLAG
        elif action in _VALUE_ACTIONS and option.nargs is None:
            converter = _CONVERTERS.get(option.type or "")
            kind = _ASK if option.choices is not None else converter or _TAKES_ANY
        elif action in _VALUE_ACTIONS and (option.nargs in ("?", "*", "+") or _positive(option.nargs)):
            kind = _ASK
        else:
            return None
        for flag in option.flags:
            takes[flag] = kind  # a later option takes over a shared string ("resolve")
    return takes


def _not_required(option: OptionFact) -> OptionFact:
    """The option as one that may be left out: a positional takes ``?`` or ``*`` values."""
    if option.positional:
        if option.nargs is None:
            return replace(option, nargs="?")
        if option.nargs == "+" or _positive(option.nargs):
            return replace(option, nargs="*")
        return option
    return replace(option, required=False) if option.required else option


@reads.by_identity(limit=4096)  # pages repeat the same few invocations of a command
def _rejection(command: CommandFact, argv: tuple[str, ...], whole: bool) -> str | None:
    parser = build_parser(command, whole)
    try:
        parser.parse_args(list(argv))
    except InvocationRejected as error:
        return str(error)
    except argparse.ArgumentError as error:
        return str(error)
    return None
