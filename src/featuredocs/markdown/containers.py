"""The indented bodies of MkDocs' admonitions and content tabs (Python-Markdown's
``admonition``, ``pymdownx.details`` and ``pymdownx.tabbed``), moved left for the parser.

```markdown
=== "Options"

    | Option | Default |
    | --- | --- |
    | `--batch-size` | `200` |
```

CommonMark reads a body indented by four spaces as a code block, so a table, a list or a
sentence inside would be read as code. Each body line loses its container's indentation
before parsing, and the columns it lost are kept so that every position still points at
the page as written (see :class:`~featuredocs.markdown.positions.ShiftedSourceMap`).
"""

from __future__ import annotations

import re

#: ``!!! note "Title"``, ``??? tip``, ``???+ warning``, ``=== "curl"``, ``===+ "Tab"``.
_MARKER = re.compile(r"[ \t]*(?:(?:!!!|\?\?\?\+?)[ \t]+[\w-]|===\+?[ \t]+[\"'])")
_TAB_WIDTH = 4
_BODY_INDENT = 4


def dedented(text: str) -> tuple[str, dict[int, int]]:
    """``text`` with each container body's indentation removed, and for every line that
    lost some (0-based), how many characters it lost."""
    if "!!!" not in text and "???" not in text and "===" not in text:
        return text, {}  # most pages: no line is looked at
    lines = text.split("\n")
    open_bodies: list[int] = []  # the columns where the open containers' bodies start
    removed: dict[int, int] = {}
    for index, line in enumerate(lines):
        content = line.lstrip(" \t")
        if not content.strip():
            continue  # a blank line neither opens nor closes a body
        indent = _columns(line[: len(line) - len(content)])
        while open_bodies and indent < open_bodies[-1]:
            open_bodies.pop()
        if open_bodies:
            cut = _characters(line, open_bodies[-1])
            lines[index] = line[cut:]
            removed[index] = cut
        if _MARKER.match(line):
            open_bodies.append(indent + _BODY_INDENT)
    return ("\n".join(lines), removed) if removed else (text, removed)


def _columns(indentation: str) -> int:
    columns = 0
    for char in indentation:
        columns = columns + _TAB_WIDTH - columns % _TAB_WIDTH if char == "\t" else columns + 1
    return columns


def _characters(line: str, columns: int) -> int:
    """How many of ``line``'s leading blanks make up ``columns`` columns."""
    width = 0
    for count, char in enumerate(line):
        if width >= columns or char not in " \t":
            return count
        width = width + _TAB_WIDTH - width % _TAB_WIDTH if char == "\t" else width + 1
    return len(line)
