"""Shell lines in documentation, read once for every rule that looks at commands: the
management commands they run (FD4) and the HTTP calls they make (FD5, ``curl`` and HTTPie).

A code block is read the way a shell would read it, closely enough for documentation:
prompts are dropped (``$ ``, ``(venv) $ ``, ``> ``, and root's ``# `` in a terminal
session), ``\\`` continuations are joined (every character keeps its page line and
column), comments are cut, ``&&``/``;``/``|`` chains are split and redirections removed.
Words are unquoted with :mod:`shlex`. In each simple command, ``python manage.py X``,
``./manage.py X``, ``django-admin X`` and ``python -m django X`` are invocations of X,
whatever runs them (``VAR=1``, ``uv run``, ``docker compose exec web``).
"""

from __future__ import annotations

import bisect
import re
import shlex
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from functools import lru_cache

from featuredocs.model import CodeBlock, Page, Span

#: Languages whose blocks are shell sessions or scripts ('' is a block with no language).
SHELL_LANGUAGES = frozenset(
    {"", "bash", "sh", "shell", "console", "zsh", "shell-session", "shellsession", "terminal"}
)
#: Languages where lines without a prompt are the output of the previous command.
_SESSION_LANGUAGES = frozenset({"console", "shell-session", "shellsession", "terminal"})

_PROMPT_SHAPE = r"\s*(?:\([\w.-]+\)\s*)?(?:[\w.@~:/-]*[{marks}]|(?:PS(?: [A-Za-z]:[^>\n]*)?)?>)\s+"
_PROMPT = re.compile(_PROMPT_SHAPE.format(marks="$%"))
# In a terminal session ``#`` is root's prompt; in a script it starts a comment.
_SESSION_PROMPT = re.compile(_PROMPT_SHAPE.format(marks="$%#"))
_CONTINUATION_PROMPT = re.compile(r"\s*>\s")
_LINE_CONTINUES = re.compile(r"(?<!\\)(?:\\\\)*\\\s*$")
_PUNCTUATION = frozenset(";&|()<>")
_ANGLE_PLACEHOLDER = re.compile(r"<[A-Za-z_][\w.:/-]*>")
# The part of a word that needs no character-by-character reading.
_PLAIN_WORD = re.compile(r"[^\s;&|()<>'\"\\]*")
_ASSIGNMENT = re.compile(r"[A-Za-z_]\w*=")
_PYTHON = re.compile(r"(?:python[\d.]*|py|pypy[\d.]*)")
_PREFIX_COMMANDS = frozenset({"sudo", "env", "time", "nohup", "exec", "command"})
_RUNNERS = frozenset({"run", "exec"})
_ILLUSTRATIVE = re.compile(r"^\[|\]$|^<.+>$|\.\.\.|…|^\{.*\}$|[$`]")
_METAVAR = re.compile(r"[A-Z][A-Z0-9_]*")
#: Handled by ``manage.py`` itself, not commands: ``manage.py help``, ``manage.py version``.
BUILTINS = frozenset({"help", "version"})


@dataclass(frozen=True, slots=True)
class Word:
    """A shell word after quote removal, and where it is written on the page."""

    value: str
    span: Span


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
class RawWord:
    """A scanned word or operator: offsets into the logical line, value unquoted."""

    value: str
    start: int
    end: int
    operator: bool = False
    broken: bool = False  # unbalanced quotes: shlex could not read it


@dataclass(frozen=True, slots=True)
class _Command:
    """An :class:`Invocation` before its words are placed on the page."""

    launcher: str
    command: RawWord
    args: tuple[RawWord, ...]
    illustrative: bool


@dataclass(frozen=True, slots=True)
class LogicalLine:
    """One command line after joining continuations; ``pieces`` place it on the page:
    (offset in ``text``, page line, page column) where each joined part starts."""

    text: str
    pieces: tuple[tuple[int, int, int], ...]

    def span(self, start: int, end: int) -> Span:
        if not self.text or not self.pieces:
            return Span.at(1)
        first = self._place(start)
        last = self._place(max(end - 1, start))
        return Span(first[0], first[1], last[0], last[1] + 1)

    def _place(self, offset: int) -> tuple[int, int]:
        offset = min(offset, len(self.text) - 1)
        index = bisect.bisect_right(self.pieces, (offset, _LAST, _LAST)) - 1
        begin, line, column = self.pieces[max(index, 0)]
        return line, column + offset - begin


_LAST = float("inf")


# --- logical lines -------------------------------------------------------------------


def _physical_lines(page: Page, code: CodeBlock) -> Iterator[tuple[str, int, int]]:
    """(text, page line, column of the first character) of every line of the block."""
    for index, text in enumerate(code.text.splitlines()):
        line = code.first_line + index
        on_page = page.line_text(line)
        # Blocks nested in lists are indented on the page but not in ``code.text``.
        column = len(on_page) - len(text) + 1 if text and on_page.endswith(text) else 1
        yield text, line, column


def logical_lines(page: Page, code: CodeBlock) -> Iterator[LogicalLine]:
    """The block's commands, prompts removed and ``\\`` continuations joined."""
    physical = list(_physical_lines(page, code))
    session = code.language in _SESSION_LANGUAGES
    first_prompt = _SESSION_PROMPT if session else _PROMPT
    prompts_only = session and any(first_prompt.match(text) for text, _, _ in physical)
    parts: list[str] = []
    pieces: list[tuple[int, int, int]] = []
    size = 0
    for text, line, column in physical:
        pattern = _CONTINUATION_PROMPT if parts else first_prompt
        prompt = pattern.match(text) if (prompts_only or not parts) else None
        if not parts and prompts_only and prompt is None:
            continue  # output of the previous command
        offset = prompt.end() if prompt else 0
        body = text[offset:]
        continued = _LINE_CONTINUES.search(body)
        if continued:
            body = body[: continued.start()] + body[continued.start():].rstrip()[:-1]
        parts.append(body)
        if body:
            pieces.append((size, line, column + offset))
            size += len(body)
        if not continued:
            yield LogicalLine("".join(parts), tuple(pieces))
            parts, pieces, size = [], [], 0
    if parts:
        yield LogicalLine("".join(parts), tuple(pieces))


# --- words ---------------------------------------------------------------------------


def _word_end(text: str, start: int) -> int:
    """End offset of the shell word starting at ``start`` (quotes and escapes kept)."""
    index = _PLAIN_WORD.match(text, start).end()  # type: ignore[union-attr]
    if index < len(text) and text[index] in "'\"\\<":
        return _quoted_word_end(text, index)
    return index


def _quoted_word_end(text: str, start: int) -> int:
    """:func:`_word_end` from a quote, an escape or a ``<``, character by character."""
    index, quote = start, ""
    while index < len(text):
        char = text[index]
        if quote:
            if char == "\\" and quote == '"':
                index += 2
                continue
            if char == quote:
                quote = ""
            index += 1
        elif char in "'\"":
            quote = char
            index += 1
        elif char == "\\":
            index += 2
        elif char == "<" and (angle := _ANGLE_PLACEHOLDER.match(text, index)):
            index = angle.end()
        elif char.isspace() or char in _PUNCTUATION:
            break
        else:
            index += 1
    return min(index, len(text))


def _unquote(raw: str) -> tuple[str, bool]:
    if not any(char in raw for char in "'\"\\"):
        return raw, False
    try:
        words = shlex.split(raw)
    except ValueError:
        return raw, True
    return (words[0] if words else ""), False


def value_offsets(text: str, word: RawWord) -> tuple[int, ...]:
    """Where each character of ``word.value`` is written in ``text``, the line it was scanned
    from, so that a part of a quoted word can be placed on the page."""
    raw = text[word.start : word.end]
    if word.broken or raw == word.value:
        return tuple(range(word.start, word.start + len(word.value)))
    found: list[int] = []
    index, quote = 0, ""
    while index < len(raw):
        char = raw[index]
        # As shlex reads it: inside double quotes a backslash only escapes ``"`` and ``\``.
        escapes = char == "\\" and index + 1 < len(raw) and (
            quote == "" or (quote == '"' and raw[index + 1] in '"\\')
        )
        if escapes:
            index += 1
            found.append(index)
        elif char == quote:
            quote = ""
        elif char in "'\"" and not quote:
            quote = char
        else:
            found.append(index)
        index += 1
    return tuple(word.start + offset for offset in found)


def scan(text: str) -> list[RawWord]:
    """Split a command line into words and operators; a word-initial ``#`` ends it."""
    found: list[RawWord] = []
    index = 0
    while index < len(text):
        char = text[index]
        if char.isspace():
            index += 1
        elif char == "#":
            break
        elif char in _PUNCTUATION and not _ANGLE_PLACEHOLDER.match(text, index):
            end = index
            while end < len(text) and text[end] in _PUNCTUATION:
                end += 1
            found.append(RawWord(text[index:end], index, end, operator=True))
            index = end
        else:
            end = max(_word_end(text, index), index + 1)
            value, broken = _unquote(text[index:end])
            found.append(RawWord(value, index, end, broken=broken))
            index = end
    return found


def simple_commands(words: Sequence[RawWord]) -> Iterator[list[RawWord]]:
    """The words of each simple command: chains split, redirections dropped."""
    current: list[RawWord] = []
    skip_target = False
    for position, word in enumerate(words):
        if word.operator and ("<" in word.value or ">" in word.value):
            # ``2>&1``: the descriptor number is glued to the operator.
            if current and current[-1].end == word.start and current[-1].value.isdigit():
                current.pop()
            skip_target = True  # the file (or descriptor) it redirects to
            continue
        if word.operator:
            if current:
                yield current
            current, skip_target = [], False
            continue
        if skip_target:
            skip_target = False
            continue
        current.append(word)
    if current:
        yield current


def first_command_word(words: Sequence[RawWord]) -> int:
    """The index of the word a simple command runs, past ``VAR=1`` and ``sudo``-like prefixes."""
    index = 0
    while index < len(words) and (
        _ASSIGNMENT.match(words[index].value) or words[index].value in _PREFIX_COMMANDS
    ):
        index += 1
    return index


# --- invocations ---------------------------------------------------------------------


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
        return _Command(launcher, words[index + 1], (), True)  # ``help X`` names X, runs nothing
    if words[index].value in BUILTINS:
        return None
    command, rest = words[index], tuple(words[index + 1:])
    illustrative = any(raw.broken or is_illustrative(raw.value) for raw in rest)
    return _Command(launcher, command, rest, illustrative)


@lru_cache(maxsize=4096)  # pages repeat the same few command lines
def _commands_in(text: str) -> tuple[_Command, ...]:
    found = (_command_in(words) for words in simple_commands(scan(text)))
    return tuple(command for command in found if command is not None)


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
        yield Invocation(found.launcher, _word(found.command, line), args, found.illustrative)


def invocations_in_block(page: Page, code: CodeBlock) -> list[Invocation]:
    """Every invocation in a shell (or language-less) code block of the page."""
    if code.language not in SHELL_LANGUAGES or not may_invoke(code.text):
        return []
    return [
        invocation
        for line in logical_lines(page, code)
        for invocation in invocations_in_line(line)
    ]
