from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from featuredocs.model import Finding, Page, Severity
from featuredocs.rules.base import CheckContext, Rule
from featuredocs.rules.fd2_links.targets import PAGE_SUFFIXES, targets_of
from featuredocs.rules.registry import register


@register
class SourceLineOutOfRange(Rule):
    """A `file#L10` link points past the end of the file.

    What it does:
        For links to source files with a GitHub line anchor (`models.py#L42`,
        `models.py#L40-L55`), checks that the lines exist in the file today.

    Why is this bad?
        Line links rot as the file changes: when the file shrinks, the link shows the end
        of the file or nothing at all, and the reader loses the code the page meant.

    Example:
        ```markdown
        See [the expiry query](../../orders/models.py#L240).
        ```

    Use instead:
        ```markdown
        See [`Order.expire_unpaid`](../../orders/models.py#L88-L104).
        ```

    Fix safety:
        No fix: which lines were meant is for a person to find.
    """

    code = "FD203"
    name = "SourceLineOutOfRange"
    summary = "source line anchor out of range"
    severity = Severity.ERROR
    all_pages = True

    def __init__(self) -> None:
        self._line_counts: dict[Path, int | None] = {}

    def check(self, page: Page, ctx: CheckContext) -> Iterator[Finding]:
        for target in targets_of(page, ctx):
            lines = target.line_range
            if lines is None or target.same_page or target.path.lower().endswith(PAGE_SUFFIXES):
                continue
            count = self._count(target.file)
            if count is None or max(lines) <= count:
                continue
            yield self.finding(
                page,
                target.link.span,
                f"`{target.path}` has {count} lines; `#{target.fragment}` is past its end",
                hint=f"the file ends at line {count}; update the line anchor",
            )

    def _count(self, file: Path) -> int | None:
        if file not in self._line_counts:
            self._line_counts[file] = _line_count(file)
        return self._line_counts[file]


def _line_count(file: Path) -> int | None:
    """Lines as GitHub numbers them; None when the file cannot be read (FD201's job)."""
    try:
        data = file.read_bytes()
    except OSError:
        return None
    if not data:
        return 0
    return data.count(b"\n") + (0 if data.endswith(b"\n") else 1)
