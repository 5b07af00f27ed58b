"""Files of the project a page names in inline code: `orders/services.py`,
`orders/models/order.py:42`, `./catalog/importers.py`.

A reader opens such a file; when it was renamed or moved the page sends them nowhere.
Only Python files are read, each as the module it is (``orders/models/order.py`` is
``orders.models.order``), and only in a package of the project's own that the facts
know (its tests and migrations are not among them).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache

from featuredocs.model import Page, Span
from featuredocs.rules.other_times import at_other_times, speaks_of_change

#: Whether a line tells of a change, once per distinct line: the lines that name a file
#: (an app's "Key Components") recur from page to page, and the test reads the whole line.
_tells_of_change = lru_cache(maxsize=4096)(speaks_of_change)

_FILE = re.compile(r"(?:\./)?(?P<path>[A-Za-z_][\w-]*(?:/[A-Za-z_][\w-]*)+\.py)(?::\d+(?::\d+)?|#L\d+(?:-L\d+)?)?")


@dataclass(frozen=True, slots=True)
class FileClaim:
    """``path`` as written, the module it is, and the span of the path."""

    path: str
    module: str
    span: Span


def file_claims(page: Page) -> Iterator[FileClaim]:
    if ".py" not in page.text:
        return
    for code in page.codes:
        if ".py" not in code.text or code.span.line != code.span.end_line:
            continue
        found = _FILE.fullmatch(code.text.strip())
        if found is None:
            continue
        line = page.line_text(code.span.line)
        if _tells_of_change(line) or at_other_times(page, code.span.line):
            continue
        path = found["path"]
        column = line.find(path, code.span.column - 1)
        if column < 0:
            continue
        module = path[: -len(".py")].replace("/", ".").removesuffix(".__init__")
        yield FileClaim(path, module, Span.at(code.span.line, column + 1, len(path)))
