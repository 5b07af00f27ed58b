"""``manage.py`` commands run from configuration files: a CI workflow's ``run:``, a
Procfile, a crontab, a supervisor or systemd unit, a Dockerfile's ``RUN``.

Such a file is no shell script, but the command it runs is a shell command line: each
line that launches ``manage.py`` (or ``django-admin``) is read from the launcher on, to
the end of the line or to the quote that opened before it, with the shell reader. A
command written as a list of strings (``CMD ["python", "manage.py", "migrate"]``, a
Kubernetes ``command:``) is read word by word. A block without a language is read so
when the shell reader finds no command in it (``worker: python manage.py …``).
"""

from __future__ import annotations

import re
import shlex
from collections.abc import Iterator

from featuredocs.model import CodeBlock, Page
from featuredocs.rules.fd8_code.source import code_lines
from featuredocs.rules.fd4_commands.invocations import Invocation, invocations_in_line
from featuredocs.rules.shell import LogicalLine

CONFIG_LANGUAGES = frozenset({
    "yaml", "yml", "toml", "ini", "cfg", "conf", "procfile", "dockerfile", "docker",
    "containerfile", "crontab", "cron", "systemd", "makefile", "make", "just", "justfile",
})
#: The launcher (``python …/manage.py``, ``./manage.py``, ``django-admin``) and what runs it.
_LAUNCHER = re.compile(
    r"(?:(?<=[\s\"'=:\[,])|^)(?:\S*python[\d.]*\s+(?:-\S+\s+)*)?\S*(?:manage\.py|django-admin(?:\.py)?)(?=\s)"
)


def config_invocations(page: Page, code: CodeBlock) -> list[Invocation]:
    """Every ``manage.py`` invocation a configuration file in ``code`` runs."""
    if code.language not in CONFIG_LANGUAGES and code.language != "":
        return []
    if "manage.py" not in code.text and "django-admin" not in code.text:
        return []
    return [invocation for line in _command_lines(page, code) for invocation in invocations_in_line(line)]


def _command_lines(page: Page, code: CodeBlock) -> Iterator[LogicalLine]:
    for located in code_lines(page, code):
        text = located.text
        if text.lstrip().startswith(("#", ";")):
            continue  # a comment: a command switched off is not run
        found = _launched(text, located.line, located.column) or _listed(text, located.line, located.column)
        if found is not None:
            yield found


def _launched(text: str, line: int, column: int) -> LogicalLine | None:
    match = _LAUNCHER.search(text)
    if match is None:
        return None
    start = match.start()
    # inside a quoted string (``run: "cd shop && ./manage.py …"``) the command ends with it
    opening = next((quote for quote in "\"'" if text.count(quote, 0, start) % 2), None)
    end = text.find(opening, match.end()) if opening else -1
    return LogicalLine(text[start : end if end >= 0 else len(text)], ((0, line, column + start),))


_STRING = re.compile(r'"((?:[^"\\\n]|\\.)*)"')


def _listed(text: str, line: int, column: int) -> LogicalLine | None:
    """``["python", "manage.py", "expire_orders", "--dry-run"]``: each word placed where it
    is written."""
    if "[" not in text:
        return None
    strings = list(_STRING.finditer(text, text.index("[")))
    first = next((i for i, m in enumerate(strings) if m.group(1).endswith(("manage.py", "django-admin"))), None)
    if first is None:
        return None
    if first and "python" in strings[first - 1].group(1):
        first -= 1
    words, pieces, size = [], [], 0
    for found in strings[first:]:
        word = shlex.quote(found.group(1))
        pieces.append((size, line, column + found.start(1) - (len(word) - len(found.group(1))) // 2))
        words.append(word)
        size += len(word) + 1
    return LogicalLine(" ".join(words), tuple(pieces))
