"""Pages edited in memory: new text, parsed again, in a docs set that knows them."""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from featuredocs.fix.apply import FileChange
from featuredocs.markdown import parse_page
from featuredocs.model import DocSet, Page


def reparsed(page: Page, text: str) -> Page:
    """``page`` with ``text``, parsed the way it would be read from disk."""
    return parse_page(text, path=page.path, rel=page.rel, display=page.display)


def with_texts(docset: DocSet, texts: Mapping[str, str], *, parse: bool = True) -> DocSet:
    """``docset`` with the pages named in ``texts`` (by rel path) given new text: parsed,
    or (``parse`` false) holding nothing but their names and text."""
    if not texts:
        return docset
    pages = tuple(
        (reparsed(page, texts[page.rel]) if parse else Page(page.path, page.rel, page.display, texts[page.rel]))
        if page.rel in texts and texts[page.rel] != page.text else page
        for page in docset.pages
    )
    return DocSet(docset.root, pages, docset.files)


def changes_between(before: DocSet, after: DocSet) -> list[FileChange]:
    """The pages whose text differs between two versions of one docs set, in page order."""
    old = {page.rel: page for page in before.pages}
    return [
        FileChange(page.path, page.display, old[page.rel].text, page.text)
        for page in after.pages
        if page.rel in old and old[page.rel].text != page.text
    ]


def pages_by_display(pages: Iterable[Page]) -> dict[str, Page]:
    return {page.display: page for page in pages}
