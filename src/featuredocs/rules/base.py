"""What every rule is: a small class with a stable code, a docstring and a check."""

from __future__ import annotations

import functools
import re
import textwrap
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, ClassVar, TypeVar

from featuredocs.model import DocSet, Finding, Fix, Page, ProjectFacts, Severity, Span, reads
from featuredocs.model.examples import Executions
from featuredocs.model.page import REFERENCE_PAGES
from featuredocs.model.template import TemplateSchema

T = TypeVar("T")

DOC_SECTIONS = ("What it does", "Why is this bad?", "Example", "Use instead", "Fix safety")


@dataclass
class CheckContext:
    """Everything a rule may read. Rules never import Django or the Markdown parser.

    ``facts`` is None when the project could not be introspected; rules with
    ``needs_facts`` are then not run. ``executions`` holds what failed when the pages'
    examples were run (``check --execute``), None when they were not. ``memo`` lets rules of one family share the claims
    they extract from a page instead of extracting them once per rule.
    """

    docset: DocSet
    schema: TemplateSchema
    facts: ProjectFacts | None = None
    project_root: Path | None = None
    feature_pages: frozenset[str] = frozenset()  # rel paths of the feature pages
    executions: Executions | None = None
    _memo: dict[tuple[str, str], Any] = field(default_factory=dict, repr=False)

    def is_feature(self, page: Page) -> bool:
        return page.rel in self.feature_pages

    def memo(self, key: str, page: Page, compute: Callable[[Page], T]) -> T:
        slot = (key, page.rel)
        if slot not in self._memo:
            self._memo[slot] = compute(page)
        return self._memo[slot]


def per_facts(build: Callable[[ProjectFacts], T]) -> Callable[[ProjectFacts], T]:
    """Decorator: ``build(facts)`` computed once per facts object, for the indexes rules
    look facts up in instead of scanning them for every claim of every page.

    Keeps the result for the last facts it was given (one per run), recognised by
    identity: facts never change, and hashing them would cost more than the index saves.
    Every page that uses the index depends on what building it read, so it is built
    under :func:`featuredocs.model.reads.shared`, and again once a recording starts.
    """
    last: list[tuple[ProjectFacts, int, T]] = []

    @functools.wraps(build)
    def built(facts: ProjectFacts) -> T:
        if last and last[0][0] is facts and last[0][1] == reads.generation():
            return last[0][2]
        with reads.shared():
            value = build(facts)
        last[:] = [(facts, reads.generation(), value)]
        return value

    return built


def asked_index(build: Callable[[ProjectFacts], T]) -> Callable[[ProjectFacts], T]:
    """Decorator: like :func:`per_facts`, for an index that pages only ask questions of
    (``model/reads.asking``): a page depends on the answers it got, so building the index
    notes nothing. Kept for the last facts given: comparing two versions of the facts asks
    all questions of one, then of the other."""
    last: list[tuple[ProjectFacts, T]] = []

    @functools.wraps(build)
    def built(facts: ProjectFacts) -> T:
        if not last or last[0][0] is not facts:
            with reads.unnoted():
                last[:] = [(facts, build(facts))]
        return last[0][1]

    return built


def per_page(build: Callable[[Page], T]) -> Callable[[Page], T]:
    """Decorator: ``build(page)`` computed once while the rules check one page, for what
    several rules read from it (an outline of its sections) but no context reaches.

    Keeps the result for the last page it was given, recognised by identity: the rules
    check one page after another, and pages never change.
    """
    last: list[tuple[Page, T]] = []  # holding the page keeps its identity unique

    @functools.wraps(build)
    def built(argument: Page) -> T:
        if last and last[0][0] is argument:
            return last[0][1]
        value = build(argument)
        last[:] = [(argument, value)]
        return value

    return built


class Rule:
    """Base of every rule. Subclasses set the class attributes and implement ``check``.

    The docstring is the rule's explanation (``featuredocs rule CODE``) and must have the
    sections in :data:`DOC_SECTIONS`, each as a line ending in ``:`` or a ``## `` heading.
    """

    code: ClassVar[str]
    name: ClassVar[str]  # names the problem: "UndocumentedField", "BrokenHeadingAnchor"
    summary: ClassVar[str]  # one line for `featuredocs rules` and SARIF shortDescription
    severity: ClassVar[Severity] = Severity.ERROR
    needs_facts: ClassVar[bool] = False
    #: "page" rules run once per page; "docset" rules once per run (see check_docset).
    scope: ClassVar[str] = "page"
    #: False: only feature pages (the configured page globs, ``features/**`` by default).
    #: True: every Markdown file under the docs root (links, command mentions).
    all_pages: ClassVar[bool] = False
    #: True: also the reference pages ``featuredocs index`` writes (``README.md``,
    #: ``commands.md``, ``api.md`` at the docs root), which describe the project as it
    #: is now; other pages (guides, changelogs, decision records) may tell its history.
    reference_pages: ClassVar[bool] = False

    @classmethod
    def runs_on(cls, page: Page, ctx: CheckContext) -> bool:
        """Whether this rule checks ``page``."""
        if cls.all_pages or ctx.is_feature(page):
            return True
        return cls.reference_pages and page.rel in REFERENCE_PAGES

    def check(self, page: Page, ctx: CheckContext) -> Iterable[Finding]:
        return ()

    def check_docset(self, ctx: CheckContext) -> Iterable[Finding]:
        return ()

    def finding(
        self,
        page: Page,
        span: Span,
        message: str,
        hint: str | None = None,
        fix: Fix | None = None,
        *,
        endpoint: str | None = None,
    ) -> Finding:
        return Finding(self.code, self.severity, page.display, span, message, hint, fix, endpoint)

    @classmethod
    def explanation(cls) -> str:
        doc = (cls.__doc__ or "").strip("\n")
        lines = doc.splitlines()
        indent = min((len(l) - len(l.lstrip()) for l in lines[1:] if l.strip()), default=0)
        body = "\n".join([lines[0].strip()] + [l[indent:] for l in lines[1:]]) if lines else ""
        return f"{cls.code} {cls.name} ({cls.severity.value})\n\n{body.strip()}\n"

    @classmethod
    def doc_section(cls, title: str) -> str:
        """The text of one docstring section (``What it does`` …), '' when missing."""
        text = cls.explanation()
        titles = "|".join(re.escape(t) for t in DOC_SECTIONS)
        pattern = rf"^(?:## )?{re.escape(title)}:?\s*$\n(.*?)(?=^(?:## )?(?:{titles}):?\s*$|\Z)"
        match = re.search(pattern, text, flags=re.M | re.S)
        return textwrap.dedent(match.group(1)).strip() if match else ""
