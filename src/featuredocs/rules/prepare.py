"""Page-only work the rules share, done before the project's facts are known.

A cold check reads the facts in a child process. While it does, the pages are parsed,
and whatever time is left goes to the claims each family extracts from a page alone
(its text and the template), which its rules later read through ``ctx.memo``: the
same values, computed earlier, on a core that would otherwise wait.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

from featuredocs.model import Page
from featuredocs.rules.base import CheckContext
from featuredocs.rules.fd1_template.outline import outline_of
from featuredocs.rules.fd1_template.placeholders import placeholders_of
from featuredocs.rules.fd2_links.targets import targets_of
from featuredocs.rules.fd3_models.claims import page_claims
from featuredocs.rules.fd4_commands.claims import claims_for as command_claims
from featuredocs.rules.fd5_endpoints.claims import claims_for as endpoint_claims
from featuredocs.rules.fd6_config.claims import claims_for as config_claims
from featuredocs.rules.fd7_cache.claims import claims_for as cache_claims
from featuredocs.rules.fd8_code.claims import claims_for as code_claims
from featuredocs.rules.fd8_orm.references import page_program

Extractor = Callable[[Page, CheckContext], object]

#: What each family's rules read of a page without the facts, by the family's code prefix.
#: None of these reads ``ctx.facts`` or another page (link targets read the docs root).
_PAGE_ONLY: dict[str, tuple[Extractor, ...]] = {
    "FD1": (outline_of, placeholders_of),
    "FD2": (targets_of,),
    "FD3": (page_claims,),
    "FD4": (command_claims,),
    "FD5": (endpoint_claims,),
    "FD6": (config_claims,),
    "FD7": (cache_claims,),
    # The ORM rules read a page's program only when its examples name a model; working
    # it out for every page costs nothing while the core would otherwise wait.
    "FD8": (code_claims, page_claims, page_program),
}


def extractors_for(codes: Iterable[str]) -> tuple[Extractor, ...]:
    """The page-only extractors the rules with these codes read, each once."""
    chosen: dict[Extractor, None] = {}
    for code in codes:
        for extractor in _PAGE_ONLY.get(code[:3], ()):
            chosen[extractor] = None
    return tuple(chosen)


def prepare(page: Page, ctx: CheckContext, extractors: tuple[Extractor, ...]) -> None:
    """Fill ``ctx``'s memo for ``page``. A failure is left for the rule itself to meet
    again, where it is reported like any failure of that rule."""
    for extractor in extractors:
        try:
            extractor(page, ctx)
        except Exception:  # noqa: BLE001 - the rule recomputes it and fails in its place
            continue
