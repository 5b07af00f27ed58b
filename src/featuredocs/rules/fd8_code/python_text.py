"""A Python block's text made ready for ``ast``: an interactive session's prompts removed
and its output lines blanked, a timing magic's statement kept, the common indentation
cut; with how many characters each line lost, so positions map back to the page."""

from __future__ import annotations

import functools
import re

#: The prompts of an interactive session: the REPL's ``>>> ``/``... ``, IPython's
#: ``In [1]: ``/``   ...: ``.
_PROMPT = re.compile(r"^(>>>|\.\.\.|In \[\d*\]:|\s+\.{3,}:)( |$)")
_SESSION_MARKS = (">>>", "...", "In [")


class Prepared:
    """A Python block's text for ``ast``: ``lines`` one per block line, ``removed[i]``
    the characters cut from the start of line ``i`` (prompt and indentation), ``text``
    the lines joined with a final newline."""

    __slots__ = ("lines", "removed", "text", "source_lines")

    def __init__(self, lines: list[str], removed: tuple[int, ...]) -> None:
        self.lines = tuple(lines)
        self.removed = removed
        self.text = "\n".join(lines) + "\n"
        self.source_lines = self.text.split("\n")

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Prepared) and (self.text, self.removed) == (other.text, other.removed)

    __hash__ = None  # type: ignore[assignment]


@functools.lru_cache(maxsize=8192)
def prepared_python(raw: str) -> tuple[Prepared, Prepared]:
    """A block's text for ``ast`` as the model family reads it and as the code family
    does, once per distinct text. They differ only for prompts, tabs and blank lines
    longer than the indentation; nearly always both are one object."""
    texts = raw.splitlines()
    if not any(mark in raw for mark in _SESSION_MARKS) and any(t and not t[0].isspace() for t in texts):
        same = Prepared(texts, (0,) * len(texts))  # no prompt, and nothing to dedent
        return same, same
    models, code = models_text(texts), _code_text(raw, texts)
    return (code, code) if models == code else (models, code)


def _code_text(raw: str, texts: list[str]) -> Prepared:
    removed = [0] * len(texts)
    if any(mark in raw for mark in _SESSION_MARKS) and any(_PROMPT.match(t) for t in texts):
        texts, removed = _strip_prompts(texts)
        texts, removed = _timed(texts, removed)
    # a line that starts at its first column leaves nothing common to strip
    flush = any(t and not t[0].isspace() for t in texts)
    indent = 0 if flush else min((len(t) - len(t.lstrip()) for t in texts if t.strip()), default=0)
    if indent:
        texts = [t[indent:] if t.strip() else "" for t in texts]
        removed = [r + indent for r in removed]
    return Prepared(texts, tuple(removed))


def _strip_prompts(texts: list[str]) -> tuple[list[str], list[int]]:
    """Keep what follows a prompt; output lines of the session become blank."""
    kept: list[str] = []
    removed: list[int] = []
    for text in texts:
        match = _PROMPT.match(text)
        if match:
            kept.append(text[match.end():])
            removed.append(match.end())
        else:
            kept.append("")
            removed.append(0)
    return kept, removed


#: IPython's timing magics run the statement that follows them: ``%timeit -n 10 Order.objects…``.
_TIMING_MAGIC = re.compile(r"%{1,2}(?:timeit|time|prun)\b(?:\s+-[A-Za-z]+(?:\s+\d+)?)*\s+")


def _timed(lines: list[str], shifts: list[int]) -> tuple[list[str], list[int]]:
    """The session's lines with a timing magic's statement in place of the magic."""
    if not any(line.startswith("%") for line in lines):
        return lines, shifts
    timed, moved = [], []
    for line, shift in zip(lines, shifts, strict=True):
        magic = _TIMING_MAGIC.match(line)
        timed.append(line[magic.end():] if magic else line)
        moved.append(shift + magic.end() if magic else shift)
    return timed, moved


def models_text(lines: list[str]) -> Prepared:
    """The model family's reading: a session is one with a line opening ``>>>`` or
    ``In [``; its prompts go and other lines become blank; blocks whose every line is
    indented with spaces lose the common indentation."""
    shifts = [0] * len(lines)
    if any(line.startswith((">>>", "In [")) for line in lines):
        stripped = []
        for index, line in enumerate(lines):
            prompt = _PROMPT.match(line)
            if prompt is not None and prompt.group(2):
                stripped.append(line[prompt.end():])
                shifts[index] = prompt.end()
            else:
                stripped.append("")  # a bare prompt, or printed output: not code
        lines, timed = _timed(stripped, shifts)
        shifts = list(timed)
    if any(line[:1] != " " and line.strip() for line in lines):  # one line is not indented
        return Prepared(lines, tuple(shifts))
    indent = min((len(line) - len(line.lstrip(" ")) for line in lines if line.strip()), default=0)
    if not indent:
        return Prepared(lines, tuple(shifts))
    return Prepared([line[indent:] for line in lines], tuple(shift + indent for shift in shifts))
