from __future__ import annotations

from bisect import bisect_left
from collections.abc import Iterator

from featuredocs.model import Finding, Page, Section, Severity
from featuredocs.model.template import SectionSpec
from featuredocs.rules.base import CheckContext, Rule
from featuredocs.rules.fd1_template.outline import outline_of
from featuredocs.rules.registry import register


@register
class SectionOutOfOrder(Rule):
    """The template's sections are all there, but not in the template's order.

    What it does:
        Compares the order of the page's `## ` sections that the template names with the
        template's order, and reports the fewest sections that would have to move.

    Why is this bad?
        Every feature page reads the same way: a reader who knows where *Configuration*
        sits on one page finds it at once on the next. A page in its own order makes
        pages harder to compare and to review side by side.

    Example:
        ```markdown
        ## Overview
        ## Configuration
        ## Architecture
        ```

    Use instead:
        ```markdown
        ## Overview
        ## Architecture
        ## Configuration
        ```

    Fix safety:
        No fix: moving a section moves prose a person should re-read.
    """

    code = "FD102"
    name = "SectionOutOfOrder"
    summary = "section out of template order"
    severity = Severity.WARNING

    def check(self, page: Page, ctx: CheckContext) -> Iterator[Finding]:
        matched = outline_of(page, ctx).matched
        order = {spec.title: index for index, spec in enumerate(ctx.schema.sections)}
        ranks = [order[spec.title] for spec, _ in matched]
        keep = _longest_increasing(ranks)
        kept = [matched[i] for i in sorted(keep)]
        for index, (spec, section) in enumerate(matched):
            if index in keep:
                continue
            yield self.finding(
                page,
                section.heading.span,
                f"section `## {section.title}` is out of template order",
                hint=_where(spec, order, kept),
            )


def _where(
    spec: SectionSpec, order: dict[str, int], kept: list[tuple[SectionSpec, Section]]
) -> str:
    rank = order[spec.title]
    before = [section for other, section in kept if order[other.title] < rank]
    if before:
        return f"move it after `## {before[-1].title}`"
    return f"move it before `## {kept[0][1].title}`" if kept else "follow the template order"


def _longest_increasing(values: list[int]) -> set[int]:
    """Indices of one longest strictly increasing subsequence (patience sorting)."""
    tails: list[int] = []  # values
    tail_index: list[int] = []  # index in ``values`` of each tail
    parent: list[int] = [-1] * len(values)
    for index, value in enumerate(values):
        position = bisect_left(tails, value)
        if position:
            parent[index] = tail_index[position - 1]
        if position == len(tails):
            tails.append(value)
            tail_index.append(index)
        else:
            tails[position] = value
            tail_index[position] = index
    chosen: set[int] = set()
    current = tail_index[-1] if tail_index else -1
    while current != -1:
        chosen.add(current)
        current = parent[current]
    return chosen
