"""Shell lines in documentation, read once for every rule that looks at commands: the
management commands they run (FD4) and the HTTP calls they make (FD5, ``curl`` and HTTPie).

A code block is read the way a shell would read it, closely enough for documentation:
prompts are dropped (``$ ``, ``(venv) $ ``, ``> ``, and root's ``# `` in a terminal
session), ``\\`` continuations are joined (every character keeps its page line and
column), comments are cut, ``&&``/``;``/``|`` chains are split and redirections removed.
Words are unquoted with :mod:`shlex`. The commands a line runs are read from its simple
commands by ``fd4_commands/invocations.py`` and ``fd5_endpoints/calls.py``.
"""

from __future__ import annotations

import bisect
import re
import shlex
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

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
#: ``<path>``, and ``<email|sms>`` that names the choices: a placeholder, not redirections
#: and a pipe.
_ANGLE_PLACEHOLDER = re.compile(r"<[A-Za-z_][\w.:/-]*(?:\|[\w.:/-]+)*>")
# The part of a word that needs no character-by-character reading.
_PLAIN_WORD = re.compile(r"[^\s;&|()<>'\"\\]*")
_ASSIGNMENT = re.compile(r"[A-Za-z_]\w*=")
_PREFIX_COMMANDS = frozenset({"sudo", "env", "time", "nohup", "exec", "command"})


@dataclass(frozen=True, slots=True)
class Word:
    """A shell word after quote removal, and where it is written on the page."""

    value: str
    span: Span


@dataclass(frozen=True, slots=True)
class RawWord:
    """A scanned word or operator: offsets into the logical line, value unquoted."""

    value: str
    start: int
    end: int
    operator: bool = False
    broken: bool = False  # unbalanced quotes: shlex could not read it


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
    if index == start + 2 and text.startswith("--(no-)", start):
        return _word_end(text, index + len("(no-)"))  # ``--(no-)notify``: a flag's two forms, no subshell
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
