"""``manage.py`` invocations in shell lines: ``python manage.py X``, ``./manage.py X``,
``django-admin X`` and ``python -m django X`` run X, whatever runs them (``VAR=1``,
``uv run``, ``docker compose exec web``). Lines are read by :mod:`featuredocs.rules.shell`.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, replace
from functools import lru_cache

from featuredocs.model import CodeBlock, Page
from featuredocs.rules.shell import (
    SHELL_LANGUAGES,
    LogicalLine,
    RawWord,
    Word,
    first_command_word,
    logical_lines,
    scan,
    simple_commands,
)

_PYTHON = re.compile(r"(?:python[\d.]*|py|pypy[\d.]*)")
_RUNNERS = frozenset({"run", "exec"})
_ILLUSTRATIVE = re.compile(r"^\[|\]$|^<.+>$|\.\.\.|…|^\{.*\}$|[$`]")
_METAVAR = re.compile(r"[A-Z][A-Z0-9_]*")
#: Handled by ``manage.py`` itself, not commands: ``manage.py help``, ``manage.py version``.
BUILTINS = frozenset({"help", "version"})


@dataclass(frozen=True, slots=True)
class Invocation:
    """``manage.py <command> <args…>`` as written in a code block or inline code.

    ``illustrative`` when the arguments hold placeholders (``[options]``, ``<path>``,
    ``...``, ``$DAYS``): the command name is real, the arguments are not meant to be
    parsed. Upper-case words (``N``) are left to the parser: see :func:`is_metavar`.
    """

    launcher: str
    command: Word
    args: tuple[Word, ...]
    illustrative: bool
    asks_help: bool = False  # ``manage.py help X``: names X, runs nothing

    @property
    def name(self) -> str:
        return self.command.value

    @property
    def argv(self) -> list[str]:
        return [word.value for word in self.args]

    @property
    def line(self) -> int:
        return self.command.span.line


@dataclass(frozen=True, slots=True)
class _Command:
    """An :class:`Invocation` before its words are placed on the page."""

    launcher: str
    command: RawWord
    args: tuple[RawWord, ...]
    illustrative: bool
    asks_help: bool = False



def _basename(value: str) -> str:
    return value.rsplit("/", 1)[-1]


def _launcher(words: Sequence[RawWord]) -> tuple[str, int] | None:
    """The launcher's name and the index of the command word after it."""
    first = first_command_word(words)
    for index, word in enumerate(words):
        before = _basename(words[index - 1].value) if index else ""
        runs = index == first or before in _RUNNERS
        name = _basename(word.value)
        if name == "manage.py" and (runs or _PYTHON.fullmatch(before)):
            return "manage.py", index + 1
        if name in {"django-admin", "django-admin.py"} and runs:
            return "django-admin", index + 1
        if (
            word.value == "-m"
            and index + 1 < len(words)
            and words[index + 1].value == "django"
            and _PYTHON.fullmatch(before)
        ):
            return "django-admin", index + 2
    return None


def _value_parts(value: str) -> tuple[str, ...]:
    """The word, and for ``--flag=value`` also the value."""
    _, equals, after = value.partition("=")
    return (value, after) if value.startswith("-") and equals and after else (value,)


def is_illustrative(value: str) -> bool:
    """A placeholder argument: ``[options]``, ``<path>``, ``...``, ``$VAR``."""
    return any(_ILLUSTRATIVE.search(part) for part in _value_parts(value))


def is_metavar(value: str) -> bool:
    """An upper-case word such as ``N`` or ``DAYS``: maybe a metavar, maybe a real value
    (``--fail-level WARNING``); only the parser can tell."""
    return any(_METAVAR.fullmatch(part) for part in _value_parts(value))


def _command_in(words: Sequence[RawWord]) -> _Command | None:
    """The command one simple command runs, or None when it runs none."""
    found = _launcher(words)
    if found is None:
        return None
    launcher, index = found
    if index >= len(words) or not words[index].value or words[index].value.startswith("-"):
        return None
    if words[index].value == "help" and index + 1 < len(words) and not words[index + 1].value.startswith("-"):
        return _Command(launcher, words[index + 1], (), True, asks_help=True)
    if words[index].value in BUILTINS:
        return None
    command, rest = words[index], tuple(words[index + 1:])
    illustrative = any(raw.broken or is_illustrative(raw.value) for raw in rest)
    return _Command(launcher, command, rest, illustrative)


@lru_cache(maxsize=4096)  # pages repeat the same few command lines
def _commands_in(text: str) -> tuple[_Command, ...]:
    words = scan(text)
    found = tuple(command for command in map(_command_in, simple_commands(words)) if command is not None)
    if found and _usage_notation(words):
        return tuple(replace(command, illustrative=True) for command in found)
    return found


def _usage_notation(words: Sequence[RawWord]) -> bool:
    """A bracket right after an argument, as a usage line groups choices (``prune_members
    (--dry-run | --commit)``); in a shell it would open nothing."""
    return any(
        word.operator and word.value.startswith("(") and index and not words[index - 1].operator
        for index, word in enumerate(words)
    )


def _word(raw: RawWord, line: LogicalLine) -> Word:
    return Word(raw.value, line.span(raw.start, raw.end))


def may_invoke(text: str) -> bool:
    """False when ``text`` surely runs no command: no launcher is written in it, and no
    quote or escape could spell one (``manage\\.py``)."""
    return "manage.py" in text or "django" in text or any(c in text for c in "'\"\\")


def invocations_in_line(line: LogicalLine) -> Iterator[Invocation]:
    if not may_invoke(line.text):
        return
    for found in _commands_in(line.text):
        args = tuple(_word(raw, line) for raw in found.args)
        yield Invocation(found.launcher, _word(found.command, line), args, found.illustrative, found.asks_help)


def invocations_in_block(page: Page, code: CodeBlock) -> list[Invocation]:
    """Every invocation in a shell (or language-less) code block of the page."""
    if code.language not in SHELL_LANGUAGES or not may_invoke(code.text):
        return []
    return [
        invocation
        for line in logical_lines(page, code)
        for invocation in invocations_in_line(line)
    ]
