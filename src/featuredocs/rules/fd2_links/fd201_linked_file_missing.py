from __future__ import annotations

from collections.abc import Iterator
from pathlib import PurePosixPath

from featuredocs.model import DocSet, Finding, Page, Severity
from featuredocs.rules.base import CheckContext, Rule
from featuredocs.rules.fd2_links.targets import LinkTarget, exists, targets_of
from featuredocs.rules.registry import register
from featuredocs.rules.suggest import closest


@register
class LinkedFileMissing(Rule):
    """A link or image points at a file that does not exist.

    What it does:
        Resolves every relative link and image of every page from the page's folder and
        checks that the file (or folder) exists: files inside the docs root against the
        docs tree, files outside it (`../../orders/models.py`) on disk. Web links
        (`https:`, `mailto:` …) and same-page `#anchor` links are not checked here.

    Why is this bad?
        A broken link is a dead end for the reader, and usually means a page was renamed
        or moved without its links being updated.

    Example:
        ```markdown
        See the [commands reference](../command.md).
        ```

    Use instead:
        ```markdown
        See the [commands reference](../commands.md).
        ```

    Fix safety:
        No fix: a similar name is offered as a hint, but only a person can tell whether it
        is the page that was meant.
    """

    code = "FD201"
    name = "LinkedFileMissing"
    summary = "linked file missing"
    severity = Severity.ERROR
    all_pages = True

    def check(self, page: Page, ctx: CheckContext) -> Iterator[Finding]:
        for target in targets_of(page, ctx):
            if target.same_page or exists(target, ctx.docset):
                continue
            kind = "image" if target.link.image else "linked file"
            yield self.finding(
                page,
                target.link.span,
                f"{kind} `{target.path}` does not exist",
                hint=_hint(target, ctx.docset),
            )


def _hint(target: LinkTarget, docset: DocSet) -> str | None:
    """A file with a close name in the folder the link points into."""
    folder = target.file.parent
    if target.rel is not None:
        parent = PurePosixPath(target.rel).parent.as_posix()
        prefix = "" if parent == "." else parent + "/"
        names = [f[len(prefix) :] for f in docset.files if f.startswith(prefix)]
        names = [n for n in names if "/" not in n]
    else:
        try:
            names = [p.name for p in folder.iterdir()] if folder.is_dir() else []
        except OSError:
            names = []
    match = closest(target.file.name, names)
    if match is None:
        return None
    written = PurePosixPath(target.path)
    return f"did you mean `{(written.parent / match).as_posix()}`?"
